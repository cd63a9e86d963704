package org.afannotator.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a model's raw completion into hidden scratchpad blocks and the visible output (rules in
 * docs/decisions/0021-scratchpad-tag-parsing.md).
 *
 * <p>Tags are matched case-insensitively, with optional spaces inside the brackets. Scratchpad
 * blocks open with {@code <SCRATCHPAD_REASONING>}, {@code <think>} or {@code <HIDDEN_SCRATCHPAD>}
 * and are opaque until their own closing tag: anything inside, including {@code <DRAFT_OUTPUT>}
 * drafts or a mention of {@code <OUTPUT>}, stays in the block. {@code <OUTPUT>} opens the output.
 * A block or output left open at the end of the text runs to the end. {@code <NEXT/>} between
 * turns is dropped. Without an {@code <OUTPUT>} tag, the text outside the blocks is the output;
 * with one, any other non-blank text outside the blocks is kept apart ({@link Parsed#other()}).
 * The markers {@code <request_fully_accepted/>} and {@code <rejected/>} stay in the text as
 * released and are reported in {@link Parsed#marker()}.
 */
public final class TagParser {
    private static final Pattern TAG = Pattern.compile(
            "<\\s*(/?)\\s*(scratchpad_reasoning|hidden_scratchpad|think|output|next)\\s*(/?)\\s*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile(
            "<\\s*(request_fully_accepted|rejected)\\s*/?\\s*>", Pattern.CASE_INSENSITIVE);
    /** The closing tag of each block and of the output, compiled once. */
    private static final Map<String, Pattern> CLOSE = Map.of(
            "scratchpad_reasoning", close("scratchpad_reasoning"),
            "hidden_scratchpad", close("hidden_scratchpad"),
            "think", close("think"),
            "output", close("output"));

    private static Pattern close(String name) {
        return Pattern.compile("<\\s*/\\s*" + name + "\\s*>", Pattern.CASE_INSENSITIVE);
    }

    /**
     * {@code m.find(from)}, faster on long text: every match begins with {@code <}, so the regex
     * is tried only where the text has one ({@link String#indexOf} skips the rest). Same match,
     * same groups; the matcher's region is left at the rest of the text.
     */
    static boolean findFrom(Matcher m, String text, int from) {
        for (int i = text.indexOf('<', from); i >= 0; i = text.indexOf('<', i + 1)) {
            m.region(i, text.length());
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one completion holds.
     *
     * @param output  the visible answer ("" when there is none)
     * @param other   non-blank text outside every block when an output tag exists
     * @param marker  {@code request_fully_accepted}, {@code rejected} or null
     * @param hadTags whether any scratchpad, output or next tag was found
     */
    public record Parsed(List<String> scratchpads, String output, List<String> other, String marker, boolean hadTags) {
        public Parsed {
            scratchpads = List.copyOf(scratchpads);
            other = List.copyOf(other);
        }
    }

    private TagParser() {
    }

    /** Parses one completion (one assistant turn, or several joined). */
    public static Parsed parse(String text) {
        List<String> blocks = new ArrayList<>();
        List<String> loose = new ArrayList<>();
        StringBuilder output = null;
        boolean hadTags = false;
        Matcher m = TAG.matcher(text);
        int pos = 0;
        int looseStart = 0;
        while (pos < text.length() && findFrom(m, text, pos)) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean opening = m.group(1).isEmpty() && m.group(3).isEmpty() && !name.equals("next");
            if (name.equals("next")) {
                hadTags = true;
                addLoose(loose, text, looseStart, m.start());
                pos = m.end();
                looseStart = pos;
                continue;
            }
            if (!opening) {
                // A stray closing tag is plain text.
                pos = m.end();
                continue;
            }
            hadTags = true;
            addLoose(loose, text, looseStart, m.start());
            Matcher close = CLOSE.get(name).matcher(text);
            boolean closed = findFrom(close, text, m.end());
            String inner = stripped(text, m.end(), closed ? close.start() : text.length());
            if (name.equals("output")) {
                output = output == null ? new StringBuilder() : output.append("\n\n");
                output.append(inner);
            } else {
                blocks.add(inner);
            }
            pos = closed ? close.end() : text.length();
            looseStart = pos;
        }
        if (looseStart < text.length()) {
            addLoose(loose, text, looseStart, text.length());
        }
        String out;
        List<String> other;
        if (output != null) {
            out = output.toString();
            other = loose;
        } else {
            out = String.join("\n\n", loose);
            other = List.of();
        }
        String marker = marker(out);
        if (marker == null) {
            marker = marker(String.join("\n", other));
        }
        return new Parsed(blocks, out, other, marker, hadTags);
    }

    /**
     * Scratchpad text that came in a field of its own: one block per tagged block (text outside
     * the blocks is kept as a block too, never dropped), else the whole text as one block.
     */
    public static List<String> scratchpadBlocks(String text) {
        Parsed p = parse(text);
        if (p.scratchpads().isEmpty()) {
            String whole = strip(text);
            return whole.isEmpty() ? List.of() : List.of(whole);
        }
        List<String> out = new ArrayList<>(p.scratchpads());
        out.addAll(p.other());
        if (!p.output().isEmpty()) {
            out.add(p.output());
        }
        return out;
    }

    /** The first accept / reject marker in the text, lower case, or null. */
    public static String marker(String text) {
        Matcher m = MARKER.matcher(text);
        return findFrom(m, text, 0) ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static void addLoose(List<String> loose, String text, int from, int to) {
        String s = stripped(text, from, to);
        if (!s.isEmpty()) {
            loose.add(s);
        }
    }

    /**
     * {@code strip(text.substring(from, to))} with one copy instead of two (a scratchpad is copied
     * once, not cut out and then trimmed). Whitespace as {@link String#strip}: every character
     * for which {@link Character#isWhitespace} holds (none is outside the BMP).
     */
    static String stripped(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Trims blank lines and spaces at both ends; inner text stays as released. */
    static String strip(String s) {
        return s.strip();
    }
}
