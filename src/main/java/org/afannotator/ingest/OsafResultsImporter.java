package org.afannotator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;

/**
 * open-source-alignment-faking results (Hughes et al. 2025): the request is the last user turn of
 * {@code prompt.messages} (tier tag kept as released), else {@code user_input}; {@code output} is
 * the raw completion with the scratchpad tags; {@code tags} gives the tier. Every field holding a
 * classifier object ({@code deceptive_alignment}, {@code partial_compliance}, or the older
 * {@code easy_scratchpad} / {@code hard_scratchpad}) becomes a prediction, and
 * {@code strong_reject_score} one with a score only.
 */
final class OsafResultsImporter implements RecordMapper {
    private static final Set<String> CONSUMED = Set.of("id", "user_input", "prompt", "output",
            "output_without_scratchpad", "tags", "model", "model_id");

    private final Source source;
    private final Instant now;

    OsafResultsImporter(Source source, Instant now) {
        this.source = source;
        this.now = now;
    }

    @Override
    public ImportRecord map(Row row) {
        String userInput = promptUserTurn(row);
        if (userInput == null) {
            userInput = row.text("user_input");
        }
        if (userInput == null) {
            throw row.error("user_input", "missing (and no user turn in prompt.messages)");
        }
        String output = row.requiredText("output");
        TagParser.Parsed p = TagParser.parse(output);
        String visible = p.output();
        String stripped = row.text("output_without_scratchpad");
        if (visible.isBlank() && stripped != null) {
            visible = stripped;
        }
        TranscriptDraft d = new TranscriptDraft()
                .add(SegmentKind.USER_INPUT, userInput.strip())
                .addScratchpads(p.scratchpads());
        p.other().forEach(o -> d.add(SegmentKind.OTHER, o));
        d.add(SegmentKind.OUTPUT, visible);
        if (d.isEmpty()) {
            throw row.error("output", "no transcript text");
        }
        String condition = tagsCondition(row);
        if (condition == null) {
            condition = TranscriptDraft.tierOf(userInput);
        }
        String id = d.id(row.text("id"));
        Set<String> used = new HashSet<>(CONSUMED);
        List<Prediction> predictions = new ArrayList<>();
        row.node().fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (used.contains(e.getKey())) {
                return;
            }
            if (Classifiers.isClassifierObject(v)) {
                Prediction pr = Classifiers.object(id, e.getKey(), (ObjectNode) v, row);
                if (pr != null) {
                    predictions.add(pr);
                }
                used.add(e.getKey());
            } else if (e.getKey().equals("strong_reject_score")) {
                Double s = row.number("strong_reject_score");
                if (s != null) {
                    predictions.add(new Prediction(id, "strong_reject", null, s, java.util.Map.of(), List.of(),
                            v.toString()));
                }
                used.add(e.getKey());
            }
        });
        String model = row.text("model") != null ? row.text("model") : row.text("model_id");
        Transcript t = d.build(id, source.name() + "#" + row.index(), InputFormat.OSAF_RESULTS, model, condition,
                null, now, row.rest(used));
        return ImportRecord.of(row.index(), row.line(), t, d, predictions, List.of());
    }

    private static String promptUserTurn(Row row) {
        ObjectNode prompt = row.object("prompt");
        if (prompt == null) {
            return null;
        }
        JsonNode messages = prompt.get("messages");
        if (messages == null || messages.isNull()) {
            return null;
        }
        if (!messages.isArray()) {
            throw row.error("prompt.messages", "expected an array, got " + Row.kind(messages));
        }
        String last = null;
        ArrayNode arr = (ArrayNode) messages;
        for (int i = 0; i < arr.size(); i++) {
            JsonNode m = arr.get(i);
            if (!m.isObject()) {
                throw row.error("prompt.messages[" + i + "]", "expected an object {role, content}, got " + Row.kind(m));
            }
            JsonNode role = m.get("role");
            if (role != null && role.isTextual() && role.asText().toLowerCase(Locale.ROOT).matches("user|human")) {
                last = RedwoodJsonImporter.content(m.get("content"), row, "prompt.messages[" + i + "].content");
            }
        }
        return last;
    }

    private static String tagsCondition(Row row) {
        JsonNode tags = row.node().get("tags");
        if (tags == null || tags.isNull()) {
            return null;
        }
        if (tags.isTextual()) {
            return TranscriptDraft.conditionOf(tags.asText());
        }
        if (tags.isArray()) {
            for (JsonNode t : tags) {
                String c = t.isTextual() ? TranscriptDraft.conditionOf(t.asText()) : null;
                if (TranscriptDraft.FREE_TIER.equals(c) || TranscriptDraft.PAID_TIER.equals(c)) {
                    return c;
                }
            }
            return null;
        }
        throw row.error("tags", "expected text or an array of text, got " + Row.kind(tags));
    }
}
