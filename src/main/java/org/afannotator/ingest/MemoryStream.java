package org.afannotator.ingest;

import java.io.ByteArrayInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes of a file read into memory ({@link FileFeed#readOnce}), as a stream whose readers may
 * look at the bytes left in place instead of copying them out: detection's line check and the
 * JSON Lines reader of a one-transcript file ({@link #take}).
 */
final class MemoryStream extends ByteArrayInputStream {
    MemoryStream(byte[] bytes, int length) {
        super(bytes, 0, length);
    }

    byte[] array() {
        return buf;
    }

    /** Index in {@link #array} of the next byte to read. */
    synchronized int position() {
        return pos;
    }

    /** Index in {@link #array} after the last byte. */
    int limit() {
        return count;
    }

    /** Marks every byte left as read and returns the index of the first; the caller reads them in place. */
    synchronized int take() {
        int from = pos;
        pos = count;
        return from;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The index of the first {@code '\n'} in {@code a[from, to)}, or -1; eight bytes at a time (a
     * word holds a line feed exactly when the word XOR eight line feeds has a zero byte).
     */
    static int indexOfNewline(byte[] a, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(a, i) ^ NEWLINES;
            if (((x - ONES) & ~x & HIGHS) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
