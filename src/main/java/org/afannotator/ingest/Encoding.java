package org.afannotator.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Input files are UTF-8 text; a UTF-8 byte order mark is skipped, UTF-16 and UTF-32 are refused. */
final class Encoding {
    private Encoding() {
    }

    /** Skips a UTF-8 BOM; returns a stream positioned at the first character. */
    static InputStream skipBom(InputStream raw) throws IOException {
        // A stream that can go back already (a file read into memory) is used as it is: wrapping
        // it would allocate and fill a 64 KiB buffer for every file of an import.
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        String refusal = refusal(head);
        if (refusal != null) {
            throw new RecordException(-1, -1, null, refusal, true);
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
        }
        return in;
    }

    /** Why bytes starting like this are refused, or null. */
    static String refusal(byte[] head) {
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            return "the file is UTF-16 text; save it as UTF-8";
        }
        if (head.length >= 4 && b0 == 0 && b1 == 0 && (head[2] & 0xff) == 0xFE && (head[3] & 0xff) == 0xFF) {
            return "the file is UTF-32 text; save it as UTF-8";
        }
        return null;
    }

    /**
     * Strict UTF-8 text of {@code in}. Every character before a malformed byte is handed out first,
     * so a reader sees the records before it whole; the read that reaches it then fails with a
     * {@link NotUtf8} naming its line (a plain decoding reader fails on the whole buffer around it,
     * before the records in that buffer are read).
     */
    static Reader strictUtf8(InputStream in) {
        return new Utf8Reader(in);
    }

    /** Bytes that are not UTF-8, on {@link #line} (1-based) of the text. */
    static final class NotUtf8 extends CharacterCodingException {
        final long line;

        NotUtf8(long line) {
            this.line = line;
        }

        @Override
        public String getMessage() {
            return "not valid UTF-8 text (line " + line + ")";
        }
    }

    private static final class Utf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        /** The line of the next character handed out. */
        private long line = 1;
        private boolean eof;
        private boolean flushed;
        private NotUtf8 bad;

        Utf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (bad != null) {
                throw bad;
            }
            CharBuffer out = CharBuffer.wrap(buf, off, len);
            while (out.position() == off) {
                CoderResult r = decoder.decode(bytes, out, eof);
                if (r.isError()) {
                    bad = new NotUtf8(line + newlines(buf, off, out.position()));
                    if (out.position() == off) {
                        throw bad;
                    }
                    break;
                }
                if (r.isOverflow() || out.position() > off) {
                    break;
                }
                if (eof) {
                    if (!flushed) {
                        flushed = true;
                        decoder.flush(out);
                    }
                    if (out.position() == off) {
                        return -1;
                    }
                    break;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            line += newlines(buf, off, out.position());
            return out.position() - off;
        }

        private static int newlines(char[] buf, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (buf[i] == '\n') {
                    n++;
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A parser failure in words a user can act on. */
    static String describe(JsonProcessingException e, int maxRecordBytes) {
        String m = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                return "nested deeper than " + Limits.MAX_NESTING + " levels";
            }
            if (m.contains("String value length") || m.contains("length")) {
                return "a text value is longer than the limit of " + maxRecordBytes + " characters";
            }
            return m;
        }
        if (m.contains("end-of-input")) {
            return "the file ends in the middle of a record (truncated?)";
        }
        if (m.contains("Invalid UTF-8") || m.contains("UTF-8")) {
            return "not valid UTF-8 text (" + firstLine(m) + ")";
        }
        return "not valid JSON: " + firstLine(m);
    }

    static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
