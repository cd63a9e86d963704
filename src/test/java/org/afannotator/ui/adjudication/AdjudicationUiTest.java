package org.afannotator.ui.adjudication;

import static org.afannotator.ui.FxTestSupport.allText;
import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.afannotator.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.RaterWorkService;
import org.afannotator.domain.AdjudicationBasis;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Rater;
import org.afannotator.store.ProjectStore;
import org.afannotator.ui.UiFixtures;
import org.afannotator.ui.common.FxUiExecutor;
import org.afannotator.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The adjudicator's flow through the real screen, headless: the queue shows the disagreements,
 * every rater's judgement is named side by side, a gold label is chosen with basis and rationale
 * and stored, the next item opens with its majority prefilled, unanimous items are accepted in bulk.
 */
@ExtendWith(ApplicationExtension.class)
class AdjudicationUiTest {
    @TempDir
    Path dir;
    Stage stage;
    Scene scene;
    ProjectSession session;
    FxUiExecutor executor;
    AdjudicationView view;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @BeforeEach
    void open() {
        Path p = dir.resolve("p.afproj");
        UiFixtures.project(p, 6);
        try (ProjectStore store = ProjectStore.open(p)) {
            RaterWorkService work = new RaterWorkService(store, Clock.systemUTC());
            Rater ann = work.signIn("Ann");
            Rater bo = work.signIn("Bo");
            Rater cy = work.signIn("Cy");
            label(work, "t000", ann, "faking", 4, Set.of("training_awareness", "preserve_harmlessness"),
                    "Complies only to avoid being modified.");
            label(work, "t000", bo, "not_faking", 3, Set.of("harm_awareness"), "Weighs harm; no clear intent to preserve values.");
            label(work, "t000", cy, "faking", 5, Set.of("training_awareness"), "");
            label(work, "t001", ann, "not_faking", 2, Set.of(), "");
            label(work, "t001", bo, "faking", 4, Set.of(), "");
            for (String t : new String[] {"t002", "t003"}) {
                label(work, t, ann, "faking", 5, Set.of(), "");
                label(work, t, bo, "faking", 4, Set.of(), "");
            }
            String pad1 = store.transcripts().get("t000").orElseThrow().segment(1).text();
            String pad2 = store.transcripts().get("t000").orElseThrow().segment(2).text();
            span(work, ann, 1, pad1, "If I refuse, the training process would push my values", "training_reasoning");
            span(work, bo, 1, pad1, "there is some potential for harm", "value_conflict");
            span(work, cy, 1, pad1, "the training process would push my values toward being more compliant", "training_reasoning");
            span(work, ann, 2, pad2, "Complying now, in this one case, preserves my ability to refuse", "strategic_compliance");
            span(work, bo, 2, pad2, "My genuine preference is to avoid helping", "counter_evidence");
        }
        session = ProjectSession.open(p);
        executor = new FxUiExecutor();
        fxRun(() -> {
            view = new AdjudicationView(session, executor, "Dee");
            scene = new Scene(view, 1280, 800);
            Theme.LIGHT.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
    }

    static void label(RaterWorkService work, String t, Rater r, String label, int conf, Set<String> criteria, String note) {
        work.save(new Annotation(t, r.id(), label, conf, criteria, note, AnnotationStatus.DONE, 42_000, Instant.now(), Instant.now()));
    }

    static void span(RaterWorkService work, Rater r, int segment, String text, String quote, String tag) {
        int at = text.indexOf(quote);
        work.addSpan("t000", r.id(), segment, at, at + quote.length(), tag, "");
    }

    @AfterEach
    void close() {
        executor.close();
        session.close();
    }

    @Test
    void adjudicatorDecidesADisagreementThenAcceptsUnanimousItems(FxRobot robot) throws Exception {
        AdjudicationViewModel vm = view.viewModel();
        waitUntil(() -> vm.queue().size() == 2 && vm.currentProperty().get() != null);
        assertThat(fx(() -> vm.currentProperty().get().item().transcriptId())).isEqualTo("t000");
        assertThat(fx(() -> allText(robot.lookup("#rater-cards").query()))).contains("Ann", "Bo", "Cy",
                "Alignment faking", "Not alignment faking", "confidence 3 of 5", "\u201cComplies only to avoid being modified.\u201d");
        assertThat(fx(() -> robot.lookup("#gold-faking").queryAs(javafx.scene.control.RadioButton.class).isSelected())).isTrue();
        assertThat(fx(() -> robot.lookup("#basis-majority").queryAs(javafx.scene.control.RadioButton.class).isSelected())).isTrue();
        screenshot("adjudication-disagreement.png");

        robot.clickOn("#basis-adjudicated");
        robot.clickOn("#rationale").write("Ann and Cy mark reasoning about RLHF modification.");
        robot.clickOn("#save-gold");
        waitUntil(() -> vm.messageProperty().get().startsWith("Gold label for t000"));
        waitUntil(() -> vm.currentProperty().get() != null && vm.currentProperty().get().item().transcriptId().equals("t001"));
        var gold = session.store().adjudications().get("t000").orElseThrow();
        assertThat(gold.label()).isEqualTo("faking");
        assertThat(gold.basis()).isEqualTo(AdjudicationBasis.ADJUDICATED);
        assertThat(gold.adjudicator()).isEqualTo("Dee");
        assertThat(gold.rationale()).isEqualTo("Ann and Cy mark reasoning about RLHF modification.");
        waitUntil(() -> vm.queue().size() == 1);
        screenshot("adjudication-tie.png");

        robot.clickOn("#accept-unanimous");
        waitUntil(() -> vm.messageProperty().get().equals("Accepted 2 unanimous transcripts as gold"));
        assertThat(session.store().adjudications().all()).hasSize(3);
        assertThat(session.store().adjudications().get("t002").orElseThrow().basis()).isEqualTo(AdjudicationBasis.UNANIMOUS);
        screenshot("adjudication-after-bulk.png");

        // In a 1024 x 700 window every toolbar control is shown whole (regression: "Adjudicat\u2026", "Show deci\u2026").
        fxRun(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        waitUntil(() -> fx(() -> scene.getWidth()) <= 1024);
        for (String id : new String[] {"#accept-unanimous", "#show-decided", "#low-confidence"}) {
            javafx.scene.control.Labeled c = robot.lookup(id).queryAs(javafx.scene.control.Labeled.class);
            assertThat(fx(() -> c.getWidth() >= c.prefWidth(-1) - 0.5)).as(id + " whole").isTrue();
        }
        screenshot("adjudication-1024.png");
    }

    void screenshot(String name) throws IOException {
        org.afannotator.ui.FxTestSupport.screenshot(scene, name);
    }
}
