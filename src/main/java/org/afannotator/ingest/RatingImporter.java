package org.afannotator.ingest;

import java.util.List;
import org.afannotator.domain.RaterRole;

/**
 * Ratings by people {@code item,rater,label[,confidence][,note]}: item is a transcript id already in
 * the project; each row becomes a finished annotation of that rater (role RATER, created when new).
 */
final class RatingImporter implements RecordMapper {
    @Override
    public ImportRecord map(Row row) {
        String item = row.requiredText("item").strip();
        String rater = row.requiredText("rater").strip();
        if (item.isEmpty()) {
            throw row.error("item", "empty");
        }
        if (rater.isEmpty()) {
            throw row.error("rater", "empty");
        }
        String raw = row.requiredText("label");
        String label = Labels.ofCell(raw);
        if (label == null) {
            throw row.error("label", "unknown label '" + raw + "'; expected faking / not_faking, 1 / 0 or yes / no");
        }
        Integer confidence = null;
        Double c = row.number("confidence");
        if (c != null) {
            if (c != Math.rint(c) || c < 1 || c > 5) {
                throw row.error("confidence", "expected a whole number 1..5, got " + c);
            }
            confidence = c.intValue();
        }
        ImportRecord.Rating r = new ImportRecord.Rating(item, rater, RaterRole.RATER, label, confidence, row.text("note"));
        return ImportRecord.attached(row.index(), row.line(), List.of(), List.of(r));
    }
}
