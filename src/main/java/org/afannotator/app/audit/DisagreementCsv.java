package org.afannotator.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.report.CsvTable;

/**
 * The disagreement list as CSV, surest first: item, classifier, kind (false_positive /
 * false_negative), the reference label and where it came from (gold / majority), the classifier's
 * label and score, |score - threshold| and the transcript's condition. Unknown values are empty.
 */
public final class DisagreementCsv {
    public static final List<String> COLUMNS = List.of("item", "classifier", "kind", "reference_label", "reference_source",
            "classifier_label", "score", "distance_from_threshold", "condition");
    private static final CsvMapper MAPPER = new CsvMapper();

    private DisagreementCsv() {
    }

    public static String write(List<Disagreement> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<List<String>> cells = new ArrayList<>();
        for (Disagreement d : rows) {
            cells.add(CsvTable.neutraliseAll(List.of(d.item(), d.classifier(), d.kind().code(), d.referenceLabel(),
                    d.referenceSource() == null ? "" : d.referenceSource().name().toLowerCase(java.util.Locale.ROOT),
                    d.predictedLabel() == null ? "" : d.predictedLabel(),
                    d.score() == null ? "" : Double.toString(d.score()),
                    d.distance() == null ? "" : distance(d.distance()),
                    d.condition() == null ? "" : d.condition())));
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }

    /**
     * |score - threshold| to 12 significant digits: the difference of two decimals carries binary
     * noise (0.909 - 0.5 = 0.40900000000000003) that would otherwise be written out.
     */
    static String distance(double d) {
        return java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
