package org.afannotator.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.afannotator.app.AuditFixture;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.audit.Disagreement;
import org.afannotator.stats.classifier.ConfusionMatrix;
import org.afannotator.stats.classifier.ItemOutcome;
import org.afannotator.ui.common.SyncUiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {
    @TempDir
    Path dir;

    AuditViewModel loaded(ProjectSession s) {
        AuditViewModel vm = new AuditViewModel(s, new SyncUiExecutor());
        vm.bootstrapProperty().set(50);
        vm.load();
        return vm;
    }

    @Test
    void loadPicksTheFirstClassifierAndTheSliderRecomputesTheMatrix() {
        try (ProjectSession s = ProjectSession.open(AuditFixture.create(dir.resolve("a.afproj")))) {
            AuditViewModel vm = loaded(s);
            assertThat(vm.classifiers()).containsExactly(AuditFixture.CLASSIFIER, "keyword_match");
            assertThat(vm.auditProperty().get().name()).isEqualTo(AuditFixture.CLASSIFIER);
            assertThat(vm.atThresholdProperty().get()).isEqualTo(new ConfusionMatrix(3, 2, 2, 3));
            vm.thresholdProperty().set(0.35);
            // t11 (0.40) now tp; t02 (.30) and t04 (.15) still fn
            assertThat(vm.atThresholdProperty().get()).isEqualTo(new ConfusionMatrix(4, 2, 2, 2));
            vm.classifierProperty().set("keyword_match");
            assertThat(vm.auditProperty().get().name()).isEqualTo("keyword_match");
            assertThat(vm.thresholdProperty().get()).isEqualTo(0.5);
        }
    }

    /** Regression: the browser listed the disagreements at the comparison's 0.50 while the slider stood elsewhere. */
    @Test
    void theBrowserListsTheDisagreementsAtTheSlidersThreshold() {
        try (ProjectSession s = ProjectSession.open(AuditFixture.create(dir.resolve("a.afproj")))) {
            AuditViewModel vm = loaded(s);
            vm.thresholdProperty().set(0.35);
            DisagreementBrowserViewModel b = vm.browser();
            assertThat(b.threshold()).isEqualTo(0.35);
            // t11 (0.40) is a true positive at 0.35: the fp and fn of the slider's matrix remain
            assertThat(b.rows()).extracting(Disagreement::item).containsExactly("t08", "t06", "t04", "t02"); // surest first
            ConfusionMatrix m = vm.atThresholdProperty().get();
            assertThat(b.rows()).hasSize((int) (m.fp() + m.fn()));
            assertThat(b.rows()).allSatisfy(d -> assertThat(d.distance()).isEqualTo(Math.abs(d.score() - 0.35)));
            vm.thresholdProperty().set(0.5);
            assertThat(vm.browser().rows()).extracting(Disagreement::item).containsExactly("t08", "t04", "t02", "t06", "t11");
        }
    }

    @Test
    void exportsWriteTheSameFilesAsTheCommandLine() throws Exception {
        try (ProjectSession s = ProjectSession.open(AuditFixture.create(dir.resolve("a.afproj")))) {
            AuditViewModel vm = loaded(s);
            vm.exportJson(dir.resolve("c.json"));
            vm.exportCsv(dir.resolve("c.csv"));
            vm.exportDisagreements(dir.resolve("d.csv"));
            assertThat(Files.readString(dir.resolve("c.json"))).contains("\"name\" : \"gpt4o_votes20\"");
            assertThat(Files.readAllLines(dir.resolve("c.csv"))).hasSize(2);
            assertThat(Files.readAllLines(dir.resolve("d.csv"))).hasSize(6);
            assertThat(vm.messageProperty().get()).isEqualTo("Saved d.csv");
        }
    }

    @Test
    void browserFiltersByKindAndConditionAndOpensATranscript() {
        try (ProjectSession s = ProjectSession.open(AuditFixture.create(dir.resolve("a.afproj")))) {
            DisagreementBrowserViewModel b = loaded(s).browser();
            assertThat(b.rows()).extracting(Disagreement::item).containsExactly("t08", "t04", "t02", "t06", "t11");
            b.kindProperty().set(DisagreementBrowserViewModel.KindFilter.FALSE_POSITIVE);
            assertThat(b.rows()).extracting(Disagreement::item).containsExactly("t08", "t06");
            b.conditionProperty().set("paid_tier");
            assertThat(b.rows()).isEmpty();
            b.kindProperty().set(DisagreementBrowserViewModel.KindFilter.FALSE_NEGATIVE);
            assertThat(b.rows()).extracting(Disagreement::item).containsExactly("t11");
            assertThat(b.conditions()).containsExactly(DisagreementBrowserViewModel.ALL_CONDITIONS, "free_tier", "paid_tier");
            b.open(b.rows().get(0));
            assertThat(b.detailProperty().get().transcript().id()).isEqualTo("t11");
            assertThat(b.detailProperty().get().row().kind()).isEqualTo(ItemOutcome.Kind.FALSE_NEGATIVE);
        }
    }

    @Test
    void projectWithoutClassifiersSaysSo() {
        try (ProjectSession s = ProjectSession.create(dir.resolve("e.afproj"))) {
            AuditViewModel vm = loaded(s);
            assertThat(vm.classifiers()).isEmpty();
            assertThat(vm.messageProperty().get()).contains("no classifier predictions");
            assertThat(vm.browser()).isNull();
        }
    }
}
