package org.afannotator.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One input file as the writer sees it: its detected format, then its records in order. Either
 * read on the writer's thread ({@link #inline}), or on the parser thread ({@link #ahead}), a
 * bounded number of records ahead of the writer. Files read ahead queue on the parser thread one
 * after another, so the next file is detected and parsed while the writer still writes the
 * current one: for a tree of one-transcript files (Redwood {@code json_outputs}) parsing and
 * writing overlap across files, not only within one. Errors reach the writer in order, as if it
 * had read the file itself; the project is only ever written by the writer.
 */
abstract class FileFeed implements AutoCloseable {
    /** Records queued ahead of the writer, per file. */
    static final int CAPACITY = 256;

    final Source src;
    /** Bytes of the file read so far (for progress). */
    final AtomicLong bytes;
    /** The import time of the file's records. */
    final Instant now;

    private FileFeed(Source src, AtomicLong bytes, Instant now) {
        this.src = src;
        this.bytes = bytes;
        this.now = now;
    }

    /**
     * The file's format and layout.
     *
     * @throws RecordException when detection refused the file (nothing else is then read)
     */
    abstract FormatDetector.Detection detection();

    /**
     * The next record, null at the end.
     *
     * @throws RecordException for a bad record (or a reader that cannot start: index -1)
     * @throws UncheckedIOException when the file cannot be opened
     */
    abstract ImportRecord next();

    @Override
    public abstract void close();

    /**
     * Every record of the file, when all of it has been read already without an error; null
     * otherwise. Takes nothing: {@link #next} still returns the same records. Call after
     * {@link #detection}.
     */
    List<ImportRecord> whole() {
        return null;
    }

    /** Reads the file on the calling thread, when asked. */
    static FileFeed inline(Source src, ImportOptions options, Limits limits, CancelToken cancel, Instant now) {
        return new Inline(src, new AtomicLong(), options, limits, cancel, now);
    }

    /**
     * Queues the file's detection and reading on {@code executor} (one thread: after the files queued
     * before). {@code detectOnlyAttaching}: a file found to refer to transcripts (predictions,
     * ratings) is detected only, not read, since the import puts it aside for later.
     */
    static FileFeed ahead(ExecutorService executor, Source src, ImportOptions options, Limits limits, CancelToken cancel,
                          Instant now, boolean detectOnlyAttaching) {
        return new Ahead(executor, new Inline(src, new AtomicLong(), options, limits, cancel, now), detectOnlyAttaching);
    }

    /** Files up to this size are read from disk once, for detection and records both. */
    static final int READ_ONCE_BYTES = 1 << 20;

    /**
     * {@code src} with its bytes read once into memory when it is a small file (detection reads
     * the start of a file, then the reader reads it again from the start: two opens and two reads
     * of every one-transcript file); {@code src} itself when it is large, or when reading fails
     * (the error then comes, as before, from detection reading {@code src}).
     */
    static Source readOnce(Source src) {
        long size = src.size();
        if (size <= 0 || size > READ_ONCE_BYTES) {
            return src;
        }
        // One read into an array of the listed size and a byte more (to see a file that grew since).
        byte[] bytes = new byte[(int) size + 1];
        int length;
        try (InputStream in = src.open()) {
            length = in.readNBytes(bytes, 0, bytes.length);
            if (length == bytes.length) {
                byte[] rest = in.readNBytes(READ_ONCE_BYTES + 1 - length);
                bytes = java.util.Arrays.copyOf(bytes, length + rest.length);
                System.arraycopy(rest, 0, bytes, length, rest.length);
                length = bytes.length;
            }
        } catch (IOException e) {
            return src;
        }
        return length > READ_ONCE_BYTES ? src : new InMemory(src, bytes, length);
    }

    /** A source's first {@code length} bytes held in memory, under the source's own name. */
    private record InMemory(Source src, byte[] bytes, int length) implements Source {
        @Override
        public String name() {
            return src.name();
        }

        @Override
        public List<String> folders() {
            return src.folders();
        }

        @Override
        public String fileName() {
            return src.fileName();
        }

        @Override
        public long size() {
            return length;
        }

        @Override
        public InputStream open() {
            return new MemoryStream(bytes, length);
        }

        @Override
        public boolean named() {
            return src.named();
        }

        @Override
        public boolean inArchive() {
            return src.inArchive();
        }
    }

    /** Detection and reading on the calling thread. */
    private static final class Inline extends FileFeed {
        private final ImportOptions options;
        private final Limits limits;
        private final CancelToken cancel;
        /** {@link #src}, or its bytes read once ({@link #readOnce}); set by detection. */
        private Source reading;
        private FormatDetector.Detection det;
        private RecordException detError;
        private boolean detected;
        private InputStream raw;
        private RowReader rows;
        private RecordMapper mapper;

        Inline(Source src, AtomicLong bytes, ImportOptions options, Limits limits, CancelToken cancel, Instant now) {
            super(src, bytes, now);
            this.options = options;
            this.limits = limits;
            this.cancel = cancel;
        }

        @Override
        FormatDetector.Detection detection() {
            if (!detected) {
                detected = true;
                reading = readOnce(src);
                try {
                    det = FormatDetector.detect(reading, options.format(), options.mapping(), limits);
                } catch (RecordException e) {
                    detError = e;
                }
            }
            if (detError != null) {
                throw detError;
            }
            return det;
        }

        @Override
        ImportRecord next() {
            if (rows == null) {
                FormatDetector.Detection d = detection();
                mapper = Importer.mapper(d.format(), src, now, options.mapping());
                InputStream in;
                try {
                    raw = reading.open();
                    in = Encoding.skipBom(new CountingInputStream(raw, bytes, cancel));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows = Importer.reader(d.layout(), in, limits);
            }
            Row row = rows.next();
            return row == null ? null : mapper.map(row);
        }

        @Override
        public void close() {
            if (rows != null) {
                rows.close();
            }
            if (raw != null) {
                try {
                    raw.close();
                } catch (IOException e) {
                    // reading is over
                }
            }
            reading = null; // the bytes of a file read once go with the file
        }
    }

    /** An {@link Inline} feed run on the parser thread, its results passed through a bounded queue. */
    private static final class Ahead extends FileFeed {
        private static final Object END = new Object();

        /** Detection's outcome as the first item of the queue. */
        private record Detected(FormatDetector.Detection det, RecordException error) {
        }

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
        private final AtomicBoolean started = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Future<?> task;
        private Detected detected;

        Ahead(ExecutorService executor, Inline inner, boolean detectOnlyAttaching) {
            super(inner.src, inner.bytes, inner.now);
            task = executor.submit(() -> {
                if (!started.compareAndSet(false, true)) {
                    return; // closed before its turn
                }
                try (inner) {
                    try {
                        FormatDetector.Detection det = inner.detection();
                        queue.put(new Detected(det, null));
                        if (detectOnlyAttaching && !det.format().createsTranscripts()) {
                            return;
                        }
                    } catch (RecordException e) {
                        queue.put(new Detected(null, e));
                        return;
                    }
                    while (true) {
                        Object item;
                        boolean last = false;
                        try {
                            item = inner.next();
                            if (item == null) {
                                item = END;
                                last = true;
                            }
                        } catch (RecordException e) {
                            item = e;
                            last = e.fatal;
                        } catch (RuntimeException | Error e) {
                            item = e;
                            last = true;
                        }
                        queue.put(item);
                        if (last) {
                            if (item != END) {
                                queue.put(END);
                            }
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            });
        }

        private Object take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportCancelledException();
            }
        }

        @Override
        FormatDetector.Detection detection() {
            if (detected == null) {
                Object first = take();
                if (first instanceof Detected d) {
                    detected = d;
                } else {
                    rethrow(first);
                    throw new IllegalStateException("the parser thread sent " + first + " before detecting");
                }
            }
            if (detected.error() != null) {
                throw detected.error();
            }
            return detected.det();
        }

        @Override
        ImportRecord next() {
            detection();
            Object item = take();
            if (item == END) {
                queue.offer(END);
                return null;
            }
            rethrow(item);
            return (ImportRecord) item;
        }

        /** The parser thread has finished the file: if it queued only records and the end, they are all here. */
        @Override
        List<ImportRecord> whole() {
            if (finished.getCount() != 0 || detected == null || detected.error() != null) {
                return null;
            }
            List<ImportRecord> records = new ArrayList<>(queue.size());
            boolean ended = false;
            for (Object item : queue) {
                if (item == END) {
                    ended = true;
                    break;
                }
                if (!(item instanceof ImportRecord r)) {
                    return null;
                }
                records.add(r);
            }
            return ended ? records : null;
        }

        private static void rethrow(Object item) {
            if (item instanceof RuntimeException e) {
                throw e;
            }
            if (item instanceof Error e) {
                throw e;
            }
        }

        @Override
        public void close() {
            if (started.compareAndSet(false, true)) {
                task.cancel(false);
                return; // never ran: nothing is open
            }
            task.cancel(true);
            queue.clear();
            try {
                // The parser is not thread-safe: let the reading thread stop (and close the file) first.
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
