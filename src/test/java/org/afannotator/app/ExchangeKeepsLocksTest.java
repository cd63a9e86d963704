package org.afannotator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.afannotator.store.ProcLocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's export, report and bundle work on the project the app has open. None of them may
 * close a descriptor of the project's files outside SQLite: on POSIX that drops every lock this
 * process holds on the file, and another program closing the project would then delete the log
 * this process still writes to (labels shown as saved, then lost).
 */
class ExchangeKeepsLocksTest {
    @TempDir
    Path dir;

    @Test
    void exportReportAndBundleKeepTheOpenProjectsLocks() throws Exception {
        assumeTrue(ProcLocks.readable(), "needs Linux's /proc/locks");
        Path p = dir.resolve("p.afproj");
        ReportFixtures.project(p).close();
        try (ProjectSession session = ProjectSession.open(p)) {
            session.store().raters().all();
            long before = ProcLocks.held(p);
            assertThat(before).as("SQLite's shared lock of the open project").isPositive();

            new ExportService().export(session, dir.resolve("out"), WorkProgress.NONE);
            assertThat(ProcLocks.held(p)).as("locks after the export").isEqualTo(before);

            ReportService.of(session).write(dir.resolve("report.html"), WorkProgress.NONE);
            assertThat(ProcLocks.held(p)).as("locks after the report").isEqualTo(before);

            BundleService.of(session).createBundle("Ann", dir.resolve("ann.afproj"));
            assertThat(ProcLocks.held(p)).as("locks after a bundle").isEqualTo(before);
        }
    }
}
