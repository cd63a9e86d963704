package org.afannotator.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.afannotator.domain.WriteFailure;

/**
 * Writes a CSV table (RFC 4180 quoting, UTF-8, header row) that is safe to open in a spreadsheet:
 * every text cell that starts with {@code = + - @}, a tab or a carriage return gets a leading
 * single quote, so a spreadsheet shows it as text instead of running it as a formula. Numbers the
 * tool computed are written as numbers (see docs/decisions/0050-csv-formula-neutralising.md).
 */
public final class CsvTable {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvTable() {
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /**
     * The cell as written: text that a spreadsheet would run as a formula is prefixed with
     * {@code '}; a plain decimal number ({@code -0.25}, {@code 1e-3}) is left as it is, since it
     * cannot be a formula.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        if (NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char c = cell.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + cell;
        }
        return cell;
    }

    /** Every cell of a row neutralised; for writers that build their own rows of text. */
    public static List<String> neutraliseAll(List<String> row) {
        return row.stream().map(CsvTable::neutralise).toList();
    }

    /** Cells are Strings (neutralised), Numbers (written as they are) or null (empty). */
    public static void write(Path file, List<String> header, List<List<Object>> rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, header, rows);
        } catch (IOException e) {
            throw WriteFailure.of(file, "cannot write", e);
        }
    }

    public static void write(Writer w, List<String> header, List<List<Object>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String h : header) {
            schema.addColumn(h);
        }
        try (SequenceWriter out = MAPPER.writer(schema.build().withHeader()).writeValues(w)) {
            for (List<Object> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
                }
                String[] cells = new String[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    Object v = row.get(i);
                    cells[i] = v == null ? "" : v instanceof Number ? v.toString() : neutralise(v.toString());
                }
                out.write(cells);
            }
        }
    }
}
