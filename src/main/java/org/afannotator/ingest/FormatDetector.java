package org.afannotator.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells an input file's layout (JSON, JSON Lines, CSV) and format from its content, never its
 * name: the first record's field names (or the CSV header) decide. Reads at most the first record.
 */
public final class FormatDetector {
    /** How records are laid out in the file. */
    public enum Layout {
        /** A JSON array of objects, or objects spanning lines (one pretty-printed transcript). */
        JSON,
        /** One JSON object per line. */
        JSONL,
        CSV
    }

    /** A file's layout and format. */
    public record Detection(InputFormat format, Layout layout) {
    }

    private static final Set<String> OSAF_FIELDS = Set.of("output_without_scratchpad", "tags", "prompt",
            "deceptive_alignment", "partial_compliance", "easy_scratchpad", "hard_scratchpad", "strong_reject_score");

    private FormatDetector() {
    }

    /**
     * Detects a file's layout and format by content.
     *
     * @throws org.afannotator.domain.BadInputException when the file is empty, unreadable or of no known format
     */
    public static Detection detect(Source src, ColumnMapping mapping) {
        FxThreadGuard.refuse("format detection");
        try {
            return detect(src, null, mapping, new Limits(ImportOptions.DEFAULT_MAX_RECORD_BYTES));
        } catch (RecordException e) {
            throw e.toBadInput(src.name());
        }
    }

    /** Detects the file's layout, and its format unless {@code forced} names one. */
    static Detection detect(Source src, InputFormat forced, ColumnMapping mapping, Limits limits) {
        try (InputStream raw = src.open()) {
            InputStream in = Encoding.skipBom(raw);
            in.mark(1 << 16);
            int first;
            int skipped = 0;
            do {
                first = in.read();
                skipped++;
            } while ((first == ' ' || first == '\t' || first == '\r' || first == '\n') && skipped < (1 << 16) - 1);
            if (first < 0) {
                throw new RecordException(-1, -1, null, "empty file: no records", true);
            }
            if (first == 'P' && in.read() == 'K' && in.read() == 3 && in.read() == 4) {
                // On disk only a file named as data gets here (any other is opened as an archive:
                // decision 0115); inside an archive, any archive does.
                RecordException e = new RecordException(-1, -1, null, src.inArchive()
                        ? "a zip archive inside a zip archive: archives inside archives are not read; unpack it first"
                        : "a zip archive named as a data file: name it .zip to import the files in it", false);
                e.unknownFormat = true;
                throw e;
            }
            in.reset();
            boolean oneLine = oneLine(in);
            Collection<String> fields;
            Layout layout;
            if (first == '{' || first == '[') {
                JsonParser p = limits.json.createParser(in);
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    t = p.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        throw new RecordException(-1, -1, null, "empty array: no records", true);
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw new RecordException(0, JsonRows.line(p.currentTokenLocation()), null,
                                "expected an array of objects", true);
                    }
                    fields = fieldsOf(p, forced, -1, false);
                    layout = Layout.JSON;
                } else {
                    long startLine = p.currentTokenLocation().getLineNr();
                    fields = fieldsOf(p, forced, startLine, oneLine);
                    layout = oneLine || p.currentLocation().getLineNr() == startLine ? Layout.JSONL : Layout.JSON;
                }
            } else {
                try (CsvRows csv = new CsvRows(in, limits)) {
                    fields = csv.header();
                }
                layout = Layout.CSV;
            }
            InputFormat format = forced != null ? forced : formatOf(fields, mapping);
            if (format == null) {
                RecordException e = new RecordException(-1, -1, null, "unknown format: the first record has none of the fields of a"
                        + " known format (messages; output with tags; alignment_faking_human_label; item,classifier;"
                        + " item,rater,label; or the columns " + mapping.userInput() + "/" + mapping.scratchpad() + "/"
                        + mapping.output() + "); it has: " + shortList(fields), true);
                e.unknownFormat = true;
                throw e;
            }
            return new Detection(format, layout);
        } catch (JsonProcessingException e) {
            throw new RecordException(0, JsonRows.line(e.getLocation()), null,
                    Encoding.describe(e, limits.maxRecordBytes), true);
        } catch (IOException e) {
            throw new RecordException(-1, -1, null, "cannot read: " + e.getMessage(), true);
        }
    }

    /** The format whose fields the record has; null when none fits. */
    static InputFormat formatOf(Collection<String> f, ColumnMapping mapping) {
        if (f.contains("messages")) {
            return InputFormat.REDWOOD_JSON;
        }
        if (f.contains("item") && f.contains("classifier")) {
            return InputFormat.PREDICTIONS;
        }
        if (f.contains("item") && f.contains("rater") && f.contains("label")) {
            return InputFormat.RATINGS;
        }
        if (f.contains("alignment_faking_human_label")) {
            return InputFormat.HUMAN_LABELS;
        }
        if (f.contains("output") && f.stream().anyMatch(OSAF_FIELDS::contains)) {
            return InputFormat.OSAF_RESULTS;
        }
        if (mapping.fits(f)) {
            return InputFormat.GENERIC;
        }
        return null;
    }

    /**
     * The field names of the record the parser is in, read until the format and layout are both
     * certain: to the end of the record, or earlier once the format is settled ({@code messages}
     * decides Redwood whatever else the record holds; a forced format needs no fields) and the
     * layout too (an array's records are JSON; a record that began on {@code startLine} and has
     * reached a later line is not JSON Lines). Stopping early matters for a Redwood tree, where
     * the first record is the whole file: it is then parsed once, by the import, not twice. A
     * malformed rest of the record is reported by the import's reader, with the same record and line.
     *
     * @param startLine the line the record began on, or -1 inside an array
     * @param oneLine   the whole file is one line (the record cannot reach a later line: JSON Lines)
     */
    private static Collection<String> fieldsOf(JsonParser p, InputFormat forced, long startLine, boolean oneLine)
            throws IOException {
        Set<String> names = new LinkedHashSet<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t == null) {
                throw new RecordException(0, -1, null, "the file ends in the middle of a record (truncated?)", true);
            }
            String name = p.currentName();
            names.add(name);
            boolean formatSettled = forced != null || "messages".equals(name);
            if (formatSettled && (startLine < 0 || oneLine || p.currentLocation().getLineNr() > startLine)) {
                return names;
            }
            p.nextToken();
            p.skipChildren();
        }
        return names;
    }

    /** Files up to this size are looked at whole for line breaks before parsing. */
    static final int LOOK_AHEAD = (1 << 16) - 1;

    /**
     * Whether the file (from the mark-free position of {@code in}, which is put back) is one line
     * of text: no line break before its last non-blank character. Only known for files of at most
     * {@link #LOOK_AHEAD} bytes (false for longer ones). Text in a JSON string cannot hold a raw
     * line break, so a record in such a file ends on the line it began on: the file is JSON Lines
     * (one line), and detection need not parse the rest of the record to learn that. A one-file
     * Redwood transcript is usually written like that.
     */
    static boolean oneLine(InputStream in) throws IOException {
        if (in instanceof MemoryStream m) {
            // the bytes in place, not copied out
            int from = m.position();
            int end = m.limit();
            if (end - from > LOOK_AHEAD) {
                return false;
            }
            return MemoryStream.indexOfNewline(m.array(), from, trimEnd(m.array(), from, end)) < 0;
        }
        in.mark(LOOK_AHEAD + 1);
        byte[] head = in.readNBytes(LOOK_AHEAD + 1);
        in.reset();
        if (head.length > LOOK_AHEAD) {
            return false;
        }
        return MemoryStream.indexOfNewline(head, 0, trimEnd(head, 0, head.length)) < 0;
    }

    /** {@code end} moved back over the blanks and line breaks that end {@code a[from, end)}. */
    private static int trimEnd(byte[] a, int from, int end) {
        while (end > from && (a[end - 1] == ' ' || a[end - 1] == '\t' || a[end - 1] == '\r' || a[end - 1] == '\n')) {
            end--;
        }
        return end;
    }

    private static String shortList(Collection<String> fields) {
        if (fields.isEmpty()) {
            return "(no fields)";
        }
        List<String> l = new ArrayList<>(fields);
        String s = String.join(", ", l.subList(0, Math.min(10, l.size())));
        return l.size() > 10 ? s + ", ..." : s;
    }
}
