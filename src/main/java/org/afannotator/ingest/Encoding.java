package org.afannotator.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

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
