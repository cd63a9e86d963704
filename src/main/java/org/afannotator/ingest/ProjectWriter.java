package org.afannotator.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.Segment;
import org.afannotator.domain.Transcript;
import org.afannotator.store.ImportLedger;
import org.afannotator.store.PredictionRepository;
import org.afannotator.store.ProjectStore;
import org.afannotator.store.TranscriptRepository;

/**
 * Writes one file's records inside the transaction of that file, in batches: transcripts first,
 * then predictions, then ratings (which need their transcript stored). Bad records found while
 * writing (a shared id, an unknown transcript) go to {@code bad}, which either notes them
 * (skip-bad) or throws and so rolls the file back. One writer serves a whole import, file after
 * file ({@link #startFile}), so its statements are prepared once, not once per file.
 */
final class ProjectWriter implements AutoCloseable {
    static final int BATCH = 500;
    /** ...or this many characters of segment text, whichever comes first (bounds the heap a batch holds). */
    static final long BATCH_CHARS = 4L << 20;

    private final ProjectStore store;
    private final Connection c;
    private final ImportLedger ledger;
    private final TranscriptRepository.Inserter transcriptInserts;
    private final PredictionRepository.Inserter predictionInserts;
    private final List<ImportRecord> pending = new ArrayList<>();
    private long pendingChars;
    private final Map<String, Long> raterIds = new HashMap<>();
    private Instant now;
    private Consumer<RecordException> bad;

    int transcriptsAdded;
    int duplicates;
    int predictionsAdded;
    int annotationsAdded;

    /** Prepares the writer's statements on {@code c}; inside a transaction of the import. */
    ProjectWriter(ProjectStore store, Connection c) throws SQLException {
        this.store = store;
        this.c = c;
        this.ledger = new ImportLedger(c);
        this.transcriptInserts = store.transcripts().inserter(c);
        this.predictionInserts = store.predictions().inserter(c);
    }

    /**
     * Starts the next file, inside its transaction (or savepoint): counts from zero, no ids seen,
     * no rater ids remembered (a rolled-back file may have created the rater).
     */
    void startFile(Instant now, Consumer<RecordException> bad) throws SQLException {
        reset(now, bad);
        ledger.reset();
    }

    /** A new file: its time and bad-record handler, nothing pending, counts from zero. */
    private void reset(Instant now, Consumer<RecordException> bad) {
        this.now = now;
        this.bad = bad;
        pending.clear();
        pendingChars = 0;
        raterIds.clear();
        transcriptsAdded = 0;
        duplicates = 0;
        predictionsAdded = 0;
        annotationsAdded = 0;
    }

    /** Whether {@link #writeWhole} takes these records: each a transcript (with its predictions), no ratings. */
    static boolean takesWhole(List<ImportRecord> records) {
        for (ImportRecord r : records) {
            if (r.transcript() == null || !r.ratings().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes a whole file whose records were all read without an error ({@link #takesWhole}): the
     * ids are checked against each other in memory first (a clash goes to {@code bad}, before
     * anything is written, so a refused file has written nothing; then {@code checked} runs), then
     * the records are written.
     * What is written can then fail only on the project itself (disk full, I/O), so the caller
     * needs no savepoint for the file. Counts from zero, like {@link #startFile}.
     */
    void writeWhole(Instant now, Consumer<RecordException> bad, List<ImportRecord> records, Runnable checked)
            throws SQLException {
        reset(now, bad);
        Map<String, ImportRecord> seen = new HashMap<>();
        List<ImportRecord> fresh = new ArrayList<>(records.size());
        for (ImportRecord r : records) {
            String id = r.transcript().id();
            ImportRecord first = seen.putIfAbsent(id, r);
            if (first == null) {
                fresh.add(r);
            } else if (first.contentHash().equals(r.contentHash())) {
                duplicates++;
            } else {
                bad.accept(RecordException.of(r.index(), r.line(), "id", "duplicate id '" + id + "': record "
                        + first.index() + " has the same id with other content"));
            }
        }
        checked.run();
        for (ImportRecord r : fresh) {
            add(r);
        }
        flush();
    }

    void accept(ImportRecord r) throws SQLException {
        Transcript t = r.transcript();
        if (t != null) {
            ImportLedger.Seen seen = ledger.claim(t.id(), r.index(), r.contentHash());
            if (seen != null) {
                if (seen.hash().equals(r.contentHash())) {
                    duplicates++;
                } else {
                    bad.accept(RecordException.of(r.index(), r.line(), "id", "duplicate id '" + t.id()
                            + "': record " + seen.record() + " has the same id with other content"));
                }
                return;
            }
        }
        add(r);
    }

    /** Queues {@code r}; writes the batch once it holds {@link #BATCH} records or {@link #BATCH_CHARS} of text. */
    private void add(ImportRecord r) throws SQLException {
        pending.add(r);
        if (r.transcript() != null) {
            for (Segment s : r.transcript().segments()) {
                pendingChars += s.text().length();
            }
        }
        if (pending.size() >= BATCH || pendingChars >= BATCH_CHARS) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        for (ImportRecord r : pending) {
            if (r.transcript() != null) {
                long key = transcriptInserts.insert(r.transcript(), r.utf8());
                if (key >= 0) {
                    transcriptsAdded++;
                    predictionsAdded += predictionInserts.insertAll(key, r.predictions());
                } else {
                    duplicates++; // stored already: its predictions may still be new
                    predictionsAdded += predictionInserts.insertAll(r.predictions());
                }
            }
        }
        for (ImportRecord r : pending) {
            boolean attachOnly = r.transcript() == null;
            if (attachOnly && !r.predictions().isEmpty()) {
                Prediction p = r.predictions().get(0);
                if (!store.transcripts().exists(p.transcriptId())) {
                    bad.accept(unknownItem(r, p.transcriptId()));
                    continue;
                }
                int added = predictionInserts.insertAll(r.predictions());
                predictionsAdded += added;
                if (added == 0) {
                    duplicates++;
                }
            }
            for (ImportRecord.Rating rating : r.ratings()) {
                if (attachOnly && !store.transcripts().exists(rating.transcriptId())) {
                    bad.accept(unknownItem(r, rating.transcriptId()));
                    continue;
                }
                if (saveRating(rating)) {
                    annotationsAdded++;
                } else if (attachOnly) {
                    duplicates++;
                }
            }
        }
        pending.clear();
        pendingChars = 0;
    }

    /** Saves the rating as a finished annotation unless the same one is stored; true if saved. */
    private boolean saveRating(ImportRecord.Rating rating) throws SQLException {
        long raterId = raterIds.computeIfAbsent(rating.rater(),
                name -> store.raters().getOrCreate(name, rating.role()).id());
        Optional<Annotation> existing = store.annotations().get(rating.transcriptId(), raterId);
        if (existing.isPresent() && existing.get().status() == AnnotationStatus.DONE
                && rating.label().equals(existing.get().label())) {
            return false;
        }
        Instant created = existing.map(Annotation::createdAt).orElse(now);
        store.annotations().save(c, new Annotation(rating.transcriptId(), raterId, rating.label(), rating.confidence(),
                existing.map(Annotation::criteria).orElse(null), rating.note(), AnnotationStatus.DONE,
                existing.map(Annotation::timeSpentMs).orElse(0L), created, now));
        return true;
    }

    private static RecordException unknownItem(ImportRecord r, String id) {
        return RecordException.of(r.index(), r.line(), "item", "no transcript with id '" + id + "' in the project");
    }

    @Override
    public void close() throws SQLException {
        try {
            ledger.close();
        } finally {
            try {
                transcriptInserts.close();
            } finally {
                predictionInserts.close();
            }
        }
    }
}
