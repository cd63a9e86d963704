package org.afannotator.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * What Ctrl+C (SIGINT) or SIGTERM does while a long command runs. The signal asks the work to stop, then waits (at
 * most a bound) until the command has printed its outcome, so that neither a summary nor an error line is cut off by
 * the JVM's exit. The exit code then fits what was printed: the signal's own (130, 143) when the work was stopped by
 * it; the command's own when the work had already finished, or failed for another reason, before the stop took hold.
 */
final class SignalStop implements AutoCloseable {
    private final Runnable stop;
    private final IntConsumer halt;
    private final long waitMillis;
    private final CountDownLatch printed = new CountDownLatch(1);
    private final Thread hook;
    /** The command's own exit code, when its printed outcome is not "stopped by the signal". */
    private volatile Integer ownExit;
    private volatile boolean signalled;

    SignalStop(Runnable stop, long waitMillis, IntConsumer halt) {
        this.stop = stop;
        this.waitMillis = waitMillis;
        this.halt = halt;
        this.hook = new Thread(this::onSignal, "af-signal-stop");
    }

    /** Registers the shutdown hook that runs {@code stop} on Ctrl+C or SIGTERM. */
    static SignalStop install(Runnable stop, long waitSeconds) {
        SignalStop s = new SignalStop(stop, TimeUnit.SECONDS.toMillis(waitSeconds), code -> Runtime.getRuntime().halt(code));
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /**
     * The command has printed its outcome. {@code stopped}: the work ended because it was asked to stop (the signal's
     * exit code stands); otherwise the JVM, if a signal came meanwhile, ends with {@code exitCode}.
     */
    void printed(boolean stopped, int exitCode) {
        if (!stopped) {
            ownExit = exitCode;
        }
        printed.countDown();
    }

    /** Whether a signal came while the command ran. */
    boolean signalled() {
        return signalled;
    }

    /** The shutdown hook's work (public to the package for tests, which pass a {@code halt} that records). */
    void onSignal() {
        signalled = true;
        stop.run();
        try {
            printed.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Integer code = ownExit;
        if (code != null) {
            halt.accept(code);
        }
    }

    /** The command is over: a signal from now on ends the JVM as usual. */
    @Override
    public void close() {
        printed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down already (the hook runs and has just been released), or never registered (tests)
        }
    }
}
