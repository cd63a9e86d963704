package org.afannotator.ui.common;

import java.util.function.Consumer;

/**
 * The synchronous twin of {@link FxUiExecutor}: runs each job at once on the calling thread and
 * calls back before {@code submit} returns, so view models can be tested without a toolkit.
 */
public final class SyncUiExecutor implements UiExecutor {
    private int jobs;

    @Override
    public <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                          Consumer<ProgressUpdate> onProgress) {
        jobs++;
        Flag job = new Flag();
        T result;
        try {
            result = work.run(new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    onProgress.accept(new ProgressUpdate(done, total, message));
                }

                @Override
                public boolean isCancelled() {
                    return job.isCancelled();
                }
            });
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return job;
        }
        onSuccess.accept(result);
        return job;
    }

    /** A job of a test executor: cancelling only sets the flag the job's work and runner read. */
    static final class Flag implements Job {
        private boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    /** How many jobs were submitted. */
    public int jobs() {
        return jobs;
    }
}
