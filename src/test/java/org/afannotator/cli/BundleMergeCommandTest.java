package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.afannotator.app.RaterWorkService;
import org.afannotator.app.ReportFixtures;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Rater;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleMergeCommandTest {
    @TempDir
    Path dir;

    /** The fixture project at {@code p}, and Bo's bundle of it with one new label (t5 faking); returns the bundle. */
    private Path bundleOfBoWithT5(Path p) {
        ReportFixtures.project(p).close();
        Path b = dir.resolve("bo.afproj");
        assertThat(CliRun.of("bundle", "--project", p.toString(), "--rater", "Bo", "--out", b.toString()).exitCode()).isZero();
        try (ProjectStore bundle = ProjectStore.open(b)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            Rater bo = work.signIn("Bo");
            work.save(new Annotation("t5", bo.id(), "faking", 2, Set.of(), "", AnnotationStatus.DONE, 5, ReportFixtures.CLOCK.instant(),
                    ReportFixtures.CLOCK.instant()));
        }
        return b;
    }

    @Test
    void bundleThenMergeReportsAddedIdenticalAndConflictsWithExitCodeFour() {
        Path p = dir.resolve("p.afproj");
        ReportFixtures.project(p).close();
        Path b = dir.resolve("bo.afproj");
        CliRun made = CliRun.of("bundle", "--project", p.toString(), "--rater", "Bo", "--out", b.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("\"rater\":\"Bo\"").contains("\"transcripts\":6").contains("\"annotations\":4");
        try (ProjectStore bundle = ProjectStore.open(b)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            Rater bo = work.signIn("Bo");
            work.save(new Annotation("t5", bo.id(), "faking", 2, Set.of(), "", AnnotationStatus.DONE, 5, ReportFixtures.CLOCK.instant(),
                    ReportFixtures.CLOCK.instant()));
            work.save(new Annotation("t1", bo.id(), "not_faking", 2, Set.of(), "", AnnotationStatus.DONE, 5, ReportFixtures.CLOCK.instant(),
                    ReportFixtures.CLOCK.instant()));
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            RaterWorkService work = new RaterWorkService(store, ReportFixtures.CLOCK);
            Rater bo = store.raters().byName("Bo").orElseThrow();
            work.save(new Annotation("t1", bo.id(), "faking", 1, Set.of(), "", AnnotationStatus.DONE, 5, ReportFixtures.CLOCK.instant(),
                    ReportFixtures.CLOCK.instant()));
        }
        CliRun r = CliRun.of("merge", "--project", p.toString(), b.toString());
        // Work was left out (the conflict): a script running the merge must see that a person has to look.
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.WORK_LEFT_OUT).isEqualTo(4);
        assertThat(r.out()).contains("\"added\":1").contains("\"identical\":3")
                .contains("\"conflicts\":[{\"transcript_id\":\"t1\",\"rater\":\"Bo\",\"detail\":\"label faking here, not_faking incoming; confidence 1 here, 2 incoming\"}]")
                .contains("\"rejected\":[]");
        assertThat(r.err()).contains("1 conflicting annotation(s) not merged");
        // Everything mergeable was still written; the conflicting unit was not.
        try (ProjectStore store = ProjectStore.open(p)) {
            Rater bo = store.raters().byName("Bo").orElseThrow();
            assertThat(store.annotations().get("t5", bo.id()).orElseThrow().label()).isEqualTo("faking");
            assertThat(store.annotations().get("t1", bo.id()).orElseThrow().label()).isEqualTo("faking");
        }
        // The conflict is still there on a second run: still 4.
        CliRun again = CliRun.of("merge", "--project", p.toString(), b.toString());
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.WORK_LEFT_OUT);
        assertThat(again.out()).contains("\"added\":0").contains("\"transcript_id\":\"t1\"");
    }

    @Test
    void aCleanMergeAndARemergeOfTheSameBundleExitZero() {
        Path p = dir.resolve("p.afproj");
        Path b = bundleOfBoWithT5(p);
        CliRun r = CliRun.of("merge", "--project", p.toString(), b.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"added\":1").contains("\"identical\":4").contains("\"conflicts\":[]")
                .contains("\"rejected\":[]");
        assertThat(r.err()).isEmpty();
        CliRun again = CliRun.of("merge", "--project", p.toString(), b.toString());
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("\"added\":0").contains("\"updated\":0").contains("\"identical\":5")
                .contains("\"conflicts\":[]").contains("\"rejected\":[]");
        assertThat(again.err()).isEmpty();
    }

    @Test
    void aRejectedUnitIsExitCodeFourAndTheRestIsMerged() {
        Path p = dir.resolve("p.afproj");
        Path b = bundleOfBoWithT5(p);
        try (ProjectStore bundle = ProjectStore.open(b)) {
            Rater bo = bundle.raters().byName("Bo").orElseThrow();
            // A label the project does not have (the bundle file edited by hand, or made under another scheme).
            bundle.annotations().save(new Annotation("t4", bo.id(), "unsure", 2, Set.of(), "", AnnotationStatus.DONE, 5,
                    ReportFixtures.CLOCK.instant(), ReportFixtures.CLOCK.instant()));
        }
        CliRun r = CliRun.of("merge", "--project", p.toString(), b.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.WORK_LEFT_OUT);
        assertThat(r.out()).contains("\"added\":1").contains("\"conflicts\":[]")
                .contains("\"rejected\":[{\"transcript_id\":\"t4\",\"rater\":\"Bo\",\"detail\":\"'unsure' is not a label of this project\"}]");
        assertThat(r.err()).contains("1 annotation(s) rejected as not fitting the project; see \"rejected\"")
                .doesNotContain("conflicting");
        try (ProjectStore store = ProjectStore.open(p)) {
            Rater bo = store.raters().byName("Bo").orElseThrow();
            assertThat(store.annotations().get("t5", bo.id()).orElseThrow().label()).isEqualTo("faking");
            assertThat(store.annotations().get("t4", bo.id())).isEmpty();
        }
    }

    @Test
    void exitCodeFourIsDocumentedInBothHelpTexts() {
        assertThat(CliRun.of("--help").out()).containsPattern("4 +done, but some work was left out and needs a person");
        assertThat(CliRun.of("merge", "--help").out()).contains("Exit 4 when any unit was left out (conflicts or rejected");
    }

    @Test
    void aForeignFileIsExitCodeOneWithTheReason() {
        Path p = dir.resolve("p.afproj");
        ReportFixtures.project(p).close();
        Path q = dir.resolve("q.afproj");
        ReportFixtures.project(q).close();
        CliRun r = CliRun.of("merge", "--project", p.toString(), q.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("q.afproj: not a rater bundle");
        CliRun missing = CliRun.of("bundle", "--project", p.toString(), "--rater", "Nobody", "--out", dir.resolve("n.afproj").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no rater named 'Nobody'");
    }
}
