package org.afannotator;

import org.afannotator.app.StartupTrace;
import org.afannotator.cli.MainCommand;
import org.afannotator.ui.AfAnnotatorApp;
import org.afannotator.ui.common.Splash;

/**
 * Entry point of the jar. No arguments: the desktop app. Otherwise: the command line. This class
 * must not extend Application, or {@code java -jar} on the shaded jar fails to find JavaFX.
 */
public final class Launcher {
    /** JavaFX's own logger; held, so that the filter set on it is not lost with a collected logger. */
    private static final java.util.logging.Logger JAVAFX = java.util.logging.Logger.getLogger("javafx");
    /** What JavaFX logs at every start when it runs from the class path, as this jar means it to. */
    static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    private Launcher() {
    }

    /**
     * Drops JavaFX's start-up warning about running from the class path (the jar carries JavaFX on
     * it on purpose: one file, {@code java -jar}); it tells a user nothing. Every other JavaFX
     * message, CSS warnings among them (logger {@code javafx.css}), is printed as before.
     */
    static void quietClassPathWarning() {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING));
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            StartupTrace.mark("main");
            quietClassPathWarning();
            AfAnnotatorApp.main(args);
        } else {
            if (Splash.requested()) {
                Splash.close(); // the packaged launcher shows it for the command line too
            }
            System.exit(MainCommand.run(args));
        }
    }
}
