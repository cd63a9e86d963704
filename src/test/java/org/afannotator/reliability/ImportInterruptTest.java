package org.afannotator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.afannotator.Launcher;
import org.afannotator.cli.CliRun;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C during {@code af-annotator import}: a child JVM importing with its progress line on is
 * interrupted half-way. It stops between records, prints a summary that says "cancelled" and exits;
 * the project passes {@code integrity_check} and holds exactly the transcripts the summary counts,
 * and the same import again adds the rest.
 */
class ImportInterruptTest {
    private static final int TRANSCRIPTS = 3000;
    private static final Pattern PROGRESS = Pattern.compile("import \\d+%: ([\\d,]+)/([\\d,]+) files.*");
    private static final Pattern ADDED = Pattern.compile("transcripts added: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheImportPrintsWhatWentInAndTheSameImportAddsTheRest() throws Exception {
        Path corpus = dir.resolve("corpus");
        assertThat(CliRun.of("generate", "--out", corpus.toString(), "--transcripts", String.valueOf(TRANSCRIPTS),
                "--seed", "9").exitCode()).isZero();
        Path files = corpus.resolve("json_outputs");
        Path project = dir.resolve("p.afproj");

        int added;
        // Commits every 20 ms, so that files finish all through the import and not in one commit at its end.
        try (ChildJvm child = ChildJvm.start(Launcher.class, dir.resolve("data"), List.of("-Dafannotator.importBatchMs=20"),
                "import", "--progress", "--project", project.toString(), files.toString())) {
            String line = child.awaitErr(l -> {
                Matcher m = PROGRESS.matcher(l);
                return m.matches() && number(m.group(1)) > 0;
            }, 60_000);
            assertThat(line).as("a progress line with files done before the end; stderr: " + child.err()).isNotNull();
            // SIGTERM takes the same path as Ctrl+C's SIGINT (the JVM's shutdown hooks), and unlike
            // SIGINT it is not ignored in a child of a build run in the background without job control.
            child.signal("TERM");
            int exit = child.waitFor(60, TimeUnit.SECONDS);
            String out = String.join("\n", child.out());
            assertThat(exit).as("exit code after SIGTERM (128 + 15); stdout:\n" + out + "\nstderr: " + child.err())
                    .isEqualTo(143);
            assertThat(out).contains("cancelled: the file being read was rolled back");
            Matcher m = ADDED.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            added = Integer.parseInt(m.group(1));
            assertThat(added).as("transcripts added before the interrupt").isBetween(1, TRANSCRIPTS - 1);
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(store.transcripts().allIds()).hasSize(added);
        }

        CliRun again = CliRun.of("import", "--format", "json", "--project", project.toString(), files.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("\"transcripts_added\":" + (TRANSCRIPTS - added))
                .contains("\"duplicates\":" + added).contains("\"cancelled\":false");
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.transcripts().allIds()).hasSize(TRANSCRIPTS);
        }
    }

    private static long number(String grouped) {
        return Long.parseLong(grouped.replace(",", ""));
    }
}
