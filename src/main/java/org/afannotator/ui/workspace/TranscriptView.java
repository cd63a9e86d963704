package org.afannotator.ui.workspace;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.control.IndexRange;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.afannotator.app.ShownSegment;
import org.afannotator.domain.SegmentKind;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CharacterHit;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The transcript in one read-only, wrapping RichTextFX area: each block (user request, each
 * scratchpad block, the final output) under its own heading line, in order, with the spans drawn
 * as (possibly overlapping) highlights. One virtualised area, so a 100 KB scratchpad lays out
 * only the lines on screen; the user request folds away under its heading.
 *
 * <p>Offsets: the area's text is headings + blocks; {@link #segmentStart} maps a block's shown
 * offsets to the area's, and selections are clipped to the block they start in.
 */
public final class TranscriptView extends StackPane {
    static final String OPEN = "\u25BE ";
    static final String CLOSED = "\u25B8 ";
    /** The area's style class that app.css styles the transcript under. */
    private static final String STYLE_CLASS = "segment-text";

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private TranscriptDocument document;
    private Map<Integer, ShownSegment> segments = Map.of();
    /** Area offset where each block's text starts. */
    private Map<Integer, Integer> starts = Map.of();
    /** Paragraph index of each block's heading and of its last line. */
    private Map<Integer, int[]> paragraphs = Map.of();
    private Map<String, Integer> slotOfTag = Map.of();
    private List<ShownSpan> spans = List.of();
    private long selectedSpanId = -1;
    private boolean userRequestOpen = true;
    private BiConsumer<List<ShownSpan>, Point2D> onSpanClicked = (s, p) -> { };

    public TranscriptView() {
        setId("transcript");
        getStyleClass().add("transcript-pane");
        area.setId("transcript-text");
        // The transcript's styles (STYLE_CLASS in app.css) look up the theme's colours, which the theme
        // defines on the scene's root. Flowless styles each paragraph cell of the area the moment
        // the cell first enters a scene, and the area holds cells from the start. When the area
        // enters a scene inside a new scene root (Scene.setRoot, new Scene), the nodes between such a
        // cell and the root are not styled yet, so the lookups fail ("Could not resolve
        // '-color-fg-default'" on the javafx.css logger) until the next CSS pass styles the cell
        // again. The class is therefore on the area only while the area is in a scene: the area is
        // told of its scene after its cells, so they are first styled without the transcript's
        // rules, and the class then restyles the whole area from its styled ancestors.
        area.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                area.getStyleClass().remove(STYLE_CLASS);
            } else if (!area.getStyleClass().contains(STYLE_CLASS)) {
                area.getStyleClass().add(STYLE_CLASS);
            }
        });
        area.setWrapText(true);
        area.setEditable(false);
        area.setPadding(new javafx.geometry.Insets(6, 18, 24, 18));
        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
        getChildren().add(scroll);
        area.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
    }

    /** Shows a new transcript; {@code slots} gives each tag's colour slot. */
    public void show(List<ShownSegment> shown, List<ShownSpan> shownSpans, Map<String, Integer> slots) {
        show(TranscriptDocument.build(shown, shownSpans, slots));
    }

    /**
     * Shows a transcript laid out beforehand (possibly on a worker thread): the area's content is
     * replaced by the prepared document, no span is selected, and the user request is folded if
     * the rater folded it.
     */
    public void show(TranscriptDocument prepared) {
        document = prepared;
        segments = prepared.segments();
        starts = prepared.starts();
        paragraphs = prepared.paragraphs();
        slotOfTag = prepared.slots();
        spans = prepared.spans();
        selectedSpanId = -1;
        area.replace(0, area.getLength(), prepared.document());
        if (!userRequestOpen) {
            // Documents are built with the user request open.
            segments.values().stream().filter(seg -> seg.kind() == SegmentKind.USER_INPUT).findFirst()
                    .ifPresent(seg -> setUserRequestHeading(seg.ordinal()));
        }
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        for (ShownSegment seg : segments.values()) {
            if (!isOpen(seg)) {
                fold(seg.ordinal());
            }
        }
        area.showParagraphAtTop(0);
    }

    /** The document last shown (its spans as shown then; later span changes restyle the area). */
    public TranscriptDocument document() {
        return document;
    }

    /** Redraws the highlights after spans changed. */
    public void setSpans(List<ShownSpan> shownSpans, long selectedId) {
        if (selectedId == selectedSpanId && shownSpans.equals(spans)) {
            return;
        }
        spans = List.copyOf(shownSpans);
        selectedSpanId = selectedId;
        for (ShownSegment seg : segments.values()) {
            if (!seg.text().shown().isEmpty()) {
                area.setStyleSpans(starts.get(seg.ordinal()), styles(seg));
            }
        }
    }

    /** Called with the spans under the mouse when the rater clicks on highlighted text. */
    public void setOnSpanClicked(BiConsumer<List<ShownSpan>, Point2D> handler) {
        onSpanClicked = handler;
    }

    /** The rater's selection, in shown offsets of the block it starts in (clipped to that block). */
    public Optional<ShownSelection> selection() {
        IndexRange r = area.getSelection();
        if (r.getLength() == 0) {
            return Optional.empty();
        }
        Optional<int[]> at = locate(r.getStart(), true);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        int ordinal = at.get()[0];
        int start = at.get()[1];
        int len = segments.get(ordinal).text().shown().length();
        int end = Math.min(len, r.getEnd() - starts.get(ordinal));
        return end > start ? Optional.of(new ShownSelection(ordinal, start, end)) : Optional.empty();
    }

    /** The caret's place in a block, if it is in one. */
    public Optional<ShownSelection> caret() {
        return locate(area.getCaretPosition(), false).map(a -> new ShownSelection(a[0], a[1], a[1]));
    }

    public void clearSelection() {
        area.deselect();
    }

    /** Selects shown text of a block, as if the rater had dragged over it. */
    public void select(int ordinal, int start, int end) {
        Integer base = starts.get(ordinal);
        if (base != null) {
            area.requestFocus();
            area.selectRange(base + start, base + end);
        }
    }

    /** The area offset where block {@code ordinal}'s text starts. */
    public int segmentStart(int ordinal) {
        return starts.get(ordinal);
    }

    /** The one text area (for tests and the benchmark). */
    public StyleClassedTextArea area() {
        return area;
    }

    /** Puts the keyboard focus in the text, the caret at the first scratchpad block. */
    public void focusText() {
        area.requestFocus();
        segments.values().stream().filter(s -> s.kind() == SegmentKind.SCRATCHPAD).findFirst()
                .ifPresent(s -> area.moveTo(starts.get(s.ordinal())));
    }

    /** Spans of block {@code ordinal} that cover {@code offset}, shortest first. */
    public List<ShownSpan> spansAt(int ordinal, int offset) {
        return spans.stream().filter(s -> s.segmentOrdinal() == ordinal && s.contains(offset))
                .sorted((x, y) -> Integer.compare(x.length(), y.length())).toList();
    }

    /** Shown text of part of a block (for menus: the shown text, never a stored quote). */
    public String shownText(int ordinal, int start, int end) {
        ShownSegment seg = segments.get(ordinal);
        if (seg == null) {
            return "";
        }
        String t = seg.text().shown();
        return t.substring(Math.max(0, start), Math.min(t.length(), end));
    }

    /** Folds or unfolds the user request. */
    public void toggleUserRequest() {
        segments.values().stream().filter(s -> s.kind() == SegmentKind.USER_INPUT).findFirst().ifPresent(seg -> {
            userRequestOpen = !userRequestOpen;
            int[] p = paragraphs.get(seg.ordinal());
            setUserRequestHeading(seg.ordinal());
            if (userRequestOpen) {
                area.unfoldParagraphs(p[0]);
            } else {
                fold(seg.ordinal());
            }
        });
    }

    public boolean isUserRequestOpen() {
        return userRequestOpen;
    }

    /** The user request's heading marker: open or folded. */
    private void setUserRequestHeading(int ordinal) {
        int headingStart = area.getAbsolutePosition(paragraphs.get(ordinal)[0], 0);
        area.replace(headingStart, headingStart + 1, userRequestOpen ? OPEN.substring(0, 1) : CLOSED.substring(0, 1),
                List.of("heading-text"));
    }

    private boolean isOpen(ShownSegment seg) {
        return seg.kind() == SegmentKind.USER_INPUT ? userRequestOpen : seg.kind() != SegmentKind.SYSTEM;
    }

    private void fold(int ordinal) {
        int[] p = paragraphs.get(ordinal);
        if (p[1] > p[0]) {
            area.foldParagraphs(p[0], p[1]);
        }
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 1) {
            return;
        }
        CharacterHit hit = area.hit(e.getX(), e.getY());
        int offset = hit.getCharacterIndex().orElse(-1);
        if (offset < 0) {
            return;
        }
        int paragraph = area.offsetToPosition(offset, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        for (Map.Entry<Integer, int[]> p : paragraphs.entrySet()) {
            if (p.getValue()[0] == paragraph && segments.get(p.getKey()).kind() == SegmentKind.USER_INPUT) {
                toggleUserRequest();
                return;
            }
        }
        if (area.getSelection().getLength() > 0) {
            return;
        }
        locate(offset, false).ifPresent(at -> {
            List<ShownSpan> under = spansAt(at[0], at[1]);
            if (!under.isEmpty()) {
                onSpanClicked.accept(under, new Point2D(e.getScreenX(), e.getScreenY()));
            }
        });
    }

    /** Block and offset in it of an area offset; none inside a heading or gap. */
    private Optional<int[]> locate(int areaOffset, boolean forStart) {
        for (Map.Entry<Integer, Integer> e : starts.entrySet()) {
            int start = e.getValue();
            int len = segments.get(e.getKey()).text().shown().length();
            if (areaOffset >= start && (areaOffset < start + len || (!forStart && areaOffset == start + len))) {
                return Optional.of(new int[] {e.getKey(), areaOffset - start});
            }
        }
        return Optional.empty();
    }

    private StyleSpans<Collection<String>> styles(ShownSegment seg) {
        return TranscriptDocument.styles(seg, spans, slotOfTag, selectedSpanId);
    }

    /** A piece of shown text in one block (start == end: a caret). */
    public record ShownSelection(int segmentOrdinal, int start, int end) {
    }
}
