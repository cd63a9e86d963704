package org.afannotator.ui;

import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** On first start (an empty data folder) the window lands on the default project with the samples. */
class FirstStartUiTest extends AppWindowTest {
    @Test
    void firstStartOpensTheDefaultProjectWithTheSampleTranscripts(FxRobot robot) {
        assertThat(Files.exists(data.resolve("default.afproj"))).isFalse();
        launch();
        assertThat(fx(() -> stage.getTitle())).startsWith("AF Annotator").contains("default.afproj");
        // The window carries the app's icon (not the platform's default), in three sizes.
        waitUntil(() -> !stage.getIcons().isEmpty());
        assertThat(fx(() -> stage.getIcons().stream().map(i -> i.isError() ? -1 : (int) i.getWidth()).toList()))
                .containsExactly(32, 64, 256);
        String info = fx(() -> ((Label) robot.lookup("#project-info").query()).getText());
        assertThat(Integer.parseInt(info.substring(0, info.indexOf(' ')))).as(info).isPositive();
        robot.clickOn("#rater").write("New Rater").type(KeyCode.ENTER);
        waitUntil(() -> app.workspace() != null && app.workspace().transcriptProperty().get() != null);
        assertThat(fx(() -> ((Label) robot.lookup("#transcript-title").query()).getText())).startsWith("Transcript 1 of ");
    }
}
