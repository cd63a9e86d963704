package org.afannotator.ui;

import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.afannotator.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.afannotator.ui.adjudication.AdjudicationView;
import org.afannotator.ui.audit.AuditView;
import org.afannotator.ui.common.Theme;
import org.afannotator.ui.start.ResearchScreen;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Every screen styles itself without a CSS lookup JavaFX cannot resolve: the start screen, the
 * workspace (a transcript opened, the next one, a span drawn, the span menu), the shortcut sheet
 * and the research screens, in the light and the dark theme. JavaFX reports such a lookup as a
 * "Could not resolve" warning on its {@code javafx.css} logger (a {@code System.Logger}, backed by
 * java.util.logging), which ends up on the terminal of everyone who starts the app from a shell.
 */
class CssWarningsUiTest extends AppWindowTest {
    /** Held here: java.util.logging keeps loggers only weakly, and the handler must stay attached. */
    private static final Logger CSS_LOG = Logger.getLogger("javafx.css");

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile String step = "";
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(step + ": " + r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        CSS_LOG.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        CSS_LOG.removeHandler(handler);
        fxRun(() -> Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage).map(w -> (Stage) w)
                .toList().forEach(Stage::close));
        fxRun(Theme.LIGHT::applyUserAgentStylesheet);
    }

    @Test
    void lightThemeResolvesEveryLookup(FxRobot robot) {
        walkThrough(robot, Theme.LIGHT);
    }

    @Test
    void darkThemeResolvesEveryLookup(FxRobot robot) {
        walkThrough(robot, Theme.DARK);
    }

    /** The whole round on the sample project, then no "Could not resolve" on the CSS logger. */
    private void walkThrough(FxRobot robot, Theme theme) {
        step = "start screen";
        launch();
        fxRun(() -> app.setTheme(theme));
        waitUntil(() -> !app.startViewModel().busyProperty().get());
        settle();

        step = "workspace";
        robot.clickOn("#rater").write("Css Rater").type(KeyCode.ENTER);
        waitUntil(() -> app.workspace() != null && app.workspace().transcriptProperty().get() != null);
        settle();

        // The transcript keeps the theme's colours: its text and caret in the theme's foreground.
        javafx.scene.paint.Color text = fx(() -> transcriptText("text", t -> ((javafx.scene.text.Text) t).getFill()));
        javafx.scene.paint.Color caret = fx(() -> transcriptText("caret", t -> ((javafx.scene.shape.Path) t).getStroke()));
        assertThat(caret).isEqualTo(text);
        if (theme == Theme.LIGHT) {
            assertThat(text.getBrightness()).as("dark text on light").isLessThan(0.4);
        } else {
            assertThat(text.getBrightness()).as("light text on dark").isGreaterThan(0.7);
        }

        step = "next transcript (J)";
        robot.type(KeyCode.J);
        waitUntil(() -> app.workspace().positionProperty().get() == 1);
        settle();

        step = "span drawn";
        var transcript = fx(() -> ((org.afannotator.ui.workspace.WorkspaceView) stage.getScene().getRoot()).transcript());
        StyleClassedTextArea area = fx(transcript::area);
        int pad = fx(() -> transcript.segmentStart(1));
        Bounds first = fx(() -> area.getCharacterBoundsOnScreen(pad, pad + 1).orElseThrow());
        robot.clickOn(first.getMinX() + 1, first.getCenterY());
        for (int i = 0; i < 6; i++) {
            robot.push(KeyCode.SHIFT, KeyCode.RIGHT);
        }
        robot.push(KeyCode.SHIFT, KeyCode.DIGIT1);
        waitUntil(() -> app.workspace().spansProperty().get().size() == 1);
        settle();

        step = "span menu";
        Bounds inSpan = fx(() -> area.getCharacterBoundsOnScreen(pad + 2, pad + 3).orElseThrow());
        robot.clickOn(inSpan.getCenterX(), inSpan.getCenterY());
        RaterWorkflowUiTest.spanMenu();
        settle();
        robot.type(KeyCode.ESCAPE);

        step = "submit and next (Enter)";
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> "faking".equals(app.workspace().labelProperty().get()));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> app.workspace().positionProperty().get() == 2);
        settle();

        step = "shortcut sheet";
        robot.write("?");
        waitUntil(() -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
        settle();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#shortcut-sheet").tryQuery().isEmpty());

        step = "back to start";
        robot.clickOn("#back-to-start");
        waitUntil(() -> "start".equals(stage.getScene().getRoot().getId()));
        settle();

        step = "agreement";
        fxRun(() -> app.openResearch(ResearchScreen.AGREEMENT));
        waitUntil(() -> app.researchWindows().size() == 1);
        waitUntil(() -> FxTestSupport.allText(app.researchWindows().get(0).getScene().getRoot()).stream()
                .anyMatch(t -> t.startsWith("95% CI [")));
        settle();

        step = "audit";
        fxRun(() -> app.openResearch(ResearchScreen.AUDIT));
        waitUntil(() -> app.researchWindows().size() == 2);
        AuditView audit = fx(() -> (AuditView) app.researchWindows().get(1).getScene().getRoot());
        waitUntil(() -> audit.viewModel().auditProperty().get() != null && audit.viewModel().reportProperty().get() != null);
        settle();

        step = "disagreement browser";
        int before = fx(() -> Window.getWindows().size());
        fxRun(() -> ((javafx.scene.control.Button) audit.lookup("#browse-disagreements")).fire());
        waitUntil(() -> Window.getWindows().size() > before);
        settle();

        step = "adjudication";
        fxRun(() -> app.openResearch(ResearchScreen.ADJUDICATION));
        waitUntil(() -> app.researchWindows().size() == 3);
        AdjudicationView adjudication = fx(() -> (AdjudicationView) app.researchWindows().get(2).getScene().getRoot());
        waitUntil(() -> adjudication.viewModel().currentProperty().get() != null);
        settle();

        assertThat(warnings).as("CSS warnings in the %s theme", theme).filteredOn(w -> w.contains("Could not resolve"))
                .isEmpty();
    }

    /** The colour of the transcript area's first node with style class {@code styleClass} and no other. */
    private javafx.scene.paint.Color transcriptText(String styleClass,
            java.util.function.Function<javafx.scene.Node, javafx.scene.paint.Paint> paint) {
        javafx.scene.Node area = stage.getScene().lookup("#transcript-text");
        return (javafx.scene.paint.Color) paint.apply(area.lookupAll("." + styleClass).stream()
                .filter(n -> n.getStyleClass().equals(List.of(styleClass))).findFirst().orElseThrow());
    }

    /** Lets the pulses after a step run, so the CSS of what the step showed is computed. */
    private static void settle() {
        for (int i = 0; i < 3; i++) {
            fxRun(() -> Window.getWindows().forEach(w -> {
                if (w.getScene() != null) {
                    w.getScene().getRoot().applyCss();
                    w.getScene().getRoot().layout();
                }
            }));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
