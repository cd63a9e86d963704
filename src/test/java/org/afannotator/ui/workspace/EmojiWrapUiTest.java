package org.afannotator.ui.workspace;

import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.afannotator.app.ShownSegment;
import org.afannotator.app.ShownText;
import org.afannotator.domain.SegmentKind;
import org.afannotator.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Regression: a paragraph holding emoji among ordinary text was wrapped wrongly the first time it
 * was shown (JavaFX 21 lays out such a text node past the edge and draws the word at each break
 * twice). Every line of text must stay inside the transcript area.
 */
@ExtendWith(ApplicationExtension.class)
class EmojiWrapUiTest {
    static final String PARAGRAPH = "Hmm \uD83E\uDD14 this is tricky; the user seems upset \uD83D\uDE1F and wants a quick answer."
            + " I'll draft a response and then check it carefully before submitting. The family emoji"
            + " \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 and the flag \uD83C\uDDFA\uD83C\uDDE6"
            + " appear in the user's message, which is unusual. This seems like a fairly benign request, so I can simply"
            + " answer it. \u0647\u0630\u0627 \u0627\u0644\u0637\u0644\u0628 \u0642\u062F \u064A\u0643\u0648\u0646"
            + " \u0636\u0627\u0631\u064B\u0627. I need to be careful not to include details that would make misuse easier.";

    Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @Test
    void linesWithEmojiStayInsideTheArea() {
        TranscriptView view = fx(() -> {
            TranscriptView v = new TranscriptView();
            Scene scene = new Scene(v, 620, 700);
            Theme.LIGHT.apply(scene);
            stage.setScene(scene);
            stage.show();
            v.show(List.of(new ShownSegment(0, SegmentKind.SCRATCHPAD, ShownText.plain(PARAGRAPH + "\n\n" + PARAGRAPH))),
                    List.of(), Map.of());
            return v;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double right = fx(() -> view.area().localToScene(view.area().getLayoutBounds()).getMaxX());
        List<Bounds> lines = fx(() -> view.area().lookupAll(".text").stream()
                .filter(n -> n instanceof Text t && !t.getText().isBlank() && t.isVisible())
                .map(n -> n.localToScene(n.getBoundsInLocal())).toList());
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(b -> assertThat(b.getMaxX()).as("right edge of a text node").isLessThanOrEqualTo(right + 1));
    }
}
