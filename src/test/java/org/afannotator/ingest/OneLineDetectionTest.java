package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.afannotator.domain.BadInputException;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is one line of text is JSON Lines however its record ends, so detection stops at a
 * Redwood record's {@code messages} field instead of parsing the whole file twice; a bad rest of
 * the record is then reported by the import, with file, record, line and reason.
 */
class OneLineDetectionTest {
    @TempDir
    Path dir;

    static boolean oneLine(String s) throws Exception {
        InputStream in = Encoding.skipBom(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
        boolean one = FormatDetector.oneLine(in);
        // the stream is put back: the first byte is still there
        assertThat(in.read()).isEqualTo(s.isEmpty() ? -1 : s.charAt(0));
        return one;
    }

    @Test
    void oneLineIsALineBreakOnlyAfterTheLastNonBlankCharacter() throws Exception {
        assertThat(oneLine("{\"a\": 1}")).isTrue();
        assertThat(oneLine("{\"a\": 1}\r\n  \n")).isTrue();
        assertThat(oneLine("{\"a\": \"x\\ny\"}\n")).isTrue(); // an escaped line break is not one
        assertThat(oneLine("{\"a\": 1}\n{\"a\": 2}\n")).isFalse();
        assertThat(oneLine("{\n\"a\": 1}")).isFalse();
        assertThat(oneLine("{\"a\": \"" + "x".repeat(FormatDetector.LOOK_AHEAD) + "\"}")).isFalse(); // too long to know
    }

    @Test
    void aOneLineRedwoodFileIsJsonLinesAndImportsAsBefore() throws Exception {
        Path f = dir.resolve("0.json");
        Files.writeString(f, MalformedInputTest.RW_OK + "\n");
        try (SourceSet set = SourceSet.of(java.util.List.of(f))) {
            FormatDetector.Detection d = FormatDetector.detect(set.sources().get(0), ColumnMapping.DEFAULT);
            assertThat(d.format()).isEqualTo(InputFormat.REDWOOD_JSON);
            assertThat(d.layout()).isEqualTo(FormatDetector.Layout.JSONL);
        }
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.afproj"))) {
            assertThat(ImporterFormatsTest.run(store, ImportOptions.defaults(), f).transcriptsAdded()).isEqualTo(1);
        }
    }

    @Test
    void aOneLineRedwoodFileCutShortIsRefusedAsTruncatedWithRecordAndLine() throws Exception {
        Path f = dir.resolve("cut.json");
        String whole = MalformedInputTest.RW_OK;
        Files.writeString(f, whole.substring(0, whole.indexOf("Hi")));
        try (SourceSet set = SourceSet.of(java.util.List.of(f))) {
            // detection reads only to the messages field: the format is known
            assertThat(FormatDetector.detect(set.sources().get(0), ColumnMapping.DEFAULT).format())
                    .isEqualTo(InputFormat.REDWOOD_JSON);
        }
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.afproj"))) {
            assertThatThrownBy(() -> ImporterFormatsTest.run(store, ImportOptions.defaults(), f))
                    .isInstanceOfSatisfying(BadInputException.class, e -> {
                        assertThat(e.file()).endsWith("cut.json");
                        assertThat(e.record()).isZero();
                        assertThat(e.getMessage()).contains("truncated").contains("(line 1)");
                    });
            assertThat(store.transcripts().count()).isZero();
        }
    }
}
