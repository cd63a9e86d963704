package org.afannotator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.afannotator.app.ImportService;
import org.afannotator.ingest.CancelToken;
import org.afannotator.ingest.ColumnMapping;
import org.afannotator.ingest.ImportOptions;
import org.afannotator.ingest.ImportProgress;
import org.afannotator.ingest.ImportResult;
import org.afannotator.ingest.InputFormat;
import org.afannotator.ingest.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import transcripts, classifier predictions and ratings into a project.",
                "Inputs are files, folders (every file below, e.g. a json_outputs tree) or zip archives (read",
                "without extracting; found by content, except that a file named .json, .jsonl or .csv is",
                "always data). Each file's format is detected from its content: redwood-json",
                "(json_outputs), osaf-results (open-source-alignment-faking), human-labels (0/1",
                "alignment_faking_human_label; imported as an EXTERNAL rater named after the file), generic",
                "(JSON/JSONL/CSV through --map), predictions (item,classifier,label,score), ratings",
                "(item,rater,label). Files that add transcripts go in first, then predictions and ratings",
                "(which refer to them), whatever their names; otherwise in the order given, folders and",
                "archives by path. In folders and archives a file of no known format (a README) is left out",
                "and listed under skipped (record null). Each file is imported whole or not at all; a",
                "refused file stops the import (files before it stay) and exits 1. Records already in the",
                "project are counted as duplicates and add nothing.",
                "A rating that differs from a rater's labelled annotation of that",
                "transcript (finished or draft), or a prediction that differs from that classifier's one, is",
                "never written over it: it is a bad record (a conflict), and so is a second row of one file",
                "for the same item and rater (or classifier) that differs from the first; the same rating",
                "or prediction again is a duplicate; an annotation without a label is filled in. A",
                "transcript already there (or earlier in the file) is a duplicate; each of its classifier",
                "results and labels is compared one by one (in any order): new ones are added. A record",
                "with a conflict writes none of its results or labels. Scores are compared as numbers. A",
                "record's own id that names a transcript of the project with other text is a bad record.",
                "The project is created when it does not exist (its folder must exist): built under a hidden",
                "random name beside it (.afimport-...) and put in place when the import ends, unless the",
                "import was refused or cancelled before anything went in. A project another program made",
                "meanwhile is never replaced: the import fails and keeps its work in NAME.recovered-....afproj.",
                "A killed import leaves its hidden file (nothing deletes it; it is a project, open or remove it).",
                "Ctrl+C (or SIGTERM) stops the import between records: the file being read is rolled back,",
                "the files before it stay imported, the summary says \"cancelled\" and the exit code is 130",
                "(143 for SIGTERM); a second Ctrl+C meanwhile is ignored. If the import had finished, or failed",
                "for another reason, before the stop took hold, its own summary or error and exit code stand.",
                "The same command again adds the rest (what is already in counts as duplicates).",
                "With --format json: {\"transcripts_added\": N, \"duplicates\": N, \"predictions_added\": N,",
                "\"annotations_added\": N, \"skipped\": [{\"file\": \"...\", \"record\": N, \"reason\": \"...\"}],",
                "\"files_imported\": N, \"cancelled\": false}",
                "(record: 0-based index in the file; null when the whole file was skipped)."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "P", description = "project file (*.afproj); created if missing, in a folder that exists")
    Path project;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR_OR_ZIP", description = "files, folders or zip archives")
    List<Path> inputs;

    @Option(names = "--input-format", paramLabel = "F", converter = FormatConverter.class,
            description = "read every file as this format instead of detecting it: redwood-json, osaf-results,"
                    + " human-labels, generic, predictions, ratings")
    InputFormat inputFormat;

    @Option(names = "--skip-bad", description = "import the good records of a file and list the bad ones,"
            + " instead of refusing the file")
    boolean skipBad;

    @Option(names = "--map", paramLabel = "ROLE=COLUMN", description = "generic files: which column holds a part"
            + " (roles id, user_input, scratchpad, output, condition, model, setting; defaults: the role names)")
    Map<String, String> map = new LinkedHashMap<>();

    @picocli.CommandLine.Mixin
    ProgressOption progress = new ProgressOption();

    @Option(names = "--format", defaultValue = "text", paramLabel = "F", converter = FormatChoice.TextJson.class,
            completionCandidates = FormatChoice.TextJson.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.of(map);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ImportOptions options = ImportOptions.defaults().withFormat(inputFormat).withSkipBad(skipBad).withMapping(mapping);
        CancelToken cancel = new CancelToken();
        // Ctrl+C (or SIGTERM): stop between records, and print what was imported (or why it failed) before the JVM exits.
        try (SignalStop signal = SignalStop.install(cancel::cancel, INTERRUPT_WAIT_SECONDS)) {
            ImportResult r;
            try (ProgressLine line = progress.open(spec.commandLine().getErr())) {
                ProgressListener listener = line == null ? ProgressListener.NONE
                        : p -> line.update(progressText(p, line.elapsedNanos()));
                r = new ImportService().importInto(project, inputs, options, listener, cancel);
            } catch (RuntimeException e) {
                int code = MainCommand.report(e, spec.commandLine().getErr());
                signal.printed(false, code);
                return code;
            }
            print(r);
            signal.printed(r.cancelled(), ExitCodes.OK);
            return ExitCodes.OK;
        }
    }

    /** How long Ctrl+C waits for the import to stop and print its summary before the JVM exits anyway. */
    static final long INTERRUPT_WAIT_SECONDS = 20;

    private void print(ImportResult r) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectNode o = JsonOut.object();
            o.put("transcripts_added", r.transcriptsAdded());
            o.put("duplicates", r.duplicates());
            o.put("predictions_added", r.predictionsAdded());
            o.put("annotations_added", r.annotationsAdded());
            ArrayNode skipped = o.putArray("skipped");
            for (ImportResult.Skipped s : r.skipped()) {
                ObjectNode so = skipped.addObject();
                so.put("file", s.file());
                if (s.record() == null) {
                    so.putNull("record");
                } else {
                    so.put("record", s.record());
                }
                so.put("reason", s.reason());
            }
            o.put("files_imported", r.files());
            o.put("cancelled", r.cancelled());
            out.println(JsonOut.write(o));
        } else {
            ImportService.summaryLines(r).forEach(out::println);
        }
        out.flush();
    }

    /**
     * The progress line: "import 37%: 37,012/100,002 files, 566/1,530 MB, 12 s, about 20 s left"
     * (at most {@link ProgressLine#width} wide). The percentage is of the bytes read (MB = 10^6 bytes); the time left
     * is estimated from the bytes ({@link ProgressLine#timing}).
     */
    static String progressText(ImportProgress p, long elapsedNanos) {
        return String.format(Locale.ROOT, "import %d%%: %,d/%,d files, %,d/%,d MB, %s",
                (int) Math.floor(100 * p.fraction()), p.filesDone(), p.filesTotal(),
                Math.round(p.bytesDone() / 1e6), Math.round(p.bytesTotal() / 1e6),
                ProgressLine.timing(elapsedNanos, p.fraction()));
    }

    /** --input-format takes the format codes. */
    static final class FormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            return InputFormat.ofCode(value);
        }
    }
}
