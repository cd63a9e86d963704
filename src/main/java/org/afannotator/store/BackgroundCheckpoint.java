package org.afannotator.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Copies a long run of writes from the log into the project file on a thread of its own
 * (decision 0100), so that the writer does not stop for it: the writer's automatic checkpoint is
 * off meanwhile. A thread with its own connection runs a {@code PASSIVE} checkpoint (it never
 * blocks the writer or a reader) whenever the writer has committed {@link #STEP_FRAMES} pages
 * since the last one. Such a checkpoint can never reach the end of a log the writer keeps
 * appending to, and SQLite starts the log over only at a write that begins with every page
 * copied; so once the log holds {@link #RESTART_FRAMES} pages, the writer, between two
 * transactions, copies the few pages still left itself, and its next transaction starts the log
 * over from its beginning. The log file thus stays bounded (about {@code RESTART_FRAMES} pages).
 * A checkpoint that a reader's old snapshot holds back is tried again only after another step of
 * pages.
 *
 * <p>A failure on the thread is kept and ends its work; the writer then copies the log itself at
 * every step. A failure of the writer's second connection turns the writer's own automatic
 * checkpoint back on. Either way no commit is lost or turned into an error, only time.
 */
final class BackgroundCheckpoint implements AutoCloseable {
    /** Pages committed between two checkpoints of the thread (64 MiB of 4 KiB pages). */
    static final long STEP_FRAMES = 16_384;
    /** Log size, in pages, at which the writer completes a checkpoint itself and the log restarts (256 MiB). */
    static final long RESTART_FRAMES = 65_536;
    /**
     * With {@code -Dafannotator.checkpointTrace=true}, each checkpoint the thread completes prints
     * one line to stderr ({@code af-checkpoint: copied C of L log pages}): evidence, for a test
     * that kills an import in another process, that the thread was copying when it was killed.
     */
    private static final boolean TRACE = Boolean.getBoolean("afannotator.checkpointTrace");

    /** The thread's connection. */
    private final Connection connection;
    /**
     * The writer's own second connection for its checks and restart checkpoints: the pragma is
     * refused on a connection with statements still open, as an import's writer has.
     */
    private final Connection probe;
    private final Thread thread;
    private final long stepFrames;
    private final long restartFrames;
    /** Checkpoints run by the thread, and by the writer at a restart point (for tests and benchmarks). */
    private final AtomicInteger byThread = new AtomicInteger();
    private final AtomicInteger byWriter = new AtomicInteger();
    /** Guards the counts below and the thread's wake-up. */
    private final ReentrantLock state = new ReentrantLock();
    private final Condition due = state.newCondition();
    /** Held while a checkpoint copies: the thread's, or the writer's at a restart point. */
    private final ReentrantLock copying = new ReentrantLock();
    /** Pages in the log at the writer's last commit. */
    private long logFrames;
    /** Pages in the log already copied, as the last checkpoint left them. */
    private long copiedFrames;
    /** Log size when the thread last ran a checkpoint; guarded by {@link #state}. */
    private long threadTried;
    /** Log size when the writer last ran one; the writer's thread only (under the store's monitor). */
    private long writerTried;
    private boolean stopping;
    private volatile SQLException failure;
    /** Set on the writer's thread when the probe connection failed. */
    private boolean abandoned;

    private BackgroundCheckpoint(Connection connection, Connection probe, long stepFrames, long restartFrames) {
        this.connection = connection;
        this.probe = probe;
        this.stepFrames = stepFrames;
        this.restartFrames = restartFrames;
        this.thread = new Thread(this::loop, "af-checkpoint");
        thread.setDaemon(true);
    }

    /** Opens the thread's and the writer's connections to {@code project} and starts the thread. */
    static BackgroundCheckpoint start(Path project, int busyTimeoutMs, long stepFrames, long restartFrames)
            throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(busyTimeoutMs);
        Connection c = config.createConnection("jdbc:sqlite:" + project);
        Connection probe;
        try {
            probe = config.createConnection("jdbc:sqlite:" + project);
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        BackgroundCheckpoint bg = new BackgroundCheckpoint(c, probe, stepFrames, restartFrames);
        bg.thread.start();
        return bg;
    }

    /**
     * Called by the writer after each commit, on its connection, between transactions: wakes the
     * thread once enough pages wait; at the restart size, waits for a checkpoint the thread may be
     * running and copies what is left itself, so that its next transaction starts the log over.
     */
    void afterCommit(Connection writer) {
        if (abandoned) {
            return;
        }
        try {
            checkAfterCommit();
        } catch (SQLException e) {
            // Neither second connection works: the writer checkpoints itself again, as it would
            // without this thread. The commit it just made stands.
            failure = e;
            abandoned = true;
            try (Statement st = writer.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint = " + ProjectStore.BULK_CHECKPOINT_PAGES);
            } catch (SQLException ignored) {
                // the writer's next commits fail too, and say why
            }
        }
    }

    private void checkAfterCommit() throws SQLException {
        long[] now = run(probe, "NOOP");
        if (now == null) {
            return; // not seen in practice (NOOP takes no lock); the next commit looks again
        }
        if (now[0] < writerTried) {
            writerTried = 0; // the log started over
        }
        // At the restart size, or at each step once the thread has failed: the writer copies.
        // Either is tried again only after another step of pages, so a reader holding an old
        // snapshot (which keeps any checkpoint from reaching the end) costs one attempt per step.
        boolean restart = now[0] >= restartFrames && now[1] < now[0] && now[0] - writerTried >= stepFrames;
        boolean instead = failure != null && now[0] - Math.max(now[1], writerTried) >= stepFrames;
        if (restart || instead) {
            writerTried = now[0];
            copying.lock();
            try {
                long[] after = run(probe, "PASSIVE");
                if (after != null) {
                    now = after;
                    byWriter.incrementAndGet();
                }
            } finally {
                copying.unlock();
            }
        }
        state.lock();
        try {
            if (now[0] < logFrames) {
                threadTried = 0; // the log started over
            }
            logFrames = now[0];
            copiedFrames = now[1];
            if (threadDue()) {
                due.signal();
            }
        } finally {
            state.unlock();
        }
    }

    /**
     * A step of pages waits past both what is copied and the log size at the thread's last
     * attempt (guarded by {@link #state}): a checkpoint held back by a reader is not retried
     * until the writer has added another step.
     */
    private boolean threadDue() {
        return logFrames - Math.max(copiedFrames, threadTried) >= stepFrames;
    }

    private void loop() {
        try {
            while (true) {
                state.lock();
                try {
                    while (!stopping && !threadDue()) {
                        due.await();
                    }
                    if (stopping) {
                        return;
                    }
                    threadTried = logFrames;
                } finally {
                    state.unlock();
                }
                long[] r;
                copying.lock();
                try {
                    r = run(connection, "PASSIVE");
                } finally {
                    copying.unlock();
                }
                state.lock();
                try {
                    if (r != null) {
                        byThread.incrementAndGet();
                        copiedFrames = r[1]; // the writer's next commit brings the log size up to date
                        threadTried = Math.max(threadTried, r[0]);
                        if (TRACE) {
                            System.err.println("af-checkpoint: copied " + r[1] + " of " + r[0] + " log pages");
                        }
                    }
                    // else busy (another checkpoint, e.g. from another program): tried again
                    // after the next step of pages
                } finally {
                    state.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            failure = e;
        }
    }

    /**
     * {@code PRAGMA wal_checkpoint(MODE)} on {@code c}: {log pages, copied pages}, or null when
     * another checkpoint holds SQLite's checkpoint lock.
     */
    private static long[] run(Connection c, String mode) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA main.wal_checkpoint(" + mode + ")")) {
            if (!rs.next() || rs.getLong(2) < 0) {
                return null;
            }
            return new long[] {rs.getLong(2), rs.getLong(3)};
        }
    }

    int checkpointsByThread() {
        return byThread.get();
    }

    int checkpointsByWriter() {
        return byWriter.get();
    }

    /** Closes both connections, as a failing disk or a closed file would (tests). */
    void breakConnectionsForTest() throws SQLException {
        connection.close();
        probe.close();
    }

    /** The failure that ended the thread's work, or null. */
    SQLException failure() {
        return failure;
    }

    /** Stops the thread (after the checkpoint it may be running) and closes its connection. */
    @Override
    public void close() {
        state.lock();
        try {
            stopping = true;
            due.signal();
        } finally {
            state.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!abandoned) {
            // Copy the rest now, at the end of the run, rather than in the next small write
            // (a rater's label), which would otherwise find up to RESTART_FRAMES pages to copy.
            try {
                run(probe, "PASSIVE");
            } catch (SQLException ignored) {
                // the log is copied by a later checkpoint; nothing is lost
            }
        }
        try (Connection a = connection; Connection b = probe) {
            // closed by the try
        } catch (SQLException ignored) {
            // the log and the project are the writer's; a failed close of a reader loses nothing
        }
    }
}
