package org.afannotator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.afannotator.app.AgreementOptions;
import org.afannotator.app.AgreementService;
import org.afannotator.app.RatingsCsv;
import org.afannotator.app.ProjectAgreement;
import org.afannotator.report.AgreementFiles;
import org.afannotator.report.AgreementJson;
import org.afannotator.report.AgreementTable;
import org.afannotator.stats.Bootstrap;
import org.afannotator.stats.CodingReport;
import org.afannotator.stats.Level;
import org.afannotator.stats.SpanAgreement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "agreement", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Inter-rater agreement of a ratings CSV, a spans CSV, or a project.",
            "",
            "Definitions (the other coefficients are nominal; alpha is at --level):",
            "  percent agreement  pairwise: over items with >= 2 ratings, the mean share of agreeing",
            "                     rater pairs, sum_c n_c(n_c - 1) / (m(m - 1)).",
            "  Krippendorff alpha coincidence-matrix form, 1 - D_o/D_e over pairable values, missing",
            "                     ratings allowed; squared distance delta^2 of values c < k: nominal 1 (0 when",
            "                     equal); ordinal (n_c/2 + n_(c+1) + ... + n_(k-1) + n_k/2)^2, n_g the count of",
            "                     pairable values g; interval (c - k)^2; ratio ((c - k)/(c + k))^2.",
            "  Fleiss' kappa      Fleiss (1971), overall and per category; only for complete data",
            "                     (every item rated by the same number of raters), else undefined.",
            "  Cohen's kappa      Cohen (1960) for each rater pair over the items both rated (each",
            "                     rater's own marginals); 'mean' is the unweighted mean over the pairs",
            "                     where kappa is defined.",
            "  Scott's pi         pooled marginals over the items both raters rated; only with exactly two",
            "                     raters.",
            "  Gwet's AC1         multi-rater form with missing data (Gwet 2008/2014): p_a over items",
            "                     with >= 2 ratings, pi_k over items with >= 1, p_e = sum pi(1-pi)/(q-1),",
            "                     q = categories seen in the data (or declared by the project's scheme).",
            "  bootstrap 95%% CI   percentile interval (type 7) of --bootstrap resamples of the items",
            "                     drawn with replacement, seeded by --seed (items sorted by id first, so",
            "                     the order of the input does not matter); for percent agreement, alpha,",
            "                     Fleiss' kappa (overall), the mean pairwise Cohen's kappa and AC1.",
            "                     Resamples where a coefficient is undefined are left out of its interval.",
            "  unitizing alpha    Krippendorff's u-alpha (1995; 2004 sec. 12.4) per tag, and overall as",
            "                     1 - sum_tags D_o / sum_tags D_e, on the items laid end to end (offsets",
            "                     in the spans file's units; a project uses UTF-16 offsets on each",
            "                     transcript's segments joined in ordinal order with no separator).",
            "  span F1            per rater pair on the items both read: exact = same item, tag, start",
            "                     and end; overlap = same item and tag and >= 1 shared offset.",
            "An undefined coefficient is {\"value\": null, \"reason\": \"...\"}; every coefficient",
            "states n, the items it used: those with >= 2 ratings (AC1's pi_k also counts the items",
            "with one rating, as defined above).",
            "",
            "--ratings: CSV with header item,rater,label, one rating a row; an empty label or a missing",
            "row is a missing rating; for ordinal/interval/ratio the labels are numbers (ratio: >= 0). Labels are",
            "compared as written (case too); a note on stderr names labels that import and compare read",
            "as one (1/yes/true/Faking as faking, 0/no/false as not_faking).",
            "--spans + --lengths: CSVs item,rater,tag,start,end (end exclusive) and item,length; every",
            "rater in the spans file is taken to have read every item.",
            "--project: labels, criteria and spans of annotations that are DONE with a label; a criterion",
            "counts only the raters who ticked some criterion somewhere in the project (a rater who never",
            "did, such as an imported label set, gave no criteria ratings); adjudications change nothing",
            "here: agreement is of the raters' own labels, EXCLUDED transcripts included;",
            "--out DIR writes " + AgreementFiles.SUMMARY_JSON + ", " + AgreementFiles.SUMMARY_CSV + " and "
                    + AgreementFiles.ITEMS_CSV + "."})
public final class AgreementCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ratings", paramLabel = "FILE.csv", description = "ratings CSV: item,rater,label")
    Path ratings;

    @Option(names = "--spans", paramLabel = "FILE.csv", description = "spans CSV: item,rater,tag,start,end")
    Path spans;

    @Option(names = "--lengths", paramLabel = "FILE.csv", description = "continuum lengths CSV: item,length")
    Path lengths;

    @Option(names = "--project", paramLabel = "P", description = "project file (*.afproj)")
    Path project;

    @Option(names = "--level", defaultValue = "nominal", paramLabel = "L",
            description = "alpha's level: nominal, ordinal, interval or ratio (default: ${DEFAULT-VALUE})")
    String level;

    @Option(names = "--bootstrap", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES, paramLabel = "N",
            description = "bootstrap resamples for the 95%% intervals; 0 for none (default: ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "" + AgreementOptions.DEFAULT_SEED, paramLabel = "S",
            description = "bootstrap seed, recorded in the output (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "text", paramLabel = "F", converter = FormatChoice.TextJsonCsv.class,
            completionCandidates = FormatChoice.TextJsonCsv.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "with --project: also write the three export files here")
    Path out;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        int sources = (ratings != null ? 1 : 0) + (spans != null || lengths != null ? 1 : 0) + (project != null ? 1 : 0);
        if (sources != 1) {
            throw new CommandLine.ParameterException(cl, "give exactly one of --ratings, --spans with --lengths, or --project");
        }
        if ((spans == null) != (lengths == null)) {
            throw new CommandLine.ParameterException(cl, "--spans and --lengths go together");
        }
        if (out != null && project == null) {
            throw new CommandLine.ParameterException(cl, "--out works with --project");
        }
        if (bootstrap < 0) {
            throw new CommandLine.ParameterException(cl, "--bootstrap must be >= 0");
        }
        Level lvl;
        try {
            lvl = Level.parse(level);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--level must be nominal, ordinal, interval or ratio, not '"
                    + level + "'");
        }
        AgreementOptions options = new AgreementOptions(lvl, bootstrap, seed);
        AgreementService service = new AgreementService();
        PrintWriter w = cl.getOut();
        if (ratings != null) {
            CodingReport r = service.ratings(ratings, options);
            print(w, AgreementJson.coding(r, seed, bootstrap), AgreementTable.coding("ratings", r));
            if (lvl == Level.NOMINAL) {
                RatingsCsv.spellingsOfOneLabel(ratings).forEach((code, spellings) -> cl.getErr().println(
                        "af-annotator: note: labels " + String.join(", ", spellings.stream().map(x -> "'" + x + "'").toList())
                                + " are different categories here; import (and compare) read them all as '" + code + "'"));
                cl.getErr().flush();
            }
        } else if (spans != null) {
            SpanAgreement s = service.spans(spans, lengths);
            print(w, AgreementJson.spans(s), AgreementTable.spans("spans", s));
        } else {
            ProjectAgreement p = service.project(project, options);
            print(w, AgreementFiles.projectJson(p.transcripts(), p.labels(), p.criteria(), p.spans(), seed, bootstrap),
                    AgreementFiles.projectRows(p.labels(), p.criteria(), p.spans()));
            if (out != null) {
                List<Path> written = service.export(p, options, out);
                if (format == OutputFormat.text) {
                    written.forEach(f -> w.println("wrote " + f));
                }
            }
        }
        w.flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter w, Object json, List<AgreementTable.Row> rows) {
        switch (format) {
            case json -> w.println(JsonOut.write(json));
            case csv -> w.print(AgreementFiles.summaryCsv(rows));
            default -> w.print(AgreementTable.text(rows));
        }
    }
}
