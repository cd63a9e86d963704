package org.afannotator.stats.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.afannotator.domain.Prediction;
import org.junit.jupiter.api.Test;

/**
 * The audit's threshold slider and its disagreement list count the same items: the comparison's
 * own verdicts at the comparison's threshold (a label first: 2 of 4 votes is "not faking"), each
 * scored item by its score elsewhere, and then the label it contradicts is not shown as its verdict.
 */
class ThresholdSliderTest {
    private static Prediction p(String item, String label, double score) {
        return new Prediction(item, "votes", label, score, Map.of(), List.of(), null);
    }

    private final List<RaterLabel> humans = List.of(
            new RaterLabel("a", "r1", "faking"), new RaterLabel("a", "r2", "faking"),
            new RaterLabel("b", "r1", "not_faking"), new RaterLabel("b", "r2", "not_faking"),
            new RaterLabel("c", "r1", "faking"), new RaterLabel("c", "r2", "faking"));
    private final ClassifierComparison c = ClassifierComparison.compute("votes",
            List.of(p("a", "faking", 0.75), p("b", "not_faking", 0.5), p("c", "not_faking", 0.25)),
            HumanReference.build(humans, Map.of(), Set.of()), humans, Set.of(), AuditOptions.defaults("faking"));

    @Test
    void atTheComparisonsThresholdTheSliderShowsItsOwnVerdicts() {
        assertThat(c.confusionAt(0.5)).isEqualTo(c.confusion());
        assertThat(c.confusion()).isEqualTo(new ConfusionMatrix(1, 0, 1, 1)); // b is "not faking" by its label
        assertThat(c.disagreementsAt(0.5)).extracting(ItemOutcome::item).containsExactly("c");
        ConfusionMatrix m = c.confusionAt(0.5);
        assertThat(c.disagreementsAt(0.5)).hasSize((int) (m.fp() + m.fn()));
    }

    @Test
    void elsewhereEachScoredItemIsCalledByItsScore() {
        ConfusionMatrix m = c.confusionAt(0.2);
        assertThat(m).isEqualTo(new ConfusionMatrix(2, 1, 0, 0));
        List<ItemOutcome> d = c.disagreementsAt(0.2);
        assertThat(d).extracting(ItemOutcome::item).containsExactly("b");
        assertThat(d).hasSize((int) (m.fp() + m.fn()));
        assertThat(d.get(0).predictedPositive()).isTrue();
        assertThat(d.get(0).predictedLabel()).as("its label says not faking: not shown as the verdict").isNull();
        assertThat(c.confusionAt(0.2).fn()).isZero(); // c (0.25) is now a true positive
    }
}
