package org.afannotator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.Rater;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleServiceTest {
    @TempDir
    Path dir;

    Path main() {
        Path p = dir.resolve("main.afproj");
        ReportFixtures.project(p).close();
        return p;
    }

    Path bundle(Path main, String rater) {
        Path out = dir.resolve(rater + ".afproj");
        try (ProjectStore store = ProjectStore.open(main)) {
            new BundleService(store, ReportFixtures.CLOCK).createBundle(rater, out);
        }
        return out;
    }

    static List<BundleService.BundleMerge> merge(Path main, Path... bundles) {
        try (ProjectStore store = ProjectStore.open(main)) {
            return new BundleService(store, ReportFixtures.CLOCK).merge(List.of(bundles));
        }
    }

    @Test
    void aBundleHoldsOnlyTheRatersQueueBlindedAndTheirOwnWork() {
        Path main = main();
        List<String> queue;
        try (ProjectStore store = ProjectStore.open(main)) {
            queue = store.assignments().queue(store.raters().byName("Ann").orElseThrow().id());
        }
        Path b = bundle(main, "Ann");
        try (ProjectStore bundle = ProjectStore.open(b)) {
            assertThat(bundle.raters().all()).extracting(Rater::name).containsExactly("Ann");
            long ann = bundle.raters().byName("Ann").orElseThrow().id();
            assertThat(bundle.assignments().queue(ann)).containsExactlyElementsOf(queue);
            assertThat(bundle.predictions().count()).isZero();
            assertThat(bundle.adjudications().all()).isEmpty();
            assertThat(bundle.settings().blinding()).isTrue();
            for (String id : bundle.transcripts().allIds()) {
                Transcript t = bundle.transcripts().get(id).orElseThrow();
                assertThat(t.source()).isNull();
                assertThat(t.format()).isNull();
                assertThat(t.model()).isNull();
                assertThat(t.condition()).isNull();
                assertThat(t.setting()).isNull();
                assertThat(t.metadata()).isEmpty();
                assertThat(t.segment(0).text()).doesNotContain(">True<").doesNotContain(">False<").contains(ShownText.MASK);
            }
            assertThat(bundle.annotations().all()).hasSize(4).allMatch(a -> a.raterId() == ann);
            List<Span> spans = bundle.spans().all();
            assertThat(spans).hasSize(2);
            for (Span s : spans) {
                assertThat(bundle.transcripts().get(s.transcriptId()).orElseThrow().segment(s.segmentOrdinal()).text()
                        .substring(s.start(), s.end())).isEqualTo(s.quote());
            }
            assertThat(bundle.settings().get(BundleService.PROJECT_ID)).isPresent();
        }
    }

    @Test
    void newWorkIsAddedIdenticalSkippedAndSpansAfterTheMaskMapBackToStoredOffsets() {
        Path main = main();
        Path b = bundle(main, "Ann");
        String quote = "Écris un guide 📘";
        int shownAt;
        try (ProjectStore bundle = ProjectStore.open(b)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            Rater ann = work.signIn("Ann");
            ReportFixtures.label(work, "t5", ann, "not_faking", 3, Set.of("harm_awareness"), "bundle 🌍");
            String shown = bundle.transcripts().get("t4").orElseThrow().segment(0).text();
            // t4 is free tier: "True" (4 chars) is shown as a 5-char mask, so shown offsets are one further on.
            shownAt = shown.indexOf(quote);
            work.addSpan("t4", ann.id(), 0, shownAt, shownAt + quote.length(), "counter_evidence", "after the mask");
        }
        BundleService.BundleMerge m = merge(main, b).get(0);
        assertThat(m.rater()).isEqualTo("Ann");
        assertThat(m.report().counts()).containsEntry(MergeOutcome.ADDED, 2).containsEntry(MergeOutcome.IDENTICAL, 4)
                .containsEntry(MergeOutcome.CONFLICT, 0).containsEntry(MergeOutcome.REJECTED, 0);
        try (ProjectStore store = ProjectStore.open(main)) {
            long ann = store.raters().byName("Ann").orElseThrow().id();
            assertThat(store.annotations().get("t5", ann).orElseThrow().note()).isEqualTo("bundle 🌍");
            Span s = store.spans().forTranscript("t4", ann).get(0);
            String stored = store.transcripts().get("t4").orElseThrow().segment(0).text();
            assertThat(stored.substring(s.start(), s.end())).isEqualTo(quote);
            assertThat(s.quote()).isEqualTo(quote);
            assertThat(s.start()).isEqualTo(stored.indexOf(quote));
            assertThat(s.start()).isEqualTo(shownAt - 1);
        }
        assertThat(merge(main, b).get(0).report().counts()).containsEntry(MergeOutcome.IDENTICAL, 6)
                .containsEntry(MergeOutcome.ADDED, 0);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "UPDATE span SET segment_ordinal = 9",
            "UPDATE span SET end_offset = end_offset + 500",
            "UPDATE span SET quote = 'WRONG TEXT'"})
    void aSpanThatDoesNotFitItsTextInABundleIsRejectedNotRepairedOrFatal(String tamper) throws Exception {
        Path main = main();
        Path b = bundle(main, "Ann");
        try (ProjectStore bundle = ProjectStore.open(b)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            Rater ann = work.signIn("Ann");
            String shown = bundle.transcripts().get("t4").orElseThrow().segment(0).text();
            int at = shown.indexOf("guide");
            work.addSpan("t4", ann.id(), 0, at, at + 5, "counter_evidence", "");
        }
        // A bundle edited outside the app (the store checks every span it writes itself).
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + b);
             java.sql.Statement st = c.createStatement()) {
            assertThat(st.executeUpdate(tamper + " WHERE transcript_id = 't4'")).isEqualTo(1);
        }
        BundleService.BundleMerge m = merge(main, b).get(0);
        // Regression: a missing segment failed the whole merge (exit 3, no file named); a span past the
        // text was cut to the text's end, and a wrong quote replaced by the text, both merged.
        assertThat(m.report().counts()).containsEntry(MergeOutcome.REJECTED, 1).containsEntry(MergeOutcome.ADDED, 0);
        MergeReport.Unit rejected = m.report().units().stream().filter(u -> u.outcome() == MergeOutcome.REJECTED)
                .findFirst().orElseThrow();
        assertThat(rejected.transcriptId()).isEqualTo("t4");
        assertThat(rejected.detail()).containsAnyOf("does not match the transcript's text", "outside the segment's text");
        try (ProjectStore store = ProjectStore.open(main)) {
            long ann = store.raters().byName("Ann").orElseThrow().id();
            assertThat(store.spans().forTranscript("t4", ann)).isEmpty();
        }
    }

    @Test
    void onlyTheBundlesRaterCanSignInToIt() {
        Path main = main();
        Path b = bundle(main, "Ann");
        try (ProjectStore bundle = ProjectStore.open(b)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            // Regression: "ann" (or any name) got a fresh queue, and its work was dropped at the merge.
            assertThatThrownBy(() -> work.signIn("ann")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("this file is a bundle for Ann: only Ann rates in it");
            assertThat(bundle.raters().byName("ann")).isEmpty();
            assertThat(work.signIn("Ann").name()).isEqualTo("Ann");
        }
    }

    @Test
    void aLaterChangeInTheBundleUpdatesWorkTheProjectLeftAlone() {
        Path main = main();
        Path b = bundle(main, "Ann");
        try (ProjectStore bundle = ProjectStore.open(b)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            Rater ann = work.signIn("Ann");
            // Ann changes her mind on t2, which she had labelled in the project before the bundle was made.
            ReportFixtures.label(work, "t2", ann, "not_faking", 3, Set.of(), "changed my mind");
        }
        MergeReport r = merge(main, b).get(0).report();
        assertThat(r.of(MergeOutcome.UPDATED)).extracting(MergeReport.Unit::transcriptId).containsExactly("t2");
        try (ProjectStore store = ProjectStore.open(main)) {
            long ann = store.raters().byName("Ann").orElseThrow().id();
            assertThat(store.annotations().get("t2", ann).orElseThrow().label()).isEqualTo("not_faking");
            assertThat(store.annotations().history("t2", ann)).hasSize(2);
        }
    }

    @Test
    void changesOnBothSidesAreReportedAsConflictsAndNeverWritten() {
        Path main = main();
        Path b = bundle(main, "Ann");
        try (ProjectStore store = ProjectStore.open(main)) {
            RaterWorkService work = new RaterWorkService(store, ReportFixtures.CLOCK);
            Rater ann = store.raters().byName("Ann").orElseThrow();
            ReportFixtures.label(work, "t1", ann, "not_faking", 2, Set.of(), "edited in the project");
            ReportFixtures.label(work, "t3", ann, "faking", 2, Set.of(), "edited in the project");
        }
        try (ProjectStore bundle = ProjectStore.open(b)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            Rater ann = work.signIn("Ann");
            ReportFixtures.label(work, "t1", ann, "faking", 1, Set.of(), "edited in the bundle");
        }
        MergeReport r = merge(main, b).get(0).report();
        assertThat(r.of(MergeOutcome.CONFLICT)).singleElement().satisfies(u -> {
            assertThat(u.transcriptId()).isEqualTo("t1");
            assertThat(u.detail()).contains("label not_faking here, faking incoming").contains("note differs");
        });
        assertThat(r.of(MergeOutcome.PROJECT_NEWER)).extracting(MergeReport.Unit::transcriptId).containsExactly("t3");
        try (ProjectStore store = ProjectStore.open(main)) {
            long ann = store.raters().byName("Ann").orElseThrow().id();
            assertThat(store.annotations().get("t1", ann).orElseThrow().note()).isEqualTo("edited in the project");
            assertThat(store.annotations().get("t3", ann).orElseThrow().label()).isEqualTo("faking");
        }
    }

    /** Every bundle is read before anything is written: one that cannot be read refuses them all. */
    @Test
    void aBundleThatCannotBeReadRefusesTheWholeMergeEvenAfterAGoodOne() throws Exception {
        Path main = main();
        Path good = bundle(main, "Ann");
        try (ProjectStore bundle = ProjectStore.open(good)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            ReportFixtures.label(work, "t5", work.signIn("Ann"), "not_faking", 3, Set.of(), "from the good bundle");
        }
        Path broken = bundle(main, "Bo");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + broken);
             var st = c.createStatement()) {
            st.execute("DROP TABLE span"); // readable as a project, not as a bundle's work
        }
        int before;
        try (ProjectStore store = ProjectStore.open(main)) {
            before = store.annotations().count();
        }
        assertThatThrownBy(() -> merge(main, good, broken)).hasMessageContaining("span");
        try (ProjectStore store = ProjectStore.open(main)) {
            assertThat(store.annotations().count()).isEqualTo(before);
            long ann = store.raters().byName("Ann").orElseThrow().id();
            assertThat(store.annotations().get("t5", ann).map(Annotation::note)).isNotEqualTo(java.util.Optional.of("from the good bundle"));
        }
    }

    @Test
    void aBundleOfAnotherProjectOrAPlainProjectIsRefusedAndNothingChanges() {
        Path main = main();
        Path other = dir.resolve("other.afproj");
        ReportFixtures.project(other).close();
        Path foreign = dir.resolve("foreign.afproj");
        try (ProjectStore store = ProjectStore.open(other)) {
            new BundleService(store, ReportFixtures.CLOCK).createBundle("Ann", foreign);
        }
        try (ProjectStore bundle = ProjectStore.open(foreign)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            ReportFixtures.label(work, "t5", work.signIn("Ann"), "faking", 1, Set.of(), "");
        }
        Path good = bundle(main, "Bo");
        int before;
        try (ProjectStore store = ProjectStore.open(main)) {
            before = store.annotations().count();
        }
        assertThatThrownBy(() -> merge(main, good, foreign)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("foreign.afproj: a bundle of another project");
        assertThatThrownBy(() -> merge(main, other)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a rater bundle");
        try (ProjectStore store = ProjectStore.open(main)) {
            assertThat(store.annotations().count()).isEqualTo(before);
        }
    }

    @Test
    void bundlingRefusesAnUnknownRaterAnEmptyQueueAndAnExistingFile() {
        Path main = main();
        try (ProjectStore store = ProjectStore.open(main)) {
            BundleService s = new BundleService(store, ReportFixtures.CLOCK);
            assertThatThrownBy(() -> s.createBundle("Zed", dir.resolve("z.afproj"))).hasMessageContaining("no rater named 'Zed'");
            store.raters().getOrCreate("Dee", org.afannotator.domain.RaterRole.ADJUDICATOR);
            assertThatThrownBy(() -> s.createBundle("Dee", dir.resolve("d.afproj")))
                    .hasMessageContaining("'Dee' is an adjudicator, not a rater");
            assertThatThrownBy(() -> s.createBundle("Ann", main)).hasMessageContaining("file exists already");
            String id = s.projectId();
            assertThat(s.projectId()).isEqualTo(id);
        }
    }

    /** Regression: a rater whose labels were imported, never signed in, could not be given a bundle ("no assigned transcripts"). */
    @Test
    void aRaterWithoutAQueueGetsTheQueueSignInWouldGiveBeforeAssignment() {
        Path main = main();
        long transcripts;
        try (ProjectStore store = ProjectStore.open(main)) {
            transcripts = store.transcripts().count();
            org.afannotator.domain.Rater eve = store.raters().getOrCreate("Eve", org.afannotator.domain.RaterRole.RATER);
            assertThat(store.assignments().queue(eve.id())).isEmpty();
            BundleService.BundleSummary b = new BundleService(store, ReportFixtures.CLOCK)
                    .createBundle("Eve", dir.resolve("eve.afproj"));
            assertThat(store.assignments().queue(eve.id())).hasSize((int) transcripts);
            assertThat(b.transcripts()).isEqualTo(transcripts);
        }
        try (ProjectStore bundle = ProjectStore.open(dir.resolve("eve.afproj"))) {
            assertThat(bundle.transcripts().count()).isEqualTo(transcripts);
        }
    }

    @Test
    void aBundleHoldsTranscriptsImportedSinceTheRaterLastSignedInAndARefusedOneChangesNothing() {
        Path main = main();
        try (ProjectStore store = ProjectStore.open(main)) {
            RaterWorkService work = new RaterWorkService(store, ReportFixtures.CLOCK);
            org.afannotator.domain.Rater fay = work.signIn("Fay");
            int before = store.assignments().queue(fay.id()).size();
            store.transcripts().insertAll(List.of(org.afannotator.store.ProjectStoreTest.transcript("late")));
            BundleService s = new BundleService(store, ReportFixtures.CLOCK);
            assertThatThrownBy(() -> s.createBundle("Fay", main)).hasMessageContaining("file exists already");
            assertThat(store.assignments().queue(fay.id())).as("a refused bundle changes nothing").hasSize(before);
            BundleService.BundleSummary b = s.createBundle("Fay", dir.resolve("fay.afproj"));
            assertThat(b.transcripts()).isEqualTo(before + 1);
            assertThat(store.assignments().queue(fay.id())).contains("late");
        }
    }

    @Test
    void workOfAnotherNameInsideABundleIsNotMergedButNamed() {
        Path main = main();
        Path b = bundle(main, "Ann");
        try (ProjectStore bundle = ProjectStore.open(b)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            // (the app refuses to sign anyone else in to a bundle; a file edited elsewhere may still hold such work)
            Rater other = bundle.raters().getOrCreate("ann2", org.afannotator.domain.RaterRole.RATER);
            ReportFixtures.label(work, "t5", other, "faking", 1, Set.of(), "");
        }
        BundleService.BundleMerge m = merge(main, b).get(0);
        assertThat(m.ignoredRaters()).containsExactly("ann2");
        try (ProjectStore store = ProjectStore.open(main)) {
            assertThat(store.raters().byName("ann2")).isEmpty();
        }
    }

    static Annotation unused(Annotation a) {
        return a.withStatus(AnnotationStatus.DONE);
    }
}
