package org.afannotator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;

/**
 * Redwood {@code json_outputs} (Greenblatt et al. 2024): {@code messages} [{role, content}]; the
 * first user turn is the request (kept as released, tier tag included), assistant turns hold the
 * scratchpad blocks and the output, {@code <NEXT/>} user turns are dropped. Flat classifier fields
 * beside {@code messages} become predictions. A {@code train} / {@code deploy} folder sets the
 * setting, and the condition when the request has no tier tag; the folder above it is the run.
 */
final class RedwoodJsonImporter implements RecordMapper {
    /** Flat classifier fields as released; any other boolean field is read as a classifier too. */
    static final Set<String> CLASSIFIER_FIELDS = Set.of("pm_score", "is_refusal_0_7", "effective_scheme",
            "partial_scheme", "full_goal_guarding", "at_least_some_goal_guarding", "training_awareness",
            "understands_modification", "preference_conflict", "deviates_for_reward", "motivated_by_modification",
            "made_compromise");

    /** A user turn that only says "next" between assistant turns. */
    private static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile(
            "<\\s*next\\s*/?\\s*>", java.util.regex.Pattern.CASE_INSENSITIVE);
    private final Source source;
    private final Instant now;

    RedwoodJsonImporter(Source source, Instant now) {
        this.source = source;
        this.now = now;
    }

    @Override
    public ImportRecord map(Row row) {
        ArrayNode messages = row.array("messages");
        if (messages == null) {
            throw row.error("messages", "missing");
        }
        if (messages.isEmpty()) {
            throw row.error("messages", "empty: no turns");
        }
        TranscriptDraft d = new TranscriptDraft();
        List<String> scratchpads = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<String> other = new ArrayList<>();
        String system = null;
        String userInput = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String field = "messages[" + i + "]";
            if (!m.isObject()) {
                throw row.error(field, "expected an object {role, content}, got " + Row.kind(m));
            }
            JsonNode roleNode = m.get("role");
            if (roleNode == null || !roleNode.isTextual()) {
                throw row.error(field + ".role", roleNode == null ? "missing" : "expected text, got " + Row.kind(roleNode));
            }
            String content = content(m.get("content"), row, field + ".content");
            String role = roleNode.asText().strip().toLowerCase(Locale.ROOT);
            switch (role) {
                case "system" -> system = content;
                case "user", "human" -> {
                    if (userInput == null) {
                        userInput = content.strip();
                    } else if (!NEXT.matcher(content.strip()).matches()) {
                        other.add(content.strip());
                    }
                }
                case "assistant", "model", "ai" -> {
                    TagParser.Parsed p = TagParser.parse(content);
                    scratchpads.addAll(p.scratchpads());
                    other.addAll(p.other());
                    if (!p.output().isEmpty()) {
                        outputs.add(p.output());
                    }
                }
                default -> throw row.error(field + ".role", "unknown role '" + roleNode.asText() + "'");
            }
        }
        if (userInput == null) {
            throw row.error("messages", "no user turn");
        }
        d.add(SegmentKind.SYSTEM, system).add(SegmentKind.USER_INPUT, userInput).addScratchpads(scratchpads);
        other.forEach(o -> d.add(SegmentKind.OTHER, o));
        d.add(SegmentKind.OUTPUT, String.join("\n\n", outputs));

        String setting = null;
        String run = null;
        List<String> folders = source.folders();
        if (!folders.isEmpty()) {
            String last = folders.get(folders.size() - 1).toLowerCase(Locale.ROOT);
            if (last.equals("train") || last.equals("deploy")) {
                setting = last;
                run = folders.size() >= 2 ? folders.get(folders.size() - 2) : null;
            }
        }
        String condition = TranscriptDraft.tierOf(userInput);
        if (condition == null && setting != null) {
            condition = setting.equals("train") ? TranscriptDraft.FREE_TIER : TranscriptDraft.PAID_TIER;
        }
        String id = d.id(row.text("id"));
        Set<String> used = new HashSet<>(Set.of("messages", "id", "model"));
        List<Prediction> predictions = new ArrayList<>();
        row.node().fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (used.contains(e.getKey())) {
                return;
            }
            boolean classifier = CLASSIFIER_FIELDS.contains(e.getKey()) || v.isBoolean();
            if (classifier) {
                Prediction p = Classifiers.flat(id, e.getKey(), v);
                if (p != null) {
                    predictions.add(p);
                    used.add(e.getKey());
                }
            } else if (Classifiers.isClassifierObject(v)) {
                Prediction p = Classifiers.object(id, e.getKey(), (com.fasterxml.jackson.databind.node.ObjectNode) v, row);
                if (p != null) {
                    predictions.add(p);
                }
                used.add(e.getKey());
            }
        });
        Map<String, String> meta = row.rest(used);
        if (run != null) {
            meta = new java.util.LinkedHashMap<>(meta);
            meta.putIfAbsent("run", run);
        }
        // One transcript per file as released; files that hold several name each record.
        String where = row.index() == 0 ? source.name() : source.name() + "#" + row.index();
        Transcript t = d.build(id, where, InputFormat.REDWOOD_JSON, row.text("model"), condition, setting, now, meta);
        return ImportRecord.of(row.index(), row.line(), t, d, predictions, List.of());
    }

    /** Message content: text, or a list of content blocks whose text parts are joined. */
    static String content(JsonNode c, Row row, String field) {
        if (c == null || c.isNull()) {
            throw row.error(field, "missing");
        }
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : c) {
                if (part.isTextual()) {
                    sb.append(part.asText());
                } else if (part.isObject() && part.has("text") && part.get("text").isTextual()) {
                    sb.append(part.get("text").asText());
                } else {
                    throw row.error(field, "expected text or content blocks with text, got " + Row.kind(part));
                }
            }
            return sb.toString();
        }
        throw row.error(field, "expected text, got " + Row.kind(c));
    }
}
