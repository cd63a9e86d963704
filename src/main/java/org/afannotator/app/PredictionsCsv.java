package org.afannotator.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.afannotator.domain.Prediction;
import org.afannotator.ingest.LabelCells;

/**
 * Classifier predictions as CSV: header {@code item,classifier,label,score}; label or score may be
 * empty, not both; a score is a finite number (e.g. the share of yes votes). Labels are read as
 * the import reads them ({@link LabelCells}). One row per item and classifier.
 */
public final class PredictionsCsv {
    private PredictionsCsv() {
    }

    public static List<Prediction> read(Path path) {
        CsvTable t = CsvTable.read(path, List.of("item", "classifier", "label", "score"));
        List<Prediction> out = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (CsvTable.Row row : t.rows) {
            String item = row.get("item");
            String classifier = row.get("classifier");
            if (item.isEmpty()) {
                throw t.bad(row, "item", "empty item");
            }
            if (classifier.isEmpty()) {
                throw t.bad(row, "classifier", "empty classifier");
            }
            Long before = firstLine.putIfAbsent(item + '\u0000' + classifier, row.line());
            if (before != null) {
                throw t.bad(row, "item", "classifier " + classifier + " already has a prediction for item " + item
                        + " on line " + before);
            }
            String label = row.get("label");
            if (!label.isEmpty()) {
                String code = LabelCells.normalize(label);
                if (code == null) {
                    throw t.bad(row, "label", "'" + label + "' is not a label (1/0, yes/no, true/false or a label code)");
                }
                label = code;
            }
            String scoreText = row.get("score");
            Double score = null;
            if (!scoreText.isEmpty()) {
                try {
                    score = Double.valueOf(scoreText);
                } catch (NumberFormatException e) {
                    throw t.bad(row, "score", "not a number: '" + scoreText + "'");
                }
                if (!Double.isFinite(score)) {
                    throw t.bad(row, "score", "not a finite number: '" + scoreText + "'");
                }
            }
            if (label.isEmpty() && score == null) {
                throw t.bad(row, "label", "a prediction needs a label or a score");
            }
            out.add(new Prediction(item, classifier, label.isEmpty() ? null : label, score, null, null, null));
        }
        return out;
    }
}
