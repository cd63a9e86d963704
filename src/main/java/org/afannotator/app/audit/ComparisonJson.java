package org.afannotator.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.afannotator.stats.Coefficient;
import org.afannotator.stats.CohenKappa;
import org.afannotator.stats.classifier.AurocEstimate;
import org.afannotator.stats.classifier.ClassifierComparison;
import org.afannotator.stats.classifier.ConfusionMatrix;
import org.afannotator.stats.classifier.CriterionAgreement;
import org.afannotator.stats.classifier.EvidenceOverlap;
import org.afannotator.stats.classifier.HumanRangeComparison;
import org.afannotator.stats.classifier.KappaRange;
import org.afannotator.stats.classifier.Metric;
import org.afannotator.stats.classifier.RocPoint;
import org.afannotator.stats.classifier.ThresholdMetrics;

/**
 * The comparison as JSON, the shape {@code compare --format json} prints and the app exports. An
 * undefined number is null with its reason beside it: a scalar {@code "precision": null} gets
 * {@code "precision_reason": "..."}, an object gets a {@code "reason"} member.
 */
public final class ComparisonJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ComparisonJson() {
    }

    public static String write(AuditReport report, boolean pretty) {
        try {
            return (pretty ? MAPPER.writer(SerializationFeature.INDENT_OUTPUT) : MAPPER.writer()).writeValueAsString(toJson(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static ObjectNode toJson(AuditReport report) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("positive", report.options().positive());
        o.put("reference_items", report.reference().size());
        o.put("ties_excluded", report.reference().ties().size());
        o.put("excluded_by_adjudication", report.reference().excluded().size());
        o.put("threshold", report.options().threshold());
        o.put("bootstrap", report.options().bootstrap());
        o.put("seed", report.options().seed());
        ArrayNode cls = o.putArray("classifiers");
        for (ClassifierAudit a : report.classifiers()) {
            cls.add(classifier(a));
        }
        ArrayNode left = o.putArray("not_audited");
        for (String name : report.notAudited()) {
            left.addObject().put("name", name).put("reason", AuditReport.NOT_AUDITED_REASON);
        }
        return o;
    }

    static ObjectNode classifier(ClassifierAudit a) {
        ClassifierComparison c = a.comparison();
        ConfusionMatrix m = c.confusion();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", c.name());
        o.put("n", c.n());
        o.put("missing_predictions", c.missingPredictions());
        o.put("threshold", c.options().threshold());
        ObjectNode conf = o.putObject("confusion");
        conf.put("tp", m.tp());
        conf.put("fp", m.fp());
        conf.put("tn", m.tn());
        conf.put("fn", m.fn());
        scalar(o, "accuracy", m.accuracy());
        scalar(o, "precision", m.precision());
        scalar(o, "recall", m.recall());
        scalar(o, "specificity", m.specificity());
        scalar(o, "f1", m.f1());
        scalar(o, "mcc", m.mcc());
        scalar(o, "cohen_kappa", m.cohenKappa());
        o.set("auroc", auroc(c.auroc(), c.scored()));
        HumanRangeComparison h = c.humanRange();
        o.set("kappa_with_humans", range(h.classifierWithHumans(), true));
        o.set("human_pairwise_kappa", range(h.humanPairs(), false));
        if (h.withinHumanRange() == null) {
            o.putNull("within_human_range");
            o.put("within_human_range_reason", h.withinHumanRangeReason());
        } else {
            o.put("within_human_range", h.withinHumanRange());
        }
        coefficient(o, "alpha_humans", h.alphaHumans());
        coefficient(o, "alpha_humans_with_classifier", h.alphaHumansWithClassifier());
        ArrayNode roc = o.putArray("roc");
        for (RocPoint p : c.roc()) {
            ObjectNode pt = roc.addObject();
            if (p.threshold() == null) {
                pt.putNull("threshold");
            } else {
                pt.put("threshold", p.threshold());
            }
            pt.put("fpr", p.fpr());
            pt.put("tpr", p.tpr());
        }
        ArrayNode sweep = o.putArray("across_thresholds");
        for (ThresholdMetrics t : c.acrossThresholds()) {
            ObjectNode x = sweep.addObject();
            ConfusionMatrix tm = t.confusion();
            x.put("threshold", t.threshold());
            x.put("tp", tm.tp());
            x.put("fp", tm.fp());
            x.put("tn", tm.tn());
            x.put("fn", tm.fn());
            scalar(x, "precision", tm.precision());
            scalar(x, "recall", tm.recall());
            scalar(x, "f1", tm.f1());
            scalar(x, "cohen_kappa", tm.cohenKappa());
        }
        if (a.criterionMapping() != null) {
            ArrayNode crit = o.putArray("criteria");
            for (CriterionAgreement ca : a.criteria()) {
                ObjectNode x = crit.addObject();
                x.put("code", ca.code());
                x.put("key", ca.key());
                x.put("n", ca.confusion().n());
                x.put("ties_excluded", ca.ties());
                scalar(x, "agreement", ca.agreement());
                scalar(x, "cohen_kappa", ca.kappa());
                ObjectNode cc = x.putObject("confusion");
                cc.put("tp", ca.confusion().tp());
                cc.put("fp", ca.confusion().fp());
                cc.put("tn", ca.confusion().tn());
                cc.put("fn", ca.confusion().fn());
            }
            ArrayNode unmapped = o.putArray("criteria_unmapped");
            a.criterionMapping().unmapped().forEach(unmapped::add);
        }
        if (a.evidence() != null) {
            EvidenceOverlap.Summary s = a.evidence();
            ObjectNode ev = o.putObject("evidence");
            ev.put("quotes", s.quotes());
            ev.put("found_exact", s.exact());
            ev.put("found_whitespace_insensitive", s.whitespaceInsensitive());
            ev.put("found_case_insensitive", s.caseInsensitive());
            scalar(ev, "mean_overlap", s.meanOverlap());
            scalar(ev, "char_overlap", s.charOverlap());
            ArrayNode nf = ev.putArray("not_found");
            for (EvidenceOverlap.QuoteEvidence q : s.notFound()) {
                ObjectNode x = nf.addObject();
                x.put("item", q.item());
                if (q.match().quote().criterion() == null) {
                    x.putNull("criterion");
                } else {
                    x.put("criterion", q.match().quote().criterion());
                }
                x.put("text", q.match().quote().text());
            }
        }
        return o;
    }

    static ObjectNode auroc(AurocEstimate e, int scored) {
        ObjectNode o = MAPPER.createObjectNode();
        if (e.value().defined()) {
            o.put("value", e.value().get());
        } else {
            o.putNull("value");
            o.put("reason", e.value().reason());
        }
        if (e.ci95() == null) {
            o.putNull("ci95");
            o.put("ci_reason", e.ciReason());
        } else {
            o.putArray("ci95").add(e.ci95().lower()).add(e.ci95().upper());
        }
        o.put("n", scored);
        o.put("positives", e.positives());
        o.put("negatives", e.negatives());
        o.put("bootstrap", e.bootstrap());
        o.put("usable_resamples", e.usable());
        o.put("seed", e.seed());
        return o;
    }

    static ObjectNode range(KappaRange r, boolean withClassifier) {
        ObjectNode o = MAPPER.createObjectNode();
        number(o, "mean", r.mean());
        number(o, "min", r.min());
        number(o, "max", r.max());
        if (!r.mean().defined()) {
            o.put("reason", r.mean().reason());
        }
        o.put("pairs_defined", r.defined());
        ArrayNode pairs = o.putArray("pairs");
        for (CohenKappa.Pair p : r.pairs()) {
            ObjectNode x = pairs.addObject();
            if (withClassifier) {
                x.put("rater", p.raterA());
            } else {
                x.put("rater_a", p.raterA());
                x.put("rater_b", p.raterB());
            }
            x.put("n", p.n());
            if (p.kappa().isDefined()) {
                x.put("value", p.kappa().get());
            } else {
                x.putNull("value");
                x.put("reason", p.kappa().reason());
            }
        }
        return o;
    }

    private static void number(ObjectNode o, String field, Metric m) {
        if (m.defined()) {
            o.put(field, m.get());
        } else {
            o.putNull(field);
        }
    }

    static void scalar(ObjectNode o, String field, Metric m) {
        if (m.defined()) {
            o.put(field, m.get());
        } else {
            o.putNull(field);
            o.put(field + "_reason", m.reason());
        }
    }

    private static void coefficient(ObjectNode o, String field, Coefficient c) {
        if (c.isDefined()) {
            o.put(field, c.get());
        } else {
            o.putNull(field);
            o.put(field + "_reason", c.reason());
        }
    }
}
