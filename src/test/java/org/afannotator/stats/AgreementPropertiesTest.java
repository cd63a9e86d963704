package org.afannotator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties every coefficient must keep, on seeded random studies. */
class AgreementPropertiesTest {

    @Test
    void perfectAgreementGivesOneEverywhere() {
        Random rnd = new Random(11);
        for (int t = 0; t < 50; t++) {
            int k = 2 + rnd.nextInt(3);
            int m = 2 + rnd.nextInt(4);
            Integer[][] r = new Integer[10 + rnd.nextInt(30)][m];
            for (int i = 0; i < r.length; i++) {
                java.util.Arrays.fill(r[i], 1 + i % k);
            }
            CodingReport rep = CodingAgreement.analyse(RandomStudies.study(r), Level.NOMINAL, 0, 0);
            assertThat(rep.percentAgreement().get()).isEqualTo(1.0);
            assertThat(rep.krippendorffAlpha().get()).isEqualTo(1.0);
            assertThat(rep.fleissKappa().kappa().get()).isEqualTo(1.0);
            assertThat(rep.gwetAc1().get()).isEqualTo(1.0);
            assertThat(rep.cohenKappa().mean().get()).isEqualTo(1.0);
            for (Level level : Level.values()) {
                assertThat(KrippendorffAlpha.compute(RandomStudies.study(r), level).get()).isEqualTo(1.0);
            }
            if (m == 2) {
                assertThat(rep.scottPi().get()).isEqualTo(1.0);
            }
        }
    }

    @Test
    void renamingLabelsChangesNoNominalCoefficient() {
        Random rnd = new Random(12);
        for (int t = 0; t < 50; t++) {
            Integer[][] r = RandomStudies.ratings(rnd, 10 + rnd.nextInt(40), 2 + rnd.nextInt(4), 2 + rnd.nextInt(4),
                    rnd.nextDouble() * 0.3, rnd.nextDouble());
            CodingStudy a = RandomStudies.study(r);
            List<String> names = new ArrayList<>(List.of("zeta", "alpha", "mid", "b", "faking", "not_faking"));
            Collections.shuffle(names, rnd);
            Map<Integer, String> rename = new HashMap<>();
            CodingStudy.Builder b = CodingStudy.builder();
            for (int j = 0; j < r[0].length; j++) {
                b.rater("R" + j);
            }
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r[i].length; j++) {
                    Integer x = r[i][j];
                    b.rate("u" + i, "R" + j, x == null ? null : rename.computeIfAbsent(x, y -> names.get(y)));
                }
            }
            assertSameNominal(CodingAgreement.analyse(a, Level.NOMINAL, 0, 0),
                    CodingAgreement.analyse(b.build(), Level.NOMINAL, 0, 0));
        }
    }

    @Test
    void raterAndItemOrderChangeNothing() {
        Random rnd = new Random(13);
        for (int t = 0; t < 50; t++) {
            Integer[][] r = RandomStudies.ratings(rnd, 10 + rnd.nextInt(40), 2 + rnd.nextInt(4), 2 + rnd.nextInt(4),
                    rnd.nextDouble() * 0.3, rnd.nextDouble());
            int m = r[0].length;
            List<Integer> raterOrder = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                raterOrder.add(j);
            }
            Collections.shuffle(raterOrder, rnd);
            List<Integer> itemOrder = new ArrayList<>();
            for (int i = 0; i < r.length; i++) {
                itemOrder.add(i);
            }
            Collections.shuffle(itemOrder, rnd);
            CodingStudy.Builder b = CodingStudy.builder();
            for (int j : raterOrder) {
                b.rater(String.format("R%03d", j));
            }
            for (int i : itemOrder) {
                for (int j : raterOrder) {
                    b.rate(String.format("u%06d", i), String.format("R%03d", j), r[i][j] == null ? null : r[i][j].toString());
                }
            }
            CodingReport x = CodingAgreement.analyse(RandomStudies.study(r), Level.INTERVAL, 0, 0);
            CodingReport y = CodingAgreement.analyse(b.build(), Level.INTERVAL, 0, 0);
            assertSameNominal(x, y);
            assertSame(x.krippendorffAlpha(), y.krippendorffAlpha());
            Map<String, Double> px = pairValues(x.cohenKappa());
            Map<String, Double> py = pairValues(y.cohenKappa());
            assertThat(py.keySet()).isEqualTo(px.keySet());
            for (String key : px.keySet()) {
                assertSameValue(px.get(key), py.get(key));
            }
        }
    }

    /** Regression: intervals came from items in input order, so a CSV in another order gave other intervals. */
    @Test
    void bootstrapIntervalsDoNotDependOnTheOrderOfTheRatings() {
        Random rnd = new Random(31);
        for (int t = 0; t < 10; t++) {
            Integer[][] r = RandomStudies.ratings(rnd, 20 + rnd.nextInt(40), 2 + rnd.nextInt(3), 2,
                    rnd.nextDouble() * 0.3, rnd.nextDouble());
            List<int[]> cells = new ArrayList<>();
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r[i].length; j++) {
                    cells.add(new int[] {i, j});
                }
            }
            Collections.shuffle(cells, rnd);
            CodingStudy.Builder b = CodingStudy.builder();
            for (int[] c : cells) {
                Integer v = r[c[0]][c[1]];
                b.rate(String.format("u%06d", c[0]), String.format("R%03d", c[1]), v == null ? null : v.toString());
            }
            CodingReport x = CodingAgreement.analyse(RandomStudies.study(r), Level.NOMINAL, 200, 5);
            CodingReport y = CodingAgreement.analyse(b.build(), Level.NOMINAL, 200, 5);
            assertThat(y.krippendorffAlpha().ci95()).isEqualTo(x.krippendorffAlpha().ci95());
            assertThat(y.percentAgreement().ci95()).isEqualTo(x.percentAgreement().ci95());
            assertThat(y.gwetAc1().ci95()).isEqualTo(x.gwetAc1().ci95());
        }
    }

    private static Map<String, Double> pairValues(CohenKappa.Result r) {
        Map<String, Double> out = new HashMap<>();
        for (CohenKappa.Pair p : r.pairs()) {
            String key = p.raterA().compareTo(p.raterB()) < 0 ? p.raterA() + "|" + p.raterB() : p.raterB() + "|" + p.raterA();
            out.put(key, p.kappa().value());
        }
        return out;
    }

    private static void assertSameNominal(CodingReport x, CodingReport y) {
        assertSame(x.percentAgreement(), y.percentAgreement());
        assertSame(x.fleissKappa().kappa(), y.fleissKappa().kappa());
        assertSame(x.gwetAc1(), y.gwetAc1());
        assertSame(x.cohenKappa().mean(), y.cohenKappa().mean());
        if (x.scottPi() != null) {
            assertSame(x.scottPi(), y.scottPi());
        }
        if (x.level() == Level.NOMINAL) {
            assertSame(x.krippendorffAlpha(), y.krippendorffAlpha());
        }
        assertThat(y.pairableItems()).isEqualTo(x.pairableItems());
    }

    private static void assertSame(Coefficient a, Coefficient b) {
        assertThat(b.isDefined()).isEqualTo(a.isDefined());
        assertSameValue(a.value(), b.value());
        assertThat(b.itemsUsed()).isEqualTo(a.itemsUsed());
    }

    private static void assertSameValue(Double a, Double b) {
        if (a == null) {
            assertThat(b).isNull();
        } else {
            assertThat(b).isCloseTo(a, within(1e-12));
        }
    }
}
