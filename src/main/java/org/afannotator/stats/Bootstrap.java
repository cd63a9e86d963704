package org.afannotator.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Percentile bootstrap over items: each resample draws n items with replacement (n = items in the
 * study), recomputes percent agreement, Krippendorff's alpha (at the chosen level), Fleiss' kappa
 * (complete data only), the mean pairwise Cohen's kappa and Gwet's AC1 from scratch, and the 95%
 * interval is the 2.5th and 97.5th percentile of the
 * resampled values (linear interpolation between order statistics, Hyndman-Fan type 7). Resamples
 * in which a coefficient is undefined are left out of that coefficient's interval. Resample b
 * draws from a SplittableRandom seeded with the b-th long of SplittableRandom(seed), so the
 * intervals depend on the study and the seed only, not on how many threads share the resamples
 * (and a study lists its items in sorted order, so not on the order the ratings came in).
 *
 * <p>Speed: items with identical rating rows contribute identically, so the rows are grouped into
 * patterns and each pattern's contribution (its coincidences, its pair cells, its AC1 terms) is
 * computed once; a resample only counts how often each pattern was drawn.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 1000;

    private Bootstrap() {
    }

    /**
     * Intervals (null where no resample gave a value): Krippendorff's alpha, the mean pairwise
     * Cohen's kappa, Gwet's AC1, percent agreement and Fleiss' kappa (null unless the data are
     * complete).
     */
    public record Result(Coefficient.Interval alpha, Coefficient.Interval kappa, Coefficient.Interval ac1,
            Coefficient.Interval percentAgreement, Coefficient.Interval fleiss, int resamples, long seed) {
    }

    public static Result run(CodingStudy study, Level level, int resamples, long seed) {
        return run(study, new ItemCounts(study), level, resamples, seed);
    }

    static Result run(CodingStudy study, ItemCounts counts, Level level, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1: " + resamples);
        }
        Resampler shared = new Resampler(study, counts, level);
        int n = study.itemCount();
        double[] alphas = new double[resamples];
        double[] kappas = new double[resamples];
        double[] ac1s = new double[resamples];
        double[] percents = new double[resamples];
        double[] fleisses = new double[resamples];
        // Resample b draws from its own generator seeded by the b-th number of the seed's stream,
        // so the result is the same however the resamples are spread over threads.
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[resamples];
        for (int b = 0; b < resamples; b++) {
            seeds[b] = master.nextLong();
        }
        int chunks = Math.min(resamples, Math.max(1, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Resampler rs = shared.copy();
            int[] w = new int[rs.pt.count];
            double[] out = new double[5];
            for (int b = c; b < resamples; b += chunks) {
                Arrays.fill(w, 0);
                if (n > 0) {
                    draw(new SplittableRandom(seeds[b]), n, rs.pt.patternOf, w);
                }
                rs.evaluate(w, out);
                alphas[b] = out[0];
                kappas[b] = out[1];
                ac1s[b] = out[2];
                percents[b] = out[3];
                fleisses[b] = out[4];
            }
        });
        return new Result(percentile95(alphas), percentile95(kappas), percentile95(ac1s), percentile95(percents),
                percentile95(fleisses), resamples, seed);
    }

    /** The coefficients of a resample given as pattern counts. */
    static final class Resampler {
        final Patterns pt;
        private final Level level;
        /** Every item rated by the same m >= 2 raters (so is every resample): Fleiss' kappa is defined. */
        private final boolean complete;
        private final double[] values;
        private final int k;
        private final int pairs;
        private final double[] o;
        private final double[] piSum;
        private final long[] conf;

        Resampler(CodingStudy study, ItemCounts counts, Level level) {
            KrippendorffAlpha.requireNumbers(study, level);
            this.pt = new Patterns(study, counts);
            this.level = level;
            this.complete = FleissKappa.compute(study, counts).complete();
            this.values = KrippendorffAlpha.values(study, level);
            this.k = study.categoryCount();
            int m = study.raterCount();
            this.pairs = m * (m - 1) / 2;
            this.o = new double[k * k];
            this.piSum = new double[k];
            this.conf = new long[pairs * k * k];
        }

        private Resampler(Resampler r) {
            this.pt = r.pt;
            this.level = r.level;
            this.complete = r.complete;
            this.values = r.values;
            this.k = r.k;
            this.pairs = r.pairs;
            this.o = new double[r.o.length];
            this.piSum = new double[r.piSum.length];
            this.conf = new long[r.conf.length];
        }

        /** Shares the patterns, with its own work buffers (one per thread). */
        Resampler copy() {
            return new Resampler(this);
        }

        /**
         * Writes {alpha, mean kappa, AC1, percent agreement, Fleiss' kappa} (NaN where undefined)
         * for pattern weights w into out.
         */
        void evaluate(int[] w, double[] out) {
            Arrays.fill(o, 0);
            Arrays.fill(piSum, 0);
            Arrays.fill(conf, 0);
            long pairable = 0;
            long rated = 0;
            double paSum = 0;
            for (int p = 0; p < pt.count; p++) {
                int wp = w[p];
                if (wp == 0) {
                    continue;
                }
                for (int e = pt.cooStart[p]; e < pt.cooStart[p + 1]; e++) {
                    o[pt.cooCell[e]] += wp * pt.cooValue[e];
                }
                if (pt.rated[p] >= 2) {
                    pairable += wp;
                    paSum += wp * pt.agreement[p];
                }
                if (pt.rated[p] >= 1) {
                    rated += wp;
                    for (int e = pt.shareStart[p]; e < pt.shareStart[p + 1]; e++) {
                        piSum[pt.shareCat[e]] += wp * pt.shareValue[e];
                    }
                }
                for (int e = pt.pairStart[p]; e < pt.pairStart[p + 1]; e++) {
                    conf[pt.pairCell[e]] += wp;
                }
            }
            out[0] = KrippendorffAlpha.alpha(o, k, level, values);
            out[1] = meanKappa(conf, pairs, k);
            out[2] = pairable == 0 || k < 2 ? Double.NaN : GwetAc1.ac1(paSum / pairable, piSum, rated, k);
            out[3] = pairable == 0 ? Double.NaN : paSum / pairable;
            out[4] = complete ? fleiss(paSum / pairable, piSum, rated) : Double.NaN;
        }

        /**
         * Fleiss' kappa of complete data from P-bar and the category shares: with every item rated
         * by m raters, p_j = sum_i n_ij / (N m) = (sum_i n_ij / m) / N = piSum_j / N.
         */
        private static double fleiss(double pBar, double[] piSum, long items) {
            double pe = 0;
            for (double s : piSum) {
                double p = s / items;
                pe += p * p;
            }
            // every rating the same category: 0/0 (FleissKappa says so); exact, as p is then 1.0
            return pe >= 1 ? Double.NaN : (pBar - pe) / (1 - pe);
        }
    }

    /**
     * Draws n items uniformly with replacement and counts each drawn item's pattern. Two draws per
     * 64-bit random number: Lemire's multiply-shift on each 32-bit half, with his rejection step so
     * every item is exactly equally likely.
     */
    static void draw(SplittableRandom rng, int n, int[] patternOf, int[] w) {
        final long bound = n;
        final long reject = (0x100000000L - bound) % bound;
        int t = 0;
        while (t < n) {
            long x = rng.nextLong();
            long m1 = (x >>> 32) * bound;
            while ((m1 & 0xFFFFFFFFL) < reject) {
                m1 = (rng.nextLong() >>> 32) * bound;
            }
            w[patternOf[(int) (m1 >>> 32)]]++;
            if (++t == n) {
                break;
            }
            long m2 = (x & 0xFFFFFFFFL) * bound;
            while ((m2 & 0xFFFFFFFFL) < reject) {
                m2 = (rng.nextLong() >>> 32) * bound;
            }
            w[patternOf[(int) (m2 >>> 32)]]++;
            t++;
        }
    }

    private static double meanKappa(long[] conf, int pairs, int k) {
        double sum = 0;
        int defined = 0;
        long[] row = new long[k];
        long[] col = new long[k];
        for (int p = 0; p < pairs; p++) {
            int off = p * k * k;
            Arrays.fill(row, 0);
            Arrays.fill(col, 0);
            long n = 0;
            long agree = 0;
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < k; d++) {
                    long x = conf[off + c * k + d];
                    n += x;
                    row[c] += x;
                    col[d] += x;
                }
                agree += conf[off + c * k + c];
            }
            if (n == 0) {
                continue;
            }
            long chance = 0;
            for (int c = 0; c < k; c++) {
                chance += row[c] * col[c];
            }
            if (chance == n * n) {
                continue;
            }
            double po = (double) agree / n;
            double pe = (double) chance / ((double) n * n);
            sum += (po - pe) / (1 - pe);
            defined++;
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    /** The 2.5th and 97.5th percentiles (type 7) of the non-NaN values, or null if there are none. */
    static Coefficient.Interval percentile95(double[] xs) {
        double[] v = Arrays.stream(xs).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        return new Coefficient.Interval(quantile(v, 0.025), quantile(v, 0.975));
    }

    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Distinct rating rows and what each contributes, in flat arrays. */
    static final class Patterns {
        final int[] patternOf;
        final int count;
        final int[] rated;
        final double[] agreement;
        final int[] cooStart;
        final int[] cooCell;
        final double[] cooValue;
        final int[] shareStart;
        final int[] shareCat;
        final double[] shareValue;
        final int[] pairStart;
        final int[] pairCell;

        Patterns(CodingStudy study, ItemCounts counts) {
            int m = study.raterCount();
            int k = study.categoryCount();
            int[] codes = study.codes();
            patternOf = counts.patternOf;
            int[] first = counts.first;
            count = counts.patterns;
            rated = new int[count];
            agreement = new double[count];
            cooStart = new int[count + 1];
            shareStart = new int[count + 1];
            pairStart = new int[count + 1];
            IntList cooCells = new IntList();
            DoubleList cooValues = new DoubleList();
            IntList shareCats = new IntList();
            DoubleList shareValues = new DoubleList();
            IntList pairCells = new IntList();
            int[] cnt = new int[k];
            for (int p = 0; p < count; p++) {
                int base = first[p] * m;
                Arrays.fill(cnt, 0);
                int r = 0;
                for (int j = 0; j < m; j++) {
                    int c = codes[base + j];
                    if (c >= 0) {
                        cnt[c]++;
                        r++;
                    }
                }
                rated[p] = r;
                if (r >= 2) {
                    long agree = 0;
                    for (int c = 0; c < k; c++) {
                        if (cnt[c] == 0) {
                            continue;
                        }
                        agree += (long) cnt[c] * (cnt[c] - 1);
                        for (int d = 0; d < k; d++) {
                            if (cnt[d] == 0) {
                                continue;
                            }
                            double x = c == d ? cnt[c] * (cnt[c] - 1.0) : (double) cnt[c] * cnt[d];
                            if (x != 0) {
                                cooCells.add(c * k + d);
                                cooValues.add(x / (r - 1));
                            }
                        }
                    }
                    agreement[p] = (double) agree / ((long) r * (r - 1));
                }
                if (r >= 1) {
                    for (int c = 0; c < k; c++) {
                        if (cnt[c] > 0) {
                            shareCats.add(c);
                            shareValues.add((double) cnt[c] / r);
                        }
                    }
                }
                int pair = 0;
                for (int a = 0; a < m; a++) {
                    int ca = codes[base + a];
                    for (int b = a + 1; b < m; b++, pair++) {
                        int cb = codes[base + b];
                        if (ca >= 0 && cb >= 0) {
                            pairCells.add(pair * k * k + ca * k + cb);
                        }
                    }
                }
                cooStart[p + 1] = cooCells.size;
                shareStart[p + 1] = shareCats.size;
                pairStart[p + 1] = pairCells.size;
            }
            cooCell = cooCells.toArray();
            cooValue = cooValues.toArray();
            shareCat = shareCats.toArray();
            shareValue = shareValues.toArray();
            pairCell = pairCells.toArray();
        }
    }

    private static final class IntList {
        int[] a = new int[64];
        int size;

        void add(int x) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = x;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class DoubleList {
        double[] a = new double[64];
        int size;

        void add(double x) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = x;
        }

        double[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
