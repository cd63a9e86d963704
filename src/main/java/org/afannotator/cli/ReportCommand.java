package org.afannotator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.ReportService;
import org.afannotator.app.WorkProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML report of a project (one file, no scripts, nothing loaded",
                "from the network): project summary, raters and progress, agreement with 95%% intervals and",
                "the n behind each number, pairwise heatmap, per-label and per-criterion tables, span",
                "agreement, each classifier against the raters (metrics, ROC curve, confusion matrix), and",
                "the transcripts raters disagree on with excerpts. Charts are inline SVG. All transcript",
                "text is escaped. Replaces FILE. Prints {\"file\": \"...\"}."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "P", description = "project file (*.afproj)")
    Path project;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "HTML file to write")
    Path out;

    @Override
    public Integer call() {
        try (ProjectSession session = ProjectSession.openToRead(project)) {
            new ReportService(session.store(), Clock.systemUTC()).write(out, WorkProgress.NONE);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(JsonOut.write(JsonOut.object().put("file", out.toString())));
        w.flush();
        return ExitCodes.OK;
    }
}
