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
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            StartupTrace.mark("main");
            AfAnnotatorApp.main(args);
        } else {
            if (Splash.requested()) {
                Splash.close(); // the packaged launcher shows it for the command line too
            }
            System.exit(MainCommand.run(args));
        }
    }
}
