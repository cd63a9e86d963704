package org.afannotator.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.afannotator.app.CorpusGenerator;
import org.afannotator.app.ImportService;
import org.afannotator.ingest.CancelToken;
import org.afannotator.ingest.ImportThroughputBench;
import org.afannotator.ingest.ImportOptions;
import org.afannotator.ingest.ImportResult;
import org.afannotator.ingest.ProgressListener;
import org.afannotator.store.ProjectStore;
import org.sqlite.SQLiteConfig;

/**
 * Import throughput against the limit of parsing alone, in one run over the same files. Passes
 * (third argument, comma-separated; default {@code tokens,trees,naive,import,inline}):
 * <ul>
 * <li>{@code tokens}, parse-only: Jackson's streaming parser reads every token and every string of every file;
 * <li>{@code trees}, parse-only: Jackson reads every file into a tree, as the importer does;
 * <li>{@code naive}: one thread parses each file into a tree and inserts each message's text into a
 *     minimal table (one prepared statement, batched, a transaction per 100 files, WAL and
 *     synchronous NORMAL like a project): what SQLite itself costs for this text;
 * <li>{@code shape1}, {@code shape2}: one thread writes an import's rows for each file (a transcript
 *     keyed by the file's SHA-256, a segment per message, a prediction per classifier field) in the
 *     shape of schema 1 (segments and predictions keyed by the text id) or schema 2 (keyed by the
 *     transcript's integer key), a commit every 0.5 s with the import's cache and checkpoint:
 *     what the order of the keys costs, apart from the rest of the import;
 * <li>{@code mapped}: the import's own detection, reading and mapping of every record, nothing written;
 * <li>{@code import}: the import, parse and write on separate threads (the default), into a new project;
 * <li>{@code inline}: the import on one thread (parse, then write, record by record), into another new project.
 * </ul>
 * Prints MB/s and transcripts/s of each, the ratios to parse-only, and the peak heap (sampled
 * every 5 ms; run it with -Xmx256m to show memory stays bounded). The page cache is warmed by a
 * first read of every file, so all passes read from memory.
 *
 * <p>Run: {@code mvn -o -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * -Dexec.args="-Xmx256m -cp %classpath org.afannotator.bench.ImportBench /tmp/af-bench 100000"}
 * ({@code --two-threads-only} as the third argument means {@code tokens,trees,import}).
 */
public final class ImportBench {
    private ImportBench() {
    }

    /** The passes, in the order they run. */
    static final List<String> ALL_PASSES = List.of("tokens", "trees", "naive", "shape1", "shape2", "mapped", "import",
            "inline");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/af-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<String> passes = passes(args.length > 2 ? args[2] : null);
        Path corpus = dir.resolve("corpus-" + n);
        if (!Files.exists(corpus.resolve("ratings.csv"))) {
            long t = System.nanoTime();
            new CorpusGenerator(1).generate(corpus, n, 3, CorpusGenerator.Format.REDWOOD);
            System.out.printf(Locale.ROOT, "generated %d transcripts in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
        }
        Path tree = corpus.resolve("json_outputs");
        List<Path> files;
        try (Stream<Path> s = Files.walk(tree)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        long bytes = 0;
        for (Path p : files) {
            bytes += Files.readAllBytes(p).length;
        }
        double mb = bytes / 1e6;
        System.out.printf(Locale.ROOT, "corpus: %d files, %.1f MB, %d cores, max heap %d MB, passes %s%n", files.size(),
                mb, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, passes);

        // The projects of an earlier run are deleted before any pass is timed (a 1.7 GB file takes a while).
        for (String name : List.of("bench-pipelined.afproj", "bench-inline.afproj")) {
            ProjectStore.deleteFiles(dir.resolve(name));
        }
        HeapSampler heap = new HeapSampler();
        heap.start();
        Map<String, Double> times = new LinkedHashMap<>();
        for (String pass : passes) {
            double s = switch (pass) {
                case "tokens" -> time(() -> tokenPass(files));
                case "trees" -> time(() -> treePass(files));
                case "naive" -> time(() -> naivePass(dir.resolve("bench-naive.db"), files));
                case "shape1" -> time(() -> shapePass(dir.resolve("bench-shape1.db"), files, false));
                case "shape2" -> time(() -> shapePass(dir.resolve("bench-shape2.db"), files, true));
                case "mapped" -> time(() -> ImportThroughputBench.parseOnly(tree));
                case "import" -> time(() -> importInto(dir.resolve("bench-pipelined.afproj"), tree, true, files.size()));
                case "inline" -> time(() -> importInto(dir.resolve("bench-inline.afproj"), tree, false, files.size()));
                default -> throw new IllegalArgumentException("unknown pass " + pass + "; passes: " + ALL_PASSES);
            };
            times.put(pass, s);
            report(LABELS.get(pass), s, mb, files.size(), heap);
        }
        heap.stop();
        for (String base : List.of("tokens", "trees")) {
            if (!times.containsKey(base)) {
                continue;
            }
            for (String pass : List.of("import", "inline", "naive", "shape1", "shape2")) {
                if (times.containsKey(pass)) {
                    System.out.printf(Locale.ROOT, "ratio %s / parse-only %s: %.0f%%%n", pass, base,
                            100 * times.get(base) / times.get(pass));
                }
            }
        }
        System.out.printf(Locale.ROOT, "peak heap used over the whole run: %d MB%n", heap.peak() >> 20);
    }

    private static final Map<String, String> LABELS = Map.of(
            "tokens", "parse-only, tokens",
            "trees", "parse-only, trees",
            "naive", "naive: one thread, parse + insert text",
            "shape1", "one thread, project rows, text keys (v1)",
            "shape2", "one thread, project rows, integer keys (v2)",
            "mapped", "import's parse and mapping, no writes",
            "import", "import, parse and write on two threads",
            "inline", "import, one thread");

    /** The passes named in {@code arg} (comma-separated), or the default set. */
    static List<String> passes(String arg) {
        if (arg == null) {
            return List.of("tokens", "trees", "naive", "import", "inline");
        }
        if (arg.equals("--two-threads-only")) {
            return List.of("tokens", "trees", "import");
        }
        return List.of(arg.split(","));
    }

    interface Work {
        void run() throws Exception;
    }

    /** What the process used during the last {@link #time} (CPU, bytes written), for the report. */
    private static Usage lastUsage;

    /** CPU time of the calling thread during the last {@link #time}: the import's writer, the whole naive pass. */
    private static double lastThreadCpuS;

    private static double time(Work w) throws Exception {
        System.gc();
        Usage before = Usage.now();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t = System.nanoTime();
        w.run();
        double s = (System.nanoTime() - t) / 1e9;
        lastThreadCpuS = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
        lastUsage = Usage.now().minus(before);
        return s;
    }

    private static void report(String what, double s, double mb, int n, HeapSampler heap) {
        System.out.printf(Locale.ROOT, "%-42s %7.1f s %7.1f MB/s %8.0f transcripts/s  peak heap so far %d MB%n", what, s,
                mb / s, n / s, heap.peak() >> 20);
        if (lastUsage != null) {
            System.out.printf(Locale.ROOT, "    process CPU %.1f s user + %.1f s system (calling thread, the import's"
                    + " writer: %.1f s); written %.0f MB in %d calls; read %.0f MB in %d calls; load average %s%n",
                    lastUsage.userS, lastUsage.sysS, lastThreadCpuS,
                    lastUsage.written / 1e6, lastUsage.writeCalls, lastUsage.read / 1e6, lastUsage.readCalls, Usage.load());
        }
    }

    /**
     * CPU time and I/O of this process from /proc (Linux; zeros elsewhere): user and system CPU
     * seconds, bytes and calls of write and read (any file, page cache included).
     */
    record Usage(double userS, double sysS, long written, long writeCalls, long read, long readCalls) {
        static Usage now() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double tick = 100.0; // USER_HZ
                Map<String, Long> io = new LinkedHashMap<>();
                for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                    String[] kv = line.split(":\\s*");
                    io.put(kv[0], Long.parseLong(kv[1].strip()));
                }
                return new Usage(Long.parseLong(f[11]) / tick, Long.parseLong(f[12]) / tick, io.get("wchar"),
                        io.get("syscw"), io.get("rchar"), io.get("syscr"));
            } catch (Exception e) {
                return new Usage(0, 0, 0, 0, 0, 0);
            }
        }

        Usage minus(Usage o) {
            return new Usage(userS - o.userS, sysS - o.sysS, written - o.written, writeCalls - o.writeCalls,
                    read - o.read, readCalls - o.readCalls);
        }

        static String load() {
            try {
                String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return l[0] + " " + l[1] + " " + l[2];
            } catch (Exception e) {
                return "?";
            }
        }
    }

    private static long tokenPass(List<Path> files) throws Exception {
        JsonFactory f = new JsonFactory();
        long chars = 0;
        for (Path p : files) {
            try (JsonParser jp = f.createParser(p.toFile())) {
                JsonToken t;
                while ((t = jp.nextToken()) != null) {
                    if (t == JsonToken.VALUE_STRING) {
                        chars += jp.getText().length();
                    }
                }
            }
        }
        return chars;
    }

    private static long treePass(List<Path> files) throws Exception {
        ObjectMapper m = new ObjectMapper();
        long nodes = 0;
        for (Path p : files) {
            nodes += m.readTree(p.toFile()).size();
        }
        return nodes;
    }

    /**
     * The naive baseline: one thread reads each file into a tree and inserts every message's
     * content into a minimal table (one prepared statement, batched per file, one transaction per
     * {@link #NAIVE_FILES_PER_TRANSACTION} files), with the journal settings of a project (WAL,
     * synchronous NORMAL): what SQLite costs for this text, without anything of the import.
     */
    private static long naivePass(Path db, List<Path> files) throws Exception {
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        ObjectMapper m = new ObjectMapper();
        long rows = 0;
        try (Connection c = config.createConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE doc(file TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO doc(file, ordinal, text) VALUES (?,?,?)")) {
                int inTx = 0;
                for (Path p : files) {
                    JsonNode messages = m.readTree(p.toFile()).get("messages");
                    String name = p.getFileName().toString();
                    for (int i = 0; i < messages.size(); i++) {
                        ps.setString(1, name);
                        ps.setInt(2, i);
                        ps.setString(3, messages.get(i).get("content").asText());
                        ps.addBatch();
                        rows++;
                    }
                    ps.executeBatch();
                    if (++inTx == NAIVE_FILES_PER_TRANSACTION) {
                        c.commit();
                        inTx = 0;
                    }
                }
                c.commit();
            }
        }
        return rows;
    }

    static final int NAIVE_FILES_PER_TRANSACTION = 100;

    /**
     * The rows an import writes for each file (a transcript keyed by the SHA-256 of the file, one
     * segment per message, one prediction per classifier field), on one thread, a commit every
     * 0.5 s, the import's cache and checkpoint settings: in the schema-1 shape (segment and
     * prediction keyed by the text id) or the schema-2 shape (keyed by the transcript's integer
     * key). Measures what the key order costs, apart from everything else the import does.
     */
    private static long shapePass(Path db, List<Path> files, boolean integerKeys) throws Exception {
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setCacheSize(-(64 << 10));
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "16384");
        ObjectMapper m = new ObjectMapper();
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        String ref = integerKeys ? "transcript_key INTEGER NOT NULL REFERENCES transcript(key) ON DELETE CASCADE"
                : "transcript_id TEXT NOT NULL REFERENCES transcript(id) ON DELETE CASCADE";
        String col = integerKeys ? "transcript_key" : "transcript_id";
        long rows = 0;
        try (Connection c = config.createConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate(integerKeys
                        ? "CREATE TABLE transcript(key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT,"
                                + " format TEXT, imported_at TEXT NOT NULL, metadata TEXT NOT NULL DEFAULT '{}')"
                        : "CREATE TABLE transcript(id TEXT PRIMARY KEY, source TEXT, format TEXT,"
                                + " imported_at TEXT NOT NULL, metadata TEXT NOT NULL DEFAULT '{}')");
                st.executeUpdate("CREATE TABLE segment(" + ref + ", ordinal INTEGER NOT NULL, kind TEXT NOT NULL,"
                        + " text TEXT NOT NULL, PRIMARY KEY (" + col + ", ordinal))");
                st.executeUpdate("CREATE TABLE prediction(" + ref + ", classifier TEXT NOT NULL, label TEXT, score REAL,"
                        + " criteria TEXT NOT NULL DEFAULT '{}', quotes TEXT NOT NULL DEFAULT '[]', raw TEXT,"
                        + " PRIMARY KEY (" + col + ", classifier))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement tr = c.prepareStatement(
                    "INSERT INTO transcript(id, source, format, imported_at) VALUES (?,?,'REDWOOD','2026-11-23T00:00:00Z')");
                    PreparedStatement last = c.prepareStatement("SELECT last_insert_rowid()");
                    PreparedStatement seg = c.prepareStatement(
                            "INSERT INTO segment(" + col + ", ordinal, kind, text) VALUES (?,?,'OTHER',?)");
                    PreparedStatement pred = c.prepareStatement(
                            "INSERT INTO prediction(" + col + ", classifier, label, raw) VALUES (?,?,?,?)")) {
                long batchStart = System.nanoTime();
                for (Path p : files) {
                    byte[] bytes = Files.readAllBytes(p);
                    JsonNode root = m.readTree(bytes);
                    StringBuilder id = new StringBuilder(64);
                    for (byte b : sha.digest(bytes)) {
                        id.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
                    }
                    tr.setString(1, id.toString());
                    tr.setString(2, p.getFileName().toString());
                    tr.executeUpdate();
                    long key = 0;
                    if (integerKeys) {
                        try (java.sql.ResultSet rs = last.executeQuery()) {
                            rs.next();
                            key = rs.getLong(1);
                        }
                    }
                    JsonNode messages = root.get("messages");
                    for (int i = 0; i < messages.size(); i++) {
                        if (integerKeys) {
                            seg.setLong(1, key);
                        } else {
                            seg.setString(1, id.toString());
                        }
                        seg.setInt(2, i);
                        seg.setString(3, messages.get(i).get("content").asText());
                        seg.addBatch();
                        rows++;
                    }
                    seg.executeBatch();
                    var fields = root.fields();
                    while (fields.hasNext()) {
                        var f = fields.next();
                        if (f.getKey().equals("messages")) {
                            continue;
                        }
                        if (integerKeys) {
                            pred.setLong(1, key);
                        } else {
                            pred.setString(1, id.toString());
                        }
                        pred.setString(2, f.getKey());
                        pred.setString(3, f.getValue().asText());
                        pred.setString(4, f.getValue().toString());
                        pred.addBatch();
                        rows++;
                    }
                    pred.executeBatch();
                    if (System.nanoTime() - batchStart > 500_000_000L) {
                        c.commit();
                        batchStart = System.nanoTime();
                    }
                }
                c.commit();
            }
        }
        return rows;
    }

    private static void importInto(Path project, Path tree, boolean pipelined, int expected) throws Exception {
        ImportResult r = new ImportService().importInto(project, List.of(tree),
                ImportOptions.defaults().withPipelined(pipelined), ProgressListener.NONE, new CancelToken());
        if (r.transcriptsAdded() != expected) {
            throw new IllegalStateException("imported " + r.transcriptsAdded() + " of " + expected);
        }
    }

    /** Samples used heap every 5 ms and keeps the highest value. */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::loop, "heap-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }

        private void loop() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            while (running) {
                long used = 0;
                for (MemoryPoolMXBean p : pools) {
                    used += p.getUsage().getUsed();
                }
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
