package org.afannotator.stats.classifier;

/**
 * One reference item as the classifier saw it.
 *
 * @param predictedLabel    the classifier's label, or null when it gave only a score
 * @param score             the classifier's score, or null
 * @param predictedPositive the verdict: its label when it gave one, else score >= threshold
 */
public record ItemOutcome(String item, String referenceLabel, boolean referencePositive, String predictedLabel,
                          Double score, boolean predictedPositive) {

    /** Where the item falls in the confusion matrix. */
    public enum Kind {
        TRUE_POSITIVE("true positive"),
        FALSE_POSITIVE("false positive"),
        TRUE_NEGATIVE("true negative"),
        FALSE_NEGATIVE("false negative");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Kind kind() {
        if (referencePositive) {
            return predictedPositive ? Kind.TRUE_POSITIVE : Kind.FALSE_NEGATIVE;
        }
        return predictedPositive ? Kind.FALSE_POSITIVE : Kind.TRUE_NEGATIVE;
    }

    public boolean disagrees() {
        return referencePositive != predictedPositive;
    }

    /**
     * The item with scored verdicts taken at {@code threshold} (score >= threshold is positive; an
     * item without a score keeps its verdict), as the audit's threshold slider counts them.
     */
    public ItemOutcome at(double threshold) {
        if (score == null || (score >= threshold) == predictedPositive) {
            return this;
        }
        // The verdict now comes from the score: the label the classifier gave says the opposite.
        return new ItemOutcome(item, referenceLabel, referencePositive, null, score, score >= threshold);
    }

    /** How sure the classifier was: |score - threshold|, or null without a score. */
    public Double distanceFrom(double threshold) {
        return score == null ? null : Math.abs(score - threshold);
    }
}
