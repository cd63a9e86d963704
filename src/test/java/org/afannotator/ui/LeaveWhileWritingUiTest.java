package org.afannotator.ui;

import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.afannotator.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Leaving the workspace waits for its writes with the window live: a second way out asked for
 * meanwhile (back to the start screen while a close waits) is ignored, and the first one finishes.
 */
class LeaveWhileWritingUiTest extends AppWindowTest {
    @BeforeEach
    void fixtures() {
        UiFixtures.project(data.resolve("default.afproj"), 4);
    }

    @Test
    void backToStartWhileACloseWaitsForTheWritesIsIgnoredAndTheWindowCloses(FxRobot robot) throws Exception {
        launch();
        robot.clickOn("#rater").write("Ann").type(KeyCode.ENTER);
        waitUntil(() -> app.workspace() != null && app.workspace().transcriptProperty().get() != null);
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        fxRun(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e)));

        // A slow write ahead (a busy file, a slow disk) holds the worker.
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        app.executor().submit(p -> {
            holding.countDown();
            hold.await();
            return null;
        }, r -> { }, e -> { });
        holding.await();

        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        Platform.runLater(() -> ((Button) robot.lookup("#back-to-start").query()).fire());
        // Both handled (the second inside the first's wait) before the worker goes on.
        fxRun(() -> { });
        assertThat(fx(() -> app.workspace())).as("back to start was ignored").isNotNull();
        hold.countDown();
        waitUntil(() -> app.workspace() == null || !fx(() -> stage.isShowing()));
        org.testfx.util.WaitForAsyncUtils.clearExceptions();
        assertThat(thrown).as("exceptions on the FX thread").isEmpty();
    }
}
