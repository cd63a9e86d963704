package org.afannotator.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.app.audit.AuditReport;
import org.afannotator.app.audit.ComparisonCsv;
import org.afannotator.app.audit.ComparisonJson;
import org.afannotator.app.audit.Disagreement;
import org.afannotator.app.audit.DisagreementCsv;
import org.afannotator.domain.Adjudication;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.WriteFailure;
import org.afannotator.report.AnnotationLine;
import org.afannotator.report.AnnotationLines;
import org.afannotator.report.AnnotationsJsonl;
import org.afannotator.report.GoldLabelsExport;
import org.afannotator.report.TranscriptsJsonl;
import org.afannotator.stats.classifier.AuditOptions;
import org.afannotator.store.ProjectStore;

/**
 * Writes a project's data into a folder for other tools: {@code transcripts.jsonl},
 * {@code annotations.jsonl} (span offsets in Unicode code points), {@code gold_labels.jsonl},
 * {@code gold_labels.csv}, the agreement tables ({@link AgreementService#export}) and the
 * classifier audit tables ({@code classifier-comparison.csv/.json}, {@code classifier-disagreements.csv}).
 * Existing files of those names are replaced. A table that cannot be computed (no finished
 * annotations, no classifier) is left out and named in {@link Export#skipped()}.
 */
public final class ExportService {
    public static final String TRANSCRIPTS = "transcripts.jsonl";
    public static final String ANNOTATIONS = "annotations.jsonl";
    public static final String GOLD_JSONL = "gold_labels.jsonl";
    public static final String GOLD_CSV = "gold_labels.csv";

    public static final String COMPARISON_CSV = "classifier-comparison.csv";
    public static final String COMPARISON_JSON = "classifier-comparison.json";
    public static final String DISAGREEMENTS_CSV = "classifier-disagreements.csv";

    /** One written file and how many records it holds (-1: a table file, see its own format). */
    public record ExportedFile(Path path, int records) {
    }

    /** What an export wrote, and which tables it left out and why. */
    public record Export(List<ExportedFile> files, List<String> skipped) {
        public Export {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /** Exports an open session's project (the UI's entry point). */
    public Export export(ProjectSession session, Path dir, WorkProgress progress) {
        return export(session.store(), dir, progress);
    }

    public Export export(ProjectStore store, Path dir, WorkProgress progress) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw WriteFailure.of(dir, "cannot create folder", e);
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir.toString(), "not a folder");
        }
        List<ExportedFile> out = new ArrayList<>();
        int total = store.transcripts().count();
        progress.update(0, total + 4, "transcripts");
        Path transcripts = dir.resolve(TRANSCRIPTS);
        int n = 0;
        try (Writer w = Files.newBufferedWriter(transcripts, StandardCharsets.UTF_8)) {
            for (int offset = 0; offset < total; offset += 500) {
                for (String id : store.transcripts().ids(offset, 500)) {
                    TranscriptsJsonl.write(store.transcripts().get(id).orElseThrow(), w);
                    n++;
                }
                progress.update(n, total + 4, "transcripts");
            }
        } catch (IOException e) {
            throw WriteFailure.of(transcripts, "cannot write", e);
        }
        out.add(new ExportedFile(transcripts, n));

        List<AnnotationLine> lines = AnnotationLines.fromStore(store);
        Path annotations = dir.resolve(ANNOTATIONS);
        AnnotationsJsonl.writeAll(lines, annotations);
        out.add(new ExportedFile(annotations, lines.size()));
        progress.update(total + 1, total + 4, "annotations");

        List<Adjudication> gold = store.adjudications().all();
        GoldLabelsExport.writeJsonl(gold, dir.resolve(GOLD_JSONL));
        GoldLabelsExport.writeCsv(gold, dir.resolve(GOLD_CSV));
        out.add(new ExportedFile(dir.resolve(GOLD_JSONL), gold.size()));
        out.add(new ExportedFile(dir.resolve(GOLD_CSV), gold.size()));
        progress.update(total + 2, total + 4, "agreement");

        // A table that cannot be computed is left out and named; one that cannot be written fails the export.
        List<String> skipped = new ArrayList<>();
        AgreementOptions options = AgreementOptions.defaults();
        AgreementService agreement = new AgreementService();
        ProjectAgreement computed = null;
        try {
            computed = agreement.project(store, options);
        } catch (RuntimeException e) {
            skipped.add("agreement tables: " + e.getMessage());
        }
        if (computed != null) {
            for (Path p : agreement.export(computed, options, dir)) {
                out.add(new ExportedFile(p, -1));
            }
        }
        progress.update(total + 3, total + 4, "classifiers");
        ProjectSession session = ProjectSession.of(store);
        AuditService audit = new AuditService();
        if (audit.classifiers(session).isEmpty()) {
            skipped.add("classifier tables: the project holds no classifier predictions");
        } else {
            AuditReport report = null;
            List<Disagreement> all = new ArrayList<>();
            String csv = null;
            String json = null;
            String disagreements = null;
            try {
                report = audit.compare(session, null, AuditOptions.defaults(audit.defaultPositive(session)));
                for (var a : report.classifiers()) {
                    all.addAll(report.disagreements(a));
                }
                csv = ComparisonCsv.write(report);
                json = ComparisonJson.write(report, true);
                disagreements = DisagreementCsv.write(all);
            } catch (RuntimeException e) {
                skipped.add("classifier tables: " + e.getMessage());
            }
            if (report != null) {
                write(dir.resolve(COMPARISON_CSV), csv);
                write(dir.resolve(COMPARISON_JSON), json);
                write(dir.resolve(DISAGREEMENTS_CSV), disagreements);
                out.add(new ExportedFile(dir.resolve(COMPARISON_CSV), report.classifiers().size()));
                out.add(new ExportedFile(dir.resolve(COMPARISON_JSON), report.classifiers().size()));
                out.add(new ExportedFile(dir.resolve(DISAGREEMENTS_CSV), all.size()));
            }
        }
        progress.update(total + 4, total + 4, "done");
        return new Export(out, skipped);
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw WriteFailure.of(file, "cannot write", e);
        }
    }
}
