package org.afannotator.ui.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.afannotator.app.ShownText.Range;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.SchemeEntry;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Turns possibly overlapping spans into RichTextFX style runs. Each run carries the colour class
 * of the innermost span covering it ({@code span-N}, N = the tag's colour slot), {@code overlap}
 * where two or more spans cover it, {@code span-selected} inside the selected span, and {@code masked} inside
 * text hidden by blinding.
 */
public final class SpanStyles {
    /** Number of distinct highlight colours in app.css. */
    public static final int SLOTS = 9;

    private SpanStyles() {
    }

    /** Each tag's colour slot: its place in the scheme's tag list (the palette shows the same colours). */
    public static Map<String, Integer> slots(LabelScheme scheme) {
        Map<String, Integer> out = new HashMap<>();
        List<SchemeEntry> tags = scheme.tags();
        for (int i = 0; i < tags.size(); i++) {
            out.put(tags.get(i).code(), i);
        }
        return Map.copyOf(out);
    }

    public static StyleSpans<Collection<String>> compute(int length, List<ShownSpan> spans, Map<String, Integer> slotOfTag,
                                                        long selectedSpanId, List<Range> masked) {
        return compute(length, spans, slotOfTag, selectedSpanId, masked, List.of());
    }

    /**
     * As above; {@code apart} (from {@link #apartRuns}: in order, not overlapping) are runs of
     * text that get the class {@value #APART} so that each is drawn as a text node of its own.
     */
    public static StyleSpans<Collection<String>> compute(int length, List<ShownSpan> spans, Map<String, Integer> slotOfTag,
                                                        long selectedSpanId, List<Range> masked, List<Range> apart) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(length);
        for (ShownSpan s : spans) {
            cuts.add(clamp(s.start(), length));
            cuts.add(clamp(s.end(), length));
        }
        for (List<Range> ranges : List.of(masked, apart)) {
            for (Range r : ranges) {
                cuts.add(clamp(r.start(), length));
                cuts.add(clamp(r.end(), length));
            }
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        Integer prev = null;
        boolean any = false;
        int ai = 0; // apart runs are in order and apart: walk them along with the cuts
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                List<String> classes = classesAt(prev, spans, slotOfTag, selectedSpanId, masked);
                while (ai < apart.size() && apart.get(ai).end() <= prev) {
                    ai++;
                }
                if (ai < apart.size() && apart.get(ai).start() <= prev) {
                    classes.add(APART);
                }
                b.add(classes, cut - prev);
                any = true;
            }
            prev = cut;
        }
        if (!any) {
            b.add(List.of(), 0);
        }
        return b.create();
    }

    static List<String> classesAt(int offset, List<ShownSpan> spans, Map<String, Integer> slotOfTag, long selectedSpanId,
                                  List<Range> masked) {
        List<String> classes = new ArrayList<>(3);
        ShownSpan innermost = null;
        int covering = 0;
        boolean selected = false;
        for (ShownSpan s : spans) {
            if (s.contains(offset)) {
                covering++;
                selected |= s.id() == selectedSpanId;
                if (innermost == null || s.length() < innermost.length()) {
                    innermost = s;
                }
            }
        }
        if (innermost != null) {
            // Where spans overlap, the innermost one's colour shows (so a span inside another stays
            // visible) and an underline marks the overlap.
            classes.add("span-" + Math.floorMod(slotOfTag.getOrDefault(innermost.tag(), SLOTS - 1), SLOTS));
        }
        if (selected) {
            classes.add("span-selected");
        }
        if (covering > 1) {
            classes.add("overlap");
        }
        for (Range r : masked) {
            if (r.start() <= offset && offset < r.end()) {
                classes.add("masked");
            }
        }
        return classes;
    }

    /** The class of a run drawn as its own text node (no style of its own). */
    static final String APART = "glyph-run";

    /**
     * Runs of characters outside the Basic Multilingual Plane (emoji, flags, rare scripts) with the
     * joiners and selectors that bind them (U+200D before or after such a character, U+FE00..FE0F,
     * U+20E3; a selector, a joiner or a skin tone takes the character it modifies along). JavaFX 21
     * wraps a text node that holds such characters among ordinary text wrongly: lines run past the
     * edge and the word at each break is drawn twice. The same text with those runs in nodes of their
     * own wraps right, so they get a class of their own ({@link #APART}) and RichTextFX splits them
     * off.
     */
    public static List<Range> apartRuns(String text) {
        List<Range> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean apart;
            boolean takesBase; // the character before belongs to the run too
            if (c == '\u200D') {
                // A joiner binds emoji ("\uD83D\uDC68\u200D\uD83D\uDC69", "\u2764\u200D\uD83D\uDD25"); between
                // letters (Sinhala, Devanagari) it shapes them and stays in the text.
                boolean emojiNext = i + 1 < text.length() && Character.isHighSurrogate(text.charAt(i + 1));
                apart = start >= 0 || emojiNext;
                takesBase = true;
            } else if ((c >= '\uFE00' && c <= '\uFE0F') || c == '\u20E3') {
                apart = true; // "\u2714\uFE0F", "1\u20E3"
                takesBase = true;
            } else if (Character.isSurrogate(c)) {
                apart = true;
                // A skin tone (U+1F3FB..1F3FF) goes with the hand or face before it ("\u270C\uD83C\uDFFD").
                takesBase = c == '\uD83C' && i + 1 < text.length() && text.charAt(i + 1) >= '\uDFFB'
                        && text.charAt(i + 1) <= '\uDFFF';
            } else {
                apart = false;
                takesBase = false;
            }
            if (apart && start < 0) {
                start = takesBase && i > 0 && !Character.isWhitespace(text.charAt(i - 1)) ? i - 1 : i;
            } else if (!apart && start >= 0) {
                out.add(new Range(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(new Range(start, text.length()));
        }
        return out;
    }

    private static int clamp(int v, int length) {
        return Math.max(0, Math.min(length, v));
    }
}
