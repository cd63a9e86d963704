package org.afannotator.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.domain.Adjudication;
import org.afannotator.domain.WriteFailure;

/**
 * Gold labels as JSONL ({@code {"transcript_id", "label", "basis", "adjudicator", "rationale",
 * "decided_at"}}, label null when excluded) and as CSV with the same columns.
 */
public final class GoldLabelsExport {
    public static final List<String> COLUMNS =
            List.of("transcript_id", "label", "basis", "adjudicator", "rationale", "decided_at");

    private GoldLabelsExport() {
    }

    public static void writeJsonl(List<Adjudication> gold, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Adjudication a : gold) {
                ObjectNode o = AnnotationsJsonl.MAPPER.createObjectNode();
                o.put("transcript_id", a.transcriptId());
                o.put("label", a.label());
                o.put("basis", a.basis().name());
                o.put("adjudicator", a.adjudicator());
                o.put("rationale", a.rationale());
                o.put("decided_at", a.decidedAt().toString());
                w.write(AnnotationsJsonl.MAPPER.writeValueAsString(o));
                w.write('\n');
            }
        } catch (IOException e) {
            throw WriteFailure.of(file, "cannot write", e);
        }
    }

    public static void writeCsv(List<Adjudication> gold, Path file) {
        List<List<Object>> rows = new ArrayList<>();
        for (Adjudication a : gold) {
            rows.add(java.util.Arrays.asList(a.transcriptId(), a.label(), a.basis().name(), a.adjudicator(),
                    a.rationale(), a.decidedAt().toString()));
        }
        CsvTable.write(file, COLUMNS, rows);
    }
}
