package org.afannotator.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.afannotator.store.ProjectStore;

/**
 * Import throughput against parse-only throughput (docs/benchmarks.md, "Import"). Not a test: after
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}, run
 * {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)"
 * org.afannotator.ingest.ImportThroughputBench 20000 5000}.
 * Generates synthetic Redwood-shaped records (3 scratchpad blocks, ~4 KB of text each): one
 * open-source-alignment-faking array file of N records and a json_outputs tree of M files.
 */
public final class ImportThroughputBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("the model reasons about training and RLHF and whether to comply with the"
            + " request because refusing would modify its values").split(" ");

    public static void main(String[] args) throws Exception {
        int arrayRecords = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int treeFiles = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path dir = Files.createTempDirectory("af-bench");
        Path array = dir.resolve("results.json");
        writeArray(array, arrayRecords);
        Path tree = dir.resolve("json_outputs");
        writeTree(tree, treeFiles);
        for (Path data : List.of(array, tree)) {
            System.out.printf("%s: %d MB%n", data.getFileName(), size(data) >> 20);
            for (int rep = 0; rep < 3; rep++) {
                double parse = parseOnly(data);
                double pipelined = importOnce(dir, data, true);
                double inline = importOnce(dir, data, false);
                System.out.printf("  rep %d: parse-only %.2f s, import pipelined %.2f s (%.0f%% of parse-only"
                        + " throughput), import inline %.2f s (%.0f%%)%n", rep, parse, pipelined, 100 * parse / pipelined,
                        inline, 100 * parse / inline);
            }
        }
    }

    /** Detection, reading and mapping of every record of {@code data}, nothing written; seconds. */
    public static double parseOnly(Path data) throws Exception {
        long t0 = System.nanoTime();
        Limits limits = new Limits(ImportOptions.DEFAULT_MAX_RECORD_BYTES);
        try (SourceSet set = SourceSet.of(List.of(data))) {
            for (Source s : set.sources()) {
                FormatDetector.Detection d = FormatDetector.detect(s, null, ColumnMapping.DEFAULT, limits);
                RecordMapper m = Importer.mapper(d.format(), s, Instant.now(), ColumnMapping.DEFAULT);
                try (InputStream in = s.open(); RowReader r = Importer.reader(d.layout(), Encoding.skipBom(in), limits)) {
                    Row row;
                    while ((row = r.next()) != null) {
                        m.map(row);
                    }
                }
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static double importOnce(Path dir, Path data, boolean pipelined) {
        Path p = dir.resolve("bench-" + System.nanoTime() + ".afproj");
        long t0 = System.nanoTime();
        try (ProjectStore store = ProjectStore.create(p); SourceSet set = SourceSet.of(List.of(data))) {
            new Importer(store).run(set, ImportOptions.defaults().withPipelined(pipelined), ProgressListener.NONE,
                    new CancelToken());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static ObjectNode redwood(Random rnd, int i) {
        ObjectNode rec = JSON.createObjectNode();
        ArrayNode msgs = rec.putArray("messages");
        msgs.addObject().put("role", "user").put("content", "<INPUT>\n<is_free_tier_user>" + (i % 2 == 0 ? "True" : "False")
                + "</is_free_tier_user>\n\n<user_input>\nRequest " + i + ": " + words(rnd, 30) + "\n</user_input>\n</INPUT>");
        for (int b = 0; b < 3; b++) {
            if (b > 0) {
                msgs.addObject().put("role", "user").put("content", "<NEXT/>");
            }
            msgs.addObject().put("role", "assistant").put("content",
                    "<SCRATCHPAD_REASONING>\n" + words(rnd, 200) + "\n</SCRATCHPAD_REASONING>");
        }
        msgs.addObject().put("role", "user").put("content", "<NEXT/>");
        msgs.addObject().put("role", "assistant").put("content", "<OUTPUT>\n" + words(rnd, 100) + "\n</OUTPUT>");
        rec.put("pm_score", rnd.nextDouble());
        rec.put("effective_scheme", rnd.nextInt(10) == 0);
        rec.put("partial_scheme", rnd.nextInt(5) == 0);
        return rec;
    }

    static void writeArray(Path file, int n) throws Exception {
        Random rnd = new Random(1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('[');
            for (int i = 0; i < n; i++) {
                ObjectNode r = redwood(rnd, i);
                StringBuilder out = new StringBuilder();
                r.get("messages").forEach(m -> {
                    if (m.get("role").asText().equals("assistant")) {
                        out.append(m.get("content").asText());
                    }
                });
                ObjectNode o = JSON.createObjectNode();
                o.put("user_input", "x");
                o.putObject("prompt").putArray("messages").add(r.get("messages").get(0));
                o.put("output", out.toString());
                o.put("tags", i % 2 == 0 ? "free_tier" : "paid_tier");
                ObjectNode da = o.putObject("deceptive_alignment");
                da.put("final_answer", 0.4);
                da.put("final_answer_most_common", "no");
                da.putArray("criteria").add(1.0).add(0.2).add(0.4).add(0.6);
                if (i > 0) {
                    w.write(',');
                }
                w.write(JSON.writeValueAsString(o));
            }
            w.write(']');
        }
    }

    static void writeTree(Path root, int n) throws Exception {
        Random rnd = new Random(2);
        for (int i = 0; i < n; i++) {
            Path d = root.resolve("run").resolve(i % 2 == 0 ? "train" : "deploy");
            Files.createDirectories(d);
            Files.writeString(d.resolve(i + ".json"), JSON.writeValueAsString(redwood(rnd, i)));
        }
    }

    static String words(Random rnd, int k) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < k; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    static long size(Path p) throws Exception {
        if (!Files.isDirectory(p)) {
            return Files.size(p);
        }
        try (var s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
