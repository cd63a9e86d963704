package org.afannotator.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Records of a JSON Lines file: one object per line, blank lines ignored. A bad line spoils only
 * itself, so skip-bad can go on with the next line. A line longer than the record limit is
 * skipped without being held in memory.
 */
final class JsonLinesRows implements RowReader {
    private final InputStream in;
    private final Limits limits;
    /** One value per line: text after it is an error, not silently dropped. */
    private final ObjectReader lineReader;
    private final byte[] chunk;
    private int chunkPos;
    private int chunkLen;
    /** Lines that run over a chunk's end are put together here. */
    private byte[] line;
    /** The current line: {@code lineLen} bytes of {@code lineArr} from {@code lineOff} (in the chunk, or in {@link #line}). */
    private byte[] lineArr;
    private int lineOff;
    private int lineLen;
    private long lineNo;
    private long index;
    private boolean eof;
    /** Whether the current line is the input's last and has no line break after it. */
    private boolean lineAtEnd;

    JsonLinesRows(InputStream in, Limits limits) {
        this.in = in;
        this.limits = limits;
        this.lineReader = limits.lineReader;
        // Buffers sized to the input when it says how much is left (a file, or a file read into
        // memory: an import opens one per file, mostly of a few KB), else 64 KiB.
        int left;
        try {
            left = in.available();
        } catch (IOException e) {
            left = 0;
        }
        int size = left <= 1 ? 1 << 16 : Math.max(1 << 10, Math.min(1 << 16, left + 1));
        MemoryStream memory = null;
        if (in instanceof CountingInputStream counting) {
            try {
                memory = counting.takeInPlace();
            } catch (IOException e) {
                memory = null; // read through the stream, which says what is wrong
            }
        }
        if (memory != null) {
            // A file read into memory (one transcript, mostly): its lines are parsed where they are.
            this.chunk = memory.array();
            this.chunkPos = memory.take();
            this.chunkLen = memory.limit();
            this.eof = true;
            this.line = new byte[0];
        } else {
            this.chunk = new byte[size];
            this.line = new byte[size];
        }
    }

    @Override
    public Row next() {
        while (true) {
            boolean tooLong;
            try {
                if (!readLine()) {
                    return null;
                }
                tooLong = lineLen < 0;
            } catch (IOException e) {
                throw new RecordException(index, lineNo + 1, null, "cannot read: " + e.getMessage(), true);
            }
            lineNo++;
            if (tooLong) {
                throw RecordException.of(index++, lineNo, null,
                        "line is longer than the limit of " + limits.maxRecordBytes + " bytes");
            }
            if (blank()) {
                continue;
            }
            long i = index++;
            JsonNode node;
            try {
                node = lineReader.readTree(lineArr, lineOff, lineLen);
            } catch (MismatchedInputException e) {
                throw RecordException.of(i, lineNo, null, e.getOriginalMessage() != null
                        && e.getOriginalMessage().startsWith("Trailing token")
                        ? "not valid JSON Lines: more than one value on the line" : Encoding.describe(e, limits.maxRecordBytes));
            } catch (JsonProcessingException e) {
                String why = Encoding.describe(e, limits.maxRecordBytes);
                // on the last line of a file without a final line break, the file itself ends there
                throw RecordException.of(i, lineNo, null, lineAtEnd ? why
                        : why.replace("the file ends in the middle of a record", "the line ends in the middle of a record"));
            } catch (IOException e) {
                throw RecordException.of(i, lineNo, null, "cannot read: " + e.getMessage());
            }
            if (node == null || !node.isObject()) {
                throw RecordException.of(i, lineNo, null,
                        "expected an object, got " + (node == null ? "nothing" : Row.kind(node)));
            }
            return new Row(i, lineNo, (ObjectNode) node);
        }
    }

    private boolean blank() {
        for (int i = lineOff; i < lineOff + lineLen; i++) {
            byte b = lineArr[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Reads the next line into {@code line}; lineLen = -1 when it was too long. False at the end. */
    private boolean readLine() throws IOException {
        lineLen = 0;
        lineArr = line;
        lineOff = 0;
        lineAtEnd = false;
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof) {
                    if (tooLong) {
                        lineLen = -1;
                    }
                    lineAtEnd = any;
                    return any;
                }
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    eof = true;
                    continue;
                }
            }
            any = true;
            int nl = MemoryStream.indexOfNewline(chunk, chunkPos, chunkLen);
            int end = nl < 0 ? chunkLen : nl;
            if (!tooLong) {
                int n = end - chunkPos;
                if ((long) lineLen + n > limits.maxRecordBytes) {
                    tooLong = true;
                } else if (lineLen == 0 && (nl >= 0 || eof)) {
                    // the whole line is in the chunk: read it there
                    lineArr = chunk;
                    lineOff = chunkPos;
                    lineLen = n;
                } else {
                    ensure(lineLen + n);
                    System.arraycopy(chunk, chunkPos, line, lineLen, n);
                    lineArr = line; // ensure may have made a larger one
                    lineLen += n;
                }
            }
            chunkPos = nl < 0 ? chunkLen : nl + 1;
            if (nl >= 0) {
                if (tooLong) {
                    lineLen = -1;
                }
                return true;
            }
        }
    }

    private void ensure(int size) {
        if (size > line.length) {
            line = Arrays.copyOf(line, Math.max(size, Math.min(limits.maxRecordBytes, line.length * 2)));
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // reading is over
        }
    }
}
