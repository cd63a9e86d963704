package org.afannotator.ingest;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.afannotator.domain.BadInputException;
import org.afannotator.store.ProjectStore;
import org.afannotator.store.StoreException;

/**
 * Imports data files into a project, each file atomically (a savepoint of its own inside a short
 * transaction shared by consecutive files): a file goes in whole or not at all (with skip-bad: its
 * good records), so a refused file leaves the project as it was. Files before a refused one stay
 * imported. Formats are detected per file by content. Files that refer to transcripts
 * (predictions, ratings) go in after every file that adds transcripts, whatever their names: each
 * is put aside when its detection says so, and read after the others, in the order given.
 */
public final class Importer {
    /**
     * A batch of files shares one transaction for at most this long (500 ms; the reliability tests
     * shorten it with {@code -Dafannotator.importBatchMs} so that a small import commits often)...
     */
    static final long BATCH_NANOS = Long.getLong("afannotator.importBatchMs", 500) * 1_000_000L;
    /** ...or this many bytes read. */
    static final long BATCH_BYTES = 32L << 20;
    /**
     * Files queued on the parser thread ahead of the writer, at most: enough that the parser goes
     * on while the writer commits a batch (256 small files are about 4 MB of input; 32 left the
     * parser idle during commits, docs/benchmarks.md).
     */
    static final int AHEAD_FILES = 256;
    /**
     * Input bytes queued ahead of the writer, about (one file more may go over it). With
     * {@link #AHEAD_FILES} and {@link FileFeed#CAPACITY} records queued per file, this bounds the
     * memory the window takes: about 8 MB of input, and at most 256 x 256 parsed records (a folder
     * of many small JSON Lines files needs about 40 MB of heap for it, against 16 MB with 32 files).
     */
    static final long AHEAD_BYTES = 8L << 20;
    private final ProjectStore store;
    private final Clock clock;

    public Importer(ProjectStore store) {
        this(store, Clock.systemUTC());
    }

    public Importer(ProjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Imports every source in order.
     *
     * @throws BadInputException for the first refused file (without skip-bad); earlier files stay imported
     */
    public ImportResult run(SourceSet sources, ImportOptions options, ProgressListener progress, CancelToken cancel) {
        FxThreadGuard.refuse("import");
        Run run = new Run(sources, options, progress, cancel);
        ExecutorService executor = options.pipelined() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "af-import-parser");
            t.setDaemon(true);
            return t;
        }) : null;
        try (ProjectStore.Restore settings = store.bulkWrites()) {
            List<Source> all = sources.sources();
            if (!all.isEmpty()) {
                run.writer = store.inTransaction(c -> new ProjectWriter(store, c));
            }
            for (int next = 0; next < all.size(); ) {
                next = run.importBatch(all, next, executor);
            }
            if (!run.putAside.isEmpty()) {
                List<Source> later = List.copyOf(run.putAside);
                run.putAside.clear();
                run.puttingAside = false;
                for (int next = 0; next < later.size(); ) {
                    next = run.importBatch(later, next, executor);
                }
            }
        } catch (ImportCancelledException e) {
            run.cancelled = true;
        } finally {
            run.closeAhead();
            run.closeWriter();
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        return run.result();
    }

    /** The state of one {@link #run}. */
    private final class Run {
        final SourceSet sources;
        final ImportOptions options;
        final ProgressListener progress;
        final CancelToken cancel;
        final Limits limits;
        final List<ImportResult.Skipped> skipped = new ArrayList<>();
        /**
         * Whether files that refer to transcripts are put aside ({@link #putAside}) for after the
         * others: in the first pass over the files, unless one format is forced on every file.
         */
        boolean puttingAside;
        final List<Source> putAside = new ArrayList<>();
        final long bytesTotal;
        long bytesBefore;
        long records;
        int filesDone;
        int transcriptsAdded;
        int duplicates;
        int predictionsAdded;
        int annotationsAdded;
        boolean cancelled;
        long lastReport = System.nanoTime() - 1_000_000_000L;

        Run(SourceSet sources, ImportOptions options, ProgressListener progress, CancelToken cancel) {
            this.sources = sources;
            this.options = options;
            this.progress = progress;
            this.cancel = cancel;
            this.limits = new Limits(options.maxRecordBytes());
            this.bytesTotal = sources.totalBytes();
            this.puttingAside = options.format() == null;
        }

        /**
         * Imports files from {@code start} in one transaction until the batch has taken
         * {@link #BATCH_NANOS} or read {@link #BATCH_BYTES}, each file atomically: a refused or
         * cancelled file is rolled back alone, the files before it are committed, then the error
         * goes on. One commit per batch instead of one per file writes each index page once per
         * batch (a Redwood tree is one small file per transcript). The batch is short so another
         * program waiting for the project (busy timeout 10 s) gets its turn. A file that fails on
         * the disk (full, an I/O error: a retryable {@link StoreException}, after which SQLite may
         * have rolled the transaction back on its own) rolls back the whole batch: the import stops
         * there anyway, and the files before the batch stay.
         *
         * @return the index of the first file not yet imported
         */
        int importBatch(List<Source> all, int start, ExecutorService executor) {
            long t0 = System.nanoTime();
            long bytesAtStart = bytesBefore;
            int[] next = {start};
            RuntimeException[] stop = {null};
            try {
                store.inTransaction(c -> {
                    while (next[0] < all.size()) {
                        try {
                            cancel.check();
                            importFile(c, all, next[0], executor);
                        } catch (BatchSpoiled e) {
                            throw e;
                        } catch (StoreException e) {
                            if (e.retryable()) {
                                // The disk is full or failed: SQLite may have rolled the whole
                                // transaction back already, so the batch goes.
                                throw new BatchSpoiled(e);
                            }
                            stop[0] = e;
                            return null;
                        } catch (RuntimeException e) {
                            stop[0] = e;
                            return null;
                        }
                        next[0]++;
                        if (System.nanoTime() - t0 > BATCH_NANOS || bytesBefore - bytesAtStart > BATCH_BYTES) {
                            break;
                        }
                    }
                    return null;
                });
            } catch (BatchSpoiled e) {
                throw e.cause;
            } catch (RuntimeException commitFailed) {
                // A refused file stopped the batch and then its commit failed. On the disk (full, an
                // I/O error) the batch is lost: that is the news, with the refusal attached. Else
                // the commit failed because of what stopped the batch: that error is the news.
                if (stop[0] != null && !(commitFailed instanceof StoreException se && se.retryable())) {
                    stop[0].addSuppressed(commitFailed);
                    throw stop[0];
                }
                if (stop[0] != null) {
                    commitFailed.addSuppressed(stop[0]);
                }
                throw commitFailed;
            }
            if (stop[0] != null) {
                throw stop[0];
            }
            return next[0];
        }

        /**
         * Files queued on the parser thread after the current one, in order, each with its feed:
         * the parser reads up to {@link #AHEAD_FILES} files (and about {@link #AHEAD_BYTES} of
         * input) ahead of the writer, so the writer rarely waits for a file and finds most files
         * read whole ({@link FileFeed#whole}). The window is topped up only when it has half
         * emptied, so the parser thread is woken once per several files, not once per file.
         */
        final ArrayDeque<FileFeed> ahead = new ArrayDeque<>();
        /** Index in the run's sources of the file after the last one in {@link #ahead}. */
        int aheadNext;
        long aheadBytes;
        /**
         * The writer of every file of the run, made in a transaction of its own before the first
         * file (its temporary table must not go with a file that is rolled back).
         */
        ProjectWriter writer;

        void closeWriter() {
            if (writer != null) {
                try {
                    writer.close();
                } catch (SQLException e) {
                    // statements of a finished run; the data is committed or rolled back already
                }
                writer = null;
            }
        }

        /** The feed of {@code all[i]}: the one read ahead, or a new one; keeps the files after it queued. */
        private FileFeed feed(List<Source> all, int i, ExecutorService executor) {
            Source src = all.get(i);
            if (executor == null) {
                return FileFeed.inline(src, options, limits, cancel, clock.instant());
            }
            FileFeed f;
            if (!ahead.isEmpty() && ahead.peekFirst().src == src) {
                f = ahead.pollFirst();
                aheadBytes -= src.size();
            } else {
                closeAhead();
                f = FileFeed.ahead(executor, src, options, limits, cancel, clock.instant(), puttingAside);
                aheadNext = i + 1;
            }
            if (ahead.size() <= AHEAD_FILES / 2) {
                while (aheadNext < all.size() && ahead.size() < AHEAD_FILES
                        && (ahead.isEmpty() || aheadBytes < AHEAD_BYTES)) {
                    Source next = all.get(aheadNext++);
                    ahead.addLast(FileFeed.ahead(executor, next, options, limits, cancel, clock.instant(), puttingAside));
                    aheadBytes += next.size();
                }
            }
            return f;
        }

        /** Stops the files read ahead: the last first, so that no file behind the one being read starts. */
        void closeAhead() {
            while (!ahead.isEmpty()) {
                ahead.pollLast().close();
            }
            aheadBytes = 0;
        }

        /**
         * Imports one file inside the batch's transaction. A file the parser thread has read
         * whole without an error, holding only transcripts (a Redwood file, a small JSON Lines
         * file), is checked whole first (ids, and classifier results against the project) and then
         * written without a savepoint: it can no longer be refused once writing starts, and a
         * savepoint would copy every page the file changes that an earlier file of the batch
         * changed too (the indexes) to a journal of its own.
         * Any other file is written inside a savepoint and rolled back to it when refused.
         */
        void importFile(Connection c, List<Source> all, int i, ExecutorService executor) throws SQLException {
            Source src = all.get(i);
            String name = src.name();
            try (FileFeed feed = feed(all, i, executor)) {
                FormatDetector.Detection det;
                try {
                    det = feed.detection();
                } catch (RecordException e) {
                    boolean leaveOut = e.unknownFormat && !src.named();
                    if (!options.skipBad() && !leaveOut) {
                        throw e.toBadInput(name);
                    }
                    skipped.add(new ImportResult.Skipped(name, e.index < 0 ? null : e.index, e.describe()));
                    bytesBefore += src.size();
                    return;
                }
                if (puttingAside && !det.format().createsTranscripts()) {
                    putAside.add(src);
                    return;
                }
                List<ImportResult.Skipped> fileSkips = new ArrayList<>();
                long[] fileRecords = {0};
                List<ImportRecord> whole = feed.whole();
                int[] counts;
                if (whole != null && ProjectWriter.takesWhole(whole)) {
                    fileRecords[0] = whole.size();
                    counts = writeWhole(feed, whole, fileSkips);
                } else {
                    Savepoint sp = c.setSavepoint();
                    try {
                        counts = store.inTransaction(tx -> write(tx, feed, fileSkips, fileRecords, feed.now));
                        c.releaseSavepoint(sp);
                    } catch (RuntimeException e) {
                        try {
                            c.rollback(sp);
                        } catch (SQLException gone) {
                            // SQLite rolled the transaction back itself (disk full): so goes the batch.
                            e.addSuppressed(gone);
                            throw new BatchSpoiled(e);
                        }
                        throw e;
                    }
                }
                transcriptsAdded += counts[0];
                duplicates += counts[1];
                predictionsAdded += counts[2];
                annotationsAdded += counts[3];
                skipped.addAll(fileSkips);
                records += fileRecords[0];
                bytesBefore += Math.max(src.size(), feed.bytes.get());
                filesDone++;
                report(name, 0, 0, true);
            }
        }

        /** {@link ProjectWriter#writeWhole}; a failure after the file was checked (the disk) spoils the batch. */
        private int[] writeWhole(FileFeed feed, List<ImportRecord> whole, List<ImportResult.Skipped> fileSkips) {
            String name = feed.src.name();
            boolean[] checked = {false};
            Consumer<RecordException> bad = e -> {
                if (!options.skipBad()) {
                    throw e.toBadInput(name);
                }
                fileSkips.add(new ImportResult.Skipped(name, e.index < 0 ? null : e.index, e.describe()));
            };
            try {
                return store.inTransaction(tx -> {
                    writer.writeWhole(feed.now, bad, whole, () -> checked[0] = true);
                    return new int[] {writer.transcriptsAdded, writer.duplicates, writer.predictionsAdded,
                        writer.annotationsAdded};
                });
            } catch (RuntimeException e) {
                if (checked[0]) {
                    throw new BatchSpoiled(e);
                }
                throw e;
            }
        }

        private int[] write(Connection c, FileFeed feed, List<ImportResult.Skipped> fileSkips, long[] fileRecords,
                            Instant now) throws SQLException {
            String name = feed.src.name();
            Consumer<RecordException> bad = e -> {
                if (!options.skipBad()) {
                    throw e.toBadInput(name);
                }
                fileSkips.add(new ImportResult.Skipped(name, e.index < 0 ? null : e.index, e.describe()));
            };
            writer.startFile(now, bad);
            try {
                while (true) {
                    cancel.check();
                    ImportRecord r;
                    try {
                        r = feed.next();
                    } catch (RecordException e) {
                        bad.accept(e);
                        if (e.index >= 0) {
                            // a record that could not be read (not a reader that could not start)
                            fileRecords[0]++;
                        }
                        if (e.fatal) {
                            break;
                        }
                        continue;
                    }
                    if (r == null) {
                        break;
                    }
                    fileRecords[0]++;
                    writer.accept(r);
                    report(name, feed.bytes.get(), fileRecords[0], false);
                }
                writer.flush();
                return new int[] {writer.transcriptsAdded, writer.duplicates, writer.predictionsAdded,
                    writer.annotationsAdded};
            } catch (java.io.UncheckedIOException e) {
                throw new BadInputException(name, null, null, "cannot read: " + e.getCause().getMessage(), e.getCause());
            }
        }

        private void report(String file, long fileBytes, long fileRecords, boolean force) {
            long t = System.nanoTime();
            if (!force && t - lastReport < 100_000_000L) {
                return;
            }
            lastReport = t;
            progress.onProgress(new ImportProgress(file, bytesBefore + fileBytes, bytesTotal, records + fileRecords, filesDone,
                    sources.sources().size()));
        }

        ImportResult result() {
            return new ImportResult(transcriptsAdded, duplicates, predictionsAdded, annotationsAdded, skipped, filesDone,
                    cancelled);
        }
    }

    /** A failure that leaves the batch's transaction unusable: the batch is rolled back, then {@link #cause} goes on. */
    private static final class BatchSpoiled extends RuntimeException {
        final RuntimeException cause;

        BatchSpoiled(RuntimeException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    static RowReader reader(FormatDetector.Layout layout, InputStream in, Limits limits) {
        return switch (layout) {
            case JSON -> new JsonRows(in, limits);
            case JSONL -> new JsonLinesRows(in, limits);
            case CSV -> new CsvRows(in, limits);
        };
    }

    static RecordMapper mapper(InputFormat f, Source src, Instant now, ColumnMapping mapping) {
        return switch (f) {
            case REDWOOD_JSON -> new RedwoodJsonImporter(src, now);
            case OSAF_RESULTS -> new OsafResultsImporter(src, now);
            case HUMAN_LABELS -> new HumanLabelImporter(src, now);
            case GENERIC -> new GenericImporter(src, now, mapping);
            case PREDICTIONS -> new PredictionImporter();
            case RATINGS -> new RatingImporter();
        };
    }
}
