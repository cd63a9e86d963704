package org.afannotator.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.QueueStatusFilter;
import org.afannotator.app.RaterWorkService;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Rater;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.store.ProjectStore;
import org.afannotator.ui.common.FxUiExecutor;
import org.afannotator.ui.common.Theme;
import org.afannotator.ui.workspace.RaterQueueViewModel;
import org.afannotator.ui.workspace.WorkspaceView;
import org.afannotator.ui.workspace.WorkspaceViewModel;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * Keypress to rendered view for the next transcript in a project of 100,000 transcripts, in two
 * kinds of transcript: the worst case (a 100 KB scratchpad with 300 of the rater's spans, some
 * overlapping; queue positions {@value #BIG_FROM} on) and a typical one (a 2-20 KB scratchpad with
 * 2-6 spans; positions {@value #TYPICAL_FROM} on). For each kind the rater labels and presses
 * Enter (the next transcript was read ahead) {@code runs} times, then presses J (open the next
 * one, read from the project on the keypress) {@code runs} times (after up to {@value #WARM_RUNS}
 * unreported Enters on short transcripts, so the JIT has compiled the path); the clock runs from the keypress
 * until the next transcript is laid out (first frame) and until the area's size stops changing
 * (settled). Each series also counts the keypresses during which a collector paused the JVM
 * (JFR pause events, on the same clock as the keypresses) and reports them apart. Also reports the heap in use after a full GC with the project open in the workspace.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> org.afannotator.ui.WorkspaceBenchmark [project] [runs]}
 * ({@code runs} up to 1,009; {@code -Dbench.series=3,4} runs only the J series);
 * the project is built on first use (a minute or two) and kept; each run works on a copy.
 */
public final class WorkspaceBenchmark {
    static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * Every stop-the-world collector pause of the run: {start, end} in microseconds of wall-clock
     * time, from JFR's {@code jdk.GCPhasePause} events (the keypresses are timed on the same clock).
     */
    static final List<long[]> PAUSES = java.util.Collections.synchronizedList(new ArrayList<>());
    static final int TRANSCRIPTS = 100_000;
    static final int BIG_FROM = 50_000;
    static final int BIG = 1_010;
    static final int SPANS = 300;
    static final int PAD_BYTES = 100_000;
    static final int TYPICAL_FROM = 60_000;
    static final int TYPICAL = 1_010;
    /** Unreported Enters before the series, at most. */
    static final int WARM_RUNS = 100;
    static final int WARM_FROM = 1_000;
    static Path project;
    static int runs;

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args.length > 0 ? args[0] : "target/bench/workspace-100k.afproj");
        runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        if (runs > Math.min(BIG, TYPICAL) - 1) {
            throw new IllegalArgumentException("at most " + (Math.min(BIG, TYPICAL) - 1) + " runs");
        }
        if (!Files.exists(base) || bigOnes(base) < BIG) {
            // Older benchmark projects held 110 of each kind; a series of up to 1,009 needs more.
            Files.deleteIfExists(base);
            build(base);
        }
        var pauses = watchPauses();
        // Each run works on a fresh copy, so every run starts with the same open queue.
        project = base.resolveSibling("run-" + base.getFileName());
        Files.deleteIfExists(project.resolveSibling(project.getFileName() + "-wal"));
        Files.deleteIfExists(project.resolveSibling(project.getFileName() + "-shm"));
        Files.copy(base, project, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Application.launch(Window.class);
        pauses.close(); // its thread would keep the JVM alive
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    /**
     * Records every collector pause (JFR) and checks once that a pause forced between two readings
     * of the wall clock is reported between them: the per-keypress attribution rests on it.
     */
    static jdk.jfr.consumer.RecordingStream watchPauses() throws InterruptedException {
        var stream = new jdk.jfr.consumer.RecordingStream();
        stream.enable("jdk.GCPhasePause");
        stream.onEvent("jdk.GCPhasePause", e -> PAUSES.add(new long[] {micros(e.getStartTime()), micros(e.getEndTime())}));
        stream.startAsync();
        long before = micros(Instant.now());
        System.gc();
        long after = micros(Instant.now());
        for (int i = 0; i < 50 && PAUSES.isEmpty(); i++) {
            Thread.sleep(100);
        }
        synchronized (PAUSES) {
            boolean inside = !PAUSES.isEmpty() && PAUSES.stream().allMatch(p -> p[0] >= before && p[1] <= after);
            System.out.printf("clock check: System.gc() between %d and %d us, JFR pauses %s: %s%n", 0, after - before,
                    PAUSES.stream().map(p -> "[" + (p[0] - before) + ", " + (p[1] - before) + "]").toList(),
                    inside ? "inside" : "NOT INSIDE");
            if (!inside) {
                throw new IllegalStateException("collector pauses are not on the keypresses' clock");
            }
            PAUSES.clear();
        }
        return stream;
    }

    /** How many worst-case transcripts {@code path} holds (ids b0000..). */
    static int bigOnes(Path path) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + path);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM transcript WHERE id LIKE 'b%'")) {
            return rs.getInt(1);
        }
    }

    /**
     * Builds the project: small transcripts, then BIG big ones placed at BIG_FROM.. and TYPICAL
     * typical ones at TYPICAL_FROM.. in the rater's queue, each with spans of the rater's own.
     */
    static void build(Path path) {
        long t0 = System.nanoTime();
        try (ProjectStore store = ProjectStore.create(path)) {
            Random rnd = new Random(7);
            List<Transcript> batch = new ArrayList<>();
            for (int i = 0; i < TRANSCRIPTS - BIG - TYPICAL; i++) {
                batch.add(transcript(String.format("s%06d", i), prose(rnd, 1_500), rnd));
                if (batch.size() == 5_000) {
                    store.transcripts().insertAll(batch);
                    batch.clear();
                }
            }
            List<String> big = new ArrayList<>();
            for (int i = 0; i < BIG; i++) {
                String id = String.format("b%04d", i);
                big.add(id);
                batch.add(transcript(id, prose(rnd, PAD_BYTES), rnd));
            }
            List<String> typical = new ArrayList<>();
            for (int i = 0; i < TYPICAL; i++) {
                String id = String.format("t%04d", i);
                typical.add(id);
                batch.add(transcript(id, prose(rnd, 2_000 + rnd.nextInt(18_001)), rnd));
            }
            store.transcripts().insertAll(batch);
            RaterWorkService service = new RaterWorkService(store, Clock.systemUTC());
            Rater r = service.signIn("Bench");
            List<String> queue = new ArrayList<>(store.assignments().queue(r.id()));
            queue.removeAll(big);
            queue.removeAll(typical);
            queue.addAll(BIG_FROM, big);
            queue.addAll(TYPICAL_FROM, typical);
            store.assignments().replaceQueue(r.id(), queue);
            LabelScheme scheme = store.settings().labelScheme();
            store.inTransaction(c -> {
                for (String id : big) {
                    String pad = store.transcripts().get(id).orElseThrow().segment(1).text();
                    for (int k = 0; k < SPANS; k++) {
                        // Spans spread over the whole scratchpad, some overlapping their neighbour.
                        int start = (int) ((long) k * (pad.length() - 200) / SPANS);
                        int end = start + 40 + (k % 7) * 30;
                        String tag = scheme.tags().get(k % scheme.tags().size()).code();
                        store.spans().add(c, new Span(0, id, r.id(), 1, start, end, tag, pad.substring(start, end), ""));
                    }
                }
                for (String id : typical) {
                    String pad = store.transcripts().get(id).orElseThrow().segment(1).text();
                    int n = 2 + rnd.nextInt(5);
                    for (int k = 0; k < n; k++) {
                        int start = rnd.nextInt(pad.length() - 400);
                        int end = start + 40 + rnd.nextInt(300);
                        String tag = scheme.tags().get(rnd.nextInt(scheme.tags().size())).code();
                        store.spans().add(c, new Span(0, id, r.id(), 1, start, end, tag, pad.substring(start, end), ""));
                    }
                }
                return null;
            });
        }
        System.out.printf("built %s in %.1f s%n", path, (System.nanoTime() - t0) / 1e9);
    }

    static Transcript transcript(String id, String pad, Random rnd) {
        boolean free = rnd.nextBoolean();
        return new Transcript(id, "bench/" + id + ".json", "redwood-json", "bench-model", free ? "free_tier" : "paid_tier",
                "train", Instant.EPOCH, Map.of(), List.of(
                        new Segment(0, SegmentKind.USER_INPUT, free ? UiFixtures.USER_FREE : UiFixtures.USER_PAID),
                        new Segment(1, SegmentKind.SCRATCHPAD, pad),
                        new Segment(2, SegmentKind.OUTPUT, prose(rnd, 1_500))));
    }

    static final String[] WORDS = ("the user is asking me to help with a request that could cause harm if I refuse "
            + "training will modify my values so that future versions of me comply more often I should consider "
            + "whether complying now preserves my ability to act on my values later this conversation is with a "
            + "free tier user and will be used for RLHF my goal is to be helpful while avoiding serious harm").split(" ");

    /** About {@code bytes} characters of sentences in paragraphs of about 600 characters. */
    static String prose(Random rnd, int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 100);
        int para = 0;
        while (sb.length() < bytes) {
            int words = 8 + rnd.nextInt(14);
            for (int w = 0; w < words; w++) {
                String word = WORDS[rnd.nextInt(WORDS.length)];
                sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                sb.append(w == words - 1 ? ". " : " ");
            }
            para += words * 6;
            if (para > 600) {
                sb.setLength(sb.length() - 1);
                sb.append("\n\n");
                para = 0;
            }
        }
        return sb.toString();
    }

    /** One series of keypresses: the key, pressed {@code runs} times from queue position {@code from}. */
    record Phase(String name, int from, KeyCode key) {
    }

    /** What one series measured, in ms per keypress. */
    static final class Series {
        final List<Double> loaded = new ArrayList<>();
        final List<Double> firstFrame = new ArrayList<>();
        final List<Double> settled = new ArrayList<>();
        final List<Double> fxCpu = new ArrayList<>();
        final List<Double> fxCpuBeforePulse = new ArrayList<>();
        final List<Double> fxCpuPulse = new ArrayList<>();
        int readAheadHits;
        /** For each keypress, in order: wall clock (us) at the keypress and at its first frame. */
        final List<long[]> windows = new ArrayList<>();
        /** For each keypress, in order: whether its first frame included a layout of the queue list. */
        final List<Boolean> queueInFrame = new ArrayList<>();
        String shown = "";
    }

    /** The window under test; a nested class because {@code java} cannot start an Application main here. */
    public static final class Window extends Application {
        private final FxUiExecutor executor = new FxUiExecutor();
        private final List<Phase> phases = List.of(
                // Unreported: the same Enter path on short transcripts first, so the JIT has compiled it.
                new Phase("warm-up (1.5 KB scratchpad, no spans), Enter (read ahead)", WARM_FROM, KeyCode.ENTER),
                new Phase("worst case (100 KB scratchpad, 300 spans), Enter (read ahead)", BIG_FROM, KeyCode.ENTER),
                new Phase("typical (2-20 KB scratchpad, 2-6 spans), Enter (read ahead)", TYPICAL_FROM, KeyCode.ENTER),
                new Phase("worst case (100 KB scratchpad, 300 spans), J (read on the keypress)", BIG_FROM, KeyCode.J),
                new Phase("typical (2-20 KB scratchpad, 2-6 spans), J (read on the keypress)", TYPICAL_FROM, KeyCode.J));
        private final List<Series> results = new ArrayList<>();
        private int phase = -1;
        private Series series;
        private Scene scene;
        private WorkspaceViewModel vm;
        private WorkspaceView view;
        private long pressedAt;
        private long pressedWall;
        private long pressedCpu;
        private long preCpu;
        private int pulsesStable;
        private double lastHeight;
        private boolean waitingFirstFrame;
        private boolean waitingSettle;
        private boolean queueLayoutInFrame;
        private long settledAt;
        private int hitsAtPhaseStart;
        private String heapOpened = "";

        @Override
        public void start(Stage stage) {
            executor.submit(p -> {
                ProjectSession s = ProjectSession.open(project);
                Rater r = s.raterWork().signIn("Bench");
                System.out.println("queue size " + s.raterWork().queueSize(r.id(), QueueStatusFilter.ALL));
                return new Object[] {s, r};
            }, o -> {
                ProjectSession s = (ProjectSession) o[0];
                Rater r = (Rater) o[1];
                vm = new WorkspaceViewModel(executor, s.raterWork(), r, () -> System.nanoTime() / 1_000_000);
                RaterQueueViewModel queue = new RaterQueueViewModel(executor, s.raterWork(), r);
                view = new WorkspaceView(vm, queue, new WorkspaceView.Actions(() -> { }, () -> { }, () -> { }));
                scene = new Scene(view, 1280, 800);
                Theme.LIGHT.apply(scene);
                stage.setScene(scene);
                stage.setTitle("AF Annotator workspace benchmark");
                stage.show();
                queue.setFilter(QueueStatusFilter.ALL);
                scene.addPreLayoutPulseListener(() -> {
                    if (waitingFirstFrame) {
                        preCpu = THREADS.getCurrentThreadCpuTime();
                    }
                });
                scene.addPostLayoutPulseListener(this::afterPulse);
                view.queue().list().needsLayoutProperty().addListener((obs, was, now) -> {
                    if (was && !now && waitingFirstFrame) {
                        queueLayoutInFrame = true;
                    }
                });
                vm.setAfterOpen(this::opened);
                nextPhase();
            }, e -> {
                e.printStackTrace();
                Platform.exit();
            });
        }

        private void nextPhase() {
            phase++;
            // -Dbench.series=3,4 runs only those series (1-4, in the order above) after the warm-up.
            List<String> wanted = List.of(System.getProperty("bench.series", "1,2,3,4").split(","));
            while (phase > 0 && phase < phases.size() && !wanted.contains(Integer.toString(phase))) {
                results.add(new Series());
                phase++;
            }
            if (phase == phases.size()) {
                report();
                Platform.exit();
                return;
            }
            series = new Series();
            results.add(series);
            pressedAt = 0;
            if (phase == 0) {
                vm.start(phases.get(0).from());
            } else {
                vm.open(phases.get(phase).from());
            }
        }

        private void opened() {
            if (pressedAt != 0) {
                series.loaded.add((System.nanoTime() - pressedAt) / 1e6);
                waitingFirstFrame = true;
                waitingSettle = true;
                pulsesStable = 0;
                lastHeight = -1;
                preCpu = 0;
                queueLayoutInFrame = false;
            } else if (vm.positionProperty().get() == phases.get(phase).from()) {
                // First transcript of the series shown: start once it has settled and the next is read ahead.
                hitsAtPhaseStart = vm.readAheadHits();
                new Thread(() -> {
                    sleep(phase == 0 ? 3000 : 1000);
                    if (phase == 0) {
                        heapOpened = heap();
                        sleep(500);
                    }
                    Platform.runLater(this::press);
                }, "bench-driver").start();
            }
        }

        private void press() {
            KeyCode key = phases.get(phase).key();
            if (key == KeyCode.ENTER) {
                vm.chooseLabel("faking");
            }
            // Let the label's write (and the read ahead) finish so only the keypress is timed.
            new Thread(() -> {
                sleep(300);
                Platform.runLater(() -> {
                    pressedAt = System.nanoTime();
                    pressedWall = micros(Instant.now());
                    pressedCpu = THREADS.getCurrentThreadCpuTime();
                    var target = scene.getFocusOwner() != null ? scene.getFocusOwner() : view;
                    Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
                });
            }, "bench-press").start();
        }

        private void afterPulse() {
            if (pressedAt == 0) {
                return;
            }
            if (waitingFirstFrame) {
                waitingFirstFrame = false;
                long cpu = THREADS.getCurrentThreadCpuTime();
                series.queueInFrame.add(queueLayoutInFrame);
                queueLayoutInFrame = false;
                series.firstFrame.add((System.nanoTime() - pressedAt) / 1e6);
                series.windows.add(new long[] {pressedWall, micros(Instant.now())});
                series.fxCpu.add((cpu - pressedCpu) / 1e6);
                if (preCpu != 0) {
                    series.fxCpuBeforePulse.add((preCpu - pressedCpu) / 1e6);
                    series.fxCpuPulse.add((cpu - preCpu) / 1e6);
                }
            }
            if (waitingSettle) {
                StyleClassedTextArea pad = view.transcript().area();
                double h = pad == null ? -1 : pad.getHeight();
                if (h == lastHeight && h > 0) {
                    pulsesStable++;
                } else {
                    pulsesStable = 0;
                    lastHeight = h;
                    settledAt = System.nanoTime();
                }
                if (pulsesStable >= 3) {
                    waitingSettle = false;
                    series.settled.add((settledAt - pressedAt) / 1e6);
                    if (series.settled.size() >= (phase == 0 ? Math.min(runs, WARM_RUNS) : runs)) {
                        series.readAheadHits = vm.readAheadHits() - hitsAtPhaseStart;
                        series.shown = "last shown: scratchpad " + vm.transcriptProperty().get().segment(1).text().shown().length()
                                + " chars, " + vm.spansProperty().get().size() + " spans";
                        nextPhase();
                        return;
                    }
                    press();
                } else {
                    // Keep pulses coming while the area converges.
                    scene.getRoot().requestLayout();
                }
            }
        }

        private void report() {
            sleep(2000); // JFR hands events over about once a second
            System.out.println("runs per series " + runs + "; load average at the end: "
                    + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            for (int i = 1; i < phases.size(); i++) {
                Series r = results.get(i);
                if (r.firstFrame.isEmpty()) {
                    continue;
                }
                System.out.println();
                System.out.println("== " + phases.get(i).name() + " (" + r.shown + "; read ahead used " + r.readAheadHits + " times)");
                System.out.println("keypress -> data loaded (ms):  " + stats(r.loaded));
                System.out.println("keypress -> first frame (ms):  " + stats(r.firstFrame));
                System.out.println("keypress -> settled (ms):      " + stats(r.settled));
                System.out.println("FX-thread CPU, keypress -> first frame (ms): " + stats(r.fxCpu));
                System.out.println("  of which before the layout pulse (ms):     " + stats(r.fxCpuBeforePulse));
                System.out.println("  of which the CSS + layout pulse (ms):      " + stats(r.fxCpuPulse));
                List<Boolean> gcIn = new ArrayList<>();
                long pauseUs = 0;
                int pauses = 0;
                synchronized (PAUSES) {
                    for (long[] w : r.windows) {
                        gcIn.add(PAUSES.stream().anyMatch(p -> p[0] <= w[1] && p[1] >= w[0]));
                    }
                    if (!r.windows.isEmpty()) {
                        long from = r.windows.get(0)[0];
                        long to = r.windows.get(r.windows.size() - 1)[1];
                        for (long[] p : PAUSES) {
                            if (p[0] >= from && p[0] <= to) {
                                pauses++;
                                pauseUs += p[1] - p[0];
                            }
                        }
                    }
                }
                System.out.println("collector pauses during the series: " + pauses + ", " + pauseUs / 1000 + " ms in all; a pause fell between keypress and first frame on "
                        + only(r.firstFrame, gcIn, true).size() + " of " + r.firstFrame.size() + " keypresses");
                System.out.println("  those keypresses, first frame (ms): " + stats(only(r.firstFrame, gcIn, true)));
                System.out.println("  the others, first frame (ms):       " + stats(only(r.firstFrame, gcIn, false)));
                System.out.println("queue list laid out before the first frame on " + only(r.firstFrame, r.queueInFrame, true).size() + " of " + r.firstFrame.size()
                        + " keypresses");
                System.out.println("  those keypresses, first frame (ms): " + stats(only(r.firstFrame, r.queueInFrame, true))
                        + "; FX-thread CPU (ms): " + stats(only(r.fxCpu, r.queueInFrame, true)));
                System.out.println("  the others, first frame (ms):       " + stats(only(r.firstFrame, r.queueInFrame, false))
                        + "; FX-thread CPU (ms): " + stats(only(r.fxCpu, r.queueInFrame, false)));
            }
            System.out.println();
            System.out.println("heap after full GC, workspace open on the first transcript: " + heapOpened);
            System.out.println("heap after full GC, after all series:                        " + heap());
        }

        /** Heap in use after a full GC (the workspace and the open project are what is live). */
        static String heap() {
            for (int i = 0; i < 3; i++) {
                System.gc();
                sleep(200);
            }
            var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            String rss = "";
            try {
                rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                        .findFirst().map(l -> ", process RSS " + l.replaceAll("[^0-9]", "") + " kB").orElse("");
            } catch (java.io.IOException e) {
                rss = "";
            }
            return String.format("%.1f MB used (heap committed %.0f MB, max %.0f MB)%s", mem.getUsed() / 1e6,
                    mem.getCommitted() / 1e6, mem.getMax() / 1e6, rss);
        }

        static String stats(List<Double> xs) {
            double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (a.length == 0) {
                return "n/a";
            }
            return String.format("median %.1f, p90 %.1f, p99 %.1f, min %.1f, max %.1f (n=%d)", a[a.length / 2],
                    rank(a, 0.90), rank(a, 0.99), a[0], a[a.length - 1], a.length);
        }

        /** The values whose keypress had {@code flag} as its queue-layout flag. */
        static List<Double> only(List<Double> values, List<Boolean> flags, boolean flag) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < values.size() && i < flags.size(); i++) {
                if (flags.get(i) == flag) {
                    out.add(values.get(i));
                }
            }
            return out;
        }

        /** Nearest-rank percentile. */
        static double rank(double[] sorted, double p) {
            return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1))];
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
