package org.afannotator.ingest;

import java.time.Instant;
import java.util.List;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;

/**
 * Any JSON / JSONL / CSV rows read through a {@link ColumnMapping}. The scratchpad column is split
 * into blocks by its tags; without a scratchpad column, an output column holding the raw completion
 * is split into scratchpad and output. Unmapped columns are kept as metadata.
 */
final class GenericImporter implements RecordMapper {
    private final Source source;
    private final Instant now;
    private final ColumnMapping mapping;

    GenericImporter(Source source, Instant now, ColumnMapping mapping) {
        this.source = source;
        this.now = now;
        this.mapping = mapping;
    }

    @Override
    public ImportRecord map(Row row) {
        String userInput = row.text(mapping.userInput());
        String scratchpad = row.text(mapping.scratchpad());
        String output = row.text(mapping.output());
        TranscriptDraft d = new TranscriptDraft().add(SegmentKind.USER_INPUT, userInput == null ? null : userInput.strip());
        if (scratchpad != null) {
            d.addScratchpads(TagParser.scratchpadBlocks(scratchpad));
            d.add(SegmentKind.OUTPUT, output == null ? null : output.strip());
        } else if (output != null) {
            TagParser.Parsed p = TagParser.parse(output);
            d.addScratchpads(p.scratchpads());
            p.other().forEach(o -> d.add(SegmentKind.OTHER, o));
            d.add(SegmentKind.OUTPUT, p.output());
        }
        if (d.isEmpty()) {
            throw row.error(null, "no transcript text: columns " + mapping.userInput() + ", " + mapping.scratchpad()
                    + " and " + mapping.output() + " are all empty");
        }
        String condition = TranscriptDraft.conditionOf(row.text(mapping.condition()));
        if (condition == null) {
            condition = TranscriptDraft.tierOf(userInput);
        }
        String id = d.id(row.text(mapping.id()));
        Transcript t = d.build(id, source.name() + "#" + row.index(), InputFormat.GENERIC, row.text(mapping.model()),
                condition, row.text(mapping.setting()), now, row.rest(mapping.mapped()));
        return ImportRecord.of(row.index(), row.line(), t, d, List.of(), List.of());
    }
}
