package org.afannotator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. The worked example: four
 * observers, twelve units, values 1..5, with missing data. The same data are Krippendorff (2004:
 * 230) and the "C" data of R's irr::kripp.alpha. Published: nominal .743, ordinal .815, interval
 * .849, ratio .797.
 */
class Krippendorff2011Test {
    static CodingStudy example() {
        return Studies.rows(
                new Object[] {1, 1, null, 1},
                new Object[] {2, 2, 3, 2},
                new Object[] {3, 3, 3, 3},
                new Object[] {3, 3, 3, 3},
                new Object[] {2, 2, 2, 2},
                new Object[] {1, 2, 3, 4},
                new Object[] {4, 4, 4, 4},
                new Object[] {1, 1, 2, 1},
                new Object[] {2, 2, 2, 2},
                new Object[] {null, 5, 5, 5},
                new Object[] {null, null, 1, 1},
                new Object[] {null, null, 3, null});
    }

    @Test
    void nominalAlphaIs0743() {
        assertThat(KrippendorffAlpha.compute(example(), Level.NOMINAL).get()).isCloseTo(0.743, within(0.0005));
    }

    @Test
    void ordinalAlphaIs0815() {
        assertThat(KrippendorffAlpha.compute(example(), Level.ORDINAL).get()).isCloseTo(0.815, within(0.0005));
    }

    @Test
    void intervalAlphaIs0849() {
        assertThat(KrippendorffAlpha.compute(example(), Level.INTERVAL).get()).isCloseTo(0.849, within(0.0005));
    }

    @Test
    void ratioAlphaIs0797() {
        assertThat(KrippendorffAlpha.compute(example(), Level.RATIO).get()).isCloseTo(0.797, within(0.0005));
    }

    /** The worked example with every value multiplied by {@code factor}. */
    static CodingStudy scaled(double factor) {
        CodingStudy.Builder b = CodingStudy.builder();
        CodingStudy plain = example();
        for (String rater : plain.raters()) {
            b.rater(rater);
        }
        for (int i = 0; i < plain.itemCount(); i++) {
            for (int r = 0; r < plain.raterCount(); r++) {
                int c = plain.code(i, r);
                b.rate(plain.items().get(i), plain.raters().get(r),
                        c == CodingStudy.MISSING ? null : Double.toString(plain.value(c) * factor));
            }
        }
        return b.build();
    }

    /**
     * Interval and ratio alpha do not change when every value is multiplied by the same number.
     * Squared differences of values near 1e160 overflow a double (alpha came out undefined, "every
     * pairable value is the same category"), those of values near 1e-170 underflow to 0.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e160, 3e307, 1e-170, 1e-300, 0.001, 1e9})
    void intervalAndRatioAlphaDoNotDependOnTheScaleOfTheValues(double factor) {
        for (Level level : List.of(Level.INTERVAL, Level.RATIO)) {
            Coefficient a = KrippendorffAlpha.compute(scaled(factor), level);
            assertThat(a.isDefined()).as(level + ": " + a.reason()).isTrue();
            assertThat(a.get()).as(level.code()).isCloseTo(KrippendorffAlpha.compute(example(), level).get(), within(1e-9));
        }
    }

    /** One item with two or more different values: D_o = D_e, so alpha is 0, however large the values. */
    @Test
    void oneItemWithTheLargestValuesHasAlphaZero() {
        Coefficient a = KrippendorffAlpha.compute(Studies.rows(new Object[] {1e308, -1e308, 3, 3}), Level.INTERVAL);
        assertThat(a.isDefined()).as(a.reason()).isTrue();
        assertThat(a.get()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void unit12WithOneValueIsNotPairableAndNIsStated() {
        Coefficient a = KrippendorffAlpha.compute(example(), Level.NOMINAL);
        assertThat(a.itemsUsed()).isEqualTo(11);
        assertThat(a.itemsTotal()).isEqualTo(12);
    }
}
