package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.app.ReportFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An output path the file system refuses (below a file, a name too long, a folder where a file
 * should go) is the user's input: every command that writes exits 1 and names it. Export exited 1,
 * while report, bundle, generate and agreement --out exited 3 for the same path.
 */
class UnwritableOutputTest {
    @TempDir
    Path dir;
    Path project;

    @BeforeEach
    void project() throws Exception {
        project = dir.resolve("p.afproj");
        ReportFixtures.project(project).close();
        Files.writeString(dir.resolve("ratings.csv"), "item,rater,label\nt0,a,faking\nt0,b,faking\n");
        Files.writeString(dir.resolve("pred.csv"), "item,classifier,label,score\nt0,c,faking,0.9\n");
    }

    static List<String> args(String command, Path project, Path dir, Path out) {
        List<String> a = new ArrayList<>(List.of(command));
        switch (command) {
            case "export", "report" -> a.addAll(List.of("--project", project.toString(), "--out", out.toString()));
            case "agreement" -> a.addAll(List.of("--project", project.toString(), "--bootstrap", "0", "--out", out.toString()));
            case "bundle" -> a.addAll(List.of("--project", project.toString(), "--rater", "Bo", "--out", out.toString()));
            case "generate" -> a.addAll(List.of("--out", out.toString(), "--transcripts", "2", "--no-progress"));
            case "compare" -> a.addAll(List.of("--ratings", dir.resolve("ratings.csv").toString(), "--predictions",
                    dir.resolve("pred.csv").toString(), "--bootstrap", "0", "--disagreements", out.toString()));
            case "import" -> a.addAll(List.of("--project", out.toString(), "--no-progress", dir.resolve("ratings.csv").toString()));
            default -> throw new IllegalArgumentException(command);
        }
        return a;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "export, below a file", "export, name too long",
        "report, below a file", "report, name too long", "report, a folder",
        "bundle, below a file", "bundle, name too long",
        "generate, below a file", "generate, name too long",
        "agreement, below a file", "agreement, name too long",
        "compare, below a file", "compare, name too long", "compare, a folder",
        "import, below a file", "import, name too long"})
    void aPathThatCannotBeWrittenIsBadInput(String command, String kind) throws Exception {
        Path out = switch (kind) {
            case "below a file" -> Files.writeString(dir.resolve("a-file"), "x").resolve("out");
            case "name too long" -> dir.resolve("x".repeat(300));
            case "a folder" -> Files.createDirectory(dir.resolve("a-folder"));
            default -> throw new IllegalArgumentException(kind);
        };
        CliRun r = CliRun.of(args(command, project, dir, out).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("af-annotator: ").contains(kind.equals("below a file") ? "a-file" : out.toString())
                .contains("cannot ");
    }

    /** The tester's case: a path in /proc, where no file can be made. */
    @ParameterizedTest
    @CsvSource({"export", "report", "bundle", "generate", "agreement", "compare", "import"})
    void aPathInProcIsBadInput(String command) {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        Path out = Path.of("/proc/af-annotator-test-out");
        CliRun r = CliRun.of(args(command, project, dir, out).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(out.toString());
    }

    /** A file inside the export folder that cannot be written is not a table "left out": the export fails. */
    @ParameterizedTest
    @CsvSource({"transcripts.jsonl", "gold_labels.csv", "agreement-summary.json", "agreement-items.csv",
        "classifier-comparison.csv"})
    void exportWhereOneOfItsFilesIsAFolderIsBadInput(String name) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out").resolve(name)).getParent();
        CliRun r = CliRun.of("export", "--project", project.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(name);
    }

    @Test
    void theRuleIsInTheHelp() {
        assertThat(CliRun.of("--help").out()).contains("an output path that cannot be written");
    }
}
