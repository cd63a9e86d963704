package org.afannotator.ui.agreement;

import static org.afannotator.ui.FxTestSupport.allText;
import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.afannotator.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.afannotator.app.ProjectSession;
import org.afannotator.ui.common.FxUiExecutor;
import org.afannotator.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AgreementDashboardUiTest {
    @TempDir
    static Path data;

    Stage stage;
    ProjectSession session;
    final FxUiExecutor executor = new FxUiExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        executor.finish(5000);
        if (session != null) {
            session.close();
        }
        System.clearProperty("afannotator.data");
    }

    @Test
    void dashboardOnTheSampleProjectShowsCoefficientsAndPairDisagreements(FxRobot robot) throws Exception {
        System.setProperty("afannotator.data", data.toString());
        session = ProjectSession.openDefault();
        AgreementDashboardViewModel vm = new AgreementDashboardViewModel(executor, AgreementSource.of(session));
        fxRun(() -> {
            AgreementDashboardView view = new AgreementDashboardView(vm);
            Scene scene = new Scene(view, 1280, 900);
            Theme.LIGHT.apply(scene);
            stage.setScene(scene);
            stage.show();
            vm.resamplesProperty().set(300);
            vm.recompute();
        });
        waitUntil(() -> vm.resultProperty().get() != null);
        assertThat(fx(() -> allText(stage.getScene().getRoot()))).anyMatch(t -> t.startsWith("Krippendorff's \u03b1"))
                .anyMatch(t -> t.startsWith("95% CI ["))
                .anyMatch(t -> t.startsWith("Gwet's AC1"));
        String first = fx(() -> vm.resultProperty().get().labels().cohenKappa().pairs().get(0).raterA());
        String second = fx(() -> vm.resultProperty().get().labels().cohenKappa().pairs().get(0).raterB());
        robot.clickOn("#kappa-" + first + "-" + second);
        waitUntil(() -> vm.selectedPairProperty().get().contains(first));
        @SuppressWarnings("unchecked")
        TableView<Object> table = (TableView<Object>) robot.lookup("#agreement-disagreements").query();
        assertThat(fx(() -> table.getItems().size())).isEqualTo(fx(() -> vm.pairDisagreements().size()));
        snapshot("agreement-dashboard.png");
        fxRun(() -> Theme.DARK.apply(stage.getScene()));
        snapshot("agreement-dashboard-dark.png");
        fxRun(() -> Theme.LIGHT.apply(stage.getScene()));
    }

    /** Regression: criteria nobody ticked showed perfect agreement (1.000, n = all transcripts). */
    @Test
    void criteriaNobodyTickedShowWhyTheyHaveNoAgreement(FxRobot robot) throws Exception {
        Path p = data.resolve("no-criteria.afproj");
        org.afannotator.ui.UiFixtures.project(p, 4);
        try (org.afannotator.store.ProjectStore store = org.afannotator.store.ProjectStore.open(p)) {
            org.afannotator.app.RaterWorkService work = new org.afannotator.app.RaterWorkService(store, java.time.Clock.systemUTC());
            for (String name : java.util.List.of("Ann", "Bo")) {
                org.afannotator.domain.Rater r = work.signIn(name);
                for (String t : java.util.List.of("t000", "t001", "t002")) {
                    work.save(new org.afannotator.domain.Annotation(t, r.id(), "faking", null, java.util.Set.of(), "",
                            org.afannotator.domain.AnnotationStatus.DONE, 1000, java.time.Instant.now(), java.time.Instant.now()));
                }
            }
        }
        session = ProjectSession.open(p);
        AgreementDashboardViewModel vm = new AgreementDashboardViewModel(executor, AgreementSource.of(session));
        fxRun(() -> {
            Scene scene = new Scene(new AgreementDashboardView(vm), 1280, 900);
            Theme.LIGHT.apply(scene);
            stage.setScene(scene);
            stage.show();
            vm.resamplesProperty().set(0);
            vm.recompute();
        });
        waitUntil(() -> vm.resultProperty().get() != null);
        @SuppressWarnings("unchecked")
        TableView<Object> criteria = (TableView<Object>) robot.lookup("#agreement-criteria").query();
        assertThat(fx(() -> criteria.getItems().size())).isZero();
        assertThat(fx(() -> ((javafx.scene.control.Label) criteria.getPlaceholder()).getText()))
                .startsWith("No rater ticked a criterion in this project");
    }

    void snapshot(String name) throws Exception {
        org.afannotator.ui.FxTestSupport.screenshot(stage.getScene(), name);
    }
}
