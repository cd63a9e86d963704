package org.afannotator.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records of a CSV file with a header row (RFC 4180 quoting; cells may span lines). Strict UTF-8.
 * A row with the wrong number of cells is a bad record; a quoting or encoding error ends the file.
 */
final class CsvRows implements RowReader {
    private static final CsvMapper CSV = new CsvMapper();

    private final Limits limits;
    private final MappingIterator<List<String>> rows;
    private final List<String> header;
    private long index;

    CsvRows(InputStream in, Limits limits) {
        this.limits = limits;
        Reader reader = new LineLimitReader(Encoding.strictUtf8(in), limits.maxRecordBytes);
        try {
            rows = CSV.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(reader);
            if (!rows.hasNextValue()) {
                throw new RecordException(-1, -1, null, "empty file: no header row", true);
            }
            header = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String h : rows.nextValue()) {
                String name = h.strip();
                if (!seen.add(name)) {
                    throw new RecordException(-1, 1, null, "column '" + name + "' appears twice in the header", true);
                }
                header.add(name);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RecordException r) {
                throw r;
            }
            throw new RecordException(-1, lineOf(e, 1), null, reason(e), true);
        }
    }

    List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        long line = -1;
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            line = rows.getParser().currentLocation().getLineNr();
            List<String> cells = rows.nextValue();
            long i = index++;
            if (cells.size() == 1 && cells.get(0).isBlank() && header.size() > 1) {
                return next();
            }
            if (cells.size() != header.size()) {
                throw RecordException.of(i, line, null,
                        "row has " + cells.size() + " cells; the header has " + header.size());
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c);
                if (!v.isEmpty()) {
                    node.put(header.get(c), v);
                }
            }
            return new Row(i, line, node);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RecordException r) {
                throw r;
            }
            throw new RecordException(index, lineOf(e, line), null, reason(e), true);
        }
    }

    /** The line of bytes that are not UTF-8 behind {@code e}, else {@code line}. */
    private static long lineOf(Exception e, long line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Encoding.NotUtf8 bad) {
                return bad.line;
            }
        }
        return line;
    }

    private String reason(Exception e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof CharacterCodingException) {
                return "not valid UTF-8 text";
            }
            if (t instanceof LineLimitReader.LineTooLong) {
                return "a line is longer than the limit of " + limits.maxRecordBytes + " characters";
            }
            t = t.getCause();
        }
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getOriginalMessage() != null
                ? j.getOriginalMessage() : String.valueOf(e.getMessage());
        return "not valid CSV: " + Encoding.firstLine(m);
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            // reading is over
        }
    }

    /** Stops a CSV line (physical line) from growing past the record limit. */
    static final class LineLimitReader extends FilterReader {
        static final class LineTooLong extends IOException {
            LineTooLong() {
                super("line too long");
            }
        }

        private final int max;
        private long run;

        LineLimitReader(Reader in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                count(buf[off + i]);
            }
            return n;
        }

        private void count(int c) throws IOException {
            if (c == '\n') {
                run = 0;
            } else if (c >= 0 && ++run > max) {
                throw new LineTooLong();
            }
        }
    }
}
