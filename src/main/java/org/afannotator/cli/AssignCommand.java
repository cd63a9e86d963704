package org.afannotator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.RaterWorkService;
import org.afannotator.domain.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Give each transcript to k raters and rebuild every rater's queue.",
                "The named raters are created if new. Transcripts, in a seeded shuffle, are dealt",
                "round-robin so each rater gets about N*k/R; each queue is then shuffled per rater",
                "(seed: the project's queue seed and the rater's name). Labels already made stay.",
                "Only raters (role RATER) get a queue: naming an adjudicator, a researcher or an",
                "imported label set (e.g. the one a human-labels import creates) is refused with",
                "exit 1 and the project is left unchanged."})
public final class AssignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "P", description = "project file (*.afproj)")
    Path project;

    @Option(names = "--raters", split = ",", paramLabel = "NAME", description = "raters to add first (comma-separated; new names become raters)")
    List<String> raters = List.of();

    @Option(names = "-k", defaultValue = "2", paramLabel = "K", description = "raters per transcript (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--format", defaultValue = "text", paramLabel = "F", converter = FormatChoice.TextJson.class,
            completionCandidates = FormatChoice.TextJson.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        try (ProjectSession session = ProjectSession.open(project)) {
            RaterWorkService work = session.raterWork();
            Map<String, List<String>> queues = work.assign(raters, k);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                ObjectNode o = JsonOut.object();
                o.put("k", k);
                ObjectNode q = o.putObject("queue_sizes");
                queues.forEach((name, ids) -> q.put(name, ids.size()));
                out.println(JsonOut.write(o));
            } else {
                queues.forEach((name, ids) -> out.printf("%-20s %d transcripts%n", name, ids.size()));
            }
            out.flush();
        } catch (BadInputException e) {
            if (e.file() != null) {
                throw e;
            }
            throw new BadInputException(project.toString(), e.record(), e.field(), e.reason(), e);
        }
        return ExitCodes.OK;
    }
}
