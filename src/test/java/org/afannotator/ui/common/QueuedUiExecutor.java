package org.afannotator.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A {@link UiExecutor} that keeps jobs until {@link #runAll()}, then runs each as
 * {@link SyncUiExecutor} does: the order a worker thread and the FX thread would give, made
 * deterministic. Lets tests show what happens when the window moves on before a job submitted
 * earlier has finished.
 */
public final class QueuedUiExecutor implements UiExecutor {
    private final Deque<Runnable> jobs = new ArrayDeque<>();
    private final SyncUiExecutor runner = new SyncUiExecutor();

    @Override
    public <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                          Consumer<ProgressUpdate> onProgress) {
        SyncUiExecutor.Flag job = new SyncUiExecutor.Flag();
        jobs.addLast(() -> {
            if (!job.isCancelled()) {
                runner.submit(work, onSuccess, onFailure, onProgress);
            }
        });
        return job;
    }

    /** Runs every job submitted so far and any they submit, in order, with their callbacks. */
    public void runAll() {
        for (Runnable r; (r = jobs.pollFirst()) != null; ) {
            r.run();
        }
    }
}
