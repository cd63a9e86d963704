package org.afannotator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.afannotator.app.BundleService;
import org.afannotator.app.ProjectSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Write a blinded project file for one rater to work on elsewhere.",
                "The bundle holds only the rater's assigned transcripts, in their queue order, and the",
                "rater's own work so far: no other rater, no classifier output, no gold labels; source,",
                "format, model, condition, setting and metadata removed; free/paid tier tag values masked",
                "in the text. It carries the project's id; bring the work back with 'merge'.",
                "Refuses an existing FILE. Prints {\"file\", \"rater\", \"transcripts\", \"annotations\", \"spans\"}."})
public final class BundleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "P", description = "project file (*.afproj)")
    Path project;

    @Option(names = "--rater", required = true, paramLabel = "NAME", description = "the rater the bundle is for")
    String rater;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "bundle file to write (*.afproj)")
    Path out;

    @Override
    public Integer call() {
        BundleService.BundleSummary s;
        try (ProjectSession session = ProjectSession.open(project)) {
            s = new BundleService(session.store(), Clock.systemUTC()).createBundle(rater, out);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(JsonOut.write(JsonOut.object().put("file", s.file().toString()).put("rater", s.rater())
                .put("transcripts", s.transcripts()).put("annotations", s.annotations()).put("spans", s.spans())));
        w.flush();
        return ExitCodes.OK;
    }
}
