package org.afannotator.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.afannotator.domain.Adjudication;
import org.afannotator.domain.AdjudicationBasis;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;
import org.afannotator.domain.Segment;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.store.ProjectStore;

/**
 * Turns disagreement into gold labels. A judgement is a DONE annotation with a label by anyone
 * but an adjudicator. The queue holds transcripts whose judgements carry two or more labels and,
 * optionally, those where some judgement's confidence is at or below a threshold. Gold labels
 * record who decided, when, on what basis and why. Call off the FX thread.
 */
public final class AdjudicationService {
    private final ProjectStore store;
    private final Clock clock;

    /** The service over an open session, for the UI (which does not touch the store itself). */
    public static AdjudicationService of(ProjectSession session) {
        return new AdjudicationService(session.store(), Clock.systemUTC());
    }

    public AdjudicationService(ProjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LabelScheme labelScheme() {
        return store.settings().labelScheme();
    }

    /**
     * The queue in transcript id order.
     *
     * @param confidenceAtMost also list transcripts where some judgement's confidence is at most
     *                         this (1..5), or null for disagreements only
     * @param includeDecided   also list transcripts that already have a gold label
     */
    public List<AdjudicationItem> queue(Integer confidenceAtMost, boolean includeDecided) {
        Map<String, Adjudication> gold = new HashMap<>();
        store.adjudications().all().forEach(a -> gold.put(a.transcriptId(), a));
        List<AdjudicationItem> out = new ArrayList<>();
        for (AdjudicationItem item : items(gold)) {
            boolean low = confidenceAtMost != null && item.lowestConfidence() != null
                    && item.lowestConfidence() <= confidenceAtMost;
            if ((item.disagreement() || low) && (includeDecided || item.gold() == null)) {
                out.add(item);
            }
        }
        return out;
    }

    /** Transcripts every judging rater (two or more) gave the same label, not decided yet. */
    public List<AdjudicationItem> unanimousUndecided() {
        Map<String, Adjudication> gold = new HashMap<>();
        store.adjudications().all().forEach(a -> gold.put(a.transcriptId(), a));
        return items(gold).stream().filter(i -> i.unanimous() && i.gold() == null).toList();
    }

    /** One transcript with its judgements, for the side-by-side view. */
    public AdjudicationCase open(String transcriptId) {
        Transcript t = store.transcripts().get(transcriptId)
                .orElseThrow(() -> new BadInputException(null, null, "transcript", "no transcript " + transcriptId));
        boolean blind = store.settings().blinding();
        List<ShownSegment> segments = new ArrayList<>();
        for (Segment s : t.segments()) {
            segments.add(new ShownSegment(s.ordinal(), s.kind(), blind ? ShownText.masked(s.text()) : ShownText.plain(s.text())));
        }
        Map<Long, Rater> raters = raters();
        List<Annotation> annotations = store.annotations().forTranscript(transcriptId);
        List<Span> spans = store.spans().forTranscript(transcriptId);
        AdjudicationItem item = item(transcriptId, annotations, spans, raters,
                store.adjudications().get(transcriptId).orElse(null));
        return new AdjudicationCase(item, segments);
    }

    /**
     * Records the gold label. EXCLUDED stores no label; UNANIMOUS needs every judgement to carry
     * the label; MAJORITY needs the label to have more than half of the judgements.
     */
    public Adjudication decide(String transcriptId, String label, AdjudicationBasis basis, String rationale,
                               String adjudicator) {
        if (adjudicator == null || adjudicator.isBlank()) {
            throw new BadInputException(null, null, "adjudicator", "the adjudicator's name is needed");
        }
        if (basis == null) {
            throw new BadInputException(null, null, "basis", "choose a basis");
        }
        if (!store.transcripts().exists(transcriptId)) {
            throw new BadInputException(null, null, "transcript", "no transcript " + transcriptId);
        }
        String gold = basis == AdjudicationBasis.EXCLUDED ? null : label;
        if (basis != AdjudicationBasis.EXCLUDED && (label == null || !labelScheme().hasLabel(label))) {
            throw new BadInputException(null, null, "label", label == null ? "choose a gold label"
                    : "'" + label + "' is not a label of this project");
        }
        AdjudicationItem item = item(transcriptId, store.annotations().forTranscript(transcriptId),
                List.of(), raters(), null);
        int n = item.judgements().size();
        int votes = gold == null ? 0 : item.labelCounts().getOrDefault(gold, 0);
        if (basis == AdjudicationBasis.UNANIMOUS && (n == 0 || votes != n)) {
            throw new BadInputException(null, null, "basis", "not unanimous: " + votes + " of " + n
                    + " judgements say " + gold);
        }
        if (basis == AdjudicationBasis.MAJORITY && 2 * votes <= n) {
            throw new BadInputException(null, null, "basis", "not a majority: " + votes + " of " + n
                    + " judgements say " + gold);
        }
        Adjudication a = new Adjudication(transcriptId, gold, adjudicator.strip(), basis,
                rationale == null ? "" : rationale.strip(), clock.instant());
        store.adjudications().save(a);
        return a;
    }

    /** Accepts every unanimous, undecided transcript as gold (basis UNANIMOUS), in one transaction. */
    public int acceptUnanimous(String adjudicator) {
        if (adjudicator == null || adjudicator.isBlank()) {
            throw new BadInputException(null, null, "adjudicator", "the adjudicator's name is needed");
        }
        List<AdjudicationItem> items = unanimousUndecided();
        store.inTransaction(c -> {
            for (AdjudicationItem i : items) {
                store.adjudications().save(new Adjudication(i.transcriptId(), i.majorityLabel(), adjudicator.strip(),
                        AdjudicationBasis.UNANIMOUS, "accepted in bulk: all " + i.judgements().size()
                        + " raters chose " + i.majorityLabel(), clock.instant()));
            }
            return null;
        });
        return items.size();
    }

    public Optional<Adjudication> gold(String transcriptId) {
        return store.adjudications().get(transcriptId);
    }

    private Map<Long, Rater> raters() {
        Map<Long, Rater> m = new HashMap<>();
        store.raters().all().forEach(r -> m.put(r.id(), r));
        return m;
    }

    private List<AdjudicationItem> items(Map<String, Adjudication> gold) {
        Map<Long, Rater> raters = raters();
        Map<String, List<Annotation>> byTranscript = new TreeMap<>();
        for (Annotation a : store.annotations().all()) {
            byTranscript.computeIfAbsent(a.transcriptId(), k -> new ArrayList<>()).add(a);
        }
        List<AdjudicationItem> out = new ArrayList<>();
        for (Map.Entry<String, List<Annotation>> e : byTranscript.entrySet()) {
            AdjudicationItem item = item(e.getKey(), e.getValue(), List.of(), raters, gold.get(e.getKey()));
            if (!item.judgements().isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    private static AdjudicationItem item(String transcriptId, List<Annotation> annotations, List<Span> spans,
                                         Map<Long, Rater> raters, Adjudication gold) {
        List<RaterJudgement> judgements = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Integer lowest = null;
        for (Annotation a : annotations) {
            Rater r = raters.get(a.raterId());
            if (r == null || r.role() == RaterRole.ADJUDICATOR || a.status() != AnnotationStatus.DONE || a.label() == null) {
                continue;
            }
            List<Span> own = spans.stream().filter(s -> s.raterId() == a.raterId()).toList();
            judgements.add(new RaterJudgement(r.name(), a.label(), a.confidence(), a.criteria(), a.note(),
                    a.timeSpentMs(), own));
            counts.merge(a.label(), 1, Integer::sum);
            if (a.confidence() != null && (lowest == null || a.confidence() < lowest)) {
                lowest = a.confidence();
            }
        }
        judgements.sort(java.util.Comparator.comparing(RaterJudgement::rater));
        String majority = null;
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            if (2 * c.getValue() > judgements.size()) {
                majority = c.getKey();
            }
        }
        return new AdjudicationItem(transcriptId, judgements, counts, majority, counts.size() > 1, lowest, gold);
    }
}
