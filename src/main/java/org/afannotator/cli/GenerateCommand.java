package org.afannotator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.afannotator.app.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic corpus in a released format, with ratings and predictions.",
                "redwood: DIR/json_outputs/<run>/<train|deploy>/<n>.json (Greenblatt et al. 2024),",
                "  item id = the importer's content id sha-...; osaf: DIR/results/*.json, JSON arrays of 1000",
                "  open-source-alignment-faking records (Hughes et al. 2025), item id = osaf-n.",
                "Also DIR/ratings.csv (item,rater,label; about 5%% of ratings missing) and",
                "DIR/predictions.csv (item,classifier,label,score; classifiers gpt4o_votes20 with",
                "score = yes-vote fraction of 20, and claude35_scheme).",
                "Scratchpads are 2-20 KB in 2-5 blocks, one transcript in 200 has a 100 KB one;",
                "text mixes several scripts and emoji. The same arguments give the same bytes.",
                "Prints {\"out\", \"format\", \"transcripts\", \"raters\", \"ratings\", \"predictions\",",
                "\"faking\", \"bytes\"} as JSON; faking = transcripts whose hidden true label is faking."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into (created)")
    Path out;

    @Option(names = "--transcripts", required = true, paramLabel = "N", description = "number of transcripts")
    int transcripts;

    @Option(names = "--raters", defaultValue = "3", paramLabel = "R",
            description = "raters in ratings.csv, 0..99 (default: ${DEFAULT-VALUE})")
    int raters;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "redwood", paramLabel = "F",
            description = "redwood or osaf (default: ${DEFAULT-VALUE})")
    String format;

    @picocli.CommandLine.Mixin
    ProgressOption progress = new ProgressOption();

    /** "generate 37%: 37,000/100,000 transcripts, 14 s, about 24 s left". */
    static String progressText(int done, int total, long elapsedNanos) {
        double f = total == 0 ? 1 : (double) done / total;
        return String.format(java.util.Locale.ROOT, "generate %d%%: %,d/%,d transcripts, %s",
                (int) Math.floor(100 * f), done, total, ProgressLine.timing(elapsedNanos, f));
    }

    @Override
    public Integer call() {
        CorpusGenerator.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "redwood" -> CorpusGenerator.Format.REDWOOD;
            case "osaf" -> CorpusGenerator.Format.OSAF;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format must be redwood or osaf, not '" + format + "'");
        };
        if (transcripts < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--transcripts must be >= 0");
        }
        if (raters < 0 || raters > 99) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--raters must be 0..99");
        }
        CorpusGenerator.Result r;
        try (ProgressLine line = progress.open(spec.commandLine().getErr())) {
            r = new CorpusGenerator(seed).generate(out, transcripts, raters, f, line == null ? n -> { }
                    : n -> line.update(progressText(n, transcripts, line.elapsedNanos())));
        }
        ObjectNode o = JsonOut.object();
        o.put("out", r.out().toString());
        o.put("format", format.toLowerCase(java.util.Locale.ROOT));
        o.put("transcripts", r.transcripts());
        o.put("raters", r.raters());
        o.put("ratings", r.ratings());
        o.put("predictions", r.predictions());
        o.put("faking", r.faking());
        o.put("bytes", r.bytes());
        PrintWriter pw = spec.commandLine().getOut();
        pw.println(JsonOut.write(o));
        pw.flush();
        return ExitCodes.OK;
    }
}
