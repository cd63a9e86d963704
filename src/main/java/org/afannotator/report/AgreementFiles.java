package org.afannotator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.afannotator.domain.WriteFailure;
import org.afannotator.stats.CodingReport;
import org.afannotator.stats.ItemDetail;
import org.afannotator.stats.SpanAgreement;

/**
 * The agreement export: {@code agreement-summary.json} (the object the CLI prints),
 * {@code agreement-summary.csv} ({@link AgreementTable} rows) and {@code agreement-items.csv}
 * (per transcript with a finished label: every rater's label, the majority, tie, all agree).
 * Each file is written to a new name beside it and then moved into place.
 */
public final class AgreementFiles {
    public static final String SUMMARY_JSON = "agreement-summary.json";
    public static final String SUMMARY_CSV = "agreement-summary.csv";
    public static final String ITEMS_CSV = "agreement-items.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgreementFiles() {
    }

    /** The project object: {"transcripts", "labels": {coding}, "criteria": {code: {coding}}, "spans": {...}}. */
    public static ObjectNode projectJson(int transcripts, CodingReport labels, Map<String, CodingReport> criteria,
            SpanAgreement spans, long seed, int resamples) {
        ObjectNode o = JSON.createObjectNode();
        o.put("transcripts", transcripts);
        o.set("labels", AgreementJson.coding(labels, seed, resamples));
        ObjectNode c = o.putObject("criteria");
        criteria.forEach((code, r) -> c.set(code, AgreementJson.coding(r, seed, resamples)));
        o.set("spans", AgreementJson.spans(spans));
        return o;
    }

    public static List<AgreementTable.Row> projectRows(CodingReport labels, Map<String, CodingReport> criteria,
            SpanAgreement spans) {
        List<AgreementTable.Row> rows = new ArrayList<>(AgreementTable.coding("labels", labels));
        criteria.forEach((code, r) -> rows.addAll(AgreementTable.coding("criterion:" + code, r)));
        rows.addAll(AgreementTable.spans("spans", spans));
        return rows;
    }

    public static List<Path> write(int transcripts, CodingReport labels, Map<String, CodingReport> criteria,
            SpanAgreement spans, long seed, int resamples, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw WriteFailure.of(dir, "cannot create folder", e);
        }
        Path json = dir.resolve(SUMMARY_JSON);
        Path csv = dir.resolve(SUMMARY_CSV);
        Path items = dir.resolve(ITEMS_CSV);
        String summary;
        try {
            summary = JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(projectJson(transcripts, labels, criteria, spans, seed, resamples)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        atomically(json, summary);
        atomically(csv, summaryCsv(projectRows(labels, criteria, spans)));
        atomically(items, itemsCsv(labels));
        return List.of(json, csv, items);
    }

    public static String summaryCsv(List<AgreementTable.Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (AgreementTable.Row r : rows) {
            cells.add(r.cells());
        }
        return csv(AgreementTable.COLUMNS, cells);
    }

    /** Columns item, ratings, majority, tie, all_agree, then one column per rater (named after the rater). */
    public static String itemsCsv(CodingReport r) {
        List<String> columns = new ArrayList<>(List.of("item", "ratings", "majority", "tie", "all_agree"));
        List<String> raters = r.raterNames();
        for (String rater : raters) {
            columns.add("rater:" + rater);
        }
        List<List<String>> cells = new ArrayList<>();
        for (ItemDetail d : r.itemDetails()) {
            List<String> row = new ArrayList<>(List.of(d.item(), Integer.toString(d.ratings()),
                    d.majority() == null ? "" : d.majority(), Boolean.toString(d.tie()),
                    Boolean.toString(d.allAgree())));
            for (String rater : raters) {
                String l = d.labels().get(rater);
                row.add(l == null ? "" : l);
            }
            cells.add(row);
        }
        return csv(columns, cells);
    }

    private static String csv(List<String> columns, List<List<String>> rows) {
        CsvSchema.Builder sb = CsvSchema.builder();
        columns.forEach(sb::addColumn);
        CsvSchema schema = sb.build().withHeader();
        StringWriter out = new StringWriter();
        try (SequenceWriter w = new CsvMapper().writer(schema).writeValues(out)) {
            for (List<String> row : rows) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    m.put(columns.get(i), CsvTable.neutralise(row.get(i)));
                }
                w.write(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes {@code content} to a new file beside {@code target} and moves it into place, so that a
     * reader never sees half a file. The new file is created like any other (not with
     * {@code Files.createTempFile}, which makes it owner-only): it gets the permissions the user's
     * umask gives, as every other exported file does.
     */
    private static void atomically(Path target, String content) {
        Path tmp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        boolean moved = false;
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                w.write(content);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } catch (IOException e) {
            throw WriteFailure.of(target, "cannot write", e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure above is what matters
                }
            }
        }
    }
}
