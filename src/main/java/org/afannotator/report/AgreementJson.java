package org.afannotator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.afannotator.stats.Coefficient;
import org.afannotator.stats.CodingReport;
import org.afannotator.stats.CohenKappa;
import org.afannotator.stats.SpanAgreement;
import org.afannotator.stats.SpanF1;

/**
 * The agreement JSON the CLI prints and the exports write. A coefficient is
 * {@code {"value": v, "ci95": [lo, hi], "n": items used}}, or when undefined
 * {@code {"value": null, "reason": "...", "n": items used}}; a per-category or per-tag entry is the
 * bare number, or that undefined object.
 */
public final class AgreementJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AgreementJson() {
    }

    /** The coding object of the issue-5 shape. */
    public static ObjectNode coding(CodingReport r, long seed, int resamples) {
        ObjectNode o = F.objectNode();
        o.put("items", r.items());
        o.put("raters", r.raters());
        o.put("pairable_items", r.pairableItems());
        o.put("ratings", r.ratings());
        o.put("level", r.level().code());
        o.set("percent_agreement", coefficient(r.percentAgreement()));
        o.set("krippendorff_alpha", coefficient(r.krippendorffAlpha()));
        ObjectNode fleiss = coefficient(r.fleissKappa().kappa());
        if (r.fleissKappa().complete()) {
            fleiss.set("per_category", entries(r.fleissKappa().perCategory()));
        }
        o.set("fleiss_kappa", fleiss);
        o.set("gwet_ac1", coefficient(r.gwetAc1()));
        if (r.scottPi() != null) {
            o.set("scott_pi", coefficient(r.scottPi()));
        }
        o.set("cohen_kappa", cohen(r.cohenKappa()));
        o.put("seed", seed);
        o.put("bootstrap", resamples);
        return o;
    }

    /** {"unitizing_alpha": {"value", "n", "per_tag"}, "span_f1": {"exact": ..., "overlap": ...}}. */
    public static ObjectNode spans(SpanAgreement s) {
        ObjectNode o = F.objectNode();
        ObjectNode u = coefficient(s.unitizingAlpha().alpha());
        u.set("per_tag", entries(s.unitizingAlpha().perTag()));
        o.set("unitizing_alpha", u);
        ObjectNode f1 = o.putObject("span_f1");
        f1.set("exact", f1(s.exact()));
        f1.set("overlap", f1(s.overlap()));
        return o;
    }

    public static ObjectNode coefficient(Coefficient c) {
        ObjectNode o = F.objectNode();
        if (c.isDefined()) {
            o.put("value", c.get());
            if (c.ci95() != null) {
                ArrayNode ci = o.putArray("ci95");
                ci.add(c.ci95().lower());
                ci.add(c.ci95().upper());
            }
        } else {
            o.putNull("value");
            o.put("reason", c.reason());
        }
        o.put("n", c.itemsUsed());
        return o;
    }

    /** Each entry is an object like any coefficient: {"value", "n"}, or {"value": null, "reason", "n"}. */
    private static JsonNode entry(Coefficient c) {
        return coefficient(c);
    }

    private static ObjectNode entries(Map<String, Coefficient> m) {
        ObjectNode o = F.objectNode();
        m.forEach((k, v) -> o.set(k, entry(v)));
        return o;
    }

    private static ObjectNode cohen(CohenKappa.Result k) {
        ObjectNode o = F.objectNode();
        Coefficient mean = k.mean();
        if (mean.isDefined()) {
            o.put("mean", mean.get());
            if (mean.ci95() != null) {
                ArrayNode ci = o.putArray("ci95");
                ci.add(mean.ci95().lower());
                ci.add(mean.ci95().upper());
            }
        } else {
            o.putNull("mean");
            o.put("reason", mean.reason());
        }
        o.put("n", mean.itemsUsed());
        ArrayNode pairs = o.putArray("pairs");
        for (CohenKappa.Pair p : k.pairs()) {
            ObjectNode po = pairs.addObject();
            po.put("rater_a", p.raterA());
            po.put("rater_b", p.raterB());
            po.put("n", p.n());
            if (p.kappa().isDefined()) {
                po.put("value", p.kappa().get());
            } else {
                po.putNull("value");
                po.put("reason", p.kappa().reason());
            }
        }
        return o;
    }

    private static ObjectNode f1(SpanF1.Result r) {
        ObjectNode o = coefficient(r.meanF1());
        ArrayNode pairs = o.putArray("pairs");
        for (SpanF1.Pair p : r.pairs()) {
            ObjectNode po = pairs.addObject();
            po.put("rater_a", p.raterA());
            po.put("rater_b", p.raterB());
            po.put("n", p.items());
            po.put("spans_a", p.spansA());
            po.put("spans_b", p.spansB());
            number(po, "precision", p.precision());
            number(po, "recall", p.recall());
            number(po, "f1", p.f1());
            if (!p.f1().isDefined()) {
                po.put("reason", p.f1().reason());
            }
        }
        return o;
    }

    private static void number(ObjectNode o, String key, Coefficient c) {
        if (c.isDefined()) {
            o.put(key, c.get());
        } else {
            o.putNull(key);
        }
    }
}
