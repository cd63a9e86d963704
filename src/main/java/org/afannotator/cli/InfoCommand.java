package org.afannotator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.afannotator.app.ProjectInfoService;
import org.afannotator.app.ProjectSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Print what a project holds (counts, classifiers, schema version).",
                "Prints transcripts, raters, annotations, spans, predictions,",
                "classifier names and the schema version. The project must exist; it is not changed.",
                "With --format json: {\"transcripts\": N, \"raters\": N, \"annotations\": N, \"spans\": N,",
                "\"predictions\": N, \"classifiers\": [\"...\"], \"schema_version\": N}"})
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "P", description = "project file (*.afproj)")
    Path project;

    @Option(names = "--format", defaultValue = "text", paramLabel = "F", converter = FormatChoice.TextJson.class,
            completionCandidates = FormatChoice.TextJson.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        ProjectSummary s = new ProjectInfoService().summarise(project);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectNode o = JsonOut.object();
            o.put("transcripts", s.transcripts());
            o.put("raters", s.raters());
            o.put("annotations", s.annotations());
            o.put("spans", s.spans());
            o.put("predictions", s.predictions());
            ArrayNode cls = o.putArray("classifiers");
            s.classifiers().forEach(cls::add);
            o.put("schema_version", s.schemaVersion());
            out.println(JsonOut.write(o));
        } else {
            out.printf("project:        %s%n", project);
            out.printf("schema version: %d%n", s.schemaVersion());
            out.printf("transcripts:    %d%n", s.transcripts());
            out.printf("raters:         %d%n", s.raters());
            out.printf("annotations:    %d%n", s.annotations());
            out.printf("spans:          %d%n", s.spans());
            out.printf("predictions:    %d%n", s.predictions());
            out.printf("classifiers:    %s%n", s.classifiers().isEmpty() ? "(none)" : String.join(", ", s.classifiers()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
