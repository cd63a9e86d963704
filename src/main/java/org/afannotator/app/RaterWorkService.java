package org.afannotator.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;
import org.afannotator.domain.Segment;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.store.AssignmentRepository;
import org.afannotator.store.ProjectStore;

/**
 * A rater's work on a project: the queue, a transcript as the rater may see it, and every change
 * written at once (each call is one transaction). The UI and the command line both label through
 * this class. Call it off the FX thread.
 */
public final class RaterWorkService {
    static final String QUEUE_SEED = "queue_seed";
    /** Set once a researcher assigned k raters per transcript; absent while everyone rates everything. */
    static final String ASSIGNMENT = "assignment";
    private final ProjectStore store;
    private final Clock clock;

    public RaterWorkService(ProjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LabelScheme labelScheme() {
        return store.settings().labelScheme();
    }

    public boolean blinding() {
        return store.settings().blinding();
    }

    /** Switches blinding for the whole project (a researcher's decision). */
    public void setBlinding(boolean on) {
        store.settings().setBlinding(on);
    }

    public List<Rater> raters() {
        return store.raters().all();
    }

    /**
     * The rater with this name (created as a RATER if new). Only a RATER can sign in: a name that
     * belongs to an adjudicator, a researcher or an imported label set is refused (bad input), as
     * it cannot have a rating queue. A rater with an empty queue gets one:
     * every transcript of the project, in the rater's own shuffled order. Until a researcher
     * assigns k raters per transcript ({@link #assign}), every rater rates everything, so
     * transcripts imported since the rater's last sign-in are added at the end of the queue,
     * shuffled the same way.
     */
    public Rater signIn(String name) {
        if (name == null || name.isBlank()) {
            throw new BadInputException(null, null, "rater", "a rater name is needed");
        }
        Optional<String> bundleRater = store.settings().get(BundleService.BUNDLE_RATER);
        if (bundleRater.isPresent() && !bundleRater.get().equals(name)) {
            // Work under another name in a bundle is not merged back: it would be lost.
            throw new BadInputException(null, null, "rater", "this file is a bundle for " + bundleRater.get() + ": only "
                    + bundleRater.get() + " rates in it (work under another name would not be merged back)");
        }
        Optional<Rater> known = store.raters().byName(name);
        if (known.isPresent() && known.get().role() != RaterRole.RATER) {
            throw notARater(known.get(), "rater");
        }
        Rater r = store.raters().getOrCreate(name, RaterRole.RATER);
        if (store.assignments().queueSize(r.id()) == 0) {
            List<String> ids = new ArrayList<>(store.transcripts().allIds());
            if (!ids.isEmpty()) {
                QueueAssigner.shuffleForRater(ids, r.name(), queueSeed());
                store.assignments().replaceQueue(r.id(), ids);
            }
        } else if (store.settings().get(ASSIGNMENT).isEmpty()
                && store.assignments().queueSize(r.id()) < store.transcripts().count()) {
            java.util.Set<String> queued = new java.util.HashSet<>(store.assignments().queue(r.id()));
            List<String> fresh = new ArrayList<>();
            for (String id : store.transcripts().allIds()) {
                if (!queued.contains(id)) {
                    fresh.add(id);
                }
            }
            QueueAssigner.shuffleForRater(fresh, r.name(), queueSeed());
            store.assignments().append(r.id(), fresh);
        }
        return r;
    }

    /**
     * Adds the named raters (created as RATERs if new), then replaces every RATER's queue: each
     * transcript to {@code k} of them (see {@link QueueAssigner}). Annotations already made stay;
     * only the queues change. All or nothing: a name that belongs to an adjudicator, a researcher or
     * an imported label set, or a {@code k} outside 1..raters, is bad input and changes nothing.
     */
    public Map<String, List<String>> assign(List<String> names, int k) {
        return store.inTransaction(c -> {
            Map<String, Rater> known = new java.util.HashMap<>();
            Set<String> raters = new java.util.TreeSet<>();
            for (Rater r : store.raters().all()) {
                known.put(r.name(), r);
                if (r.role() == RaterRole.RATER) {
                    raters.add(r.name());
                }
            }
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    throw new BadInputException(null, null, "raters", "a rater name is needed");
                }
                Rater r = known.get(n.strip());
                if (r != null && r.role() != RaterRole.RATER) {
                    throw notARater(r, "raters");
                }
                raters.add(n.strip());
            }
            Map<String, List<String>> queues;
            try {
                queues = QueueAssigner.assign(store.transcripts().allIds(), List.copyOf(raters), k, queueSeed());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(null, null, null, e.getMessage());
            }
            for (String n : raters) {
                Rater r = store.raters().getOrCreate(n, RaterRole.RATER);
                store.assignments().replaceQueue(r.id(), queues.get(n));
            }
            store.settings().put(ASSIGNMENT, "k=" + k);
            return queues;
        });
    }

    /** Replaces every RATER's queue, adding no one (see {@link #assign(List, int)}). */
    public Map<String, List<String>> assign(int k) {
        return assign(List.of(), k);
    }

    /** Why a person who is not a RATER cannot be given a rating queue, and what to do instead. */
    static BadInputException notARater(Rater r, String field) {
        String what = switch (r.role()) {
            case ADJUDICATOR -> "an adjudicator";
            case RESEARCHER -> "a researcher";
            case EXTERNAL -> "an imported label set (labels read from a file)";
            case RATER -> throw new IllegalArgumentException(r.name() + " is a rater");
        };
        return new BadInputException(null, null, field, "'" + r.name() + "' is " + what
                + ", not a rater, and cannot be given a rating queue; pick another name");
    }

    public QueueProgress progress(long raterId) {
        Map<AnnotationStatus, Integer> counts = store.assignments().statusCounts(raterId);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new QueueProgress(total, counts.get(AnnotationStatus.DONE), counts.get(AnnotationStatus.IN_PROGRESS),
                counts.get(AnnotationStatus.SKIPPED));
    }

    /** A page of the rater's queue, in queue order. */
    public List<QueueItem> queue(long raterId, QueueStatusFilter filter, int offset, int limit) {
        // Unfiltered, the n-th entry is at position n: read from there instead of skipping n rows.
        List<AssignmentRepository.Entry> entries = filter == QueueStatusFilter.ALL
                ? store.assignments().entriesFrom(raterId, offset, limit)
                : store.assignments().entries(raterId, filter.status(), offset, limit);
        return entries.stream().map(RaterWorkService::item).toList();
    }

    private static QueueItem item(AssignmentRepository.Entry e) {
        return new QueueItem(e.position(), e.transcriptId(), e.status(), e.label());
    }

    public int queueSize(long raterId, QueueStatusFilter filter) {
        if (filter == QueueStatusFilter.ALL) {
            return store.assignments().queueSize(raterId);
        }
        return store.assignments().statusCounts(raterId).get(filter.status());
    }

    /** The first entry at or after {@code fromPosition} that is not done or skipped, if any. */
    public Optional<QueueItem> nextOpen(long raterId, int fromPosition) {
        return store.assignments().firstOpenFrom(raterId, Math.max(0, fromPosition)).map(RaterWorkService::item);
    }

    /** The transcript as this rater sees it, blinded if the project says so. */
    public RaterTranscript load(String transcriptId, long raterId) {
        Transcript t = store.transcripts().get(transcriptId)
                .orElseThrow(() -> new BadInputException(null, null, "transcript", "no transcript " + transcriptId));
        boolean blind = blinding();
        List<ShownSegment> segments = new ArrayList<>();
        for (Segment s : t.segments()) {
            segments.add(new ShownSegment(s.ordinal(), s.kind(), blind ? ShownText.masked(s.text()) : ShownText.plain(s.text())));
        }
        Annotation own = store.annotations().get(transcriptId, raterId)
                .orElseGet(() -> Annotation.empty(transcriptId, raterId, clock.instant()));
        List<Span> spans = store.spans().forTranscript(transcriptId, raterId);
        return new RaterTranscript(transcriptId, blind,
                blind ? null : t.model(), blind ? null : t.condition(), blind ? null : t.setting(),
                blind ? null : t.source(), segments, own, spans);
    }

    /** Checks the annotation against the scheme and writes it (and its history row) now. */
    public Annotation save(Annotation a) {
        LabelScheme scheme = labelScheme();
        if (a.label() != null && !scheme.hasLabel(a.label())) {
            throw new BadInputException(null, null, "label", "'" + a.label() + "' is not a label of this project");
        }
        Set<String> criteria = a.criteria();
        for (String c : criteria) {
            if (!scheme.hasCriterion(c)) {
                throw new BadInputException(null, null, "criteria", "'" + c + "' is not a criterion of this project");
            }
        }
        if (a.status() == AnnotationStatus.DONE && a.label() == null) {
            throw new BadInputException(null, null, "label", "choose a label before submitting");
        }
        Annotation stamped = a.withUpdatedAt(clock.instant());
        store.annotations().save(stamped);
        return stamped;
    }

    /**
     * Stores a new span over stored offsets [start, end) of a segment; the quote is taken from the
     * stored text.
     */
    public Span addSpan(String transcriptId, long raterId, int segmentOrdinal, int start, int end, String tag, String note) {
        if (!labelScheme().hasTag(tag)) {
            throw new BadInputException(null, null, "tag", "'" + tag + "' is not a span tag of this project");
        }
        Transcript t = store.transcripts().get(transcriptId)
                .orElseThrow(() -> new BadInputException(null, null, "transcript", "no transcript " + transcriptId));
        String text = t.segment(segmentOrdinal).text();
        if (start < 0 || end > text.length() || start >= end) {
            throw new BadInputException(null, null, "span", "[" + start + ", " + end + ") is not inside segment "
                    + segmentOrdinal + " (length " + text.length() + ")");
        }
        return store.spans().add(new Span(0, transcriptId, raterId, segmentOrdinal, start, end, tag,
                text.substring(start, end), note));
    }

    /** Changes a span's tag or note. */
    public void updateSpan(Span span) {
        if (!labelScheme().hasTag(span.tag())) {
            throw new BadInputException(null, null, "tag", "'" + span.tag() + "' is not a span tag of this project");
        }
        store.spans().update(span);
    }

    public void deleteSpan(long spanId) {
        store.spans().delete(spanId);
    }

    /**
     * Whether a write that failed with {@code e} may succeed later unchanged (the disk was full, the
     * file busy, an I/O error), so the caller should keep it and try again rather than drop it. A
     * refusal of the input itself (a label not in the scheme) is not.
     */
    public static boolean worthRetrying(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.afannotator.store.StoreException se) {
                return se.retryable();
            }
        }
        return false;
    }

    private long queueSeed() {
        Optional<String> s = store.settings().get(QUEUE_SEED);
        if (s.isPresent()) {
            return Long.parseLong(s.get());
        }
        long seed = new java.security.SecureRandom().nextLong();
        store.settings().put(QUEUE_SEED, Long.toString(seed));
        return seed;
    }
}
