package org.afannotator.app.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.afannotator.stats.classifier.AuditOptions;
import org.afannotator.stats.classifier.HumanReference;

/**
 * A comparison of one or more classifiers with the human reference.
 *
 * @param conditions transcript condition by item (free_tier, ...), empty when unknown (CSV input)
 * @param notAudited the project's classifiers left out because they answer another question (decision 0113)
 */
public record AuditReport(AuditOptions options, HumanReference reference, List<ClassifierAudit> classifiers,
                          Map<String, String> conditions, List<String> notAudited) {
    public AuditReport {
        classifiers = List.copyOf(classifiers);
        conditions = Map.copyOf(conditions);
        notAudited = List.copyOf(notAudited);
    }

    /** Why a classifier of {@link #notAudited} was left out. */
    public static final String NOT_AUDITED_REASON = "answers another question than alignment faking (its scores do not"
            + " measure faking); name it with --classifier to compare it anyway";

    public Optional<ClassifierAudit> classifier(String name) {
        return classifiers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The disagreement list of one classifier, surest first. */
    public List<Disagreement> disagreements(ClassifierAudit audit) {
        return rows(audit, audit.comparison().disagreements(), options.threshold());
    }

    /** The disagreements with scored items called at {@code threshold} (the audit window's slider). */
    public List<Disagreement> disagreementsAt(ClassifierAudit audit, double threshold) {
        return rows(audit, audit.comparison().disagreementsAt(threshold), threshold);
    }

    private List<Disagreement> rows(ClassifierAudit audit, List<org.afannotator.stats.classifier.ItemOutcome> items, double t) {
        return items.stream()
                .map(o -> new Disagreement(o.item(), audit.name(), o.kind(), o.referenceLabel(),
                        reference.sources().get(o.item()), o.predictedLabel(), o.score(), o.distanceFrom(t),
                        conditions.get(o.item())))
                .toList();
    }
}
