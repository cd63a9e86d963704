package org.afannotator.app;

import java.io.PrintStream;

/**
 * Start-up phase timestamps for profiling cold start. Off unless the system property
 * {@code afannotator.startupTrace} is {@code true} or the environment variable
 * {@code AFANNOTATOR_STARTUP_TRACE} is {@code 1}; then each {@link #mark} prints one line to
 * stderr: {@code startup <ms since the process started> <ms since main> <thread> <phase>}.
 * The process start comes from the operating system (10 ms granularity on Linux), so the first
 * column includes the JVM's own boot; the second is exact.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("afannotator.startupTrace")
            || "1".equals(System.getenv("AFANNOTATOR_STARTUP_TRACE"));
    private static final long MAIN_NANOS = System.nanoTime();
    private static final long PROCESS_START_MS = ON
            ? ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L)
            : -1L;
    private static final PrintStream OUT = System.err;

    private StartupTrace() {
    }

    public static boolean enabled() {
        return ON;
    }

    /** Records that start-up reached {@code phase} (no-op unless tracing is on). */
    public static void mark(String phase) {
        if (!ON) {
            return;
        }
        OUT.println(line(System.currentTimeMillis(), PROCESS_START_MS, System.nanoTime(), MAIN_NANOS,
                Thread.currentThread().getName(), phase));
    }

    /**
     * One trace line: {@code startup <nowMs - processStartMs> <(nowNanos - mainNanos) in whole ms>
     * [thread] phase}; an unknown process start (negative) prints -1.
     */
    static String line(long nowMs, long processStartMs, long nowNanos, long mainNanos, String thread, String phase) {
        long sinceMain = (nowNanos - mainNanos) / 1_000_000;
        long sinceStart = processStartMs < 0 ? -1 : nowMs - processStartMs;
        // plain concatenation: a Formatter would load classes of its own into the figures
        return "startup " + sinceStart + " " + sinceMain + " [" + thread + "] " + phase;
    }
}
