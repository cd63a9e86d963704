package org.afannotator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.afannotator.Launcher;
import org.afannotator.cli.CliRun;
import org.afannotator.domain.Segment;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed with SIGKILL at several moments, while its log is being copied into the
 * project by the background checkpoint (decision 0100; its step and restart sizes are made small
 * so that a small corpus passes many of both): after each kill the project passes
 * {@code integrity_check}, every transcript in it is whole and equal to the same transcript
 * imported without a kill, and importing the folder again completes it.
 */
class ImportKillTest {
    private static final int TRANSCRIPTS = 1500;
    /**
     * Small checkpoints, traced, and batches of 20 ms: with the default 500 ms a quiet machine
     * imports the whole corpus in one or two commits, and the kills meant for the middle of an
     * import land after its end.
     */
    private static final List<String> SMALL_CHECKPOINTS = List.of(
            "-Dafannotator.checkpointStepPages=16", "-Dafannotator.checkpointRestartPages=48",
            "-Dafannotator.checkpointTrace=true", "-Dafannotator.importBatchMs=20");
    /** What the background checkpoint prints (with the trace property) each time it has copied pages. */
    private static final String COPIED = "af-checkpoint: copied";

    @TempDir
    Path dir;

    private static Map<String, String> contents(Path project) {
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.integrityCheck()).as("integrity_check of " + project).isEqualTo("ok");
            Map<String, String> out = new HashMap<>();
            for (String id : store.transcripts().allIds()) {
                List<Segment> segs = store.transcripts().get(id).orElseThrow().segments();
                out.put(id, segs.stream().map(s -> s.ordinal() + ":" + s.kind() + ":" + s.text())
                        .collect(Collectors.joining("\u0000")));
            }
            return out;
        }
    }

    /** Transcripts in the project, read beside the importing child (a WAL reader); -1 before it exists. */
    private static int count(Path project) {
        if (!Files.exists(project)) {
            return -1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM transcript")) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (Exception e) {
            return -1; // not created yet
        }
    }

    /** The generated corpus's {@code json_outputs} folder. */
    private Path generate() {
        Path corpus = dir.resolve("corpus");
        assertThat(CliRun.of("generate", "--out", corpus.toString(), "--transcripts", String.valueOf(TRANSCRIPTS),
                "--seed", "5").exitCode()).isZero();
        return corpus.resolve("json_outputs");
    }

    /** The transcripts of {@code files} imported without a kill. */
    private Map<String, String> reference(Path files) {
        Path reference = dir.resolve("reference.afproj");
        CliRun ref = CliRun.of("import", "--project", reference.toString(), files.toString());
        assertThat(ref.exitCode()).as(ref.err()).isZero();
        return contents(reference);
    }

    @Test
    void killedImportsLeaveWholeTranscriptsAndTheNextImportCompletesThem() throws Exception {
        Path files = generate();
        Map<String, String> expected = reference(files);
        assertThat(expected).hasSize(TRANSCRIPTS);

        // An existing project: a new one is built under a hidden name and appears only when an
        // import ends (a killed import of a new project leaves nothing in place, and the next starts over).
        Path project = dir.resolve("p.afproj");
        ProjectStore.create(project).close();
        int before = 0;
        int kills = 0;
        long copiedByThread = 0;
        // Each run is killed a little after its first commit shows, while the log of that commit
        // is being copied by the thread or by the writer's restart point, or while the next
        // batch is written.
        for (int delayMs : new int[] {0, 40, 120, 250}) {
            try (ChildJvm child = ChildJvm.start(Launcher.class, dir.resolve("data"), SMALL_CHECKPOINTS,
                    "import", "--project", project.toString(), files.toString())) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (child.alive() && count(project) <= before && System.currentTimeMillis() < deadline) {
                    Thread.sleep(2);
                }
                if (delayMs > 0) {
                    // the later kills land after the thread has copied at least once in this run
                    // (else on a quick machine every kill could fall before its first copy)
                    child.awaitErr(l -> l.startsWith(COPIED), 30_000);
                }
                Thread.sleep(delayMs);
                if (!child.alive()) {
                    break; // finished before the kill: checked below like any other end
                }
                child.kill();
                kills++;
                copiedByThread += child.err().stream().filter(l -> l.startsWith(COPIED)).count();
            }
            Map<String, String> got = contents(project);
            assertThat(got.size()).as("transcripts after a kill").isGreaterThanOrEqualTo(before);
            for (Map.Entry<String, String> e : got.entrySet()) {
                assertThat(e.getValue()).as("transcript " + e.getKey() + " after a kill " + delayMs + " ms after a commit")
                        .isEqualTo(expected.get(e.getKey()));
            }
            before = got.size();
        }
        assertThat(kills).as("imports killed part-way").isGreaterThanOrEqualTo(2);
        // The kills are meant to land while the thread copies the log: it must have run in them.
        assertThat(copiedByThread).as("checkpoints completed by the background thread in the killed imports")
                .isPositive();

        try (ChildJvm child = ChildJvm.start(Launcher.class, dir.resolve("data"), SMALL_CHECKPOINTS,
                "import", "--project", project.toString(), files.toString())) {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as(String.join("\n", child.err())).isZero();
        }
        assertThat(contents(project)).isEqualTo(expected);
    }

    /**
     * A new project is built in a hidden file without SQLite's log (decision 0114: rollback
     * journal, no syncs): killed at several moments, the hidden file is all that is left, the
     * project's name stays free, and the hidden file opens rolled back to its last commit, every
     * transcript in it whole.
     */
    @Test
    void aKilledImportOfANewProjectLeavesAHiddenFileThatOpensWhole() throws Exception {
        Path files = generate();
        Map<String, String> expected = reference(files);

        int kills = 0;
        int nonEmpty = 0;
        int unfinished = 0;
        for (int delayMs : new int[] {0, 60, 200}) {
            Path folder = Files.createDirectories(dir.resolve("new-" + delayMs));
            Path project = folder.resolve("p.afproj");
            try (ChildJvm child = ChildJvm.start(Launcher.class, dir.resolve("data"), List.of("-Dafannotator.importBatchMs=20"),
                    "import", "--project", project.toString(), files.toString())) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (child.alive() && hiddenSize(folder) < 2_000_000 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(2);
                }
                Thread.sleep(delayMs);
                if (!child.alive()) {
                    continue; // finished first: nothing to check here
                }
                child.kill();
                kills++;
            }
            assertThat(project).as("the project's name after a killed import").doesNotExist();
            List<Path> hidden = hiddenFiles(folder);
            assertThat(hidden).as("hidden files left by the killed import").hasSize(1);
            if (ProjectStore.unfinishedJournal(hidden.get(0))) {
                unfinished++;
            }
            Map<String, String> got = contents(hidden.get(0));
            if (!got.isEmpty()) {
                nonEmpty++;
            }
            for (Map.Entry<String, String> e : got.entrySet()) {
                assertThat(e.getValue()).as("transcript " + e.getKey() + " in the hidden file, killed " + delayMs + " ms on")
                        .isEqualTo(expected.get(e.getKey()));
            }
        }
        assertThat(kills).as("imports killed part-way").isGreaterThanOrEqualTo(2);
        assertThat(nonEmpty).as("killed imports that had committed transcripts").isPositive();
        // the kills must land inside transactions, or the rollback on opening is not tested
        assertThat(unfinished).as("kills that left a transaction unfinished in the journal").isPositive();
    }

    /** The hidden files of imports of a new project in {@code folder} (their journals left out). */
    private static List<Path> hiddenFiles(Path folder) {
        try (java.util.stream.Stream<Path> in = Files.list(folder)) {
            return in.filter(f -> f.getFileName().toString().startsWith(".afimport-")
                    && !f.getFileName().toString().endsWith("-journal")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Bytes in the hidden file of an import of a new project in {@code folder}; 0 before it exists. */
    private static long hiddenSize(Path folder) {
        return hiddenFiles(folder).stream().mapToLong(f -> f.toFile().length()).sum();
    }
}
