package org.afannotator.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
                continue;
            }
            // the fingerprints are made only for a repeated id, which is rare
            RecordException clash = clash(r, first.index(), first.fingerprint(), r.fingerprint());
            if (clash == null) {
                duplicates++;
            } else {
                bad.accept(clash);
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
            String print = r.fingerprint();
            ImportLedger.Seen seen = ledger.claim(t.id(), r.index(), r.line(), print);
            if (seen != null) {
                RecordException clash = clash(r, seen.record(), seen.hash(), print);
                if (clash == null) {
                    duplicates++;
                } else {
                    bad.accept(clash);
                }
                return;
            }
        }
        add(r);
    }

    /**
     * Why {@code r} is refused, having the transcript id of record {@code first} of the same file;
     * null when it repeats that record (same transcript, same classifier results and labels).
     */
    private static RecordException clash(ImportRecord r, long first, String firstPrint, String print) {
        if (firstPrint.equals(print)) {
            return null;
        }
        String id = r.transcript().id();
        if (!ImportRecord.hashOf(firstPrint).equals(r.contentHash())) {
            return RecordException.of(r.index(), r.line(), "id", "duplicate id '" + id + "': record " + first
                    + " has the same id with other content");
        }
        return RecordException.of(r.index(), r.line(), null, "record " + first + " has the same transcript ('" + id
                + "') with " + ImportRecord.attachmentsOf(firstPrint) + "; this record says "
                + ImportRecord.attachmentsOf(print) + "; not imported");
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
        boolean[] stored = new boolean[pending.size()];
        for (int i = 0; i < pending.size(); i++) {
            ImportRecord r = pending.get(i);
            if (r.transcript() != null) {
                long key = transcriptInserts.insert(r.transcript(), r.utf8());
                if (key >= 0) {
                    transcriptsAdded++;
                    predictionsAdded += predictionInserts.insertAll(key, r.predictions());
                } else {
                    stored[i] = true; // its predictions may still be new, or differ: below
                }
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            ImportRecord r = pending.get(i);
            boolean attachOnly = r.transcript() == null;
            boolean added = false;
            boolean refused = false;
            if (attachOnly && !r.predictions().isEmpty()) {
                Prediction p = r.predictions().get(0);
                if (!store.transcripts().exists(p.transcriptId())) {
                    bad.accept(unknownItem(r, p.transcriptId()));
                    continue;
                }
            }
            if (attachOnly || stored[i]) {
                for (Prediction each : r.predictions()) {
                    Outcome o = savePrediction(r, each);
                    if (o == Outcome.ADDED) {
                        predictionsAdded++;
                    }
                    added |= o == Outcome.ADDED;
                    refused |= o == Outcome.REFUSED;
                }
            }
            for (ImportRecord.Rating rating : r.ratings()) {
                if (attachOnly && !store.transcripts().exists(rating.transcriptId())) {
                    bad.accept(unknownItem(r, rating.transcriptId()));
                    refused = true;
                    continue;
                }
                Outcome o = saveRating(r, rating);
                if (o == Outcome.ADDED) {
                    annotationsAdded++;
                }
                added |= o == Outcome.ADDED;
                refused |= o == Outcome.REFUSED;
            }
            // a stored transcript is a duplicate even if it brings a new prediction; a refused record is none
            if (!refused && (stored[i] || attachOnly && !added)) {
                duplicates++;
            }
        }
        pending.clear();
        pendingChars = 0;
    }

    /** What became of a prediction or rating: written, the same as one already there, or refused as a conflict. */
    private enum Outcome { ADDED, SAME, REFUSED }

    /**
     * Inserts the prediction unless its transcript has one of that classifier already: the same
     * label and score is {@link Outcome#SAME}; another is a conflict, sent to {@code bad} and never
     * written over what is there.
     */
    private Outcome savePrediction(ImportRecord r, Prediction p) throws SQLException {
        boolean attachOnly = r.transcript() == null;
        String key = p.transcriptId() + '\u0000' + p.classifier();
        if (predictionInserts.insert(p) == 1) {
            if (attachOnly) {
                ledger.claim(key, r.index(), r.line(), "");
            }
            return Outcome.ADDED;
        }
        PredictionRepository.Stored s = predictionInserts.stored(p.transcriptId(), p.classifier());
        if (s == null) {
            bad.accept(unknownItem(r, p.transcriptId()));
            return Outcome.REFUSED;
        }
        if (s.same(p.label(), p.score())) {
            return Outcome.SAME;
        }
        bad.accept(conflict(r, Objects.equals(s.label(), p.label()) ? "score" : "label", key, "classifier "
                + p.classifier() + " already has a prediction for " + p.transcriptId(),
                " (" + ImportRecord.describe(s.label(), s.score()) + ")", ImportRecord.describe(p.label(), p.score())));
        return Outcome.REFUSED;
    }

    /**
     * Saves the rating as a finished annotation, unless that rater has labelled the transcript
     * already (in the project, or earlier in this file): the same rating is {@link Outcome#SAME},
     * another is a conflict, sent to {@code bad} and never written over what is there. An
     * annotation without a label (a queue entry) is filled in.
     */
    private Outcome saveRating(ImportRecord r, ImportRecord.Rating rating) throws SQLException {
        boolean attachOnly = r.transcript() == null;
        long raterId = raterIds.computeIfAbsent(rating.rater(),
                name -> store.raters().getOrCreate(name, rating.role()).id());
        Optional<Annotation> existing = store.annotations().get(rating.transcriptId(), raterId);
        String key = rating.transcriptId() + '\u0000' + rating.rater();
        if (existing.isPresent() && existing.get().label() != null) {
            Annotation a = existing.get();
            String[] differs = differs(a, rating);
            if (differs == null) {
                return Outcome.SAME;
            }
            bad.accept(conflict(r, differs[0], key, "rater " + rating.rater() + " already labelled "
                    + rating.transcriptId() + " as " + a.label() + differs[1], "", differs[2]));
            return Outcome.REFUSED;
        }
        String note = rating.note() == null || rating.note().isEmpty() ? existing.map(Annotation::note).orElse(null)
                : rating.note();
        Integer confidence = rating.confidence() != null ? rating.confidence()
                : existing.map(Annotation::confidence).orElse(null);
        store.annotations().save(c, new Annotation(rating.transcriptId(), raterId, rating.label(), confidence,
                existing.map(Annotation::criteria).orElse(null), note, AnnotationStatus.DONE,
                existing.map(Annotation::timeSpentMs).orElse(0L), existing.map(Annotation::createdAt).orElse(now), now));
        if (attachOnly) {
            ledger.claim(key, r.index(), r.line(), "");
        }
        return Outcome.ADDED;
    }

    /**
     * How the rating differs from the labelled annotation {@code a}: {field, what {@code a} has
     * besides its label, what the rating says}; null when it is the same (its label, and its
     * confidence and note where it gives them).
     */
    private static String[] differs(Annotation a, ImportRecord.Rating rating) {
        if (!a.label().equals(rating.label())) {
            return new String[] {"label", "", rating.label()};
        }
        if (rating.confidence() != null && !rating.confidence().equals(a.confidence())) {
            return new String[] {"confidence", a.confidence() == null ? " without a confidence"
                : " with confidence " + a.confidence(), String.valueOf(rating.confidence())};
        }
        if (rating.note() != null && !rating.note().isEmpty() && !rating.note().equals(a.note())) {
            return new String[] {"note", a.note().isEmpty() ? " without a note" : " with the note '" + a.note() + "'",
                "'" + rating.note() + "'"};
        }
        return null;
    }

    /**
     * A conflict with a prediction or rating under {@code key} already there: earlier in this file
     * (a ratings or predictions file notes each one it writes in the ledger), else in the project.
     * The reason reads {@code head} + where + {@code tail} + what this file says.
     */
    private RecordException conflict(ImportRecord r, String field, String key, String head, String tail, String says)
            throws SQLException {
        boolean attachOnly = r.transcript() == null;
        ImportLedger.Seen seen = attachOnly ? ledger.find(key) : null;
        String reason;
        if (seen == null) {
            reason = head + " in this project" + tail + "; this file says " + says + "; not overwritten";
        } else {
            reason = head + (seen.line() > 0 ? " on line " + seen.line() : " in record " + seen.record())
                    + " of this file" + tail + "; this row says " + says;
        }
        return RecordException.of(r.index(), r.line(), attachOnly ? field : null, reason);
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
