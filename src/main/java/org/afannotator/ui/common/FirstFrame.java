package org.afannotator.ui.common;

import javafx.scene.Scene;

/** Work tied to a scene's next layout pulse: its first frame, when called before the window shows. */
public final class FirstFrame {
    private FirstFrame() {
    }

    /**
     * Runs {@code action} once, on the FX thread, at the end of the scene's next layout pulse
     * (before that frame is drawn: anything slow belongs in a {@code Platform.runLater} from it).
     */
    public static void afterLayout(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
