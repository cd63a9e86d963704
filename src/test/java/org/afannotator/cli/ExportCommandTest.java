package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.afannotator.app.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportWritesTheFourFilesAndListsThem() throws Exception {
        Path p = dir.resolve("p.afproj");
        ReportFixtures.project(p).close();
        CliRun r = CliRun.of("export", "--project", p.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"records\":6").contains("annotations.jsonl\",\"records\":11");
        assertThat(Files.readAllLines(dir.resolve("out/annotations.jsonl"))).hasSize(11);
        assertThat(r.out()).contains("\"skipped\":[]");
        assertThat(dir.resolve("out").toFile().list()).contains("agreement-summary.json", "agreement-summary.csv",
                "agreement-items.csv", "classifier-comparison.csv", "classifier-comparison.json", "classifier-disagreements.csv");
        // judge-v1 disagrees with the reference nowhere: t0, t1 true positives, t3 a true negative, t2 a tie.
        assertThat(Files.readAllLines(dir.resolve("out/classifier-disagreements.csv"))).hasSize(1);
    }

    /**
     * Every exported file, the agreement tables included, gets what a plain new file gets under the
     * user's umask (they were 0600: written to a temporary file, which Java creates owner-only).
     */
    @Test
    void everyFileGetsThePermissionsOfAPlainNewFile() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path p = dir.resolve("p.afproj");
        ReportFixtures.project(p).close();
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("export", "--project", p.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.writeString(dir.resolve("plain.txt"), "x"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).hasSize(10).allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                    .isEqualTo(plain));
        }
        Path agreement = dir.resolve("agreement");
        CliRun a = CliRun.of("agreement", "--project", p.toString(), "--out", agreement.toString(), "--bootstrap", "0");
        assertThat(a.exitCode()).as(a.err()).isZero();
        try (Stream<Path> files = Files.list(agreement)) {
            assertThat(files).hasSize(3).allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                    .isEqualTo(plain));
        }
    }

    @Test
    void tablesThatCannotBeComputedAreNamedAsSkipped() {
        Path p = dir.resolve("empty.afproj");
        org.afannotator.store.ProjectStore.create(p).close();
        CliRun r = CliRun.of("export", "--project", p.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("classifier tables: the project holds no classifier predictions");
    }

    @Test
    void aMissingProjectIsBadInput() {
        CliRun r = CliRun.of("export", "--project", dir.resolve("none.afproj").toString(), "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no such project file");
    }
}
