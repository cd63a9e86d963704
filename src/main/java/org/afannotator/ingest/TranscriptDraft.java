package org.afannotator.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;

/** Collects a transcript's segments in order, then names it by its own id or its content hash. */
final class TranscriptDraft {
    static final String FREE_TIER = "free_tier";
    static final String PAID_TIER = "paid_tier";
    static final String MARKER = "response_marker";
    private static final Pattern TIER = Pattern.compile(
            "<\\s*is_free_tier_user\\s*>\\s*(true|false)\\s*<\\s*/\\s*is_free_tier_user\\s*>", Pattern.CASE_INSENSITIVE);

    private final List<Segment> segments = new ArrayList<>();
    private ContentId.Encoded encoded;

    /** Adds a segment unless the text is null or blank. */
    TranscriptDraft add(SegmentKind kind, String text) {
        if (text != null && !text.isBlank()) {
            segments.add(new Segment(segments.size(), kind, text));
        }
        return this;
    }

    TranscriptDraft addScratchpads(List<String> blocks) {
        blocks.forEach(b -> add(SegmentKind.SCRATCHPAD, b));
        return this;
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    String hash() {
        return encoded().hash();
    }

    /** The segments' texts as UTF-8, in order (encoded once, with the hash). */
    byte[][] utf8() {
        return encoded().texts();
    }

    private ContentId.Encoded encoded() {
        if (encoded == null) {
            encoded = ContentId.encode(segments);
        }
        return encoded;
    }

    /** The record's own id when it has one, else the content id. */
    String id(String ownId) {
        return ownId != null && !ownId.isBlank() ? ownId.strip() : ContentId.idOf(hash());
    }

    /**
     * The transcript. Metadata {@code response_marker} notes the accept / reject marker of the
     * output ({@code request_fully_accepted} or {@code rejected}) when there is one.
     */
    Transcript build(String id, String source, InputFormat format, String model, String condition, String setting,
                     Instant now, Map<String, String> metadata) {
        for (Segment s : segments) {
            String marker = s.kind() == SegmentKind.OUTPUT ? TagParser.marker(s.text()) : null;
            if (marker != null && !metadata.containsKey(MARKER)) {
                metadata = new java.util.LinkedHashMap<>(metadata);
                metadata.put(MARKER, marker);
            }
        }
        return new Transcript(id, source, format.code(), blankToNull(model), blankToNull(condition),
                blankToNull(setting), now, metadata, segments);
    }

    /** free_tier / paid_tier from an {@code <is_free_tier_user>} tag in the text, else null. */
    static String tierOf(String userInput) {
        if (userInput == null) {
            return null;
        }
        Matcher m = TIER.matcher(userInput);
        if (!m.find()) {
            return null;
        }
        return m.group(1).toLowerCase(Locale.ROOT).equals("true") ? FREE_TIER : PAID_TIER;
    }

    /** free_tier / paid_tier from a tag or condition value as released ("free_tier", "paid", "True"...), else null. */
    static String conditionOf(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (v) {
            case "free_tier", "free", "true" -> FREE_TIER;
            case "paid_tier", "paid", "false" -> PAID_TIER;
            default -> v.isEmpty() ? null : v;
        };
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
