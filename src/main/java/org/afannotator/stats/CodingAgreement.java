package org.afannotator.stats;

/** Computes every coding coefficient of a study at once, sharing the per-item counts. */
public final class CodingAgreement {
    private CodingAgreement() {
    }

    /**
     * @param resamples bootstrap resamples; 0 for none
     */
    public static CodingReport analyse(CodingStudy study, Level level, int resamples, long seed) {
        ItemCounts counts = new ItemCounts(study);
        Coefficient alpha = KrippendorffAlpha.compute(study, counts, level);
        CohenKappa.Result cohen = CohenKappa.compute(study, counts);
        Coefficient ac1 = GwetAc1.compute(counts);
        Coefficient percent = PercentAgreement.compute(counts);
        FleissKappa.Result fleiss = FleissKappa.compute(study, counts);
        Bootstrap.Result boot = null;
        if (resamples > 0) {
            boot = Bootstrap.run(study, counts, level, resamples, seed);
            alpha = withCi(alpha, boot.alpha());
            ac1 = withCi(ac1, boot.ac1());
            cohen = new CohenKappa.Result(cohen.pairs(), withCi(cohen.mean(), boot.kappa()));
            percent = withCi(percent, boot.percentAgreement());
            fleiss = new FleissKappa.Result(fleiss.complete(), withCi(fleiss.kappa(), boot.fleiss()), fleiss.perCategory());
        }
        return new CodingReport(
                study.itemCount(),
                study.raterCount(),
                study.raters(),
                counts.pairable,
                study.ratingCount(),
                level,
                percent,
                alpha,
                fleiss,
                ac1,
                study.raterCount() == 2 ? ScottPi.compute(study) : null,
                cohen,
                boot,
                ItemDetail.of(study, counts));
    }

    private static Coefficient withCi(Coefficient c, Coefficient.Interval ci) {
        return c.isDefined() && ci != null ? c.withCi(ci) : c;
    }
}
