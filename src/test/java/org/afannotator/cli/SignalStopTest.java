package org.afannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalStopTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopAsked = new CountDownLatch(1);

    private SignalStop signalStop(long waitMillis) {
        return new SignalStop(() -> {
            events.add("stop");
            stopAsked.countDown();
        }, waitMillis, code -> events.add("halt " + code));
    }

    private Thread signal(SignalStop s) {
        Thread t = new Thread(() -> {
            s.onSignal();
            events.add("hook done");
        });
        t.start();
        return t;
    }

    @Test
    void aSignalDuringTheWorkStopsItAndKeepsTheSignalsExitCode() throws Exception {
        SignalStop s = signalStop(10_000);
        Thread hook = signal(s);
        assertTrue(stopAsked.await(5, TimeUnit.SECONDS));
        events.add("summary printed");
        s.printed(true, ExitCodes.OK);
        hook.join(5_000);
        assertEquals(List.of("stop", "summary printed", "hook done"), events, "no halt: the JVM ends with 130/143");
        assertTrue(s.signalled());
    }

    @Test
    void aSignalAfterTheWorkFinishedEndsWithTheCommandsOwnExitCode() throws Exception {
        SignalStop s = signalStop(10_000);
        events.add("summary printed");
        s.printed(false, ExitCodes.OK);
        signal(s).join(5_000);
        assertEquals(List.of("summary printed", "stop", "halt 0", "hook done"), events);
    }

    @Test
    void aFailureMeanwhileIsPrintedBeforeTheJvmEndsWithItsExitCode() throws Exception {
        SignalStop s = signalStop(10_000);
        Thread hook = signal(s);
        assertTrue(stopAsked.await(5, TimeUnit.SECONDS));
        Thread.sleep(50); // the hook is waiting for the outcome, not ending the JVM
        assertFalse(events.contains("hook done"));
        events.add("error printed");
        s.printed(false, ExitCodes.FAILURE);
        hook.join(5_000);
        assertEquals(List.of("stop", "error printed", "halt " + ExitCodes.FAILURE, "hook done"), events);
    }

    @Test
    void theWaitIsBoundedWhenNothingIsPrinted() throws Exception {
        SignalStop s = signalStop(100);
        long t0 = System.nanoTime();
        signal(s).join(5_000);
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(100));
        assertEquals(List.of("stop", "hook done"), events);
    }

    @Test
    void anEscapedFailureReleasesTheWaitWithTheSignalsExitCode() throws Exception {
        SignalStop s = signalStop(10_000);
        Thread hook = signal(s);
        assertTrue(stopAsked.await(5, TimeUnit.SECONDS));
        s.close();
        hook.join(5_000);
        assertEquals(List.of("stop", "hook done"), events);
    }
}
