package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.afannotator.domain.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a folder given to the import stands for: its non-hidden regular files (and links to files),
 * sorted by path, each with the size it had when listed; a zip archive found by its content
 * stands for its entries.
 */
class SourceSetTest {
    @TempDir
    Path dir;

    @Test
    void aFolderListsItsVisibleFilesInPathOrderWithTheirSizes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/run"));
        Files.writeString(in.resolve("b.json"), "{\"b\": 1}");
        Files.writeString(in.resolve("a.json"), "{\"a\": 12345}");
        Files.createDirectories(in.resolve("sub"));
        Files.writeString(in.resolve("sub/c.jsonl"), "{}\n{}\n");
        Files.writeString(in.resolve(".hidden.json"), "{}");
        Files.createDirectories(in.resolve("__MACOSX"));
        Files.writeString(in.resolve("__MACOSX/a.json"), "{}");
        Path outside = Files.writeString(dir.resolve("linked.csv"), "id,label\nx,faking\n");
        Files.createSymbolicLink(in.resolve("link.csv"), outside);
        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new ZipEntry("inner/z.json"));
            zip.write("{\"z\": true}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(in.resolve("packed.data"), zipBytes.toByteArray());

        try (SourceSet set = SourceSet.of(List.of(dir.resolve("in")))) {
            assertThat(set.sources()).extracting(Source::fileName)
                    .containsExactly("a.json", "b.json", "link.csv", "z.json", "c.jsonl");
            assertThat(set.sources()).extracting(Source::size).containsExactly(
                    Files.size(in.resolve("a.json")), Files.size(in.resolve("b.json")), Files.size(outside),
                    (long) "{\"z\": true}".length(), Files.size(in.resolve("sub/c.jsonl")));
            assertThat(set.totalBytes()).isEqualTo(12 + 8 + Files.size(outside) + 11 + 6);
            assertThat(set.sources().get(0).named()).isFalse();
            assertThat(new String(set.sources().get(2).open().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("id,label");
        }
    }

    /** A project kept beside its corpus is never read as input (nor opened: the app may hold it open). */
    @Test
    void projectFilesInAFolderAreNotInputs() throws Exception {
        Path in = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(in.resolve("a.json"), "{\"messages\": []}");
        for (String name : List.of("p.afproj", "p.afproj-wal", "p.afproj-shm", "p.afproj-journal", "p.afproj.bak-v1")) {
            Files.writeString(in.resolve(name), "SQLite format 3");
        }
        try (SourceSet set = SourceSet.of(List.of(in))) {
            assertThat(set.sources()).extracting(Source::name).containsExactly(in.resolve("a.json").toString());
        }
    }

    @Test
    void aProjectFileNamedAsInputIsRefusedWithoutBeingRead() throws Exception {
        Path p = Files.writeString(dir.resolve("p.afproj"), "SQLite format 3");
        assertThatThrownBy(() -> SourceSet.of(List.of(p))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is a project file, not data to import");
    }

    @Test
    void aFileGivenByNameIsNamedAndAMissingPathIsRefusedByName() throws Exception {
        Path f = Files.writeString(dir.resolve("one.jsonl"), "{}\n");
        try (SourceSet set = SourceSet.of(List.of(f))) {
            assertThat(set.sources()).singleElement().satisfies(s -> {
                assertThat(s.named()).isTrue();
                assertThat(s.size()).isEqualTo(3);
            });
        }
        assertThatThrownBy(() -> SourceSet.of(List.of(dir.resolve("nope"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("no such file or folder");
    }

    @Test
    void aFolderGivenAsALinkListsTheFilesOfTheFolderItPointsToUnderTheLinksName() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real/run"));
        Files.writeString(real.resolve("a.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        try (SourceSet set = SourceSet.of(List.of(link))) {
            assertThat(set.sources()).extracting(Source::name)
                    .containsExactly(link.resolve("run/a.json").toString());
            assertThat(set.sources()).extracting(Source::size).containsExactly(2L);
        }
    }
}
