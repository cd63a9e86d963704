package org.afannotator.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupTraceTest {
    @Test
    void lineGivesMillisecondsSinceProcessStartAndSinceMain() {
        // process started at 10,000 ms; now 11,234 ms; main at 5,000,000 ns, now 1,061,999,999 ns
        assertThat(StartupTrace.line(11_234, 10_000, 1_061_999_999L, 5_000_000L, "JavaFX Application Thread", "stage shown"))
                .isEqualTo("startup 1234 1056 [JavaFX Application Thread] stage shown");
    }

    @Test
    void unknownProcessStartPrintsMinusOne() {
        assertThat(StartupTrace.line(11_234, -1, 2_000_000L, 0, "main", "main")).isEqualTo("startup -1 2 [main] main");
    }
}
