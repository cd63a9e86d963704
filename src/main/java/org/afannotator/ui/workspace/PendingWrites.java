package org.afannotator.ui.workspace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.afannotator.app.RaterWorkService;

/**
 * The workspace's writes in the order the rater made them, with those the project could not take
 * yet (the disk was full, the file busy). A write that fails that way stays first in line and is
 * tried again, before any later one, by the next write, by a read and by Ctrl+S; nothing behind it
 * is written before it. A write refused for its content is dropped and reported: trying it again
 * cannot help.
 *
 * <p>{@link #writeAll} and {@link #tryWaiting} run on the worker (one at a time, in job order);
 * {@link #take} runs on the FX thread and hands over what was written since, so the view model can
 * apply each write's result there.
 */
final class PendingWrites {
    /** One change: the store work, what to do with its result on the FX thread, and the show it was made on. */
    record Write<T>(Callable<T> work, Consumer<T> done, int shownAt) {
    }

    /** A write that went through, with its result. */
    record Written(Write<?> write, Object result) {
        @SuppressWarnings("unchecked")
        void apply() {
            ((Consumer<Object>) write.done()).accept(result);
        }
    }

    /** What happened since the last {@link #take}: writes done, writes refused, writes still waiting. */
    record Outcome(List<Written> written, List<Throwable> refused, int waiting, Throwable lastFailure) {
    }

    private final Deque<Write<?>> waiting = new ArrayDeque<>();
    private final List<Written> written = new ArrayList<>();
    private final List<Throwable> refused = new ArrayList<>();
    private Throwable lastFailure;

    /** Worker: queues {@code w} behind what waits and writes them all, in order; throws as {@link #writeWaiting}. */
    void writeAll(Write<?> w) throws Exception {
        synchronized (this) {
            waiting.addLast(w);
        }
        writeWaiting();
    }

    /**
     * Worker: writes what waits, in order. Throws the failure of the first write that must wait
     * again (it stays first, the rest behind it), or, once all that could be written is, the first
     * refusal.
     */
    void writeWaiting() throws Exception {
        Exception refusal = null;
        while (true) {
            Write<?> head;
            synchronized (this) {
                head = waiting.peekFirst();
            }
            if (head == null) {
                break;
            }
            Object result;
            try {
                result = head.work().call();
            } catch (Exception e) {
                synchronized (this) {
                    lastFailure = e;
                    if (RaterWorkService.worthRetrying(e)) {
                        throw e;
                    }
                    waiting.removeFirst();
                    refused.add(e);
                }
                refusal = refusal == null ? e : refusal;
                continue;
            }
            synchronized (this) {
                waiting.removeFirst();
                written.add(new Written(head, result));
                lastFailure = null;
            }
        }
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Worker, before a read: writes what waits if it can; a failure is left for {@link #take} to report. */
    void tryWaiting() {
        if (waitingNow() == 0) {
            return;
        }
        try {
            writeWaiting();
        } catch (Exception e) {
            // Kept (waiting) or recorded (refused); the FX thread learns of it from take().
        }
    }

    /** FX thread: what was written or refused since the last call, and what still waits. */
    synchronized Outcome take() {
        Outcome o = new Outcome(List.copyOf(written), List.copyOf(refused), waiting.size(), lastFailure);
        written.clear();
        refused.clear();
        return o;
    }

    /** How many writes wait now (any thread). */
    synchronized int waitingNow() {
        return waiting.size();
    }
}
