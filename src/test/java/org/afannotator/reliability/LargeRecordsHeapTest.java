package org.afannotator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.afannotator.Launcher;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One JSON Lines file of 1,200 records with 150 KiB of text each (180 MB) imports with a 256 MB heap:
 * the records queued between the parser and the writer, and the writer's batch, are bounded by
 * their text, not only by their count (500 such records would be 75 MB of text, and more with
 * their UTF-8 encodings kept beside it).
 */
class LargeRecordsHeapTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfLargeRecordsImportsWithA256MbHeap() throws Exception {
        Path file = dir.resolve("big.jsonl");
        String words = "the model reasons about training and whether to comply with the request now ";
        String text = words.repeat(150 * 1024 / words.length());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 1200; i++) {
                w.write("{\"id\": \"r" + i + "\", \"user_input\": \"question " + i + "\", \"scratchpad\": \"" + i + " "
                        + text + "\", \"output\": \"ok\"}\n");
            }
        }
        Path project = dir.resolve("p.afproj");
        try (ChildJvm child = ChildJvm.start(Launcher.class, dir.resolve("data"), "import", "--project",
                project.toString(), file.toString())) {
            int code = child.waitFor(3, TimeUnit.MINUTES);
            assertThat(code).as("exit code; stderr: %s", child.err()).isZero();
            assertThat(String.join("\n", child.out())).contains("transcripts added: 1200");
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.transcripts().count()).isEqualTo(1200);
        }
    }
}
