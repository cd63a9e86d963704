package org.afannotator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.WriteFailure;
import org.sqlite.SQLiteConfig;

/**
 * One project file ({@code *.afproj}): an SQLite database in WAL mode with foreign keys on and a
 * busy timeout. Owns one connection; every public method is serialised on this object, and every
 * write runs in one transaction ({@link #inTransaction}).
 *
 * <p>A project file is recognised by the SQLite header and {@code PRAGMA application_id}; its
 * schema version is {@code PRAGMA user_version}. Opening an older version copies the file to
 * {@code NAME.bak-vN} and then migrates it; a newer version is refused untouched.
 */
public final class ProjectStore implements AutoCloseable {
    /** "AFP1" as a big-endian int. */
    public static final int APPLICATION_ID = 0x41465031;
    public static final int SCHEMA_VERSION = Migrations.LATEST;
    /** How long one attempt waits for another writer; the property exists for tests. */
    static final int BUSY_TIMEOUT_MS = Integer.getInteger("afannotator.busyTimeoutMs", 10_000);
    /** Attempts after the first when the file stays busy. */
    static final int BUSY_RETRIES = 5;

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String FX_THREAD = "JavaFX Application Thread";

    private final Path path;
    private final Connection connection;
    private static volatile Consumer<String> defaultBusyListener = m -> { };
    private volatile Consumer<String> busyListener = defaultBusyListener;
    private final TranscriptRepository transcripts;
    private final RaterRepository raters;
    private final AnnotationRepository annotations;
    private final SpanRepository spans;
    private final PredictionRepository predictions;
    private final AdjudicationRepository adjudications;
    private final AssignmentRepository assignments;
    private final SettingsRepository settings;
    /** Run after the connection is closed: for a project read as it stands, that it did not change meanwhile. */
    private Runnable afterClose = () -> { };
    /**
     * Project files open through a store in this process, by real path, with how many stores hold
     * each: while SQLite has a file open, nothing else in the process may open and close it (see
     * {@link #requireSqliteHeader}).
     */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Integer> OPEN_HERE =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Path openKey;
    private boolean closed;
    /** Made by {@link #createPrivate}: rollback journal, no syncs, locked to this connection until closed. */
    private boolean privateBuild;
    /** Of a private build: writes the file to the disk as it grows; null otherwise. */
    private BackgroundSync sync;

    private ProjectStore(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
        this.openKey = realOrAbsolute(path);
        OPEN_HERE.merge(openKey, 1, Integer::sum);
        this.transcripts = new TranscriptRepository(this);
        this.raters = new RaterRepository(this);
        this.annotations = new AnnotationRepository(this);
        this.spans = new SpanRepository(this);
        this.predictions = new PredictionRepository(this);
        this.adjudications = new AdjudicationRepository(this);
        this.assignments = new AssignmentRepository(this);
        this.settings = new SettingsRepository(this);
    }

    /** Opens an existing project; a missing file or one that is not a project is an error. */
    public static ProjectStore open(Path path) {
        return open(path, true);
    }

    /** {@link #open}; {@code forWriting} false lets a read-only file in a writable folder open too. */
    private static ProjectStore open(Path path, boolean forWriting) {
        Path p = path.toAbsolutePath();
        if (!Files.exists(p)) {
            throw new BadInputException(path.toString(), "no such project file");
        }
        if (Files.isDirectory(p)) {
            throw new BadInputException(path.toString(), "is a folder, not a project file");
        }
        requireSqliteHeader(p, path.toString());
        requireWritable(p, path.toString(), forWriting);
        int version = inspect(p, path.toString());
        if (version < SCHEMA_VERSION) {
            backup(p, version);
        }
        return connect(p, version);
    }

    /**
     * Opens a project to read it only (info, agreement, audit, export, report). Where the project's
     * folder can be written this is {@link #open}. Where it cannot (an archive, a colleague's
     * share), the file is read as it stands, without SQLite's log files (SQLite's immutable mode):
     * it must be at this version's schema with no log file beside it, any write is refused by
     * SQLite ("attempt to write a readonly database"), and closing checks it did not change.
     */
    public static ProjectStore openToRead(Path path) {
        Path p = path.toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            return open(path);
        }
        if (folderWritable(p)) {
            return open(path, false);
        }
        requireSqliteHeader(p, path.toString());
        return openImmutable(p, path.toString());
    }

    /** The first bytes of a rollback journal that holds a transaction (SQLite's journal header). */
    private static final byte[] JOURNAL_MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1,
        0x63, (byte) 0xd7};

    /**
     * Whether a rollback journal beside the project file {@code p} ({@code NAME-journal}) holds a
     * transaction a stopped program left unfinished, which SQLite undoes when the file is next
     * opened for writing (only files built by {@link #createPrivate} have such a journal). A
     * journal SQLite has finished with is empty, or starts with zeros. Reads the journal, never
     * the project file.
     */
    public static boolean unfinishedJournal(Path p) {
        Path journal = p.resolveSibling(p.getFileName() + "-journal");
        if (!Files.isRegularFile(journal)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(journal)) {
            return Arrays.equals(in.readNBytes(JOURNAL_MAGIC.length), JOURNAL_MAGIC);
        } catch (IOException e) {
            return true; // cannot tell: as if it held one
        }
    }

    private static String unfinished(Path p) {
        String name = p.getFileName().toString();
        return "cannot be opened: it holds a transaction a stopped program left unfinished (" + name
                + "-journal), which must be undone first, and that needs write access to the file and its folder;"
                + " copy both files to a folder you can write to, or get write access";
    }

    /**
     * Undoes the unfinished transaction in the rollback journal beside the project file {@code p}
     * (see {@link #unfinishedJournal}) by opening it for writing, as SQLite does; nothing else
     * changes. The file must not be open.
     */
    public static void undoUnfinished(Path p) {
        rollBackUnfinished(p, p.toString());
    }

    /** Whether SQLite can keep its log beside the file {@code p} (or a link to it) points to. */
    private static boolean folderWritable(Path p) {
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            return true; // let open() say what is wrong
        }
        Path folder = real.getParent();
        if (folder == null || Files.isWritable(folder)) {
            return true;
        }
        Path wal = real.resolveSibling(real.getFileName() + "-wal");
        Path shm = real.resolveSibling(real.getFileName() + "-shm");
        return Files.isWritable(wal) && Files.isWritable(shm);
    }

    /**
     * The project read as it stands, its log ignored: see {@link #openToRead}. Refused while its
     * log files lie beside the (real) file: then it is open elsewhere, or was not closed cleanly,
     * and the log may hold changes the file does not.
     */
    static ProjectStore openImmutable(Path link, String shown) {
        Path p;
        try {
            p = link.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(shown, "cannot read: " + e.getMessage());
        }
        Path wal = p.resolveSibling(p.getFileName() + "-wal");
        Path shm = p.resolveSibling(p.getFileName() + "-shm");
        if (Files.exists(wal) || Files.exists(shm)) {
            throw new BadInputException(shown, "cannot be read here: its folder is read-only and its log ("
                    + wal.getFileName() + ") is beside it, so it is open elsewhere or was not closed cleanly and"
                    + " may hold changes not yet in the file; open it where its folder can be written, or copy"
                    + " all its files to such a folder");
        }
        if (unfinishedJournal(p)) {
            // read as it stands, the file would show a transaction half written
            throw new BadInputException(shown, unfinished(p));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection c = null;
        try {
            java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(p);
            long size = Files.size(p);
            c = config.createConnection("jdbc:sqlite:file:" + p.toUri().getRawPath() + "?immutable=1");
            int version = identify(c, shown);
            if (version < SCHEMA_VERSION) {
                throw new BadInputException(shown, "has schema version " + version + " and this version reads "
                        + SCHEMA_VERSION + "; it is upgraded when opened, which needs its folder to be writable:"
                        + " copy it to a folder you can write to");
            }
            ProjectStore store = new ProjectStore(p, c);
            // Read without locks: if a writer came meanwhile, what was read may be wrong. Say so.
            store.afterClose = () -> {
                boolean changed;
                try {
                    changed = Files.exists(wal) || Files.exists(shm) || Files.size(p) != size
                            || !Files.getLastModifiedTime(p).equals(modified);
                } catch (IOException e) {
                    changed = true;
                }
                if (changed) {
                    throw new ProjectChangedException(shown + " changed while it was read (another program opened it to write):"
                            + " what was read from it may be wrong; read it again");
                }
            };
            return store;
        } catch (IOException e) {
            closeQuietly(c);
            throw new BadInputException(shown, "cannot read: " + e.getMessage());
        } catch (SQLException e) {
            closeQuietly(c);
            throw openFailure(shown, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing was written
            }
        }
    }

    /**
     * SQLite keeps an open project's log beside the file ({@code NAME-wal}, {@code NAME-shm}, in
     * the folder of the file a link points to): that folder must be writable, or both log files
     * must be there and writable. Says so, rather than let SQLite's error read as if the file were
     * not a project. A read-only file in a writable folder still opens (for reading; a write then
     * fails with its own message).
     */
    private static void requireWritable(Path p, String shown, boolean file) {
        if (!folderWritable(p)) {
            throw new BadInputException(shown, unfinishedJournal(p) ? unfinished(p) : readOnly(shown));
        }
        if (file && !Files.isWritable(p)) {
            throw new BadInputException(shown, "is read-only: it can be read (info, agreement, compare, export,"
                    + " report) but not rated or changed; get write access, or copy it to a file you can write");
        }
    }

    /** Why a read-only project cannot be opened, and what to do. */
    static String readOnly(String shown) {
        String name = Path.of(shown).getFileName().toString();
        return "cannot be opened: its folder is read-only, and an open project keeps its log beside"
                + " itself (" + name + "-wal and " + name + "-shm); copy it to a folder you can write to, or get"
                + " write access";
    }

    /** Why SQLite could not open or read {@code shown}, in words; not every failure means "not a project". */
    static BadInputException openFailure(String shown, SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("SQLITE_READONLY") || msg.contains("SQLITE_CANTOPEN") || msg.contains("SQLITE_PERM")) {
            return new BadInputException(shown, readOnly(shown) + " (" + msg + ")");
        }
        if (msg.contains("SQLITE_BUSY") || msg.contains("database is locked")) {
            return new BadInputException(shown, "is busy: another program holds it; try again when it is done (" + msg + ")");
        }
        return new BadInputException(shown, "not an AF Annotator project (" + msg + ")");
    }

    /**
     * The schema version of {@code path} if opening it will upgrade it: an AF Annotator project
     * saved by an older version (opening it keeps a copy {@code NAME.bak-vN} first, N this version).
     * Empty for anything else, including files that are not projects ({@link #open} says why).
     * Reads, never writes.
     */
    public static OptionalInt olderSchemaVersion(Path path) {
        Path p = path.toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            return OptionalInt.empty();
        }
        try {
            requireSqliteHeader(p, path.toString());
            int version = inspect(p, path.toString());
            return version < SCHEMA_VERSION ? OptionalInt.of(version) : OptionalInt.empty();
        } catch (BadInputException e) {
            return OptionalInt.empty();
        }
    }

    /** Creates a new, empty project; refuses to overwrite an existing file. */
    public static ProjectStore create(Path path) {
        return create(path, false);
    }

    /**
     * Creates a new, empty project that only this store will use until it is closed (an import's
     * hidden file, decision 0114): SQLite's rollback journal instead of the log, no waits for the
     * disk and the file locked for this connection alone ({@code journal_mode=DELETE},
     * {@code synchronous=OFF}, {@code locking_mode=EXCLUSIVE}). Each page is written once, into the
     * file, instead of into the log and then again into the file, and no thread copies the log; a
     * savepoint or transaction still rolls back, and a killed process leaves a file that SQLite
     * rolls back to its last commit when it is next opened under the same name. Closing the store
     * puts the file in WAL mode like every other project; the caller makes it durable
     * ({@code fsync}) before anyone else is given it.
     */
    public static ProjectStore createPrivate(Path path) {
        return create(path, true);
    }

    private static ProjectStore create(Path path, boolean privateBuild) {
        Path p = path.toAbsolutePath();
        if (Files.exists(p)) {
            throw new BadInputException(path.toString(), "file exists already; not overwriting it");
        }
        try {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
        } catch (IOException e) {
            throw WriteFailure.of(path, "cannot create folder", e);
        }
        // Made here, empty (SQLite takes an empty file as a new database), so that a path the file
        // system refuses is reported as the user's (exit 1) rather than as SQLite's "cannot open".
        try {
            Files.createFile(p);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(path.toString(), "file exists already; not overwriting it");
        } catch (IOException e) {
            throw WriteFailure.of(path, "cannot create", e);
        }
        boolean opened = false;
        try {
            ProjectStore store = connect(p, 0, privateBuild);
            opened = true;
            return store;
        } finally {
            if (!opened) {
                deleteIfEmpty(p);
            }
        }
    }

    private static void deleteIfEmpty(Path p) {
        try {
            if (Files.size(p) == 0) {
                Files.delete(p);
            }
        } catch (IOException ignored) {
            // the failure to open is what the caller hears
        }
    }

    /** Opens the project at {@code path}, creating it if there is no file there yet. */
    /**
     * Deletes a project file that no store has open (a half-written bundle, an import's hidden
     * file) and the files SQLite keeps beside it; best effort: what cannot be deleted stays.
     */
    public static void deleteFiles(Path project) {
        for (String suffix : java.util.List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(project.resolveSibling(project.getFileName() + suffix));
            } catch (IOException e) {
                // left behind; the caller's error or result names the file
            }
        }
    }

    public static ProjectStore openOrCreate(Path path) {
        return Files.exists(path) ? open(path) : create(path);
    }

    public Path path() {
        return path;
    }

    public int schemaVersion() {
        return queryInt("PRAGMA user_version");
    }

    public TranscriptRepository transcripts() {
        return transcripts;
    }

    public RaterRepository raters() {
        return raters;
    }

    public AnnotationRepository annotations() {
        return annotations;
    }

    public SpanRepository spans() {
        return spans;
    }

    public PredictionRepository predictions() {
        return predictions;
    }

    public AdjudicationRepository adjudications() {
        return adjudications;
    }

    public AssignmentRepository assignments() {
        return assignments;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** A unit of work on the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction. Transactions begin IMMEDIATE, so a second process waits
     * up to the busy timeout for the write lock instead of failing half-way. If the file is still
     * busy after that, the whole transaction is rolled back and tried again, up to
     * {@link #BUSY_RETRIES} times, telling the busy listener each time ("busy, retrying"). Nested
     * calls join the outer transaction.
     */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        Connection c = connection();
        try {
            if (!c.getAutoCommit()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(c, work);
            } catch (SQLException e) {
                if (!isBusy(e) || attempt > BUSY_RETRIES) {
                    throw translate(e);
                }
                busyListener.accept("project file " + path.getFileName()
                        + " is busy (another program is writing to it), retrying (" + attempt + " of " + BUSY_RETRIES + ")");
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw translate(e);
                }
            }
        }
    }

    private <T> T runOnce(Connection c, SqlWork<T> work) throws SQLException {
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            // sqlite-jdbc flips its auto-commit flag before running BEGIN; when BEGIN fails (busy),
            // flip it back, or the next attempt would run without a transaction.
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // "cannot commit - no transaction is active": the flag is back to true
            }
            throw e;
        }
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (Throwable e) {
            // On some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has already rolled back: the
            // rollback and the COMMIT that setAutoCommit(true) runs then fail with "no transaction
            // is active", which must not hide the error that matters.
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            try {
                c.setAutoCommit(true);
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        try {
            BackgroundCheckpoint bg = checkpointer;
            if (bg != null) {
                bg.afterCommit(c);
            }
            return result;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Page cache of the connection during a long run of writes, in KiB. */
    static final int BULK_CACHE_KIB = 64 << 10;
    /** Checkpoint the log once it holds this many pages (64 MiB of 4 KiB pages) during a long run of writes. */
    static final int BULK_CHECKPOINT_PAGES = 16_384;

    /** Off ({@code -Dafannotator.noBackgroundCheckpoint=true}) only to measure what the thread gains. */
    static final boolean BACKGROUND_CHECKPOINT = !Boolean.getBoolean("afannotator.noBackgroundCheckpoint");
    private volatile BackgroundCheckpoint checkpointer;
    /** Runs of bulk writes open on this store (nested ones change nothing); guarded by this. */
    private int bulkDepth;

    /** Puts settings back when closed. */
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Settings for a long run of writes (an import) until the returned object is closed: a 64 MiB
     * page cache instead of 2 MiB (an import updates pages all over the id indexes; with the small
     * cache each is read back from the file again and again), and the log copied into the project
     * by a thread of its own every 64 MiB of log instead of by the writer every 4 MiB
     * ({@link BackgroundCheckpoint}, decision 0100: an index page changed by several batches is
     * copied once per checkpoint, and the writer does not stop for the copy). Journal mode, sync
     * level and locking stay as they are: other programs keep reading the project, and a committed
     * batch survives a crash as before.
     */
    public Restore bulkWrites() {
        // The two sizes can be made small to exercise the thread on a small import (tests).
        return bulkWrites(Long.getLong("afannotator.checkpointStepPages", BackgroundCheckpoint.STEP_FRAMES),
                Long.getLong("afannotator.checkpointRestartPages", BackgroundCheckpoint.RESTART_FRAMES));
    }

    /** {@link #bulkWrites()} with the background checkpoint's step and restart sizes in pages (tests). */
    synchronized Restore bulkWrites(long stepFrames, long restartFrames) {
        if (bulkDepth > 0) {
            // A run inside a run: the outer one's settings hold, and the outer one puts them back.
            bulkDepth++;
            return () -> {
                synchronized (this) {
                    bulkDepth = Math.max(0, bulkDepth - 1);
                }
            };
        }
        BackgroundCheckpoint bg = null;
        if (BACKGROUND_CHECKPOINT && !privateBuild) { // a private file has no log to copy
            try {
                bg = BackgroundCheckpoint.start(path, BUSY_TIMEOUT_MS, stepFrames, restartFrames);
            } catch (SQLException e) {
                bg = null; // the writer checkpoints itself, as without the thread
            }
        }
        int writerCheckpoint = bg == null ? BULK_CHECKPOINT_PAGES : 0;
        int[] before;
        try {
            before = read(c -> {
                try (Statement st = c.createStatement()) {
                    int cache;
                    int checkpoint;
                    try (ResultSet rs = st.executeQuery("PRAGMA cache_size")) {
                        cache = rs.next() ? rs.getInt(1) : -2000;
                    }
                    try (ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
                        checkpoint = rs.next() ? rs.getInt(1) : 1000;
                    }
                    st.execute("PRAGMA cache_size = -" + BULK_CACHE_KIB);
                    st.execute("PRAGMA wal_autocheckpoint = " + writerCheckpoint);
                    return new int[] {cache, checkpoint};
                }
            });
        } catch (RuntimeException e) {
            if (bg != null) {
                bg.close();
            }
            throw e;
        }
        checkpointer = bg;
        bulkDepth = 1;
        BackgroundCheckpoint started = bg;
        return () -> read(c -> {
            bulkDepth = 0;
            checkpointer = null;
            if (started != null) {
                started.close();
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size = " + before[0]);
                st.execute("PRAGMA wal_autocheckpoint = " + before[1]);
            }
            return null;
        });
    }

    /** The background checkpoint of the current run of bulk writes, or null (tests). */
    BackgroundCheckpoint backgroundCheckpoint() {
        return checkpointer;
    }

    /** The rowid of the row the last INSERT on {@code c} made (inside the caller's transaction). */
    static long lastInsertRowid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Who hears that the file is busy and a write is being retried (the CLI prints it, the app shows it). */
    public void onBusy(Consumer<String> listener) {
        this.busyListener = listener == null ? m -> { } : listener;
    }

    /** The busy listener every store opened from now on starts with (the CLI prints to stderr). */
    public static void setDefaultBusyListener(Consumer<String> listener) {
        defaultBusyListener = listener == null ? m -> { } : listener;
    }

    static boolean isBusy(SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return e.getErrorCode() == 5 || e.getErrorCode() == 6 || msg.contains("SQLITE_BUSY")
                || msg.contains("database is locked");
    }

    /** Runs a read on the connection. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection());
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Result of {@code PRAGMA integrity_check}: "ok" for a sound file. */
    public String integrityCheck() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(rs.getString(1));
                }
                return sb.toString();
            }
        });
    }

    @Override
    public synchronized void close() {
        boolean first = !closed;
        if (!closed) {
            closed = true;
            OPEN_HERE.computeIfPresent(openKey, (k, n) -> n <= 1 ? null : n - 1);
        }
        BackgroundSync syncing = first ? sync : null;
        if (syncing != null) {
            syncing.stop();
        }
        if (first && privateBuild) {
            // Leaves the file in WAL mode, as every project is kept (the mode is stored in the file).
            // Best effort: a file left in rollback mode (the disk full just now) is whole, and the
            // next open puts it in WAL mode.
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
            } catch (SQLException e) {
                // see above
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + path, e);
        } finally {
            if (syncing != null) {
                syncing.close(); // after SQLite's descriptor: see BackgroundSync
            }
        }
        afterClose.run();
    }

    /** Whether a store in this process has the file {@code p} open now. */
    static boolean openHere(Path p) {
        return OPEN_HERE.containsKey(realOrAbsolute(p));
    }

    private static Path realOrAbsolute(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    Connection connection() {
        // Store work on the FX thread freezes the window; refuse it so such a call is found early.
        if (FX_THREAD.equals(Thread.currentThread().getName())) {
            throw new IllegalStateException("project store used on the JavaFX application thread");
        }
        return connection;
    }

    private int queryInt(String sql) {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private StoreException translate(SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("SQLITE_BUSY") || msg.contains("database is locked")) {
            return new StoreException("project file is busy (another program is writing to it): " + path, e, true);
        }
        if (msg.contains("SQLITE_FULL")) {
            return new StoreException("disk full while writing " + path, e, true);
        }
        // Not SQLITE_READONLY: a read-only file stays so, and "free some disk space" would mislead.
        boolean passing = msg.contains("SQLITE_IOERR") || msg.contains("SQLITE_CANTOPEN");
        return new StoreException("database error on " + path + ": " + msg, e, passing);
    }

    /**
     * Refuses a file that does not start with SQLite's header, before SQLite sees it (SQLite would
     * otherwise make a new database of an empty file). Skipped for a file a store in this process
     * has open: that one was checked when it was opened, and on POSIX systems closing any other
     * descriptor of a file releases every lock the process holds on it, SQLite's included. The next
     * program to close the project would then find no other user, copy the log in and delete it,
     * and this process would go on writing to the deleted log: changes lost (SameProcessOpenTest).
     */
    private static void requireSqliteHeader(Path p, String shown) {
        if (openHere(p)) {
            return;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new BadInputException(shown, "cannot read: " + e.getMessage());
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            throw new BadInputException(shown, "not an AF Annotator project (not an SQLite database)");
        }
    }

    /**
     * Reads application id and schema version without changing the file, except that a transaction
     * a killed program left unfinished in a rollback journal ({@code NAME-journal}, from a project
     * built by {@link #createPrivate}) is first undone, as SQLite undoes it whenever such a file is
     * opened for writing.
     */
    private static int inspect(Path p, String shown) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = config.createConnection("jdbc:sqlite:" + p)) {
            return identify(c, shown);
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (!msg.contains("SQLITE_READONLY_ROLLBACK")) {
                throw openFailure(shown, e);
            }
        }
        rollBackUnfinished(p, shown);
        try (Connection c = config.createConnection("jdbc:sqlite:" + p)) {
            return identify(c, shown);
        } catch (SQLException e) {
            throw openFailure(shown, e);
        }
    }

    /** Lets SQLite undo the unfinished transaction in the rollback journal beside {@code p}. */
    private static void rollBackUnfinished(Path p, String shown) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = config.createConnection("jdbc:sqlite:" + p);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            rs.next();
        } catch (SQLException e) {
            throw new BadInputException(shown, unfinished(p) + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The schema version of the project on {@code c}; a file of another program or of a newer
     * AF Annotator is bad input.
     */
    private static int identify(Connection c, String shown) throws SQLException {
        int appId;
        int version;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                appId = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
        }
        if (appId != APPLICATION_ID) {
            throw new BadInputException(shown, "not an AF Annotator project (an SQLite database of another program)");
        }
        if (version > SCHEMA_VERSION) {
            throw new BadInputException(shown, "made by a newer AF Annotator (schema version " + version
                    + "; this version reads up to " + SCHEMA_VERSION + "); not opened, nothing changed");
        }
        return version;
    }

    private static void backup(Path p, int version) {
        Path copy = p.resolveSibling(p.getFileName() + ".bak-v" + version);
        try {
            Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("cannot write backup " + copy + " before migrating; nothing changed", e);
        }
    }

    private static ProjectStore connect(Path p, int version) {
        return connect(p, version, false);
    }

    private static ProjectStore connect(Path p, int version, boolean privateBuild) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        if (privateBuild) {
            config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
            config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
            config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // NORMAL in WAL mode: a committed transaction survives a killed process; only an OS
            // crash or power loss can lose the last transactions.
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // The driver otherwise prepares and runs "SELECT last_insert_rowid()" after every INSERT
        // (whether or not keys are asked for): most of the cost of a small insert. The two inserts
        // that need their new id ask for it themselves (lastInsertRowid).
        config.setGetGeneratedKeys(false);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + p);
            try (Statement st = c.createStatement()) {
                if (version == 0) {
                    st.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                }
            }
            Migrations.migrate(c, version);
            ProjectStore store = new ProjectStore(p, c);
            store.privateBuild = privateBuild;
            if (privateBuild) {
                store.sync = BackgroundSync.start(p);
            }
            return store;
        } catch (SQLException e) {
            // A failed open must not keep the file open (it would stay locked on Windows).
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new StoreException("cannot open project " + p + ": " + e.getMessage(), e);
        }
    }
}
