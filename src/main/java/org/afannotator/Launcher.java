package org.afannotator;

import org.afannotator.app.StartupTrace;
import org.afannotator.cli.MainCommand;
import org.afannotator.ui.AfAnnotatorApp;

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
            System.exit(MainCommand.run(args));
        }
    }
}
