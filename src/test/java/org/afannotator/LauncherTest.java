package org.afannotator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The jar's start drops JavaFX's class-path warning and nothing else JavaFX logs. */
class LauncherTest {
    @Test
    void onlyTheClassPathWarningIsDropped() {
        Logger javafx = Logger.getLogger("javafx");
        Logger css = Logger.getLogger("javafx.css");
        List<String> seen = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        javafx.addHandler(h);
        try {
            Launcher.quietClassPathWarning();
            javafx.warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'");
            javafx.warning("Something else JavaFX says");
            css.log(Level.WARNING, "Could not resolve '-color-x' while resolving lookups for '-fx-text-fill'");
            assertThat(seen).containsExactly("Something else JavaFX says",
                    "Could not resolve '-color-x' while resolving lookups for '-fx-text-fill'");
        } finally {
            javafx.removeHandler(h);
            javafx.setFilter(null);
        }
    }
}
