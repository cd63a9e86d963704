package org.afannotator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Studies where a coefficient has no value: each says undefined with a reason, never 0 or 1. */
class DegenerateStudiesTest {

    private static void undefined(Coefficient c, String reasonPart) {
        assertThat(c.isDefined()).as("%s", c).isFalse();
        assertThat(c.value()).isNull();
        assertThat(c.reason()).contains(reasonPart);
    }

    @Test
    void emptyStudy() {
        CodingReport r = CodingAgreement.analyse(CodingStudy.builder().build(), Level.NOMINAL, 100, 1);
        undefined(r.percentAgreement(), "empty");
        undefined(r.krippendorffAlpha(), "no item has two or more ratings");
        undefined(r.fleissKappa().kappa(), "empty");
        undefined(r.gwetAc1(), "empty");
        undefined(r.cohenKappa().mean(), "no rater");
        assertThat(r.krippendorffAlpha().ci95()).isNull();
    }

    /**
     * The ratio metric is for values >= 0: with signs, (c - k)/(c + k) puts c and -c at distance 0,
     * and raters who always disagree in sign got alpha 1.0 (found in review). Negative values are refused.
     */
    @Test
    void ratioAlphaRefusesNegativeValues() {
        CodingStudy s = Studies.rows(new Object[] {-1, 1}, new Object[] {2, -2});
        assertThatThrownBy(() -> KrippendorffAlpha.compute(s, Level.RATIO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio alpha needs values >= 0");
        assertThat(KrippendorffAlpha.compute(s, Level.INTERVAL).value()).isNegative();
    }

    @Test
    void oneRater() {
        CodingStudy s = Studies.rows(new Object[] {"a"}, new Object[] {"b"}, new Object[] {"a"});
        CodingReport r = CodingAgreement.analyse(s, Level.NOMINAL, 100, 1);
        undefined(r.percentAgreement(), "no item has two or more ratings");
        undefined(r.krippendorffAlpha(), "no item has two or more ratings");
        undefined(r.fleissKappa().kappa(), "two or more raters");
        undefined(r.gwetAc1(), "no item has two or more ratings");
        undefined(r.cohenKappa().mean(), "one rater");
        assertThat(r.scottPi()).isNull();
        assertThat(r.krippendorffAlpha().itemsTotal()).isEqualTo(3);
    }

    @Test
    void oneCategoryEverywhere() {
        CodingStudy s = Studies.rows(new Object[] {"a", "a"}, new Object[] {"a", "a"}, new Object[] {"a", "a"});
        CodingReport r = CodingAgreement.analyse(s, Level.NOMINAL, 100, 1);
        assertThat(r.percentAgreement().get()).isEqualTo(1.0);
        undefined(r.krippendorffAlpha(), "same category");
        undefined(r.fleissKappa().kappa(), "same category");
        undefined(r.fleissKappa().perCategory().get("a"), "every rating");
        undefined(r.gwetAc1(), "only one category");
        undefined(r.cohenKappa().mean(), "every rater pair");
        undefined(r.cohenKappa().pairs().get(0).kappa(), "one and the same category");
        undefined(r.scottPi(), "one and the same category");
    }

    @Test
    void noPairableItem() {
        CodingStudy s = Studies.rows(new Object[] {"a", null}, new Object[] {null, "b"}, new Object[] {"b", null});
        CodingReport r = CodingAgreement.analyse(s, Level.NOMINAL, 100, 1);
        assertThat(r.pairableItems()).isZero();
        undefined(r.percentAgreement(), "no item has two or more ratings");
        undefined(r.krippendorffAlpha(), "no item has two or more ratings");
        undefined(r.fleissKappa().kappa(), "two or more ratings per item");
        undefined(r.gwetAc1(), "no item has two or more ratings");
        undefined(r.cohenKappa().pairs().get(0).kappa(), "no item in common");
        undefined(r.scottPi(), "no item in common");
    }

    @Test
    void fleissNamesTheItemsThatMakeDataIncomplete() {
        CodingStudy s = Studies.rows(new Object[] {"a", "a", "b"}, new Object[] {"a", null, "b"});
        undefined(FleissKappa.compute(s).kappa(), "item u1 has 3 ratings, item u2 has 2");
    }

    @Test
    void unitizingDegenerateStudies() {
        undefined(UnitizingAlpha.compute(SpanStudy.builder().build()).alpha(), "no item");
        SpanStudy one = SpanStudy.builder().item("t", 10).span("t", "A", "x", 0, 2).build();
        undefined(UnitizingAlpha.compute(one).alpha(), "two or more raters");
        SpanStudy nobody = SpanStudy.builder().item("t", 10).rater("A").rater("B").everyoneReadEverything().build();
        undefined(UnitizingAlpha.compute(nobody).alpha(), "no rater marked any span");
        SpanStudy unread = SpanStudy.builder().item("t", 10).item("s", 5).span("t", "A", "x", 0, 2)
                .span("s", "B", "x", 0, 2).build();
        undefined(UnitizingAlpha.compute(unread).alpha(), "no item was read by all 2 raters");
        undefined(SpanF1.compute(nobody, SpanF1.Match.EXACT).meanF1(), "no rater pair marked a span");
    }
}
