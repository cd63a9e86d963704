package org.afannotator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Fleiss, J.L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin
 * 76(5): 378-382. The example of p. 379: 30 patients, 6 psychiatrists each, 5 diagnoses.
 * Published: P = .556, P_e = .220, kappa = .430.
 */
class Fleiss1971Test {
    static CodingStudy example() {
        int[][] items = {
            {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
            {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
            {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
            {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
            {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
            {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};
        Object[][] rows = new Object[items.length][];
        for (int i = 0; i < items.length; i++) {
            rows[i] = java.util.Arrays.stream(items[i]).boxed().toArray();
        }
        return Studies.rows(rows);
    }

    @Test
    void kappaIs0430() {
        FleissKappa.Result r = FleissKappa.compute(example());
        assertThat(r.kappa().get()).isCloseTo(0.430, within(0.0005));
        assertThat(r.kappa().itemsUsed()).isEqualTo(30);
    }

    @Test
    void observedAgreementIs0556() {
        assertThat(PercentAgreement.compute(example()).get()).isCloseTo(0.556, within(0.0005));
    }

    /**
     * Fleiss prints .248, .248, .517, .470, .565, worked from rounded p_j; eq. 9 in full precision
     * gives .245, .245, .520, .471, .566 (checked by hand with both of its algebraic forms). Both are
     * asserted: the exact values to three decimals, the printed ones to their rounding (.004).
     */
    @Test
    void perCategoryKappasMatchEquationNine() {
        FleissKappa.Result r = FleissKappa.compute(example());
        double[] exact = {0.245, 0.245, 0.520, 0.471, 0.566};
        double[] printed = {0.248, 0.248, 0.517, 0.470, 0.565};
        for (int c = 0; c < 5; c++) {
            double v = r.perCategory().get(String.valueOf(c + 1)).get();
            assertThat(v).as("category %d", c + 1).isCloseTo(exact[c], within(0.0005));
            assertThat(v).as("category %d as printed", c + 1).isCloseTo(printed[c], within(0.004));
        }
    }

    /**
     * The bootstrap gives Fleiss' kappa and percent agreement intervals too: each brackets the
     * published value, and each equals the percentile interval of the coefficient recomputed on
     * resampled studies built out item by item (the same draws, an independent route).
     */
    @Test
    void bootstrapIntervalsOfKappaAndPercentAgreement() {
        CodingStudy s = example();
        CodingReport r = CodingAgreement.analyse(s, Level.NOMINAL, 400, 11);
        Coefficient.Interval k = r.fleissKappa().kappa().ci95();
        Coefficient.Interval pa = r.percentAgreement().ci95();
        assertThat(k.lower()).isLessThan(0.430);
        assertThat(k.upper()).isGreaterThan(0.430);
        assertThat(pa.lower()).isLessThan(0.556);
        assertThat(pa.upper()).isGreaterThan(0.556);

        // The same resamples, built out as studies: resample b draws with SplittableRandom(b-th seed).
        java.util.SplittableRandom master = new java.util.SplittableRandom(11);
        ItemCounts counts = new ItemCounts(s);
        double[] kappas = new double[400];
        double[] agreements = new double[400];
        for (int b = 0; b < 400; b++) {
            int[] identity = new int[s.itemCount()];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            // draw counts per item (each item its own "pattern"), then expand in item order
            int[] w = new int[s.itemCount()];
            Bootstrap.draw(new java.util.SplittableRandom(master.nextLong()), s.itemCount(), identity, w);
            CodingStudy.Builder sb = CodingStudy.builder();
            for (String c : s.categories()) {
                sb.category(c);
            }
            int u = 0;
            for (int i = 0; i < w.length; i++) {
                for (int rep = 0; rep < w[i]; rep++) {
                    for (int j = 0; j < s.raterCount(); j++) {
                        int c = s.code(i, j);
                        sb.rate("u" + u, s.raters().get(j), c == CodingStudy.MISSING ? null : s.categories().get(c));
                    }
                    u++;
                }
            }
            CodingStudy resampled = sb.build();
            kappas[b] = FleissKappa.compute(resampled).kappa().get();
            agreements[b] = PercentAgreement.compute(resampled).get();
        }
        assertThat(counts.items).isEqualTo(30);
        Coefficient.Interval kDirect = Bootstrap.percentile95(kappas);
        Coefficient.Interval paDirect = Bootstrap.percentile95(agreements);
        assertThat(k.lower()).isCloseTo(kDirect.lower(), within(1e-12));
        assertThat(k.upper()).isCloseTo(kDirect.upper(), within(1e-12));
        assertThat(pa.lower()).isCloseTo(paDirect.lower(), within(1e-12));
        assertThat(pa.upper()).isCloseTo(paDirect.upper(), within(1e-12));
    }
}
