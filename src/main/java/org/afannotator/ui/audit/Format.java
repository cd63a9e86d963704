package org.afannotator.ui.audit;

import java.util.Locale;
import org.afannotator.stats.Coefficient;
import org.afannotator.stats.classifier.EvidenceOverlap;
import org.afannotator.stats.classifier.Metric;

/** How the audit screens print numbers: three decimals, and "undefined" where there is no value. */
final class Format {
    static final String UNDEFINED = "undefined";

    private Format() {
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String metric(Metric m) {
        return m.defined() ? number(m.get()) : UNDEFINED;
    }

    /** The evidence overlap line; undefined with its reason (both overlaps share it: no quote found, no span marked). */
    static String overlap(EvidenceOverlap.Summary s) {
        String head = "Share of quoted text that raters also highlighted: ";
        if (!s.meanOverlap().defined()) {
            return head + UNDEFINED + " (" + s.meanOverlap().reason() + ")";
        }
        return head + "mean per quote " + metric(s.meanOverlap()) + ", over all quoted characters " + metric(s.charOverlap());
    }

    static String coefficient(Coefficient c) {
        return c.isDefined() ? number(c.get()) : UNDEFINED;
    }

    static String label(String code) {
        return code == null ? "\u2014" : code.replace('_', ' ');
    }
}
