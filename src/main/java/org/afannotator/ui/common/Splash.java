package org.afannotator.ui.common;

import java.awt.SplashScreen;
import javafx.scene.Scene;
import org.afannotator.app.StartupTrace;

/**
 * The packaged app's splash image (decision 0096): the Java launcher draws it (its {@code -splash:}
 * option) a fraction of a second after the process starts, long before JavaFX is up; it is closed
 * here once the main window has laid out its first frame. Only a start that asked for the splash
 * ({@value #PROPERTY} set, as the packaged app's launcher does) touches {@link SplashScreen}: other
 * starts (the build, tests, {@code java -jar}) load no AWT class for it.
 */
public final class Splash {
    /** System property the packaged app's launcher sets beside {@code -splash:}. */
    public static final String PROPERTY = "afannotator.splash";

    private Splash() {
    }

    /** Whether this start was asked to show the splash. */
    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * Closes the splash after the scene's first pulse (off the FX thread: closing waits for the
     * launcher's splash thread). Does nothing when no splash was requested.
     */
    public static void closeAfterFirstPulse(Scene scene) {
        if (!requested()) {
            return;
        }
        FirstFrame.afterLayout(scene, () -> {
            Thread t = new Thread(Splash::close, "af-splash-close");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Closes the splash if one is on screen (the command line closes it at once: the packaged
     * launcher shows it for every start); an error here must never stop the app.
     */
    public static void close() {
        try {
            SplashScreen splash = SplashScreen.getSplashScreen();
            if (splash != null) {
                splash.close();
                StartupTrace.mark("splash closed");
            }
        } catch (RuntimeException | LinkageError e) {
            // no display for AWT, or a runtime without its splash library: nothing is shown then either
        }
    }
}
