package org.afannotator.stats;

/**
 * Krippendorff's alpha in its coincidence-matrix form (Krippendorff 2004, ch. 11; 2011 "Computing
 * Krippendorff's alpha-reliability"): alpha = 1 - D_o / D_e with D_o = (1/n) sum_ck o_ck delta2_ck
 * and D_e = 1/(n(n-1)) sum_ck n_c n_k delta2_ck, over the pairable values only (items with two or
 * more ratings); missing ratings allowed.
 */
public final class KrippendorffAlpha {
    private KrippendorffAlpha() {
    }

    public static Coefficient compute(CodingStudy study, Level level) {
        return compute(study, new ItemCounts(study), level);
    }

    static Coefficient compute(CodingStudy study, ItemCounts counts, Level level) {
        requireNumbers(study, level);
        double[] o = coincidences(counts);
        return fromCoincidences(o, study.categoryCount(), level, values(study, level), counts.pairable,
                counts.items);
    }

    static void requireNumbers(CodingStudy study, Level level) {
        if (level.needsNumbers() && study.categoryCount() > 0 && !study.numeric()) {
            throw new IllegalArgumentException(level.code() + " alpha needs numeric labels, got " + study.categories());
        }
    }

    static double[] values(CodingStudy study, Level level) {
        if (!level.needsNumbers() || !study.numeric()) {
            return null;
        }
        double[] v = new double[study.categoryCount()];
        for (int c = 0; c < v.length; c++) {
            v[c] = study.value(c);
            if (level == Level.RATIO && v[c] < 0) {
                // The ratio metric ((c - k)/(c + k))^2 is for magnitudes with a true zero; with
                // signs, c and -c would be at no distance at all.
                throw new IllegalArgumentException("ratio alpha needs values >= 0, not " + study.categories().get(c));
            }
        }
        return v;
    }

    /** The k x k coincidence matrix, row-major. */
    static double[] coincidences(ItemCounts counts) {
        int k = counts.k;
        double[] o = new double[k * k];
        int[] present = new int[k];
        for (int i = 0; i < counts.patterns; i++) {
            int mu = counts.rated[i];
            if (mu < 2) {
                continue;
            }
            double w = (double) counts.weight[i] / (mu - 1);
            int np = 0;
            int base = i * k;
            for (int c = 0; c < k; c++) {
                if (counts.counts[base + c] > 0) {
                    present[np++] = c;
                }
            }
            for (int a = 0; a < np; a++) {
                int c = present[a];
                int nc = counts.counts[base + c];
                o[c * k + c] += nc * (nc - 1) * w;
                for (int b = a + 1; b < np; b++) {
                    int d = present[b];
                    double x = nc * counts.counts[base + d] * w;
                    o[c * k + d] += x;
                    o[d * k + c] += x;
                }
            }
        }
        return o;
    }

    /** Alpha from a coincidence matrix; {@code values} are the numeric labels (null for nominal). */
    static Coefficient fromCoincidences(double[] o, int k, Level level, double[] values, int used, int total) {
        double alpha = alpha(o, k, level, values);
        if (Double.isNaN(alpha)) {
            double n = 0;
            for (double x : o) {
                n += x;
            }
            if (n == 0) {
                return Coefficient.undefined("no item has two or more ratings, so no value is pairable", used, total);
            }
            if (pairableCategories(o, k) > 1) {
                return Coefficient.undefined("the pairable values differ, but at the " + level.code() + " level"
                        + " every pair of them is at distance 0: expected disagreement is 0 and alpha is 0/0", used, total);
            }
            return Coefficient.undefined("every pairable value is the same category: expected disagreement is 0 "
                    + "and alpha is 0/0", used, total);
        }
        return Coefficient.of(alpha, used, total);
    }

    private static int pairableCategories(double[] o, int k) {
        int present = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                if (o[c * k + d] > 0) {
                    present++;
                    break;
                }
            }
        }
        return present;
    }

    /**
     * The pairable values multiplied by a power of two (exact) that brings the largest magnitude into
     * [1, 2): interval and ratio alpha do not change when every value is multiplied by the same
     * number, and squared differences of values near 1e160 would overflow a double (near 1e-170,
     * underflow to 0) and make alpha 0/0. Null when {@code values} is null.
     */
    static double[] scaled(double[] values, double[] nc) {
        if (values == null) {
            return null;
        }
        double largest = 0;
        for (int c = 0; c < values.length; c++) {
            if (nc[c] > 0) {
                largest = Math.max(largest, Math.abs(values[c]));
            }
        }
        if (largest == 0) {
            return values;
        }
        int exponent = Math.getExponent(largest);
        if (exponent < Double.MIN_EXPONENT) {
            exponent = Math.getExponent(largest * 0x1p64) - 64; // subnormal: its true binary exponent
        }
        double[] v = new double[values.length];
        for (int c = 0; c < v.length; c++) {
            v[c] = Math.scalb(values[c], -exponent);
        }
        return v;
    }

    /** Alpha, or NaN when undefined (no pairable value, or expected disagreement 0). */
    static double alpha(double[] o, int k, Level level, double[] values) {
        double[] nc = new double[k];
        double n = 0;
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int d = 0; d < k; d++) {
                s += o[c * k + d];
            }
            nc[c] = s;
            n += s;
        }
        if (n <= 1) {
            return Double.NaN;
        }
        double[] v = scaled(values, nc);
        double[] cum = null;
        if (level == Level.ORDINAL) {
            cum = new double[k + 1];
            for (int c = 0; c < k; c++) {
                cum[c + 1] = cum[c] + nc[c];
            }
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            if (nc[c] == 0) {
                continue;
            }
            for (int d = c + 1; d < k; d++) {
                if (nc[d] == 0) {
                    continue;
                }
                double delta2 = delta2(level, c, d, nc, cum, v);
                observed += (o[c * k + d] + o[d * k + c]) * delta2;
                expected += 2 * nc[c] * nc[d] * delta2;
            }
        }
        if (expected == 0) {
            return Double.NaN;
        }
        return 1 - (n - 1) * observed / expected;
    }

    private static double delta2(Level level, int c, int d, double[] nc, double[] cum, double[] v) {
        switch (level) {
            case NOMINAL:
                return 1;
            case ORDINAL: {
                double x = cum[d + 1] - cum[c] - (nc[c] + nc[d]) / 2;
                return x * x;
            }
            case INTERVAL: {
                double x = v[c] - v[d];
                return x * x;
            }
            case RATIO: {
                double s = v[c] + v[d];
                double x = s == 0 ? 0 : (v[c] - v[d]) / s;
                return x * x;
            }
            default:
                throw new IllegalStateException(level.toString());
        }
    }
}
