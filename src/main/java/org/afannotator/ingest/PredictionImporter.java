package org.afannotator.ingest;

import java.util.List;
import java.util.Map;
import org.afannotator.domain.Prediction;

/**
 * Classifier predictions {@code item,classifier,label,score}: item is a transcript id already in
 * the project; label (1/0, yes/no, true/false or a label code) or score may be empty, not both.
 */
final class PredictionImporter implements RecordMapper {
    @Override
    public ImportRecord map(Row row) {
        String item = row.requiredText("item").strip();
        String classifier = row.requiredText("classifier").strip();
        if (item.isEmpty()) {
            throw row.error("item", "empty");
        }
        if (classifier.isEmpty()) {
            throw row.error("classifier", "empty");
        }
        String rawLabel = row.text("label");
        String label = null;
        if (rawLabel != null && !rawLabel.isBlank()) {
            label = Labels.ofCell(rawLabel);
            if (label == null) {
                throw row.error("label", "unknown label '" + rawLabel + "'; expected faking / not_faking, 1 / 0 or yes / no");
            }
        }
        Double score = row.number("score");
        if (label == null && score == null) {
            throw row.error("label", "label and score are both empty");
        }
        Prediction p = new Prediction(item, classifier, label, score, Map.of(), List.of(), row.node().toString());
        return ImportRecord.attached(row.index(), row.line(), List.of(p), List.of());
    }
}
