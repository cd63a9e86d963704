package org.afannotator.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.afannotator.app.audit.AuditReport;
import org.afannotator.app.audit.ClassifierAudit;
import org.afannotator.app.audit.Disagreement;
import org.afannotator.app.audit.DisagreementDetail;
import org.afannotator.app.audit.RaterEvidence;
import org.afannotator.ingest.ClassifierQuestions;
import org.afannotator.ingest.LabelCells;
import org.afannotator.domain.Adjudication;
import org.afannotator.domain.AdjudicationBasis;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.Rater;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.stats.CodingStudy;
import org.afannotator.stats.Level;
import org.afannotator.stats.classifier.AuditOptions;
import org.afannotator.stats.classifier.ClassifierComparison;
import org.afannotator.stats.classifier.CriterionAgreement;
import org.afannotator.stats.classifier.CriterionMapping;
import org.afannotator.stats.classifier.EvidenceOverlap;
import org.afannotator.stats.classifier.HumanReference;
import org.afannotator.stats.classifier.QuoteLocator;
import org.afannotator.stats.classifier.QuoteMatch;
import org.afannotator.stats.classifier.RaterLabel;
import org.afannotator.store.ProjectStore;

/**
 * The classifier audit: compares classifiers with the human reference, from CSV files or from a
 * project, and gathers what the disagreement browser shows. The command line and the app call the
 * same methods.
 *
 * <p>On a project, a rater's label counts when the annotation is DONE; adjudicated gold labels
 * replace the raters' majority; adjudications with basis EXCLUDED leave the transcript out. For
 * criteria, only raters who ticked at least one criterion somewhere in the project count.
 */
public final class AuditService {

    /** Compares every classifier in {@code predictions} (or only {@code classifier}) with the ratings. */
    public AuditReport compareFiles(Path ratings, Path predictions, String classifier, AuditOptions asked) {
        // The positive label is read as the files' label cells are (--positive yes means faking).
        String positive = LabelCells.normalize(asked.positive());
        AuditOptions options = positive == null || positive.equals(asked.positive()) ? asked
                : new AuditOptions(positive, asked.threshold(), asked.bootstrap(), asked.seed());
        List<RaterLabel> humans = labels(RatingsCsv.readAsImport(ratings));
        List<Prediction> preds = PredictionsCsv.read(predictions);
        boolean used = humans.stream().anyMatch(r -> r.label().equals(options.positive()))
                || preds.stream().anyMatch(p -> options.positive().equals(p.label()));
        if (!used) {
            throw new BadInputException(ratings.toString(), null, "label", "the positive label '" + options.positive()
                    + "' occurs in no rating and no prediction (see --positive)");
        }
        HumanReference reference = HumanReference.build(humans, Map.of(), Set.of());
        Map<String, List<Prediction>> byClassifier = groupByClassifier(preds);
        List<String> names = select(byClassifier.keySet(), classifier, predictions.toString());
        List<ClassifierAudit> audits = new ArrayList<>();
        for (String name : names) {
            ClassifierComparison c = ClassifierComparison.compute(name, byClassifier.get(name), reference, humans, Set.of(), options);
            audits.add(new ClassifierAudit(c, null, List.of(), null, List.of()));
        }
        return new AuditReport(options, reference, audits, Map.of(), List.of());
    }

    /** Opens the project read-only in spirit (nothing is written), compares, closes. */
    public AuditReport compareProject(Path project, String classifier, String positive, double threshold, int bootstrap,
                                      long seed) {
        try (ProjectSession session = ProjectSession.openToRead(project)) {
            String pos = positive == null ? defaultPositive(session) : positive;
            String read = LabelCells.normalize(pos);
            if (!session.store().settings().labelScheme().hasLabel(pos) && read != null
                    && session.store().settings().labelScheme().hasLabel(read)) {
                pos = read; // --positive yes / Faking / 1, read as the import reads label cells
            }
            return compare(session, classifier, new AuditOptions(pos, threshold, bootstrap, seed));
        }
    }

    /**
     * The project's classifiers of alignment faking, sorted: every classifier except the released
     * fields that answer another question and gave no label (decision 0113).
     */
    public List<String> classifiers(ProjectSession session) {
        List<String> other = otherQuestions(session);
        return session.store().predictions().classifiers().stream().filter(c -> !other.contains(c)).toList();
    }

    /**
     * The project's classifiers that answer another question than alignment faking (released fields
     * such as training_awareness or pm_score, scores only), sorted; the audit leaves them out unless
     * one is named.
     */
    public List<String> otherQuestions(ProjectSession session) {
        Set<String> labelling = new HashSet<>(session.store().predictions().labellingClassifiers());
        return session.store().predictions().classifiers().stream()
                .filter(c -> ClassifierQuestions.answersAnotherQuestion(c) && !labelling.contains(c)).toList();
    }

    /** {@code faking} when the project's scheme has it, else the scheme's first label. */
    public String defaultPositive(ProjectSession session) {
        LabelScheme scheme = session.store().settings().labelScheme();
        return scheme.hasLabel(LabelScheme.FAKING) ? LabelScheme.FAKING : scheme.labels().get(0).code();
    }

    /** Compares one classifier (or every one, when {@code classifier} is null) with the project's raters. */
    public AuditReport compare(ProjectSession session, String classifier, AuditOptions options) {
        ProjectStore store = session.store();
        String where = session.path().toString();
        LabelScheme scheme = store.settings().labelScheme();
        if (!scheme.hasLabel(options.positive())) {
            throw new BadInputException(where, null, "positive", "label '" + options.positive()
                    + "' is not in the project's scheme (labels: " + String.join(", ",
                    scheme.labels().stream().map(e -> e.code()).toList()) + ")");
        }
        ProjectData data = ProjectData.load(store);
        List<String> other = otherQuestions(session);
        List<String> names;
        if (classifier == null) {
            names = classifiers(session);
            if (names.isEmpty() && !other.isEmpty()) {
                throw new BadInputException(where, "holds no classifier of alignment faking, only classifiers that answer"
                        + " another question (" + String.join(", ", other) + "); name one with --classifier to compare it anyway");
            }
            names = select(new TreeSet<>(names), null, where);
        } else {
            names = select(new TreeSet<>(store.predictions().classifiers()), classifier, where);
        }
        Map<String, Transcript> transcripts = new HashMap<>();
        List<ClassifierAudit> audits = new ArrayList<>();
        boolean spansMarked = store.spans().count() > 0;
        for (String name : names) {
            List<Prediction> preds = store.predictions().forClassifier(name);
            ClassifierComparison c = ClassifierComparison.compute(name, preds, data.reference, data.humans, data.excluded, options);
            CriterionMapping mapping = null;
            List<CriterionAgreement> criteria = List.of();
            Set<String> keys = new LinkedHashSet<>();
            preds.forEach(p -> keys.addAll(p.criteria().keySet()));
            if (!keys.isEmpty()) {
                mapping = CriterionMapping.of(keys, scheme.criteria());
                List<CriterionAgreement.ItemCriteria> items = new ArrayList<>();
                for (Prediction p : preds) {
                    if (!p.criteria().isEmpty() && !data.excluded.contains(p.transcriptId())) {
                        items.add(new CriterionAgreement.ItemCriteria(p.transcriptId(), p.criteria(),
                                data.ticks.getOrDefault(p.transcriptId(), List.of())));
                    }
                }
                criteria = CriterionAgreement.compute(items, mapping);
            }
            EvidenceOverlap.Summary evidence = null;
            List<EvidenceOverlap.QuoteEvidence> quotes = new ArrayList<>();
            if (preds.stream().anyMatch(p -> !p.quotes().isEmpty())) {
                for (Prediction p : preds) {
                    if (p.quotes().isEmpty() || data.excluded.contains(p.transcriptId())) {
                        continue;
                    }
                    Optional<Transcript> t = transcript(store, transcripts, p.transcriptId());
                    if (t.isEmpty()) {
                        continue;
                    }
                    QuoteLocator locator = new QuoteLocator(t.get().segments());
                    List<Span> spans = store.spans().forTranscript(p.transcriptId());
                    for (QuoteMatch m : locator.locateAll(p.quotes())) {
                        quotes.add(new EvidenceOverlap.QuoteEvidence(p.transcriptId(), m, EvidenceOverlap.coveredChars(m, spans)));
                    }
                }
                evidence = EvidenceOverlap.summarise(quotes, spansMarked);
            }
            audits.add(new ClassifierAudit(c, mapping, criteria, evidence, quotes));
        }
        // Every item's condition, not only those that disagree at the options' threshold: the
        // disagreement browser lists the disagreements at any threshold of its slider.
        Map<String, String> conditions = store.transcripts().conditions();
        conditions.keySet().retainAll(data.reference.labels().keySet());
        return new AuditReport(options, data.reference, audits, conditions,
                classifier == null ? other : List.of());
    }

    /** What the disagreement browser shows for {@code item} under classifier {@code classifier}. */
    public DisagreementDetail detail(ProjectSession session, AuditReport report, String classifier, String item) {
        ProjectStore store = session.store();
        String where = session.path().toString();
        Transcript t = store.transcripts().get(item)
                .orElseThrow(() -> new BadInputException(where, null, "item", "no transcript '" + item + "'"));
        Prediction p = store.predictions().forTranscript(item).stream().filter(x -> x.classifier().equals(classifier))
                .findFirst().orElseThrow(() -> new BadInputException(where, null, "item",
                        "classifier '" + classifier + "' has no prediction for '" + item + "'"));
        ClassifierAudit audit = report.classifier(classifier).orElseThrow(() ->
                new IllegalArgumentException("classifier " + classifier + " is not in this comparison"));
        Disagreement row = report.disagreements(audit).stream().filter(d -> d.item().equals(item)).findFirst().orElse(null);
        Map<Long, String> names = raterNames(store);
        Map<Long, List<Span>> spansByRater = new HashMap<>();
        for (Span s : store.spans().forTranscript(item)) {
            spansByRater.computeIfAbsent(s.raterId(), k -> new ArrayList<>()).add(s);
        }
        List<RaterEvidence> raters = new ArrayList<>();
        Set<Long> shown = new HashSet<>();
        for (Annotation a : store.annotations().forTranscript(item)) {
            if (a.label() == null && a.note().isBlank() && !spansByRater.containsKey(a.raterId())) {
                continue;
            }
            shown.add(a.raterId());
            raters.add(new RaterEvidence(names.getOrDefault(a.raterId(), "rater " + a.raterId()), a.label(), a.confidence(),
                    a.criteria(), a.note(), spansByRater.getOrDefault(a.raterId(), List.of())));
        }
        for (Map.Entry<Long, List<Span>> e : spansByRater.entrySet()) {
            if (!shown.contains(e.getKey())) {
                raters.add(new RaterEvidence(names.getOrDefault(e.getKey(), "rater " + e.getKey()), null, null, Set.of(), "",
                        e.getValue()));
            }
        }
        raters.sort((x, y) -> x.rater().compareToIgnoreCase(y.rater()));
        List<QuoteMatch> quotes = new QuoteLocator(t.segments()).locateAll(p.quotes());
        Map<String, String> codes = audit.criterionMapping() == null ? Map.of() : audit.criterionMapping().codeOfKey();
        return new DisagreementDetail(t, row, p, raters, quotes, codes, store.settings().labelScheme());
    }

    /** The ratings of a study, one per item and rater that has a label. */
    static List<RaterLabel> labels(CodingStudy study) {
        List<RaterLabel> out = new ArrayList<>();
        for (int i = 0; i < study.itemCount(); i++) {
            for (int r = 0; r < study.raterCount(); r++) {
                int c = study.code(i, r);
                if (c != CodingStudy.MISSING) {
                    out.add(new RaterLabel(study.items().get(i), study.raters().get(r), study.categories().get(c)));
                }
            }
        }
        return out;
    }

    private static Optional<Transcript> transcript(ProjectStore store, Map<String, Transcript> cache, String id) {
        Transcript t = cache.get(id);
        if (t == null) {
            Optional<Transcript> loaded = store.transcripts().get(id);
            loaded.ifPresent(x -> cache.put(id, x));
            return loaded;
        }
        return Optional.of(t);
    }

    private static Map<Long, String> raterNames(ProjectStore store) {
        Map<Long, String> names = new HashMap<>();
        for (Rater r : store.raters().all()) {
            names.put(r.id(), r.name());
        }
        return names;
    }

    private static Map<String, List<Prediction>> groupByClassifier(List<Prediction> preds) {
        Map<String, List<Prediction>> out = new HashMap<>();
        for (Prediction p : preds) {
            out.computeIfAbsent(p.classifier(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    private static List<String> select(Set<String> available, String classifier, String where) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(available));
        if (classifier == null) {
            if (sorted.isEmpty()) {
                throw new BadInputException(where, "holds no classifier predictions");
            }
            return sorted;
        }
        if (!available.contains(classifier)) {
            throw new BadInputException(where, null, "classifier", "no classifier '" + classifier + "'"
                    + (sorted.isEmpty() ? " (there are none)" : " (there are: " + String.join(", ", sorted) + ")"));
        }
        return List.of(classifier);
    }

    /** The human side of a project, read once. */
    private record ProjectData(List<RaterLabel> humans, HumanReference reference, Set<String> excluded,
                               Map<String, List<Set<String>>> ticks) {
        static ProjectData load(ProjectStore store) {
            Map<Long, String> names = raterNames(store);
            List<RaterLabel> humans = new ArrayList<>();
            Map<String, List<Set<String>>> ticks = new HashMap<>();
            List<Annotation> done = store.annotations().all().stream()
                    .filter(a -> a.status() == AnnotationStatus.DONE && a.label() != null).toList();
            // A rater who never ticked a criterion (e.g. labels imported without criteria) says
            // nothing about criteria: counting them as "no" everywhere would be invented data.
            Set<Long> tickers = new HashSet<>();
            done.stream().filter(a -> !a.criteria().isEmpty()).forEach(a -> tickers.add(a.raterId()));
            for (Annotation a : done) {
                humans.add(new RaterLabel(a.transcriptId(), names.getOrDefault(a.raterId(), "rater " + a.raterId()), a.label()));
                if (tickers.contains(a.raterId())) {
                    ticks.computeIfAbsent(a.transcriptId(), k -> new ArrayList<>()).add(a.criteria());
                }
            }
            Map<String, String> gold = new HashMap<>();
            Set<String> excluded = new HashSet<>();
            for (Adjudication adj : store.adjudications().all()) {
                if (adj.basis() == AdjudicationBasis.EXCLUDED) {
                    excluded.add(adj.transcriptId());
                } else {
                    gold.put(adj.transcriptId(), adj.label());
                }
            }
            return new ProjectData(humans, HumanReference.build(humans, gold, excluded), excluded, ticks);
        }
    }
}
