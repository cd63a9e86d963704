package org.afannotator.ui.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.afannotator.app.AdjudicationItem;
import org.afannotator.app.AdjudicationService;
import org.afannotator.app.ReportFixtures;
import org.afannotator.domain.AdjudicationBasis;
import org.afannotator.store.ProjectStore;
import org.afannotator.ui.common.SyncUiExecutor;
import org.afannotator.ui.workspace.ShownSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdjudicationViewModelTest {
    @TempDir
    Path dir;

    @Test
    void decidingMovesOnAndTheNextItemIsPrefilledWithItsMajority() {
        try (ProjectStore store = ReportFixtures.project(dir.resolve("p.afproj"))) {
            AdjudicationViewModel vm = new AdjudicationViewModel(new AdjudicationService(store, ReportFixtures.CLOCK),
                    new SyncUiExecutor(), "Dee");
            vm.refresh();
            assertThat(vm.queue()).extracting(AdjudicationItem::transcriptId).containsExactly("t2", "t3");
            assertThat(vm.currentProperty().get().item().transcriptId()).isEqualTo("t2");
            assertThat(vm.goldLabelProperty().get()).isNull();
            assertThat(vm.basisProperty().get()).isEqualTo(AdjudicationBasis.ADJUDICATED);
            assertThat(vm.unanimousUndecidedProperty().get()).isEqualTo(2);

            vm.goldLabelProperty().set("faking");
            vm.rationaleProperty().set("scratchpad reasons about RLHF");
            vm.save();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.messageProperty().get()).isEqualTo("Gold label for t2: faking (adjudicated)");
            assertThat(store.adjudications().get("t2").orElseThrow().rationale()).isEqualTo("scratchpad reasons about RLHF");
            assertThat(vm.queue()).extracting(AdjudicationItem::transcriptId).containsExactly("t3");
            assertThat(vm.currentProperty().get().item().transcriptId()).isEqualTo("t3");
            assertThat(vm.goldLabelProperty().get()).isEqualTo("not_faking");
            assertThat(vm.basisProperty().get()).isEqualTo(AdjudicationBasis.MAJORITY);
        }
    }

    @Test
    void aBasisTheVotesDoNotSupportIsShownAsAnErrorAndNothingIsStored() {
        try (ProjectStore store = ReportFixtures.project(dir.resolve("p.afproj"))) {
            AdjudicationViewModel vm = new AdjudicationViewModel(new AdjudicationService(store, ReportFixtures.CLOCK),
                    new SyncUiExecutor(), "Dee");
            vm.refresh();
            vm.goldLabelProperty().set("faking");
            vm.basisProperty().set(AdjudicationBasis.UNANIMOUS);
            vm.save();
            assertThat(vm.errorProperty().get()).contains("not unanimous: 1 of 2");
            assertThat(store.adjudications().all()).isEmpty();
        }
    }

    @Test
    void withoutANameTheAccountsNameIsOffered() {
        try (ProjectStore store = ReportFixtures.project(dir.resolve("p.afproj"))) {
            AdjudicationService service = new AdjudicationService(store, ReportFixtures.CLOCK);
            service.decide("t2", "faking", AdjudicationBasis.ADJUDICATED, "", "Dee");
            AdjudicationViewModel vm = new AdjudicationViewModel(service, new SyncUiExecutor(), "");
            vm.refresh();
            // Regression: the app offered the name of the last rater who signed in. Not the project's
            // last adjudicator either: a second adjudicator's decisions would go under Dee's name.
            assertThat(vm.adjudicatorProperty().get()).isEqualTo(System.getProperty("user.name", ""));
        }
    }

    @Test
    void aRefusalReadsAsItsReasonAndReplacesTheLastSuccess() {
        try (ProjectStore store = ReportFixtures.project(dir.resolve("p.afproj"))) {
            AdjudicationViewModel vm = new AdjudicationViewModel(new AdjudicationService(store, ReportFixtures.CLOCK),
                    new SyncUiExecutor(), "Dee");
            vm.refresh();
            vm.goldLabelProperty().set("faking");
            vm.save();
            assertThat(vm.messageProperty().get()).startsWith("Gold label for t2");
            vm.goldLabelProperty().set(null);
            vm.save();
            // Regression: "field label: choose a gold label" under the previous "Gold label for t2: ...".
            assertThat(vm.errorProperty().get()).isEqualTo("choose a gold label");
            assertThat(vm.messageProperty().get()).isEmpty();
        }
    }

    @Test
    void lowConfidenceWidensTheQueueAndUnanimousItemsAreAcceptedInBulk() {
        try (ProjectStore store = ReportFixtures.project(dir.resolve("p.afproj"))) {
            AdjudicationViewModel vm = new AdjudicationViewModel(new AdjudicationService(store, ReportFixtures.CLOCK),
                    new SyncUiExecutor(), "Dee");
            vm.refresh();
            vm.confidenceAtMostProperty().set(3);
            vm.lowConfidenceProperty().set(true);
            assertThat(vm.queue()).extracting(AdjudicationItem::transcriptId).containsExactly("t0", "t2", "t3");
            vm.acceptUnanimous();
            assertThat(vm.messageProperty().get()).isEqualTo("Accepted 2 unanimous transcripts as gold");
            assertThat(vm.unanimousUndecidedProperty().get()).isZero();
            assertThat(vm.queue()).extracting(AdjudicationItem::transcriptId).containsExactly("t2", "t3");
        }
    }

    @Test
    void spansAreColouredPerRaterAndPlacedInShownOffsets() {
        try (ProjectStore store = ReportFixtures.project(dir.resolve("p.afproj"))) {
            var c = new AdjudicationService(store, ReportFixtures.CLOCK).open("t0");
            assertThat(AdjudicationViewModel.slots(c)).containsExactly(java.util.Map.entry("Ann", 0),
                    java.util.Map.entry("Bo", 1), java.util.Map.entry("Cy", 2));
            var spans = AdjudicationViewModel.shownSpans(c);
            assertThat(spans).hasSize(5).extracting(ShownSpan::tag).containsOnly("Ann", "Bo", "Cy");
            String shown = c.segments().get(1).text().shown();
            for (ShownSpan s : spans) {
                var stored = c.item().judgements().stream().flatMap(j -> j.spans().stream()).filter(x -> x.id() == s.id())
                        .findFirst().orElseThrow();
                assertThat(shown.substring(s.start(), s.end())).isEqualTo(stored.quote());
            }
            assertThat(spans).extracting(ShownSpan::note).contains("Ann: strategic_compliance (jp)");
        }
    }
}
