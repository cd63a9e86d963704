package org.afannotator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** A resample evaluated from pattern counts equals the coefficients of the resampled study built out. */
    @Test
    void patternCountsGiveTheSameCoefficientsAsTheResampledStudy() {
        Random rnd = new Random(21);
        for (int t = 0; t < 120; t++) {
            // every other study complete, so that Fleiss' kappa is compared too
            double missing = t % 2 == 0 ? 0 : rnd.nextDouble() * 0.3;
            Integer[][] r = RandomStudies.ratings(rnd, 5 + rnd.nextInt(40), 2 + rnd.nextInt(4), 2 + rnd.nextInt(3),
                    missing, rnd.nextDouble());
            CodingStudy study = RandomStudies.study(r);
            Level level = Level.values()[rnd.nextInt(4)];
            Bootstrap.Resampler rs = new Bootstrap.Resampler(study, new ItemCounts(study), level);
            int[] w = new int[rs.pt.count];
            Integer[][] resampled = new Integer[r.length][];
            for (int i = 0; i < r.length; i++) {
                int pick = rnd.nextInt(r.length);
                w[rs.pt.patternOf[pick]]++;
                resampled[i] = r[pick];
            }
            double[] out = new double[5];
            rs.evaluate(w, out);
            // the resampled study may lack a category; alpha, kappa and AC1 (with the original q) compared
            CodingStudy.Builder b = CodingStudy.builder();
            for (String c : study.categories()) {
                b.category(c);
            }
            for (int j = 0; j < r[0].length; j++) {
                b.rater("R" + j);
            }
            for (int i = 0; i < resampled.length; i++) {
                for (int j = 0; j < resampled[i].length; j++) {
                    b.rate("u" + i, "R" + j, resampled[i][j] == null ? null : resampled[i][j].toString());
                }
            }
            CodingStudy direct = b.build();
            check(out[0], KrippendorffAlpha.compute(direct, level));
            check(out[1], CohenKappa.compute(direct).mean());
            check(out[2], GwetAc1.compute(direct));
            check(out[3], PercentAgreement.compute(direct));
            if (FleissKappa.compute(study).complete()) {
                check(out[4], FleissKappa.compute(direct).kappa());
                fleissCompared++;
            } else {
                assertThat(out[4]).isNaN();
            }
        }
        assertThat(fleissCompared).isGreaterThan(40);
    }

    private int fleissCompared;

    private static void check(double fromPatterns, Coefficient direct) {
        if (Double.isNaN(fromPatterns)) {
            assertThat(direct.isDefined()).isFalse();
        } else {
            assertThat(fromPatterns).isCloseTo(direct.get(), within(1e-9));
        }
    }

    @Test
    void sameSeedSameIntervalsAndTheSeedIsRecorded() {
        CodingStudy s = RandomStudies.study(RandomStudies.ratings(new Random(5), 80, 3, 2, 0.1, 0.8));
        Bootstrap.Result a = Bootstrap.run(s, Level.NOMINAL, 300, 42);
        Bootstrap.Result b = Bootstrap.run(s, Level.NOMINAL, 300, 42);
        Bootstrap.Result c = Bootstrap.run(s, Level.NOMINAL, 300, 43);
        assertThat(b).isEqualTo(a);
        assertThat(c.alpha()).isNotEqualTo(a.alpha());
        assertThat(a.seed()).isEqualTo(42);
        assertThat(a.resamples()).isEqualTo(300);
    }

    @Test
    void intervalsBracketTheEstimateAndNarrowWithMoreItems() {
        Random rnd = new Random(6);
        CodingStudy small = RandomStudies.study(RandomStudies.ratings(rnd, 40, 3, 2, 0.1, 0.7));
        CodingStudy large = RandomStudies.study(RandomStudies.ratings(rnd, 2000, 3, 2, 0.1, 0.7));
        CodingReport rs = CodingAgreement.analyse(small, Level.NOMINAL, 1000, 1);
        CodingReport rl = CodingAgreement.analyse(large, Level.NOMINAL, 1000, 1);
        for (CodingReport r : new CodingReport[] {rs, rl}) {
            for (Coefficient c : new Coefficient[] {r.krippendorffAlpha(), r.gwetAc1(), r.cohenKappa().mean()}) {
                assertThat(c.ci95().lower()).isLessThan(c.get());
                assertThat(c.ci95().upper()).isGreaterThan(c.get());
            }
        }
        assertThat(width(rl.krippendorffAlpha())).isLessThan(width(rs.krippendorffAlpha()) / 3);
    }

    private static double width(Coefficient c) {
        return c.ci95().upper() - c.ci95().lower();
    }

    @Test
    void intervalsDoNotDependOnTheNumberOfThreads() throws Exception {
        CodingStudy s = RandomStudies.study(RandomStudies.ratings(new Random(8), 300, 4, 3, 0.2, 0.7));
        Bootstrap.Result many = Bootstrap.run(s, Level.ORDINAL, 200, 9);
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            Bootstrap.Result single = one.submit(() -> Bootstrap.run(s, Level.ORDINAL, 200, 9)).get();
            assertThat(single).isEqualTo(many);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void drawsAreUniformOverItems() {
        // 7 items, patterns 0,0,0,1,1,2,0: expected counts 4/7, 2/7, 1/7 of the draws
        int[] patternOf = {0, 0, 0, 1, 1, 2, 0};
        int[] w = new int[3];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int b = 0; b < 100_000; b++) {
            Bootstrap.draw(rng, 7, patternOf, w);
        }
        double total = 700_000;
        assertThat(w[0] / total).isCloseTo(4 / 7.0, within(0.003));
        assertThat(w[1] / total).isCloseTo(2 / 7.0, within(0.003));
        assertThat(w[2] / total).isCloseTo(1 / 7.0, within(0.003));
    }

    @Test
    void percentileUsesLinearInterpolation() {
        double[] xs = new double[41];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 40 - i;
        }
        Coefficient.Interval ci = Bootstrap.percentile95(xs);
        assertThat(ci.lower()).isEqualTo(1.0);
        assertThat(ci.upper()).isEqualTo(39.0);
        assertThat(Bootstrap.percentile95(new double[] {Double.NaN})).isNull();
    }
}
