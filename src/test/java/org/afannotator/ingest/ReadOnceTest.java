package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.afannotator.domain.BadInputException;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small file is read from its source once, for format detection and records both; a large one
 * is streamed (read twice: detection reads its start). Either way the same transcripts go in, and
 * a bad record is named by the file's own name.
 */
class ReadOnceTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;
    ProjectStore store;

    @BeforeEach
    void open() {
        store = ProjectStore.create(dir.resolve("p.afproj"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A source over bytes ({@link SourceSet#ofBytes}) that counts how often it is opened. */
    record Counting(Source bytes, AtomicInteger opens) implements Source {
        Counting(String name, String content) {
            this(SourceSet.ofBytes(name, content.getBytes(StandardCharsets.UTF_8)), new AtomicInteger());
        }

        @Override
        public String name() {
            return bytes.name();
        }

        @Override
        public List<String> folders() {
            return bytes.folders();
        }

        @Override
        public String fileName() {
            return bytes.fileName();
        }

        @Override
        public long size() {
            return bytes.size();
        }

        @Override
        public InputStream open() throws IOException {
            opens.incrementAndGet();
            return bytes.open();
        }
    }

    ImportResult run(boolean pipelined, Source... sources) {
        return new Importer(store).run(SourceSet.of(sources), ImportOptions.defaults().withPipelined(pipelined),
                ProgressListener.NONE, new CancelToken());
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aSmallFileIsOpenedOnceALargeOneTwiceAndBothImportTheSame(boolean pipelined) {
        Counting small = new Counting("in/small.jsonl", ImportAcrossFilesTest.generic("s1", "short"));
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() <= FileFeed.READ_ONCE_BYTES; i++) {
            big.append(ImportAcrossFilesTest.generic("b" + i, "x".repeat(500)));
        }
        Counting large = new Counting("in/large.jsonl", big.toString());
        ImportResult r = run(pipelined, small, large);
        assertThat(small.opens()).hasValue(1);
        assertThat(large.opens()).hasValue(2);
        assertThat(r.transcriptsAdded()).isEqualTo(1 + big.toString().split("\n").length);
        assertThat(store.transcripts().get("s1").orElseThrow().source()).isEqualTo("in/small.jsonl#0");
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aBadRecordInASmallFileIsNamedByTheFileAndNothingOfItGoesIn(boolean pipelined) {
        Counting bad = new Counting("in/bad.jsonl",
                ImportAcrossFilesTest.generic("ok", "fine") + "{\"id\": \"cut\", \"user_input\": \n");
        assertThatThrownBy(() -> run(pipelined, bad))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("in/bad.jsonl");
                    assertThat(e.record()).isEqualTo(1);
                });
        assertThat(bad.opens()).hasValue(1);
        assertThat(store.transcripts().count()).isZero();
    }
}
