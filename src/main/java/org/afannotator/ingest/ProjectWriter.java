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
import org.afannotator.domain.Rater;
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
    /** The key of the first transcript this file added (keys only grow), or -1. */
    private long firstKey = -1;

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
        firstKey = -1;
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
     * Writes a whole file whose records were all read without an error ({@link #takesWhole}). Every
     * record is checked first, before anything is written, so a refused file has written nothing:
     * its id against the records before it (a shared id with other content goes to {@code bad}),
     * and each of its classifier results against the one of that classifier already known (stored
     * in the project, or given by an earlier record of the file): new is added, the same is
     * nothing, another is a conflict (to {@code bad}; none of the record is written). Only a record
     * with classifier results costs a query here (its transcript's stored predictions). Then
     * {@code checked} runs and the records are written: that can fail only on the project itself
     * (disk full, I/O), so the caller needs no savepoint for the file. Counts from zero, like
     * {@link #startFile}.
     */
    void writeWhole(Instant now, Consumer<RecordException> bad, List<ImportRecord> records, Runnable checked)
            throws SQLException {
        reset(now, bad);
        Map<String, Known> seen = new HashMap<>();
        List<Planned> plan = new ArrayList<>(records.size());
        for (ImportRecord r : records) {
            String id = r.transcript().id();
            Known known = seen.get(id);
            boolean repeat = known != null;
            if (!repeat) {
                RecordException otherText = otherTextUnderId(r);
                if (otherText != null) {
                    bad.accept(otherText);
                    continue;
                }
                known = new Known(r);
                seen.put(id, known);
            } else if (!known.first.contentHash().equals(r.contentHash())) {
                bad.accept(duplicateId(r, known.first.index()));
                continue;
            }
            List<Prediction> adds = r.predictions();
            if (!adds.isEmpty()) {
                if (known.predictions == null) {
                    PredictionRepository.StoredTranscript st = predictionInserts.stored(id);
                    known.stored = st != null;
                    known.predictions = new HashMap<>();
                    if (st != null) {
                        for (Map.Entry<String, PredictionRepository.Stored> e : st.predictions().entrySet()) {
                            known.predictions.put(e.getKey(), new Said(e.getValue(), -1));
                        }
                    }
                }
                adds = new ArrayList<>(r.predictions().size());
                RecordException conflict = null;
                for (Prediction p : r.predictions()) {
                    Said said = known.predictions.get(p.classifier());
                    if (said == null) {
                        said = said(adds, p.classifier(), r.index());
                    }
                    if (said == null) {
                        adds.add(p);
                    } else if (!said.value.same(p.label(), p.score())) {
                        conflict = predictionConflict(r, p, said.value,
                                said.record < 0 ? null : "in record " + said.record);
                        break;
                    }
                }
                if (conflict != null) {
                    bad.accept(conflict);
                    continue;
                }
                if (adds.size() == r.predictions().size()) {
                    adds = r.predictions();
                }
                for (Prediction p : adds) {
                    known.predictions.put(p.classifier(), new Said(new PredictionRepository.Stored(p.label(), p.score()),
                            r.index()));
                }
            }
            plan.add(new Planned(r, repeat || known.stored, adds));
        }
        checked.run();
        for (Planned w : plan) {
            ImportRecord r = w.record;
            if (!w.stored) {
                long key = transcriptInserts.insert(r.transcript(), r.utf8());
                if (key >= 0) {
                    transcriptsAdded++;
                    predictionsAdded += predictionInserts.insertAll(key, w.adds);
                    continue;
                }
            }
            duplicates++;
            predictionsAdded += predictionInserts.insertAll(w.adds);
        }
    }

    /** What the records of a whole file so far say about one transcript id. */
    private static final class Known {
        final ImportRecord first;
        /** Whether the project has the transcript (known once {@link #predictions} is). */
        boolean stored;
        /** Its classifier results: stored (record -1) or given by a record of the file; null until needed. */
        Map<String, Said> predictions;

        Known(ImportRecord first) {
            this.first = first;
        }
    }

    /** A classifier result and the record of the file that gave it (-1: stored in the project). */
    private record Said(PredictionRepository.Stored value, long record) {
    }

    /** A record of a whole file to write: its transcript is stored (or an earlier record's), and the predictions it adds. */
    private record Planned(ImportRecord record, boolean stored, List<Prediction> adds) {
    }

    /** The prediction of {@code classifier} among {@code adds} (of record {@code index}), or null. */
    private static Said said(List<Prediction> adds, String classifier, long index) {
        for (Prediction a : adds) {
            if (a.classifier().equals(classifier)) {
                return new Said(new PredictionRepository.Stored(a.label(), a.score()), index);
            }
        }
        return null;
    }

    /**
     * Queues {@code r}, unless it shares its transcript id with an earlier record of the file and
     * not its content: that is refused. A repeat of an earlier record's transcript is queued like
     * a record of a stored transcript: each of its classifier results and labels is compared with
     * the one there (from the project or from this file).
     */
    void accept(ImportRecord r) throws SQLException {
        Transcript t = r.transcript();
        if (t != null) {
            // An own id the project holds with other text is refused here, before the ledger notes
            // the id, as the whole-file path does: a later record of the file with the project's
            // text is then a plain duplicate whichever path the file took.
            if (!t.id().equals(ContentId.idOf(r.contentHash())) && ledger.find(t.id()) == null) {
                RecordException otherText = otherTextUnderId(r);
                if (otherText != null) {
                    bad.accept(otherText);
                    return;
                }
            }
            ImportLedger.Seen seen = ledger.claim(t.id(), r.index(), r.line(), r.contentHash());
            if (seen != null && !seen.hash().equals(r.contentHash())) {
                bad.accept(duplicateId(r, seen.record()));
                return;
            }
        }
        add(r);
    }

    private static RecordException duplicateId(ImportRecord r, long first) {
        return RecordException.of(r.index(), r.line(), "id", "duplicate id '" + r.transcript().id() + "': record "
                + first + " has the same id with other content");
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

    /**
     * Writes the queued records: first every transcript (a new one with its predictions), then,
     * record by record, the predictions of stored transcripts and of prediction rows and the
     * ratings. A record is written whole or not at all: each of its predictions and ratings is
     * compared with what is there first, and one conflict refuses the whole record.
     */
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
                    if (firstKey < 0) {
                        firstKey = key;
                    }
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
            if (!attachOnly && !stored[i] && r.ratings().isEmpty()) {
                continue; // a new transcript, written with its predictions above
            }
            if (stored[i]) {
                RecordException otherText = otherTextUnderId(r);
                if (otherText != null) {
                    bad.accept(otherText);
                    continue;
                }
            }
            if (attachOnly) {
                if (!r.predictions().isEmpty() && !store.transcripts().exists(r.predictions().get(0).transcriptId())) {
                    bad.accept(unknownItem(r, r.predictions().get(0).transcriptId()));
                    continue;
                }
                String unknown = null;
                for (ImportRecord.Rating rating : r.ratings()) {
                    if (!store.transcripts().exists(rating.transcriptId())) {
                        unknown = rating.transcriptId();
                        break;
                    }
                }
                if (unknown != null) {
                    bad.accept(unknownItem(r, unknown));
                    continue;
                }
            }
            boolean added;
            if (attachOnly && r.predictions().size() == 1 && r.ratings().isEmpty()) {
                // one prediction row: inserting first is the check, and it cannot be written in part
                Outcome o = savePrediction(r, r.predictions().get(0));
                if (o == Outcome.REFUSED) {
                    continue;
                }
                added = o == Outcome.ADDED;
            } else {
                List<Prediction> newPredictions = attachOnly || stored[i] ? newPredictions(r) : List.of();
                if (newPredictions == null) {
                    continue;
                }
                List<Rated> newRatings = newRatings(r);
                if (newRatings == null) {
                    continue;
                }
                for (Prediction p : newPredictions) {
                    if (predictionInserts.insert(p) == 1) {
                        predictionsAdded++;
                        ledger.claim(predictionKey(p), r.index(), r.line(), "");
                    }
                }
                for (Rated rated : newRatings) {
                    saveRating(r, rated);
                }
                annotationsAdded += newRatings.size();
                added = !newPredictions.isEmpty() || !newRatings.isEmpty();
            }
            // a stored transcript is a duplicate even if it brings a new prediction; a refused record is none
            if (stored[i] || attachOnly && !added) {
                duplicates++;
            }
        }
        pending.clear();
        pendingChars = 0;
    }

    /**
     * Why {@code r} is refused when its own id (given by the file, not made from its text) names a
     * transcript the project holds with other text; null otherwise. Without this, another study's
     * "t1" was taken for a duplicate of this project's "t1" and its text silently dropped. An id
     * made from the text needs no look: the same id is the same text.
     */
    private RecordException otherTextUnderId(ImportRecord r) {
        String id = r.transcript().id();
        if (id.equals(ContentId.idOf(r.contentHash()))) {
            return null;
        }
        Optional<Transcript> held = store.transcripts().get(id);
        if (held.isEmpty() || ContentId.hash(held.get().segments()).equals(r.contentHash())) {
            return null;
        }
        return RecordException.of(r.index(), r.line(), "id", "id '" + id + "' names a transcript this project holds"
                + " with other text; not imported (give the records ids of their own, or no id to have one made"
                + " from the text)");
    }

    /** What became of a prediction: written, the same as one already there, or refused as a conflict. */
    private enum Outcome { ADDED, SAME, REFUSED }

    private static String predictionKey(Prediction p) {
        return p.transcriptId() + '\u0000' + p.classifier();
    }

    private static String ratingKey(ImportRecord.Rating rating) {
        return rating.transcriptId() + '\u0001' + rating.rater();
    }

    /**
     * Inserts the prediction (of a record that holds nothing else) unless its transcript has one
     * of that classifier already: the same label and score is {@link Outcome#SAME}; another is a
     * conflict, sent to {@code bad} and never written over what is there.
     */
    private Outcome savePrediction(ImportRecord r, Prediction p) throws SQLException {
        String key = predictionKey(p);
        if (predictionInserts.insert(p) == 1) {
            predictionsAdded++;
            ledger.claim(key, r.index(), r.line(), "");
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
        bad.accept(predictionConflict(r, p, s, whereInFile(r, ledger.find(key))));
        return Outcome.REFUSED;
    }

    /**
     * The predictions of {@code r} that its transcript has no prediction of that classifier for
     * yet; the others must be the same as the one there. Null when one differs: a conflict, sent
     * to {@code bad}, and the record is not written.
     */
    private List<Prediction> newPredictions(ImportRecord r) throws SQLException {
        if (r.predictions().isEmpty()) {
            return List.of();
        }
        List<Prediction> adds = new ArrayList<>(r.predictions().size());
        String id = null;
        PredictionRepository.StoredTranscript st = null;
        for (Prediction p : r.predictions()) {
            if (!p.transcriptId().equals(id)) {
                id = p.transcriptId();
                st = predictionInserts.stored(id);
                if (st == null) {
                    bad.accept(unknownItem(r, id));
                    return null;
                }
            }
            PredictionRepository.Stored there = st.predictions().get(p.classifier());
            String where = null;
            if (there == null) {
                Said mine = said(adds, p.classifier(), r.index());
                if (mine == null) {
                    adds.add(p);
                    continue;
                }
                there = mine.value;
                where = "in record " + r.index();
            }
            if (!there.same(p.label(), p.score())) {
                if (where == null) {
                    where = whereInFile(r, ledger.find(predictionKey(p)));
                }
                if (where == null && firstKey >= 0 && st.key() >= firstKey) {
                    // the transcript came with an earlier record of this file, and so did its predictions
                    where = whereInFile(r, ledger.find(id));
                }
                bad.accept(predictionConflict(r, p, there, where));
                return null;
            }
        }
        return adds;
    }

    /** A rating to save, with its rater's id (null: a new rater) and the annotation to fill in, if any. */
    private record Rated(ImportRecord.Rating rating, Long raterId, Annotation existing) {
    }

    /**
     * The ratings of {@code r} that add to the project: the rater has not labelled the transcript
     * yet (in the project, or earlier in this file), or only holds it in a queue (no label). The
     * others must be the same as the annotation there (a record holds one rating per rater and
     * transcript). Null when one differs: a conflict, sent to
     * {@code bad}, and the record is not written. Creates no rater.
     */
    private List<Rated> newRatings(ImportRecord r) throws SQLException {
        if (r.ratings().isEmpty()) {
            return List.of();
        }
        List<Rated> adds = new ArrayList<>(r.ratings().size());
        for (ImportRecord.Rating rating : r.ratings()) {
            Long raterId = raterIds.get(rating.rater());
            if (raterId == null) {
                raterId = store.raters().byName(rating.rater()).map(Rater::id).orElse(null);
                if (raterId != null) {
                    raterIds.put(rating.rater(), raterId);
                }
            }
            Optional<Annotation> existing = raterId == null ? Optional.empty()
                    : store.annotations().get(rating.transcriptId(), raterId);
            if (existing.isPresent() && existing.get().label() != null) {
                Annotation a = existing.get();
                String[] differs = differs(a, rating);
                if (differs == null) {
                    continue;
                }
                bad.accept(conflict(r, differs[0], "rater " + rating.rater() + " already labelled "
                        + rating.transcriptId() + " as " + a.label(), whereInFile(r, ledger.find(ratingKey(rating))),
                        differs[1], differs[2]));
                return null;
            }
            adds.add(new Rated(rating, raterId, existing.orElse(null)));
        }
        return adds;
    }

    /**
     * Saves the rating as a finished annotation (filling in an annotation without a label), its
     * rater created if new, and notes it in the ledger.
     */
    private void saveRating(ImportRecord r, Rated rated) throws SQLException {
        ImportRecord.Rating rating = rated.rating;
        long raterId = rated.raterId != null ? rated.raterId : raterIds.computeIfAbsent(rating.rater(),
                name -> store.raters().getOrCreate(name, rating.role()).id());
        Optional<Annotation> existing = Optional.ofNullable(rated.existing);
        String note = rating.note() == null || rating.note().isEmpty() ? existing.map(Annotation::note).orElse(null)
                : rating.note();
        Integer confidence = rating.confidence() != null ? rating.confidence()
                : existing.map(Annotation::confidence).orElse(null);
        store.annotations().save(c, new Annotation(rating.transcriptId(), raterId, rating.label(), confidence,
                existing.map(Annotation::criteria).orElse(null), note, AnnotationStatus.DONE,
                existing.map(Annotation::timeSpentMs).orElse(0L), existing.map(Annotation::createdAt).orElse(now), now));
        ledger.claim(ratingKey(rating), r.index(), r.line(), "");
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

    /** Where in this file {@code seen} is, as a conflict names it ("on line 3", "in record 2"); null for none. */
    private static String whereInFile(ImportRecord r, ImportLedger.Seen seen) {
        if (seen == null) {
            return null;
        }
        return r.transcript() == null && seen.line() > 0 ? "on line " + seen.line() : "in record " + seen.record();
    }

    private static RecordException predictionConflict(ImportRecord r, Prediction p, PredictionRepository.Stored there,
                                                      String where) {
        return conflict(r, Objects.equals(there.label(), p.label()) ? "score" : "label", "classifier "
                + p.classifier() + " already has a prediction for " + p.transcriptId(), where,
                " (" + ImportRecord.describe(there.label(), there.score()) + ")", ImportRecord.describe(p.label(), p.score()));
    }

    /**
     * A conflict with a prediction or rating already there: {@code where} in this file ("on line
     * 2", "in record 0"), or in the project when null. The reason reads {@code head} + where +
     * {@code tail} + what this file says.
     */
    private static RecordException conflict(ImportRecord r, String field, String head, String where, String tail,
                                            String says) {
        boolean attachOnly = r.transcript() == null;
        String reason;
        if (where == null) {
            reason = head + " in this project" + tail + "; this file says " + says + "; not overwritten";
        } else {
            reason = head + " " + where + " of this file" + tail + (attachOnly ? "; this row says " : "; this record says ")
                    + says;
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
