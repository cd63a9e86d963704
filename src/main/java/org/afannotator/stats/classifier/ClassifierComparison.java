package org.afannotator.stats.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.afannotator.domain.Prediction;

/**
 * One classifier against the human reference: the outcome of every reference item it labelled,
 * the confusion matrix and its metrics, AUROC with interval, the ROC curve and the metrics across
 * thresholds (when it gave scores), and the classifier as one more rater beside the humans.
 *
 * @param missingPredictions reference items the classifier gave no verdict for (left out of n)
 * @param scored             reference items with a score (the AUROC's n)
 */
public record ClassifierComparison(String name, AuditOptions options, List<ItemOutcome> outcomes, int missingPredictions,
                                   ConfusionMatrix confusion, int scored, AurocEstimate auroc, List<RocPoint> roc,
                                   List<ThresholdMetrics> acrossThresholds, HumanRangeComparison humanRange) {

    public ClassifierComparison {
        outcomes = List.copyOf(outcomes);
        roc = List.copyOf(roc);
        acrossThresholds = List.copyOf(acrossThresholds);
    }

    /**
     * Compares one classifier's predictions with the reference.
     *
     * @param humans   every human label (for the classifier-as-rater comparison)
     * @param excluded items an adjudication excluded
     */
    public static ClassifierComparison compute(String name, List<Prediction> predictions, HumanReference reference,
                                               List<RaterLabel> humans, Set<String> excluded, AuditOptions options) {
        Map<String, Prediction> byItem = new HashMap<>();
        for (Prediction p : predictions) {
            if (!p.classifier().equals(name)) {
                throw new IllegalArgumentException("prediction of " + p.classifier() + " given for classifier " + name);
            }
            if (byItem.put(p.transcriptId(), p) != null) {
                throw new IllegalArgumentException("two predictions of " + name + " for " + p.transcriptId());
            }
        }
        List<ItemOutcome> outcomes = new ArrayList<>();
        List<ScoredItem> scoredItems = new ArrayList<>();
        int missing = 0;
        ConfusionMatrix.Counter counts = new ConfusionMatrix.Counter();
        for (Map.Entry<String, String> e : reference.labels().entrySet()) {
            Prediction p = byItem.get(e.getKey());
            if (p == null) {
                missing++;
                continue;
            }
            boolean truth = e.getValue().equals(options.positive());
            boolean called = verdict(p, options);
            outcomes.add(new ItemOutcome(e.getKey(), e.getValue(), truth, p.label(), p.score(), called));
            if (p.score() != null) {
                scoredItems.add(new ScoredItem(e.getKey(), p.score(), truth));
            }
            counts.add(truth, called);
        }
        Roc roc = Roc.of(scoredItems);
        AurocEstimate auroc = scoredItems.isEmpty()
                ? new AurocEstimate(Metric.undefined("the classifier gave no scores for the reference items"), null,
                        "no scores", options.bootstrap(), 0, options.seed(), 0, 0)
                : roc.estimate(options.bootstrap(), options.seed());
        Map<String, Boolean> verdicts = new HashMap<>();
        Set<String> excludedAll = new HashSet<>(excluded);
        for (Prediction p : predictions) {
            verdicts.put(p.transcriptId(), verdict(p, options));
        }
        HumanRangeComparison range = HumanRangeComparison.compute(humans, verdicts, options.positive(), excludedAll);
        return new ClassifierComparison(name, options, outcomes, missing, counts.matrix(),
                scoredItems.size(), auroc, roc.curve(), roc.acrossThresholds(), range);
    }

    /** The classifier's verdict: its label when it gave one, else score >= threshold. */
    public static boolean verdict(Prediction p, AuditOptions options) {
        return p.label() != null ? p.label().equals(options.positive()) : p.score() >= options.threshold();
    }

    /** Reference items the classifier gave a verdict for. */
    public int n() {
        return outcomes.size();
    }

    /**
     * The confusion matrix when scored items are called positive at score >= {@code threshold}
     * (items without a score keep their label): what the threshold slider shows. At the
     * comparison's own threshold it is the comparison's matrix (a classifier's label where it gave
     * one), so the slider at its start agrees with the metrics beside it.
     */
    public ConfusionMatrix confusionAt(double threshold) {
        if (threshold == options.threshold()) {
            return confusion; // the comparison's own verdicts, a classifier's label first
        }
        ConfusionMatrix.Counter counter = new ConfusionMatrix.Counter();
        for (ItemOutcome o : outcomes) {
            counter.add(o.referencePositive(), o.score() != null ? o.score() >= threshold : o.predictedPositive());
        }
        return counter.matrix();
    }

    /**
     * Items where the classifier and the reference differ, the surest first: by distance of the
     * score from the threshold, descending; items without a score last, then by item id.
     */
    public List<ItemOutcome> disagreements() {
        return surestFirst(outcomes.stream().filter(ItemOutcome::disagrees).toList(), options.threshold());
    }

    /**
     * The disagreements when scored items are called positive at score >= {@code threshold}, as
     * {@link #confusionAt} counts them (what the threshold slider shows), the surest first.
     */
    public List<ItemOutcome> disagreementsAt(double threshold) {
        if (threshold == options.threshold()) {
            return disagreements();
        }
        return surestFirst(outcomes.stream().map(o -> o.at(threshold)).filter(ItemOutcome::disagrees).toList(), threshold);
    }

    private static List<ItemOutcome> surestFirst(List<ItemOutcome> items, double t) {
        return items.stream()
                .sorted(Comparator.comparing((ItemOutcome o) -> o.distanceFrom(t),
                                Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(ItemOutcome::item))
                .toList();
    }
}
