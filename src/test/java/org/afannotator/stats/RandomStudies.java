package org.afannotator.stats;

import java.util.Random;

/**
 * Seeded random coding studies with some agreement: each item has a true category drawn from
 * skewed prevalences; each rater reports it with probability {@code accuracy}, else a uniform
 * category; ratings go missing with probability {@code missing}. Labels are the numbers 1..k.
 */
final class RandomStudies {
    private RandomStudies() {
    }

    /** Labels as Integer (null = missing), items x raters. */
    static Integer[][] ratings(Random rnd, int items, int raters, int k, double missing, double accuracy) {
        Integer[][] r = new Integer[items][raters];
        double[] prevalence = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            prevalence[c] = 0.2 + rnd.nextDouble() * (c == 0 ? 3 : 1);
            total += prevalence[c];
        }
        for (int i = 0; i < items; i++) {
            double x = rnd.nextDouble() * total;
            int truth = 0;
            while (truth < k - 1 && x > prevalence[truth]) {
                x -= prevalence[truth];
                truth++;
            }
            for (int j = 0; j < raters; j++) {
                if (rnd.nextDouble() < missing) {
                    continue;
                }
                r[i][j] = 1 + (rnd.nextDouble() < accuracy ? truth : rnd.nextInt(k));
            }
        }
        return r;
    }

    /** The study of {@code ratings[item][rater]}; names are zero-padded, so the study's (sorted) order is the arrays'. */
    static CodingStudy study(Integer[][] ratings) {
        CodingStudy.Builder b = CodingStudy.builder();
        int m = ratings.length == 0 ? 0 : ratings[0].length;
        for (int j = 0; j < m; j++) {
            b.rater(String.format("R%03d", j));
        }
        for (int i = 0; i < ratings.length; i++) {
            for (int j = 0; j < m; j++) {
                b.rate(String.format("u%06d", i), String.format("R%03d", j),
                        ratings[i][j] == null ? null : ratings[i][j].toString());
            }
        }
        return b.build();
    }

    static boolean complete(Integer[][] ratings) {
        for (Integer[] row : ratings) {
            for (Integer x : row) {
                if (x == null) {
                    return false;
                }
            }
        }
        return true;
    }
}
