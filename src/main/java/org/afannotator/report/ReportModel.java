package org.afannotator.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTML report shows, already computed. The app layer fills it; {@link HtmlReport}
 * only lays it out. A section whose data is null is shown with its {@code ...Missing} reason.
 * {@code disagreements} may be the first part of a longer list of {@code disagreementsTotal}.
 */
public record ReportModel(
        String title,
        Instant generatedAt,
        Summary summary,
        List<RaterRow> raters,
        List<Estimate> agreement,
        String agreementMissing,
        Heatmap pairwise,
        List<Table> tables,
        List<Estimate> spanAgreement,
        List<ClassifierSection> classifiers,
        String classifiersMissing,
        List<Disagreement> disagreements,
        int disagreementsTotal) {

    public ReportModel {
        raters = List.copyOf(raters);
        agreement = agreement == null ? null : List.copyOf(agreement);
        tables = List.copyOf(tables);
        spanAgreement = spanAgreement == null ? null : List.copyOf(spanAgreement);
        classifiers = classifiers == null ? null : List.copyOf(classifiers);
        disagreements = List.copyOf(disagreements);
    }

    /** What the project holds. */
    public record Summary(String project, int transcripts, int raters, int annotations, int finished, int spans,
                          int predictions, List<String> classifiers, Map<String, Integer> goldByBasis,
                          List<String> labels) {
        public Summary {
            classifiers = List.copyOf(classifiers);
            goldByBasis = Map.copyOf(goldByBasis);
            labels = List.copyOf(labels);
        }
    }

    /**
     * A rater's finished labels (however they came: the queue, a merged bundle, an import) and
     * progress through their queue; {@code assigned} 0: no queue.
     */
    public record RaterRow(String name, String role, int finished, int assigned, int done, int inProgress, int skipped) {
    }

    /**
     * A number with its 95% interval (null bounds: none) and the n behind it; {@code value} null
     * means undefined, with {@code note} saying why.
     */
    public record Estimate(String name, Double value, Double low, Double high, int n, int nTotal, String note) {
    }

    /** Pairwise agreement between raters; {@code values[i][j]} null when undefined. */
    public record Heatmap(String measure, List<String> names, Double[][] values, int[][] n) {
        public Heatmap {
            names = List.copyOf(names);
        }
    }

    /** A plain table of already formatted cells. */
    public record Table(String caption, List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** One point of a ROC curve. */
    public record RocPoint(double falsePositiveRate, double truePositiveRate) {
    }

    /**
     * One classifier against the human reference: metrics, ROC curve (empty when it gives no
     * scores), confusion matrix with rows = human label and columns = classifier label.
     */
    public record ClassifierSection(String name, List<Estimate> metrics, List<RocPoint> roc, Estimate auc,
                                    List<String> confusionLabels, int[][] confusion, String note) {
        public ClassifierSection {
            metrics = List.copyOf(metrics);
            roc = List.copyOf(roc);
            confusionLabels = List.copyOf(confusionLabels);
        }
    }

    /** A transcript the raters disagree on, with the evidence they marked. */
    public record Disagreement(String transcriptId, List<Vote> votes, String gold, String excerpt, List<Quote> quotes) {
        public Disagreement {
            votes = List.copyOf(votes);
            quotes = List.copyOf(quotes);
        }
    }

    /** One rater's label, confidence (null if none) and note. */
    public record Vote(String rater, String label, Integer confidence, String note) {
    }

    /** A span a rater marked: the tag and the quoted text. */
    public record Quote(String rater, String tag, String segmentKind, String text) {
    }
}
