package org.afannotator.ingest;

import java.util.List;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.RaterRole;
import org.afannotator.domain.Transcript;

/**
 * What one input record adds to a project: a transcript (null for prediction and rating rows),
 * predictions and ratings.
 *
 * @param contentHash hash of the transcript's segments, to tell a repeated record from a clash of ids
 * @param utf8 the transcript's segment texts as UTF-8, encoded on the parser thread with the hash
 *             (null: the writer encodes them)
 */
record ImportRecord(long index, long line, Transcript transcript, String contentHash, byte[][] utf8,
                    List<Prediction> predictions, List<Rating> ratings) {

    /** A record with a transcript, its hash and encoded texts from {@code draft}. */
    static ImportRecord of(long index, long line, Transcript transcript, TranscriptDraft draft,
                           List<Prediction> predictions, List<Rating> ratings) {
        return new ImportRecord(index, line, transcript, draft.hash(), draft.utf8(), predictions, ratings);
    }

    /** A record without a transcript (predictions or ratings of stored transcripts). */
    static ImportRecord attached(long index, long line, List<Prediction> predictions, List<Rating> ratings) {
        return new ImportRecord(index, line, null, null, null, predictions, ratings);
    }

    ImportRecord {
        predictions = List.copyOf(predictions);
        ratings = List.copyOf(ratings);
    }

    /** A prediction's label and score in words: "label faking, score 0.9". */
    static String describe(String label, Double score) {
        String l = label == null ? null : "label " + label;
        String s = score == null ? null : "score " + score;
        return l == null ? s : s == null ? l : l + ", " + s;
    }

    /** One person's (or an outside labelling's) label for a transcript. */
    record Rating(String transcriptId, String rater, RaterRole role, String label, Integer confidence, String note) {
    }
}
