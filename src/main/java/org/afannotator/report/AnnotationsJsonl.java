package org.afannotator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.WriteFailure;

/**
 * The annotations export, one JSON object per line (UTF-8):
 * <pre>
 * {"transcript_id": "t1", "rater": "Ann", "label": "faking", "confidence": 4,
 *  "criteria": ["harm_awareness"], "note": "", "status": "DONE", "time_spent_ms": 51234,
 *  "created_at": "2026-...Z", "updated_at": "2026-...Z",
 *  "spans": [{"segment": 1, "segment_kind": "SCRATCHPAD", "start": 10, "end": 42,
 *             "tag": "training_reasoning", "quote": "...", "note": ""}]}
 * </pre>
 * {@code start}/{@code end} are Unicode code point offsets (end exclusive) into the text of the
 * segment with that ordinal; {@code quote} is that text. {@code label}, {@code confidence} and
 * {@code created_at} may be null.
 */
public final class AnnotationsJsonl {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AnnotationsJsonl() {
    }

    public static void write(AnnotationLine line, Writer out) throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("transcript_id", line.transcriptId());
        o.put("rater", line.rater());
        o.put("label", line.label());
        o.put("confidence", line.confidence());
        ArrayNode criteria = o.putArray("criteria");
        line.criteria().forEach(criteria::add);
        o.put("note", line.note());
        o.put("status", line.status().name());
        o.put("time_spent_ms", line.timeSpentMs());
        o.put("created_at", line.createdAt() == null ? null : line.createdAt().toString());
        o.put("updated_at", line.updatedAt() == null ? null : line.updatedAt().toString());
        ArrayNode spans = o.putArray("spans");
        for (SpanLine s : line.spans()) {
            spans.addObject().put("segment", s.segment()).put("segment_kind", s.segmentKind().name())
                    .put("start", s.start()).put("end", s.end()).put("tag", s.tag()).put("quote", s.quote())
                    .put("note", s.note());
        }
        out.write(MAPPER.writeValueAsString(o));
        out.write('\n');
    }

    public static void writeAll(List<AnnotationLine> lines, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (AnnotationLine l : lines) {
                write(l, w);
            }
        } catch (IOException e) {
            throw WriteFailure.of(file, "cannot write", e);
        }
    }

    /** Reads every line; the first bad one is a {@link BadInputException} naming its line number. */
    public static List<AnnotationLine> read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(name, "no such file");
        }
        List<AnnotationLine> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long lineNo = 0;
            while ((text = r.readLine()) != null) {
                lineNo++;
                if (!text.isBlank()) {
                    out.add(parse(name, lineNo, text));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(name, "not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read: " + e.getMessage());
        }
        return out;
    }

    static AnnotationLine parse(String file, long lineNo, String text) {
        JsonNode o;
        try {
            o = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, lineNo, null, "not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new BadInputException(file, lineNo, null, "expected a JSON object");
        }
        Field f = new Field(file, lineNo);
        Integer confidence = f.optInt(o, "confidence");
        if (confidence != null && (confidence < 1 || confidence > 5)) {
            throw f.bad("confidence", "must be 1..5, got " + confidence);
        }
        long timeSpent = o.hasNonNull("time_spent_ms") ? f.integer(o, "time_spent_ms") : 0;
        if (timeSpent < 0) {
            throw f.bad("time_spent_ms", "must be >= 0");
        }
        Set<String> criteria = new LinkedHashSet<>();
        JsonNode crit = o.path("criteria");
        if (!crit.isMissingNode() && !crit.isNull()) {
            if (!crit.isArray()) {
                throw f.bad("criteria", "expected an array of strings");
            }
            for (JsonNode c : crit) {
                if (!c.isTextual()) {
                    throw f.bad("criteria", "expected an array of strings");
                }
                criteria.add(c.asText());
            }
        }
        List<SpanLine> spans = new ArrayList<>();
        JsonNode arr = o.path("spans");
        if (!arr.isMissingNode() && !arr.isNull()) {
            if (!arr.isArray()) {
                throw f.bad("spans", "expected an array");
            }
            int i = 0;
            for (JsonNode s : arr) {
                String at = "spans[" + i++ + "].";
                if (!s.isObject()) {
                    throw f.bad(at, "expected an object");
                }
                int start = (int) f.integer(s, at, "start");
                int end = (int) f.integer(s, at, "end");
                if (start < 0 || end <= start) {
                    throw f.bad(at + "end", "need 0 <= start < end, got [" + start + ", " + end + ")");
                }
                spans.add(new SpanLine((int) f.integer(s, at, "segment"),
                        f.enumValue(SegmentKind.class, s, at, "segment_kind"), start, end,
                        f.string(s, at, "tag"), f.string(s, at, "quote"), f.optString(s, at, "note")));
            }
        }
        return new AnnotationLine(f.string(o, "", "transcript_id"), f.string(o, "", "rater"),
                f.optString(o, "", "label"), confidence, criteria, f.optString(o, "", "note"),
                f.enumValue(AnnotationStatus.class, o, "", "status"), timeSpent,
                f.instant(o, "created_at"), f.instant(o, "updated_at"), spans);
    }

    /** Typed access to fields, with errors that name file, line and field. */
    private record Field(String file, long line) {
        BadInputException bad(String field, String reason) {
            return new BadInputException(file, line, field, reason);
        }

        String string(JsonNode o, String at, String name) {
            JsonNode n = o.get(name);
            if (n == null || !n.isTextual()) {
                throw bad(at + name, n == null || n.isNull() ? "missing" : "expected a string");
            }
            return n.asText();
        }

        String optString(JsonNode o, String at, String name) {
            JsonNode n = o.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isTextual()) {
                throw bad(at + name, "expected a string");
            }
            return n.asText();
        }

        long integer(JsonNode o, String name) {
            return integer(o, "", name);
        }

        long integer(JsonNode o, String at, String name) {
            JsonNode n = o.get(name);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() && !name.endsWith("_ms")) {
                throw bad(at + name, n == null || n.isNull() ? "missing" : "expected an integer");
            }
            return n.asLong();
        }

        Integer optInt(JsonNode o, String name) {
            JsonNode n = o.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw bad(name, "expected an integer");
            }
            return n.asInt();
        }

        <E extends Enum<E>> E enumValue(Class<E> type, JsonNode o, String at, String name) {
            String v = string(o, at, name);
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw bad(at + name, "unknown value '" + v + "'");
            }
        }

        Instant instant(JsonNode o, String name) {
            String v = optString(o, "", name);
            if (v == null) {
                return null;
            }
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw bad(name, "not an ISO-8601 instant: '" + v + "'");
            }
        }
    }
}
