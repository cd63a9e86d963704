package org.afannotator.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;
import org.afannotator.domain.Segment;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.report.AnnotationLine;
import org.afannotator.report.CodePoints;
import org.afannotator.report.SpanLine;
import org.afannotator.store.ProjectStore;

/**
 * Brings annotation lines (from an annotations export or a rater bundle) into a project, as a
 * three-way merge per (transcript, rater): the incoming work, the project's work, and the base,
 * the content both last agreed on (none for a plain import). New work is added, identical work
 * skipped, a change on one side only taken, a change on both sides reported as a conflict and
 * never written. Time spent and timestamps are not part of the compared content.
 */
final class AnnotationMerger {
    private final ProjectStore store;
    private final Clock clock;

    AnnotationMerger(ProjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The compared content of one unit, in the target's UTF-16 offsets. */
    record Content(String label, Integer confidence, Set<String> criteria, String note, AnnotationStatus status,
                   List<String> spans) {
        static final Content EMPTY = new Content(null, null, Set.of(), "", AnnotationStatus.TODO, List.of());

        boolean isEmpty() {
            return equals(EMPTY);
        }

        String fingerprint() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(md.digest(toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String unitKey(String transcriptId, String rater) {
        return transcriptId + "\t" + rater;
    }

    /**
     * Merges {@code lines}. {@code maskedOffsets}: span offsets index the blinded text (tier tags
     * masked, as in a bundle) rather than the stored text. {@code base}: unit key to the fingerprint
     * last synced; updated in place with the content each unit has after the merge.
     */
    MergeReport merge(List<AnnotationLine> lines, boolean maskedOffsets, Map<String, String> base) {
        LabelScheme scheme = store.settings().labelScheme();
        Map<String, Optional<Transcript>> transcripts = new HashMap<>();
        List<MergeReport.Unit> units = new ArrayList<>();
        store.inTransaction(c -> {
            for (AnnotationLine line : lines) {
                Optional<Transcript> t = transcripts.computeIfAbsent(line.transcriptId(), id -> store.transcripts().get(id));
                MergeReport.Unit u = mergeOne(line, t, scheme, maskedOffsets, base);
                units.add(u);
            }
            return null;
        });
        return new MergeReport(units);
    }

    private MergeReport.Unit mergeOne(AnnotationLine line, Optional<Transcript> transcript, LabelScheme scheme,
                                      boolean masked, Map<String, String> base) {
        String key = unitKey(line.transcriptId(), line.rater());
        if (transcript.isEmpty()) {
            return reject(line, "no transcript " + line.transcriptId() + " in this project");
        }
        if (line.label() != null && !scheme.hasLabel(line.label())) {
            return reject(line, "'" + line.label() + "' is not a label of this project");
        }
        for (String cr : line.criteria()) {
            if (!scheme.hasCriterion(cr)) {
                return reject(line, "'" + cr + "' is not a criterion of this project");
            }
        }
        List<Span> incomingSpans = new ArrayList<>();
        for (SpanLine s : line.spans()) {
            if (!scheme.hasTag(s.tag())) {
                return reject(line, "'" + s.tag() + "' is not a span tag of this project");
            }
            Optional<int[]> stored = toStored(transcript.get(), s, masked);
            if (stored.isEmpty()) {
                return reject(line, s.start() < 0 ? "a span in segment " + s.segment() + " lies outside the segment's text"
                        : "span [" + s.start() + ", " + s.end() + ") in segment " + s.segment()
                        + " does not match the transcript's text");
            }
            String text = transcript.get().segment(s.segment()).text();
            int[] o = stored.get();
            incomingSpans.add(new Span(0, line.transcriptId(), 0, s.segment(), o[0], o[1], s.tag(),
                    text.substring(o[0], o[1]), s.note()));
        }
        Content incoming = new Content(line.label(), line.confidence(), line.criteria(), line.note(), line.status(),
                spanKeys(incomingSpans));

        Optional<Rater> rater = store.raters().byName(line.rater());
        Optional<Annotation> current = rater.flatMap(r -> store.annotations().get(line.transcriptId(), r.id()));
        List<Span> currentSpans = rater.map(r -> store.spans().forTranscript(line.transcriptId(), r.id())).orElse(List.of());
        Content mine = content(current, currentSpans);
        String baseFp = base.getOrDefault(key, Content.EMPTY.fingerprint());

        if (incoming.equals(mine)) {
            base.put(key, mine.fingerprint());
            return new MergeReport.Unit(line.transcriptId(), line.rater(), MergeOutcome.IDENTICAL, "");
        }
        if (mine.isEmpty() || mine.fingerprint().equals(baseFp)) {
            Rater r = rater.orElseGet(() -> store.raters().getOrCreate(line.rater(), RaterRole.RATER));
            apply(line, r, current, currentSpans, incomingSpans);
            base.put(key, incoming.fingerprint());
            return new MergeReport.Unit(line.transcriptId(), line.rater(),
                    mine.isEmpty() ? MergeOutcome.ADDED : MergeOutcome.UPDATED, "");
        }
        if (incoming.fingerprint().equals(baseFp)) {
            return new MergeReport.Unit(line.transcriptId(), line.rater(), MergeOutcome.PROJECT_NEWER, "");
        }
        return new MergeReport.Unit(line.transcriptId(), line.rater(), MergeOutcome.CONFLICT, describe(mine, incoming));
    }

    private void apply(AnnotationLine line, Rater r, Optional<Annotation> current, List<Span> currentSpans,
                       List<Span> incomingSpans) {
        Instant now = clock.instant();
        boolean annotationPart = line.label() != null || line.confidence() != null || !line.criteria().isEmpty()
                || !line.note().isEmpty() || line.status() != AnnotationStatus.TODO || line.createdAt() != null;
        if (annotationPart || current.isPresent()) {
            Instant created = line.createdAt() != null ? line.createdAt()
                    : current.map(Annotation::createdAt).orElse(now);
            store.annotations().save(new Annotation(line.transcriptId(), r.id(), line.label(), line.confidence(),
                    line.criteria(), line.note(), line.status(), line.timeSpentMs(), created,
                    line.updatedAt() != null ? line.updatedAt() : now));
        }
        for (Span s : currentSpans) {
            store.spans().delete(s.id());
        }
        for (Span s : incomingSpans) {
            store.spans().add(new Span(0, s.transcriptId(), r.id(), s.segmentOrdinal(), s.start(), s.end(), s.tag(),
                    s.quote(), s.note()));
        }
    }

    /** Stored UTF-16 [start, end) of a span line, or empty when it does not fit the segment's text. */
    private static Optional<int[]> toStored(Transcript t, SpanLine s, boolean masked) {
        Segment seg = t.segments().stream().filter(x -> x.ordinal() == s.segment()).findFirst().orElse(null);
        if (seg == null || seg.kind() != s.segmentKind()) {
            return Optional.empty();
        }
        ShownText text = masked ? ShownText.masked(seg.text()) : ShownText.plain(seg.text());
        String shown = text.shown();
        int start;
        int end;
        try {
            start = CodePoints.toUtf16(shown, s.start());
            end = CodePoints.toUtf16(shown, s.end());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!shown.substring(start, end).equals(s.quote())) {
            return Optional.empty();
        }
        int storedStart = text.toStored(start, false);
        int storedEnd = text.toStored(end, true);
        return storedEnd > storedStart ? Optional.of(new int[] {storedStart, storedEnd}) : Optional.empty();
    }

    static Content content(Optional<Annotation> a, List<Span> spans) {
        List<String> keys = spanKeys(spans);
        if (a.isEmpty()) {
            return new Content(null, null, Set.of(), "", AnnotationStatus.TODO, keys);
        }
        Annotation x = a.get();
        return new Content(x.label(), x.confidence(), x.criteria(), x.note(), x.status(), keys);
    }

    private static List<String> spanKeys(List<Span> spans) {
        return spans.stream().map(s -> s.segmentOrdinal() + ":" + s.start() + "-" + s.end() + ":" + s.tag() + ":" + s.note())
                .sorted().toList();
    }

    private static String describe(Content mine, Content incoming) {
        List<String> diffs = new ArrayList<>();
        if (!Objects.equals(mine.label(), incoming.label())) {
            diffs.add("label " + mine.label() + " here, " + incoming.label() + " incoming");
        }
        if (!Objects.equals(mine.confidence(), incoming.confidence())) {
            diffs.add("confidence " + mine.confidence() + " here, " + incoming.confidence() + " incoming");
        }
        if (!mine.criteria().equals(incoming.criteria())) {
            diffs.add("criteria " + mine.criteria() + " here, " + incoming.criteria() + " incoming");
        }
        if (!mine.note().equals(incoming.note())) {
            diffs.add("note differs");
        }
        if (mine.status() != incoming.status()) {
            diffs.add("status " + mine.status() + " here, " + incoming.status() + " incoming");
        }
        if (!mine.spans().equals(incoming.spans())) {
            diffs.add(mine.spans().size() + " spans here, " + incoming.spans().size() + " incoming, not the same");
        }
        return String.join("; ", diffs);
    }

    private static MergeReport.Unit reject(AnnotationLine line, String why) {
        return new MergeReport.Unit(line.transcriptId(), line.rater(), MergeOutcome.REJECTED, why);
    }
}
