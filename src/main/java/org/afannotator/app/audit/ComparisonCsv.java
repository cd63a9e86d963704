package org.afannotator.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.report.CsvTable;
import org.afannotator.stats.Coefficient;
import org.afannotator.stats.classifier.AurocEstimate;
import org.afannotator.stats.classifier.ClassifierComparison;
import org.afannotator.stats.classifier.ConfusionMatrix;
import org.afannotator.stats.classifier.HumanRangeComparison;
import org.afannotator.stats.classifier.Metric;

/**
 * The comparison as CSV: one row per classifier, the same numbers as the JSON. An undefined number
 * is an empty cell; the {@code notes} column lists the reasons.
 */
public final class ComparisonCsv {
    public static final List<String> COLUMNS = List.of("classifier", "positive", "reference_items", "ties_excluded", "n",
            "threshold", "tp", "fp", "tn", "fn", "accuracy", "precision", "recall", "specificity", "f1", "mcc",
            "cohen_kappa", "auroc", "auroc_ci_low", "auroc_ci_high", "kappa_with_humans_mean", "kappa_with_humans_min",
            "kappa_with_humans_max", "human_pairwise_kappa_mean", "human_pairwise_kappa_min", "human_pairwise_kappa_max",
            "within_human_range", "alpha_humans", "alpha_humans_with_classifier", "notes");
    private static final CsvMapper MAPPER = new CsvMapper();

    private ComparisonCsv() {
    }

    public static String write(AuditReport report) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (ClassifierAudit a : report.classifiers()) {
            rows.add(CsvTable.neutraliseAll(row(report, a)));
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }

    private static List<String> row(AuditReport report, ClassifierAudit a) {
        ClassifierComparison c = a.comparison();
        ConfusionMatrix m = c.confusion();
        HumanRangeComparison h = c.humanRange();
        AurocEstimate au = c.auroc();
        Cells r = new Cells();
        r.add(c.name());
        r.add(report.options().positive());
        r.add(Integer.toString(report.reference().size()));
        r.add(Integer.toString(report.reference().ties().size()));
        r.add(Integer.toString(c.n()));
        r.add(Double.toString(c.options().threshold()));
        r.add(Long.toString(m.tp()));
        r.add(Long.toString(m.fp()));
        r.add(Long.toString(m.tn()));
        r.add(Long.toString(m.fn()));
        r.number(m.accuracy());
        r.number(m.precision());
        r.number(m.recall());
        r.number(m.specificity());
        r.number(m.f1());
        r.number(m.mcc());
        r.number(m.cohenKappa());
        r.number(au.value());
        if (au.ci95() == null) {
            r.empty(au.ciReason());
            r.empty(au.ciReason());
        } else {
            r.add(Double.toString(au.ci95().lower()));
            r.add(Double.toString(au.ci95().upper()));
        }
        r.number(h.classifierWithHumans().mean());
        r.number(h.classifierWithHumans().min());
        r.number(h.classifierWithHumans().max());
        r.number(h.humanPairs().mean());
        r.number(h.humanPairs().min());
        r.number(h.humanPairs().max());
        if (h.withinHumanRange() == null) {
            r.empty(h.withinHumanRangeReason());
        } else {
            r.add(h.withinHumanRange().toString());
        }
        r.coefficient(h.alphaHumans());
        r.coefficient(h.alphaHumansWithClassifier());
        r.add(r.notes());
        return r.values;
    }

    /**
     * A row's cells in column order, and why each empty one is empty: the notes name every empty
     * column, neighbours with the same reason together ("auroc_ci_low, auroc_ci_high: ...").
     */
    private static final class Cells {
        final List<String> values = new ArrayList<>();
        private final List<String> emptyColumns = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();

        void add(String value) {
            values.add(value);
        }

        void number(Metric m) {
            if (m.defined()) {
                add(Double.toString(m.get()));
            } else {
                empty(m.reason());
            }
        }

        void coefficient(Coefficient c) {
            if (c.isDefined()) {
                add(Double.toString(c.get()));
            } else {
                empty(c.reason());
            }
        }

        void empty(String reason) {
            emptyColumns.add(COLUMNS.get(values.size()));
            reasons.add(reason == null ? "undefined" : reason);
            values.add("");
        }

        String notes() {
            List<String> notes = new ArrayList<>();
            int i = 0;
            while (i < reasons.size()) {
                int j = i + 1;
                while (j < reasons.size() && reasons.get(j).equals(reasons.get(i))) {
                    j++;
                }
                notes.add(String.join(", ", emptyColumns.subList(i, j)) + ": " + reasons.get(i));
                i = j;
            }
            return String.join("; ", notes);
        }
    }
}
