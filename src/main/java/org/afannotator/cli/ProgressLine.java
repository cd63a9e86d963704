package org.afannotator.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line of progress on stderr for a long command: redrawn in place after a carriage return, at
 * most every {@link #INTERVAL_NANOS}, and erased when the command ends, so that what the command
 * prints afterwards starts on a clean line. A message printed meanwhile ("busy, retrying") goes
 * above the line through {@link #println}. Thread-safe: an import reports from its writing thread.
 */
final class ProgressLine implements AutoCloseable {
    /** The shortest time between two redraws. */
    static final long INTERVAL_NANOS = 200_000_000L;

    /** The line on screen, for messages from elsewhere (one command runs at a time). */
    private static volatile ProgressLine active;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastDraw;
    /** The text on screen now, "" when nothing is. */
    private String shown = "";
    private boolean closed;

    private ProgressLine(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    /** A progress line on {@code err}; the clock gives nanoseconds (tests pass their own). */
    static ProgressLine open(PrintWriter err, LongSupplier nanoClock) {
        ProgressLine p = new ProgressLine(err, nanoClock);
        active = p;
        return p;
    }

    /** Nanoseconds since the line was opened. */
    long elapsedNanos() {
        return nanoClock.getAsLong() - started;
    }

    /** Shows {@code text} unless the last redraw was less than {@link #INTERVAL_NANOS} ago. */
    synchronized void update(String text) {
        long now = nanoClock.getAsLong();
        if (closed || (!shown.isEmpty() && now - lastDraw < INTERVAL_NANOS)) {
            return;
        }
        draw(text);
        lastDraw = now;
    }

    /** Prints {@code message} on a line of its own above the progress line, then redraws it. */
    synchronized void message(String message) {
        String keep = shown;
        erase();
        err.println(message);
        if (!closed && !keep.isEmpty()) {
            draw(keep);
        }
        err.flush();
    }

    /** Erases the line; later updates are ignored. */
    @Override
    public synchronized void close() {
        erase();
        err.flush();
        closed = true;
        if (active == this) {
            active = null;
        }
    }

    /** {@code message} above the progress line when one is on screen, else on {@code fallback}. */
    static void println(String message, PrintStream fallback) {
        ProgressLine p = active;
        if (p != null) {
            p.message(message);
        } else {
            fallback.println(message);
        }
    }

    /**
     * The widest line drawn: one less than the terminal's columns ({@code COLUMNS} when the shell
     * exports it, else 80), so that the line never wraps (a carriage return only goes back to the
     * start of the last row, and every redraw of a wrapped line would leave a row behind).
     */
    static int width() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
            return Math.max(20, columns - 1);
        } catch (NumberFormatException e) {
            return 79;
        }
    }

    private void draw(String full) {
        int width = width();
        String text = full.length() <= width ? full : full.substring(0, width - 1) + "\u2026";
        // Spaces over whatever the previous, longer text left behind.
        String pad = text.length() < shown.length() ? " ".repeat(shown.length() - text.length()) : "";
        err.print("\r" + text + pad);
        err.flush();
        shown = text;
    }

    private void erase() {
        if (!shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            shown = "";
        }
    }

    /**
     * Whether this process's stderr is a terminal: on Linux from {@code /proc/self/fd/2}, elsewhere
     * whether the JVM has a console (stdin and stdout terminals).
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /**
     * Time spent, and the time left estimated from the fraction done (once a second and 1% have
     * passed, while it is a second or more): "12 s" or "12 s, about 20 s left".
     */
    static String timing(long elapsedNanos, double fraction) {
        String spent = duration(elapsedNanos);
        long left = fraction > 0 ? (long) (elapsedNanos * (1 - fraction) / fraction) : 0;
        if (elapsedNanos >= 1_000_000_000L && fraction >= 0.01 && left >= 1_000_000_000L) {
            return spent + ", about " + duration(left) + " left";
        }
        return spent;
    }

    /** "12 s", "2 min 05 s", "1 h 02 min". */
    static String duration(long nanos) {
        long s = Math.max(0, Math.round(nanos / 1e9));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
