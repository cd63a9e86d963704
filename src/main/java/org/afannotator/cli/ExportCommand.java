package org.afannotator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.afannotator.app.ExportService;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.WorkProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a project's data into a folder, for other tools.",
                "transcripts.jsonl: one transcript per line with its segments (ordinal, kind, text).",
                "annotations.jsonl: one line per (transcript, rater): label, confidence, criteria, note,",
                "  status, time_spent_ms, and spans with start/end as Unicode CODE POINT offsets",
                "  (end exclusive) into the text of the named segment, plus the quoted text, so that",
                "  text[start:end] == quote in Python.",
                "gold_labels.jsonl and gold_labels.csv: transcript_id, label, basis, adjudicator,",
                "  rationale, decided_at. CSV text cells starting with = + - @ tab or CR get a leading '.",
                "agreement-summary.json, agreement-summary.csv, agreement-items.csv: as 'agreement --project'.",
                "classifier-comparison.csv/.json and classifier-disagreements.csv: as 'compare --project'.",
                "Files of those names in the folder are replaced. Prints {\"files\": [{\"path\": \"...\",",
                "\"records\": N}], \"skipped\": [\"table: reason\"]} (records only for JSONL and gold label files)."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "P", description = "project file (*.afproj)")
    Path project;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into (created if missing)")
    Path out;

    @Override
    public Integer call() {
        ExportService.Export export;
        try (ProjectSession session = ProjectSession.openToRead(project)) {
            export = new ExportService().export(session.store(), out, WorkProgress.NONE);
        }
        ObjectNode o = JsonOut.object();
        ArrayNode arr = o.putArray("files");
        for (ExportService.ExportedFile f : export.files()) {
            ObjectNode file = arr.addObject().put("path", f.path().toString());
            if (f.records() >= 0) {
                file.put("records", f.records());
            }
        }
        ArrayNode skipped = o.putArray("skipped");
        export.skipped().forEach(skipped::add);
        PrintWriter w = spec.commandLine().getOut();
        w.println(JsonOut.write(o));
        w.flush();
        return ExitCodes.OK;
    }
}
