package org.afannotator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log of a long run of writes is copied into the project by a thread of its own (decision
 * 0100): the log file stays bounded, everything committed arrives, a reader keeps its snapshot,
 * and a broken checkpoint connection hands the work back to the writer.
 */
class BackgroundCheckpointTest {
    private static final int PAGE = 4096;
    /** Small sizes so that a test of a few MB passes many steps and restarts. */
    private static final long STEP = 32;
    private static final long RESTART = 128;
    private static final int PER_TX = 5;

    @TempDir
    Path dir;

    /** About 20 KB of text: five overflow pages, all of them different. */
    private static Transcript transcript(int i) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 20_000) {
            sb.append("transcript ").append(i).append(" line ").append(sb.length()).append(" é 日本 🙂\n");
        }
        return new Transcript("t" + i, "s.json", "generic", null, null, null, Instant.EPOCH, Map.of(),
                List.of(new Segment(0, SegmentKind.SCRATCHPAD, sb.toString())));
    }

    private static long walBytes(Path project) throws Exception {
        Path wal = Path.of(project + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    /** Commits {@code n} transcripts from {@code from}, {@link #PER_TX} per transaction; returns the largest log seen. */
    private static long write(ProjectStore store, int from, int n) throws Exception {
        long maxWal = 0;
        for (int i = from; i < from + n; i += PER_TX) {
            List<Transcript> tx = new ArrayList<>();
            for (int j = i; j < Math.min(i + PER_TX, from + n); j++) {
                tx.add(transcript(j));
            }
            store.transcripts().insertAll(tx);
            maxWal = Math.max(maxWal, walBytes(store.path()));
        }
        return maxWal;
    }

    private static long[] noop(Path project) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(NOOP)")) {
            rs.next();
            return new long[] {rs.getLong(2), rs.getLong(3)};
        }
    }

    private static boolean checkpointThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("af-checkpoint") && t.isAlive());
    }

    @Test
    void theLogStaysBoundedAndEverythingCommittedArrives() throws Exception {
        Path p = dir.resolve("p.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            long maxWal;
            BackgroundCheckpoint bg;
            try (ProjectStore.Restore r = store.bulkWrites(STEP, RESTART)) {
                bg = store.backgroundCheckpoint();
                // One transaction of more than a step, then nothing while the thread copies it
                // (a second transaction could begin after the copy and start the log over).
                write(store, 0, PER_TX);
                long deadline = System.nanoTime() + 10_000_000_000L;
                long[] log = noop(p);
                while ((log[1] < log[0] || bg.checkpointsByThread() == 0) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                    log = noop(p);
                }
                assertThat(bg.checkpointsByThread()).as("checkpoints by the thread").isPositive();
                assertThat(log[0]).as("pages in the log").isGreaterThanOrEqualTo(STEP);
                assertThat(log[1]).as("pages the thread copied into the project").isEqualTo(log[0]);
                maxWal = write(store, PER_TX, 400 - PER_TX);
                assertThat(bg.checkpointsByWriter()).as("restart points reached by the writer").isPositive();
                assertThat((Throwable) bg.failure()).isNull();
            }
            // 400 transcripts of ~5 pages each: without restarts the log would hold ~2,000 pages.
            // With them it never holds more than the restart size plus the transaction that
            // reached it and the one committed before the writer looked (plus index pages).
            long bound = (RESTART + 3L * PER_TX * 8) * (PAGE + 24) + 32;
            assertThat(maxWal).as("largest log file").isLessThanOrEqualTo(bound);
            assertThat(checkpointThreadAlive()).as("thread ended").isFalse();
            long[] left = noop(p);
            assertThat(left[1]).as("pages copied at the end of the run").isEqualTo(left[0]);
            assertThat(store.transcripts().count()).isEqualTo(400);
            assertThat(store.transcripts().get("t399").orElseThrow().segments().get(0).text())
                    .isEqualTo(transcript(399).segments().get(0).text());
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
        try (ProjectStore again = ProjectStore.open(p)) {
            assertThat(again.transcripts().count()).isEqualTo(400);
        }
    }

    @Test
    void aReaderKeepsItsSnapshotAndTheWritesStillArrive() throws Exception {
        Path p = dir.resolve("p.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            write(store, 0, 5);
            try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + p)) {
                reader.setAutoCommit(false);
                try (Statement st = reader.createStatement()) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM transcript")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(5);
                    }
                    // the open read transaction keeps the log from starting over: it grows, nothing
                    // fails, and the thread does not spin on checkpoints the reader holds back
                    try (ProjectStore.Restore r = store.bulkWrites(STEP, RESTART)) {
                        BackgroundCheckpoint bg = store.backgroundCheckpoint();
                        write(store, 5, 200);
                        int commits = 200 / PER_TX;
                        Thread.sleep(300);
                        int afterWrites = bg.checkpointsByThread() + bg.checkpointsByWriter();
                        Thread.sleep(500);
                        assertThat(bg.checkpointsByThread() + bg.checkpointsByWriter())
                                .as("checkpoints while nothing is written").isEqualTo(afterWrites);
                        // each commit here is more than a step: at most one attempt by the thread and
                        // one by the writer per commit (held back, they were retried without end)
                        assertThat(afterWrites).as("checkpoints for " + commits + " commits")
                                .isLessThanOrEqualTo(2 * commits);
                    }
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM transcript")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("the reader's snapshot").isEqualTo(5);
                    }
                }
                reader.commit();
            }
            assertThat(store.transcripts().count()).isEqualTo(205);
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aBrokenCheckpointConnectionHandsTheWorkBackToTheWriter() throws Exception {
        Path p = dir.resolve("p.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            int before = BulkWritesTest.pragma(store, "wal_autocheckpoint");
            try (ProjectStore.Restore r = store.bulkWrites(STEP, RESTART)) {
                BackgroundCheckpoint bg = store.backgroundCheckpoint();
                write(store, 0, 20);
                bg.breakConnectionsForTest();
                write(store, 20, 80); // each commit stands
                assertThat((Throwable) bg.failure()).isNotNull();
                assertThat(BulkWritesTest.pragma(store, "wal_autocheckpoint"))
                        .as("the writer checkpoints itself again").isEqualTo(ProjectStore.BULK_CHECKPOINT_PAGES);
            }
            assertThat(BulkWritesTest.pragma(store, "wal_autocheckpoint")).isEqualTo(before);
            assertThat(checkpointThreadAlive()).isFalse();
            assertThat(store.transcripts().count()).isEqualTo(100);
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }
}
