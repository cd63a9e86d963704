package org.afannotator.ui;

import static org.afannotator.ui.FxTestSupport.allText;
import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.afannotator.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.afannotator.ui.agreement.AgreementDashboardView;
import org.afannotator.ui.audit.AuditView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The researcher's screens open from the start screen, on the project that is open there. */
class ResearchScreensUiTest extends AppWindowTest {
    @Test
    void agreementAndAuditOpenOnTheSampleProject(FxRobot robot) throws Exception {
        launch();
        snapshot(stage.getScene(), "start-with-research.png");

        robot.clickOn("#research-agreement");
        waitUntil(() -> app.researchWindows().size() == 1);
        Stage agreement = fx(() -> app.researchWindows().get(0));
        assertThat(fx(agreement::getTitle)).startsWith("AF Annotator").contains("Agreement");
        AgreementDashboardView dashboard = (AgreementDashboardView) fx(() -> agreement.getScene().getRoot());
        waitUntil(() -> allText(dashboard).stream().anyMatch(t -> t.startsWith("95% CI [")));
        assertThat(fx(() -> allText(dashboard))).anyMatch(t -> t.contains("35 transcripts with a finished label"));

        fxRun(() -> app.openResearch(org.afannotator.ui.start.ResearchScreen.AUDIT));
        waitUntil(() -> app.researchWindows().size() == 2);
        Stage audit = fx(() -> app.researchWindows().get(1));
        assertThat(fx(() -> audit.getScene().getRoot())).isInstanceOf(AuditView.class);
        assertThat(fx(audit::getTitle)).contains("Classifier audit");
        // The window reads the project's classifiers and audits the first one.
        AuditView auditView = fx(() -> (AuditView) audit.getScene().getRoot());
        waitUntil(() -> auditView.viewModel().auditProperty().get() != null);

        fxRun(() -> app.openResearch(org.afannotator.ui.start.ResearchScreen.ADJUDICATION));
        waitUntil(() -> app.researchWindows().size() == 3);
        Stage adjudication = fx(() -> app.researchWindows().get(2));
        assertThat(fx(() -> adjudication.getScene().getRoot()))
                .isInstanceOf(org.afannotator.ui.adjudication.AdjudicationView.class);

        // Opening another project closes the windows that belong to the old one.
        Path other = data.resolve("other.afproj");
        fxRun(() -> app.startViewModel().create(other));
        waitUntil(() -> other.equals(app.startViewModel().projectProperty().get()));
        waitUntil(() -> app.researchWindows().isEmpty());
    }

    @Test
    void theStartScreenCountsAgainWhenTheExportDialogClosesAndEnterOpensARecentProject(FxRobot robot) throws Exception {
        launch();
        waitUntil(() -> fx(() -> app.startViewModel().projectInfoProperty().get()).contains("annotations"));
        String before = fx(() -> app.startViewModel().projectInfoProperty().get());
        fxRun(() -> app.openResearch(org.afannotator.ui.start.ResearchScreen.EXCHANGE));
        javafx.stage.Window dialog = fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow());
        // What a merge does, by another hand: one more finished label.
        Path project = fx(() -> app.startViewModel().projectProperty().get());
        try (org.afannotator.store.ProjectStore other = org.afannotator.store.ProjectStore.open(project)) {
            var work = new org.afannotator.app.RaterWorkService(other, java.time.Clock.systemUTC());
            var zed = work.signIn("Zed");
            String id = other.assignments().queue(zed.id()).get(0);
            other.annotations().save(new org.afannotator.domain.Annotation(id, zed.id(), "faking", null, null, "",
                    org.afannotator.domain.AnnotationStatus.DONE, 0, java.time.Instant.now(), java.time.Instant.now()));
        }
        fxRun(dialog::hide);
        // Regression: the start screen kept the old count until the next rating session.
        waitUntil(() -> !before.equals(fx(() -> app.startViewModel().projectInfoProperty().get())));
        int annotations = Integer.parseInt(before.replaceAll(".* (\\d+) annotations.*", "$1"));
        assertThat(fx(() -> app.startViewModel().projectInfoProperty().get())).contains((annotations + 1) + " annotations");

        Path other = data.resolve("other.afproj");
        fxRun(() -> app.startViewModel().create(other));
        waitUntil(() -> other.equals(app.startViewModel().projectProperty().get()));
        ListView<?> recent = robot.lookup("#recent-projects").queryAs(ListView.class);
        fxRun(() -> {
            recent.getSelectionModel().select(1);
            recent.requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> project.equals(app.startViewModel().projectProperty().get()));
    }

    static void snapshot(Scene scene, String name) throws Exception {
        FxTestSupport.screenshot(scene, name);
    }
}
