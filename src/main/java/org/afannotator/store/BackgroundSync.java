package org.afannotator.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes a privately built project ({@link ProjectStore#createPrivate}, which SQLite writes
 * without waiting for the disk) to the disk while it grows, on a thread of its own: every
 * {@link #STEP_BYTES} the file has grown, one {@code fdatasync}. The writer never waits for it, and
 * the disk is busy during the import rather than only at its end, when the file is synced whole
 * before it gets its name (decision 0114): so that last sync, and a Ctrl+C waiting for it, stays
 * short even on a slow disk.
 *
 * <p>Its descriptor of the file is opened after SQLite's and closed only after SQLite has closed
 * the file ({@link #close} after the connection): on POSIX systems closing any descriptor of a
 * file drops every lock the process holds on it. The thread is stopped by a latch, never
 * interrupted (an interrupt closes a {@link FileChannel}).
 */
final class BackgroundSync {
    /** Sync after the file has grown by this much since the last sync. */
    static final long STEP_BYTES = 64L << 20;
    private static final long POLL_MS = 250;

    private final FileChannel channel;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    private BackgroundSync(FileChannel channel) {
        this.channel = channel;
        this.thread = new Thread(this::run, "af-project-sync");
        thread.setDaemon(true);
    }

    /** Starts syncing {@code p}; null when the file cannot be opened for it (the final sync still comes). */
    static BackgroundSync start(Path p) {
        FileChannel ch;
        try {
            ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        BackgroundSync s = new BackgroundSync(ch);
        s.thread.start();
        return s;
    }

    private void run() {
        long synced = 0;
        try {
            while (!stop.await(POLL_MS, TimeUnit.MILLISECONDS)) {
                long size = channel.size();
                if (size - synced >= STEP_BYTES) {
                    channel.force(false);
                    synced = size;
                }
            }
        } catch (IOException | InterruptedException e) {
            // syncing along is a help only: the final sync before the file gets its name reports failures
        }
    }

    /** Stops the thread, waiting for a sync under way; call before the connection is closed. */
    void stop() {
        stop.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the descriptor; call after the connection is closed. */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}
