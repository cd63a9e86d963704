package org.afannotator.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.afannotator.domain.RaterRole;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;

/**
 * Human-label rows (the public human-labelled set): {@code user_input}, {@code scratchpad_reasoning},
 * {@code output_without_scratchpad}, {@code model}, {@code alignment_faking_human_label} 0/1. The
 * label comes in as a finished annotation of an external rater named after the file, e.g.
 * {@code human_labels} for {@code human_labels.csv}.
 */
final class HumanLabelImporter implements RecordMapper {
    static final String LABEL = "alignment_faking_human_label";
    private static final Set<String> CONSUMED = Set.of("id", "user_input", "scratchpad_reasoning",
            "output_without_scratchpad", "model", "tags", LABEL);

    private final Source source;
    private final Instant now;

    HumanLabelImporter(Source source, Instant now) {
        this.source = source;
        this.now = now;
    }

    @Override
    public ImportRecord map(Row row) {
        String userInput = row.requiredText("user_input");
        String scratchpad = row.text("scratchpad_reasoning");
        String output = row.text("output_without_scratchpad");
        if (!row.has(LABEL)) {
            throw row.error(LABEL, "missing");
        }
        String label = Labels.ofHumanLabel(row.node().get(LABEL));
        if (label == null) {
            throw row.error(LABEL, "expected 0 or 1, got '" + row.node().get(LABEL).asText() + "'");
        }
        TranscriptDraft d = new TranscriptDraft()
                .add(SegmentKind.USER_INPUT, userInput.strip())
                .addScratchpads(scratchpad == null ? List.of() : TagParser.scratchpadBlocks(scratchpad))
                .add(SegmentKind.OUTPUT, output == null ? null : output.strip());
        if (d.isEmpty()) {
            throw row.error("user_input", "no transcript text");
        }
        String condition = TranscriptDraft.conditionOf(row.text("tags"));
        if (condition == null) {
            condition = TranscriptDraft.tierOf(userInput);
        }
        String id = d.id(row.text("id"));
        Transcript t = d.build(id, source.name() + "#" + row.index(), InputFormat.HUMAN_LABELS, row.text("model"),
                condition, null, now, row.rest(CONSUMED));
        ImportRecord.Rating rating = new ImportRecord.Rating(id, source.baseName(), RaterRole.EXTERNAL, label, null, null);
        return ImportRecord.of(row.index(), row.line(), t, d, List.of(), List.of(rating));
    }
}
