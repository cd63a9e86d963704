package org.afannotator.ui.exchange;

import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.afannotator.app.ProjectSession;
import org.afannotator.ui.UiFixtures;
import org.afannotator.ui.common.FxUiExecutor;
import org.afannotator.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The export dialog keeps the window's theme, shows its buttons whole and closes with Esc. */
@ExtendWith(ApplicationExtension.class)
class ExchangeDialogUiTest {
    @TempDir
    Path dir;
    Stage stage;
    ProjectSession session;
    FxUiExecutor executor;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterEach
    void close() {
        fxRun(() -> {
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
            Theme.LIGHT.applyUserAgentStylesheet();
        });
        if (executor != null) {
            executor.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void darkStaysDarkButtonsAreWholeAndEscCloses() {
        Path p = dir.resolve("p.afproj");
        UiFixtures.project(p, 3);
        session = ProjectSession.open(p);
        executor = new FxUiExecutor();
        String dark = fx(() -> {
            Theme.DARK.applyUserAgentStylesheet();
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
            stage.show();
            return Application.getUserAgentStylesheet();
        });
        fxRun(() -> ExchangeDialog.show(stage, executor, session, Theme.DARK));
        Window dialog = fx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow());
        // Regression: the dialog set the light theme on the whole application.
        assertThat(fx(Application::getUserAgentStylesheet)).isEqualTo(dark);
        List<Button> buttons = fx(() -> dialog.getScene().getRoot().lookupAll(".button").stream()
                .map(Button.class::cast).toList());
        assertThat(buttons).extracting(Button::getText)
                .contains("Export data\u2026", "Write HTML report\u2026", "Write bundle\u2026", "Merge bundles\u2026", "Close");
        for (Button b : buttons) {
            // Regression: cut to "Exp\u2026" in a 640 px dialog.
            assertThat(fx(() -> b.getWidth() >= b.prefWidth(-1) - 0.5)).as(b.getText() + " shown whole").isTrue();
        }
        fxRun(() -> javafx.event.Event.fireEvent(dialog.getScene().getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                KeyCode.ESCAPE, false, false, false, false)));
        assertThat(fx(dialog::isShowing)).as("Esc closes the dialog").isFalse();
    }
}
