package org.afannotator.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Rater;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.store.ProjectStore;

/**
 * A project's annotations as {@link AnnotationLine}s: one per (transcript, rater) that has an
 * annotation or at least one span, ordered by transcript id then rater name, with span offsets
 * converted from UTF-16 to code points.
 */
public final class AnnotationLines {
    private AnnotationLines() {
    }

    public static List<AnnotationLine> fromStore(ProjectStore store) {
        return build(store, store.annotations().all(), store.spans().all(), false);
    }

    /** Only one rater's work. */
    public static List<AnnotationLine> fromStore(ProjectStore store, long raterId) {
        List<Span> spans = store.spans().all().stream().filter(s -> s.raterId() == raterId).toList();
        return build(store, store.annotations().forRater(raterId), spans, false);
    }

    /**
     * One rater's work in a file that may have been edited outside the app (a bundle coming
     * back): each span as stored, so that a merge checks it against the project's text and
     * rejects what does not fit, instead of a span being cut to its segment or given the
     * segment's text as its quote ({@link #asStored}).
     */
    public static List<AnnotationLine> asStored(ProjectStore store, long raterId) {
        List<Span> spans = store.spans().all().stream().filter(s -> s.raterId() == raterId).toList();
        return build(store, store.annotations().forRater(raterId), spans, true);
    }

    private record Key(String transcriptId, String rater) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = transcriptId.compareTo(o.transcriptId);
            return c != 0 ? c : rater.compareTo(o.rater);
        }
    }

    private static List<AnnotationLine> build(ProjectStore store, List<Annotation> annotations, List<Span> spans,
                                              boolean asStored) {
        Map<Long, String> names = new HashMap<>();
        for (Rater r : store.raters().all()) {
            names.put(r.id(), r.name());
        }
        Map<Key, Annotation> byKey = new TreeMap<>();
        for (Annotation a : annotations) {
            byKey.put(new Key(a.transcriptId(), names.get(a.raterId())), a);
        }
        Map<Key, List<SpanLine>> spansByKey = new TreeMap<>();
        Map<String, Transcript> transcripts = new HashMap<>();
        for (Span s : spans) {
            Transcript t = transcripts.computeIfAbsent(s.transcriptId(),
                    id -> store.transcripts().get(id).orElseThrow());
            spansByKey.computeIfAbsent(new Key(s.transcriptId(), names.get(s.raterId())), k -> new ArrayList<>())
                    .add(asStored ? asStored(t, s) : toLine(t.segment(s.segmentOrdinal()), s));
        }
        TreeMap<Key, Boolean> keys = new TreeMap<>();
        byKey.keySet().forEach(k -> keys.put(k, true));
        spansByKey.keySet().forEach(k -> keys.put(k, true));
        List<AnnotationLine> out = new ArrayList<>(keys.size());
        for (Key k : keys.keySet()) {
            Annotation a = byKey.get(k);
            List<SpanLine> sl = spansByKey.getOrDefault(k, List.of());
            out.add(a == null
                    ? new AnnotationLine(k.transcriptId(), k.rater(), null, null, null, "", AnnotationStatus.TODO, 0,
                            null, null, sl)
                    : new AnnotationLine(k.transcriptId(), k.rater(), a.label(), a.confidence(), a.criteria(), a.note(),
                            a.status(), a.timeSpentMs(), a.createdAt(), a.updatedAt(), sl));
        }
        return out;
    }

    /**
     * A span as stored, in code points where it fits its segment: a segment that is missing gives
     * kind OTHER, offsets outside the text give -1, and the quote is the stored one unless it is
     * the text at the offsets (then widened to whole characters, as {@link #toLine}).
     */
    static SpanLine asStored(Transcript t, Span s) {
        Segment seg = t.segments().stream().filter(x -> x.ordinal() == s.segmentOrdinal()).findFirst().orElse(null);
        if (seg == null) {
            return new SpanLine(s.segmentOrdinal(), SegmentKind.OTHER, s.start(), s.end(), s.tag(), s.quote(), s.note());
        }
        String text = seg.text();
        if (s.start() < 0 || s.end() > text.length() || s.start() >= s.end()) {
            return new SpanLine(seg.ordinal(), seg.kind(), -1, -1, s.tag(), s.quote(), s.note());
        }
        SpanLine line = toLine(seg, s);
        return text.substring(s.start(), s.end()).equals(s.quote()) ? line
                : new SpanLine(line.segment(), line.segmentKind(), line.start(), line.end(), line.tag(), s.quote(), line.note());
    }

    /** The span with code point offsets; the quote is read from the segment text itself. */
    public static SpanLine toLine(Segment segment, Span s) {
        String text = segment.text();
        int[] whole = CodePoints.wholeCharacters(text, s.start(), Math.min(s.end(), text.length()));
        return new SpanLine(segment.ordinal(), segment.kind(), CodePoints.fromUtf16(text, whole[0]),
                CodePoints.fromUtf16(text, whole[1]), s.tag(), text.substring(whole[0], whole[1]), s.note());
    }
}
