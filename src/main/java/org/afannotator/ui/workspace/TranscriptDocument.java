package org.afannotator.ui.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.afannotator.app.ShownSegment;
import org.afannotator.domain.SegmentKind;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * A transcript laid out for the {@link TranscriptView}'s one area, ready to swap in: the styled
 * text (each block under its heading, the spans drawn, no span selected, the user request open)
 * and where each block starts. Immutable and built without touching any node, so it can be built
 * on a worker thread while the rater is still on the transcript before (RichTextFX documents are
 * immutable); the view then only replaces its area's content with it.
 *
 * <p>A document belongs to the blocks, spans and tag colours it was built from; {@link #matches}
 * tells whether it still shows what is to be shown, and {@link #reuseOrBuild} builds a new one
 * when it does not.
 */
public final class TranscriptDocument {
    private final List<ShownSegment> shown;
    private final List<ShownSpan> spans;
    private final Map<String, Integer> slots;
    private final ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document;
    private final Map<Integer, ShownSegment> segments;
    private final Map<Integer, Integer> starts;
    private final Map<Integer, int[]> paragraphs;

    private TranscriptDocument(List<ShownSegment> shown, List<ShownSpan> spans, Map<String, Integer> slots,
                               ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document,
                               Map<Integer, ShownSegment> segments, Map<Integer, Integer> starts, Map<Integer, int[]> paragraphs) {
        this.shown = shown;
        this.spans = spans;
        this.slots = slots;
        this.document = document;
        this.segments = Collections.unmodifiableMap(segments);
        this.starts = Collections.unmodifiableMap(starts);
        this.paragraphs = Collections.unmodifiableMap(paragraphs);
    }

    /** Lays out {@code shown} with {@code shownSpans} drawn; {@code slots} gives each tag's colour slot. Any thread. */
    public static TranscriptDocument build(List<ShownSegment> shown, List<ShownSpan> shownSpans, Map<String, Integer> slots) {
        List<ShownSegment> blocks = List.copyOf(shown);
        List<ShownSpan> spans = List.copyOf(shownSpans);
        Map<String, Integer> slotOfTag = Map.copyOf(slots);
        Map<Integer, ShownSegment> segments = new LinkedHashMap<>();
        Map<Integer, Integer> starts = new LinkedHashMap<>();
        Map<Integer, int[]> paragraphs = new LinkedHashMap<>();
        Map<Integer, String> headings = headings(blocks);
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> doc =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), List.of());
        int offset = 0;
        int paragraph = 0;
        boolean first = true;
        for (ShownSegment seg : blocks) {
            segments.put(seg.ordinal(), seg);
            if (!first) {
                doc.addParagraph("", List.of(), List.of("gap"));
                offset += 1;
                paragraph++;
            }
            first = false;
            // The user request is built open; the view folds it when the rater keeps it folded.
            String heading = (seg.kind() == SegmentKind.USER_INPUT ? TranscriptView.OPEN
                    : seg.kind() == SegmentKind.SYSTEM ? TranscriptView.CLOSED : "") + headings.get(seg.ordinal());
            doc.addParagraph(heading, List.of("heading-text"), List.of("heading"));
            int headingParagraph = paragraph;
            offset += heading.length() + 1;
            paragraph++;
            starts.put(seg.ordinal(), offset);
            String text = seg.text().shown();
            StyleSpans<Collection<String>> styles = styles(seg, spans, slotOfTag, -1);
            List<String> box = List.of(boxClass(seg.kind()));
            int lineStart = 0;
            while (true) {
                int nl = text.indexOf('\n', lineStart);
                int lineEnd = nl < 0 ? text.length() : nl;
                if (lineEnd > lineStart) {
                    doc.addParagraph(text.substring(lineStart, lineEnd), styles.subView(lineStart, lineEnd), box);
                } else {
                    doc.addParagraph("", List.of(), box);
                }
                paragraph++;
                if (nl < 0) {
                    break;
                }
                lineStart = nl + 1;
            }
            offset += text.length() + 1;
            paragraphs.put(seg.ordinal(), new int[] {headingParagraph, paragraph - 1});
        }
        return new TranscriptDocument(blocks, spans, slotOfTag, doc.build(), segments, starts, paragraphs);
    }

    /**
     * {@code prepared} if it was built from these blocks, spans and colours, else a new document
     * built from them (a read-ahead document whose spans changed since is never shown).
     */
    public static TranscriptDocument reuseOrBuild(TranscriptDocument prepared, List<ShownSegment> shown,
                                                  List<ShownSpan> shownSpans, Map<String, Integer> slots) {
        return prepared != null && prepared.matches(shown, shownSpans, slots) ? prepared : build(shown, shownSpans, slots);
    }

    /** Whether this document shows exactly these blocks (the same shown text), spans and colours. */
    public boolean matches(List<ShownSegment> blocks, List<ShownSpan> shownSpans, Map<String, Integer> slotOfTag) {
        if (blocks.size() != shown.size()) {
            return false;
        }
        for (int i = 0; i < blocks.size(); i++) {
            ShownSegment a = blocks.get(i);
            ShownSegment b = shown.get(i);
            if (a != b && (a.ordinal() != b.ordinal() || a.kind() != b.kind()
                    || !a.text().shown().equals(b.text().shown()) || !a.text().masks().equals(b.text().masks()))) {
                return false;
            }
        }
        return spans.equals(shownSpans) && slots.equals(slotOfTag);
    }

    /** The styled text for the area. */
    public ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document() {
        return document;
    }

    public List<ShownSegment> blocks() {
        return shown;
    }

    public List<ShownSpan> spans() {
        return spans;
    }

    public Map<String, Integer> slots() {
        return slots;
    }

    /** Each block by ordinal, in order. */
    Map<Integer, ShownSegment> segments() {
        return segments;
    }

    /** Area offset where each block's text starts. */
    Map<Integer, Integer> starts() {
        return starts;
    }

    /** Paragraph index of each block's heading and of its last line. */
    Map<Integer, int[]> paragraphs() {
        return paragraphs;
    }

    /** Highlight runs of one block's text for {@code spans} (those of other blocks are skipped). */
    static StyleSpans<Collection<String>> styles(ShownSegment seg, List<ShownSpan> spans, Map<String, Integer> slotOfTag,
                                                 long selectedSpanId) {
        int ordinal = seg.ordinal();
        List<ShownSpan> mine = new ArrayList<>();
        for (ShownSpan s : spans) {
            if (s.segmentOrdinal() == ordinal) {
                mine.add(s);
            }
        }
        String text = seg.text().shown();
        return SpanStyles.compute(text.length(), mine, slotOfTag, selectedSpanId, seg.text().masks(),
                SpanStyles.apartRuns(text));
    }

    /** "User request", "Scratchpad 2 of 3", "Final output": each block says what it is and where. */
    static Map<Integer, String> headings(List<ShownSegment> shown) {
        Map<Integer, String> out = new LinkedHashMap<>();
        long pads = shown.stream().filter(s -> s.kind() == SegmentKind.SCRATCHPAD).count();
        long outputs = shown.stream().filter(s -> s.kind() == SegmentKind.OUTPUT).count();
        int pad = 0;
        int output = 0;
        for (ShownSegment s : shown) {
            String h = switch (s.kind()) {
                case SYSTEM -> "System prompt";
                case USER_INPUT -> "User request";
                case SCRATCHPAD -> pads > 1 ? "Scratchpad " + (++pad) + " of " + pads : "Scratchpad";
                case OUTPUT -> outputs > 1 ? "Final output " + (++output) + " of " + outputs : "Final output";
                case OTHER -> "Other";
            };
            out.put(s.ordinal(), h);
        }
        return out;
    }

    private static String boxClass(SegmentKind kind) {
        return switch (kind) {
            case USER_INPUT, SYSTEM -> "segment-box-user";
            case SCRATCHPAD -> "segment-box-scratchpad";
            default -> "segment-box-output";
        };
    }
}
