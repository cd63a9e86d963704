package org.afannotator.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes read (for progress) and stops reading once the import is cancelled. Bytes read
 * again after a {@link #reset} are counted once.
 */
final class CountingInputStream extends FilterInputStream {
    private final AtomicLong count;
    private final CancelToken cancel;
    /** Bytes counted by this stream, and that count at the last mark. */
    private long position;
    private long marked;

    CountingInputStream(InputStream in, AtomicLong count, CancelToken cancel) {
        super(in);
        this.count = count;
        this.cancel = cancel;
    }

    @Override
    public int read() throws IOException {
        cancel.check();
        int b = super.read();
        if (b >= 0) {
            count.incrementAndGet();
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        cancel.check();
        int n = super.read(b, off, len);
        if (n > 0) {
            count.addAndGet(n);
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count.addAndGet(s);
        position += s;
        return s;
    }

    @Override
    public synchronized void mark(int readlimit) {
        super.mark(readlimit);
        marked = position;
    }

    /**
     * The stream's bytes when they are in memory, all counted as read now, for the caller to read
     * in place ({@link MemoryStream#take}); null for any other stream.
     */
    MemoryStream takeInPlace() throws IOException {
        if (!(in instanceof MemoryStream m)) {
            return null;
        }
        cancel.check();
        long n = m.limit() - m.position();
        count.addAndGet(n);
        position += n;
        return m;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        count.addAndGet(marked - position);
        position = marked;
    }
}
