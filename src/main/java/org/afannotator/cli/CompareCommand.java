package org.afannotator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.afannotator.app.AuditService;
import org.afannotator.app.audit.AuditReport;
import org.afannotator.app.audit.ClassifierAudit;
import org.afannotator.app.audit.ComparisonCsv;
import org.afannotator.app.audit.ComparisonJson;
import org.afannotator.app.audit.Disagreement;
import org.afannotator.app.audit.DisagreementCsv;
import org.afannotator.domain.WriteFailure;
import org.afannotator.domain.LabelScheme;
import org.afannotator.ingest.ClassifierQuestions;
import org.afannotator.stats.classifier.AuditOptions;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audit classifiers against the human raters.",
                "",
                "Input: --ratings RATINGS.csv (header item,rater,label; an empty label is a missing rating) with",
                "--predictions PRED.csv (header item,classifier,label,score; label or score may be empty, not both;",
                "labels in both read as import reads them: 1/yes/true/Faking = faking, 0/no/false = not_faking),",
                "or --project P (DONE annotations; adjudicated gold labels; EXCLUDED adjudications left out).",
                "",
                "Definitions:",
                "  reference     per item the gold label, else the plurality of the raters' labels; items whose",
                "                top labels tie are left out (ties_excluded).",
                "  classifiers   (project) every classifier, except the released fields that answer another",
                "                question than alignment faking and gave no label (e.g. training_awareness, pm_score,",
                "                strong_reject): they are listed in not_audited; --classifier NAME compares one",
                "                anyway.",
                "  verdict       the classifier's label when it gave one, else positive when score >= --threshold.",
                "                A score is read as evidence for --positive. The scores of the classifiers",
                "                compared by default (faking verdict fields, predictions.csv) measure faking: with",
                "                another --positive they are read backwards (AUROC = 1 - AUROC for faking), so",
                "                give that label's own scores, or keep --positive faking (a note on stderr says so).",
                "  metrics       confusion matrix of verdict vs reference; accuracy, precision, recall, specificity,",
                "                F1 = 2tp/(2tp+fp+fn), MCC, Cohen's (1960) kappa vs the reference.",
                "  auroc         Mann-Whitney U / (P x N) over items with a score (tied scores count 1/2); ci95 is",
                "                the 2.5/97.5 percentile of --bootstrap item resamples (seeded with --seed);",
                "                resamples holding one class only are skipped (usable_resamples).",
                "  humans        labels reduced to positive / not positive, over the items the classifier labelled:",
                "                kappa_with_humans = Cohen's kappa of the classifier with each human (mean, min, max",
                "                of the defined pairs); human_pairwise_kappa = the same over human pairs;",
                "                alpha_humans(_with_classifier) = Krippendorff's alpha, nominal level.",
                "  within_human_range = mean(kappa_with_humans) >= min(human_pairwise_kappa); null when either",
                "                side is undefined (e.g. one human rater).",
                "  criteria      (project) per criterion: classifier yes when its value >= 0.5, humans yes when more",
                "                than half of the labelling raters ticked it (an exact half is a tie, left out);",
                "                raters who never ticked any criterion in the project are not counted.",
                "  evidence      (project) each quote located verbatim, else ignoring whitespace, else also case;",
                "                overlap = share of quoted characters inside any rater's span; undefined (null with",
                "                a reason) when no rater marked any span in the project.",
                "",
                "Output (--format json): {\"positive\", \"reference_items\", \"ties_excluded\", \"classifiers\": [{\"name\",",
                "\"n\", \"threshold\", \"confusion\": {\"tp\",\"fp\",\"tn\",\"fn\"}, \"accuracy\", \"precision\", \"recall\",",
                "\"specificity\", \"f1\", \"mcc\", \"cohen_kappa\", \"auroc\": {\"value\", \"ci95\": [lo, hi]},",
                "\"kappa_with_humans\": {\"mean\",\"min\",\"max\"}, \"human_pairwise_kappa\": {\"mean\",\"min\",\"max\"},",
                "\"within_human_range\", \"alpha_humans\", \"alpha_humans_with_classifier\", \"roc\": [{threshold, fpr, tpr}],",
                "\"across_thresholds\": [{threshold, tp, fp, tn, fn, precision, recall, f1, cohen_kappa}]}],",
                "\"not_audited\": [{\"name\", \"reason\"}]}.",
                "An undefined number is null with its reason beside it: \"precision\": null, \"precision_reason\": \"...\";",
                "in an object, a \"reason\" member. --format csv: one row per classifier, empty cells for undefined",
                "numbers; the notes column names every empty cell with its reason (\"auroc_ci_low, auroc_ci_high: ...\")."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        CsvInputs files;

        @Option(names = "--project", paramLabel = "P", description = "project file (*.afproj); not changed")
        Path project;
    }

    static final class CsvInputs {
        @Option(names = "--ratings", required = true, paramLabel = "RATINGS.csv", description = "human ratings: item,rater,label")
        Path ratings;

        @Option(names = "--predictions", required = true, paramLabel = "PRED.csv",
                description = "classifier predictions: item,classifier,label,score")
        Path predictions;
    }

    @Option(names = "--classifier", paramLabel = "NAME", description = "compare only this classifier (default: all)")
    String classifier;

    @Option(names = "--positive", paramLabel = "LABEL",
            description = "the positive label (default: faking; on a project without it, the scheme's first label)")
    String positive;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
            description = "a score-only prediction is positive when score >= T (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "bootstrap resamples for the AUROC interval; 0 for none (default: ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "bootstrap seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "json", paramLabel = "F", converter = FormatChoice.JsonCsv.class,
            completionCandidates = FormatChoice.JsonCsv.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--disagreements", paramLabel = "FILE",
            description = "also write the disagreement list (CSV, surest first) to FILE")
    Path disagreements;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (bootstrap < 0) {
            throw new CommandLine.ParameterException(cl, "--bootstrap must be >= 0");
        }
        if (!Double.isFinite(threshold)) {
            throw new CommandLine.ParameterException(cl, "--threshold must be a finite number");
        }
        AuditService service = new AuditService();
        AuditReport report;
        if (source.project != null) {
            report = service.compareProject(source.project, classifier, positive, threshold, bootstrap, seed);
        } else {
            String pos = positive == null ? LabelScheme.FAKING : positive;
            report = service.compareFiles(source.files.ratings, source.files.predictions, classifier,
                    new AuditOptions(pos, threshold, bootstrap, seed));
        }
        if (classifier != null && source.project != null && ClassifierQuestions.answersAnotherQuestion(classifier)) {
            cl.getErr().println("af-annotator: note: " + classifier + " answers another question than alignment faking;"
                    + " its scores are compared with the faking labels because it was named");
            cl.getErr().flush();
        }
        if (positive != null && !LabelScheme.FAKING.equals(report.options().positive())
                && report.classifiers().stream().anyMatch(a -> a.comparison().scored() > 0)) {
            cl.getErr().println("af-annotator: note: scores are read as evidence for '" + report.options().positive()
                    + "' (score >= threshold counts as it; AUROC ranks by score); scores that measure faking are"
                    + " read backwards with this --positive");
            cl.getErr().flush();
        }
        if (format == OutputFormat.csv && !report.notAudited().isEmpty()) {
            cl.getErr().println("af-annotator: note: not audited (they answer another question than alignment faking; the"
                    + " JSON lists them as not_audited): " + String.join(", ", report.notAudited()));
            cl.getErr().flush();
        }
        if (disagreements != null) {
            List<Disagreement> rows = new ArrayList<>();
            for (ClassifierAudit a : report.classifiers()) {
                rows.addAll(report.disagreements(a));
            }
            try {
                Files.writeString(disagreements, DisagreementCsv.write(rows), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw WriteFailure.of(disagreements, "cannot write", e);
            }
        }
        PrintWriter out = cl.getOut();
        if (format == OutputFormat.csv) {
            out.print(ComparisonCsv.write(report));
        } else {
            out.println(ComparisonJson.write(report, false));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
