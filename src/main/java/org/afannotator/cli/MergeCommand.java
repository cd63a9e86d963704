package org.afannotator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.afannotator.app.BundleService;
import org.afannotator.app.MergeOutcome;
import org.afannotator.app.MergeReport;
import org.afannotator.app.ProjectSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Bring a rater's work back from bundles made by 'bundle'.",
                "Per transcript: work new to the project is added (added); work identical to the project's",
                "is skipped (identical); work changed only in the bundle since the last merge replaces the",
                "project's (updated); work changed only in the project stays (project_newer); work changed",
                "on both sides is NOT written and is listed under conflicts; work that does not fit the",
                "project (unknown label, changed transcript text) is listed under rejected.",
                "A file that is not a bundle of this project refuses the whole merge (exit 1, nothing written).",
                "Exit 4 when any unit was left out (conflicts or rejected, not empty): everything else is written",
                "and the JSON is printed in full, but a person has to look. Exit 0 when nothing was left out.",
                "Prints {\"bundles\": [{\"file\", \"rater\", \"added\", \"updated\", \"identical\", \"project_newer\",",
                "\"conflicts\": [{\"transcript_id\", \"rater\", \"detail\"}], \"rejected\": [...], \"ignored_raters\": []}]}."})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "P", description = "project file (*.afproj)")
    Path project;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "bundle files")
    List<Path> files;

    @Override
    public Integer call() {
        List<BundleService.BundleMerge> merges;
        try (ProjectSession session = ProjectSession.open(project)) {
            merges = new BundleService(session.store(), Clock.systemUTC()).merge(files);
        }
        ObjectNode o = JsonOut.object();
        ArrayNode arr = o.putArray("bundles");
        int conflicts = 0;
        int rejected = 0;
        for (BundleService.BundleMerge m : merges) {
            ObjectNode b = arr.addObject().put("file", m.file().toString()).put("rater", m.rater());
            for (MergeOutcome out : List.of(MergeOutcome.ADDED, MergeOutcome.UPDATED, MergeOutcome.IDENTICAL,
                    MergeOutcome.PROJECT_NEWER)) {
                b.put(out.name().toLowerCase(Locale.ROOT), m.report().count(out));
            }
            units(b.putArray("conflicts"), m.report().of(MergeOutcome.CONFLICT));
            units(b.putArray("rejected"), m.report().of(MergeOutcome.REJECTED));
            ArrayNode ignored = b.putArray("ignored_raters");
            m.ignoredRaters().forEach(ignored::add);
            conflicts += m.report().count(MergeOutcome.CONFLICT);
            rejected += m.report().count(MergeOutcome.REJECTED);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(JsonOut.write(o));
        w.flush();
        if (conflicts == 0 && rejected == 0) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (conflicts > 0) {
            err.println("af-annotator: " + conflicts + " conflicting annotation(s) not merged; see \"conflicts\"");
        }
        if (rejected > 0) {
            err.println("af-annotator: " + rejected + " annotation(s) rejected as not fitting the project; see \"rejected\"");
        }
        err.flush();
        return ExitCodes.WORK_LEFT_OUT;
    }

    private static void units(ArrayNode arr, List<MergeReport.Unit> units) {
        for (MergeReport.Unit u : units) {
            arr.addObject().put("transcript_id", u.transcriptId()).put("rater", u.rater()).put("detail", u.detail());
        }
    }
}
