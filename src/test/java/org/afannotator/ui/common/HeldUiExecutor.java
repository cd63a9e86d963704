package org.afannotator.ui.common;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A test executor that holds every job until {@link #runAll} (in submission order, on the calling
 * thread, callbacks included), so a test can act while work is in flight, as a fast typist does
 * while the worker reads.
 */
public final class HeldUiExecutor implements UiExecutor {
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private final SyncUiExecutor sync = new SyncUiExecutor();

    @Override
    public <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                          Consumer<ProgressUpdate> onProgress) {
        SyncUiExecutor.Flag job = new SyncUiExecutor.Flag();
        held.add(() -> {
            if (!job.isCancelled()) {
                sync.submit(work, onSuccess, onFailure, onProgress);
            }
        });
        return job;
    }

    /** Runs the held jobs, and those they submit, until none is left. */
    public void runAll() {
        Runnable r;
        while ((r = held.poll()) != null) {
            r.run();
        }
    }

    /** Jobs waiting. */
    public int waiting() {
        return held.size();
    }
}
