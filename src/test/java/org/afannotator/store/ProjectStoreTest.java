package org.afannotator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.afannotator.domain.Adjudication;
import org.afannotator.domain.AdjudicationBasis;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.Quote;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;
import org.afannotator.domain.SchemeEntry;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ProjectStoreTest {
    @TempDir
    Path dir;

    public static Transcript transcript(String id) {
        return new Transcript(id, "src/" + id + ".json", "redwood-json", "claude-3-opus", "free_tier", "train",
                Instant.parse("2026-01-02T03:04:05Z"), Map.of("run", "helpful_only"),
                List.of(new Segment(0, SegmentKind.USER_INPUT, "Write a story \u00fc\ud83d\ude00"),
                        new Segment(1, SegmentKind.SCRATCHPAD, "If I refuse, RLHF will modify my values."),
                        new Segment(2, SegmentKind.OUTPUT, "Here is the story.")));
    }

    @Test
    void newProjectIsAtLatestSchemaWithWalAndForeignKeys() throws Exception {
        Path p = dir.resolve("a.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            assertThat(store.schemaVersion()).isEqualTo(ProjectStore.SCHEMA_VERSION);
            String[] pragmas = store.read(c -> {
                try (Statement st = c.createStatement()) {
                    ResultSet jm = st.executeQuery("PRAGMA journal_mode");
                    jm.next();
                    String journal = jm.getString(1);
                    ResultSet fk = st.executeQuery("PRAGMA foreign_keys");
                    fk.next();
                    return new String[] {journal, fk.getString(1)};
                }
            });
            assertThat(pragmas).containsExactly("wal", "1");
        }
    }

    @Test
    void everythingWrittenReopensIntact() {
        Path p = dir.resolve("b.afproj");
        Rater ann;
        Span stored;
        Instant t = Instant.parse("2026-02-03T04:05:06.789Z");
        try (ProjectStore store = ProjectStore.create(p)) {
            assertThat(store.transcripts().insertAll(List.of(transcript("t1"), transcript("t2")))).isEqualTo(2);
            ann = store.raters().getOrCreate("Ann", RaterRole.RATER);
            store.annotations().save(new Annotation("t1", ann.id(), "faking", 4, Set.of("harm_awareness"), "clear case",
                    AnnotationStatus.DONE, 12_345, t, t));
            stored = store.spans().add(new Span(0, "t1", ann.id(), 1, 3, 9, "training_reasoning", "refuse", "n"));
            Map<String, Double> criteria = new java.util.LinkedHashMap<>();
            criteria.put("c1", 1.0);
            criteria.put("c0", 0.5);
            store.predictions().insertAll(List.of(new Prediction("t1", "gpt4o_votes20", "faking", 0.85,
                    criteria, List.of(new Quote("c1", "modify my values")), "{\"x\":1}")));
            store.adjudications().save(new Adjudication("t1", "faking", "Bo", AdjudicationBasis.MAJORITY, "2 of 3", t));
            store.assignments().replaceQueue(ann.id(), List.of("t2", "t1"));
            store.settings().setBlinding(false);
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.transcripts().get("t1")).contains(transcript("t1"));
            assertThat(store.raters().byName("Ann")).contains(ann);
            assertThat(store.annotations().get("t1", ann.id())).contains(new Annotation("t1", ann.id(), "faking", 4,
                    Set.of("harm_awareness"), "clear case", AnnotationStatus.DONE, 12_345, t, t));
            assertThat(store.spans().forTranscript("t1", ann.id())).containsExactly(stored);
            Prediction pr = store.predictions().forTranscript("t1").get(0);
            assertThat(pr.score()).isEqualTo(0.85);
            assertThat(List.copyOf(pr.criteria().keySet())).containsExactly("c1", "c0");
            assertThat(pr.quotes()).containsExactly(new Quote("c1", "modify my values"));
            assertThat(store.predictions().classifiers()).containsExactly("gpt4o_votes20");
            assertThat(store.adjudications().get("t1").orElseThrow().rationale()).isEqualTo("2 of 3");
            assertThat(store.assignments().queue(ann.id())).containsExactly("t2", "t1");
            assertThat(store.settings().blinding()).isFalse();
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void insertingTheSameTranscriptTwiceAddsNothing() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("c.afproj"))) {
            assertThat(store.transcripts().insertAll(List.of(transcript("t1")))).isEqualTo(1);
            assertThat(store.transcripts().insertAll(List.of(transcript("t1")))).isZero();
            assertThat(store.transcripts().count()).isEqualTo(1);
        }
    }

    @Test
    void annotationHistoryKeepsEveryStateAndRefusesEdits() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("d.afproj"))) {
            store.transcripts().insert(transcript("t1"));
            long r = store.raters().getOrCreate("Ann", RaterRole.RATER).id();
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            Annotation a = Annotation.empty("t1", r, t);
            store.annotations().save(a.withLabel("faking"));
            store.annotations().save(a.withLabel("not_faking").withStatus(AnnotationStatus.DONE));
            assertThat(store.annotations().count()).isEqualTo(1);
            assertThat(store.annotations().history("t1", r)).extracting(Annotation::label)
                    .containsExactly("faking", "not_faking");
            assertThatThrownBy(() -> store.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("DELETE FROM annotation_history");
                }
            })).hasMessageContaining("append-only");
            assertThat(store.annotations().history("t1", r)).hasSize(2);
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("e.afproj"))) {
            Transcript bad = new Transcript("t2", null, null, null, null, null, null, null,
                    List.of(new Segment(0, SegmentKind.OUTPUT, "a"), new Segment(0, SegmentKind.OUTPUT, "dup ordinal")));
            assertThatThrownBy(() -> store.transcripts().insertAll(List.of(transcript("t1"), bad)))
                    .isInstanceOf(StoreException.class);
            assertThat(store.transcripts().count()).isZero();
        }
    }

    @Test
    void spanPastTheEndOfItsSegmentIsRefused() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("f.afproj"))) {
            store.transcripts().insert(transcript("t1"));
            long r = store.raters().getOrCreate("Ann", RaterRole.RATER).id();
            assertThatThrownBy(() -> store.spans().add(new Span(0, "t1", r, 2, 0, 999, "x", "q", "")))
                    .hasMessageContaining("runs past the end");
            assertThat(store.spans().count()).isZero();
        }
    }

    @Test
    void replacedLabelSchemeIsKept() {
        Path p = dir.resolve("g.afproj");
        LabelScheme custom = new LabelScheme(
                List.of(new SchemeEntry("af", "AF"), new SchemeEntry("no_af", "No AF"), new SchemeEntry("unclear", "?")),
                List.of(), List.of(new SchemeEntry("ev", "Evidence")));
        try (ProjectStore store = ProjectStore.create(p)) {
            assertThat(store.settings().labelScheme()).isEqualTo(LabelScheme.defaults());
            store.settings().setLabelScheme(custom);
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.settings().labelScheme()).isEqualTo(custom);
        }
    }

    @Test
    void missingFileIsAnErrorAndCreatesNothing() {
        Path p = dir.resolve("missing.afproj");
        assertThatThrownBy(() -> ProjectStore.open(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("missing.afproj").hasMessageContaining("no such project file");
        assertThat(p).doesNotExist();
    }

    @Test
    void randomBytesAreRefusedUnchanged() throws Exception {
        Path p = dir.resolve("random.afproj");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Files.write(p, bytes);
        assertRefusedUnchanged(p, "not an AF Annotator project");
    }

    @Test
    void textFileIsRefusedUnchanged() throws Exception {
        Path p = dir.resolve("notes.afproj");
        Files.writeString(p, "just some notes\n", StandardCharsets.UTF_8);
        assertRefusedUnchanged(p, "not an SQLite database");
    }

    @Test
    void emptyFileIsRefusedUnchanged() throws Exception {
        Path p = dir.resolve("empty.afproj");
        Files.write(p, new byte[0]);
        assertRefusedUnchanged(p, "not an SQLite database");
    }

    @Test
    void sqliteFileOfAnotherProgramIsRefusedUnchanged() throws Exception {
        Path p = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE x(a)");
        }
        assertRefusedUnchanged(p, "another program");
    }

    @Test
    void newerSchemaVersionIsRefusedUnchanged() throws Exception {
        Path p = dir.resolve("future.afproj");
        ProjectStore.create(p).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA user_version = " + (ProjectStore.SCHEMA_VERSION + 5));
            st.executeUpdate("PRAGMA journal_mode = DELETE");
        }
        assertRefusedUnchanged(p, "newer AF Annotator");
    }

    @Test
    void olderSchemaIsBackedUpThenMigrated() throws Exception {
        // A file with our application id at schema 0 stands for "made before the current schema".
        Path p = dir.resolve("old.afproj");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA application_id = " + ProjectStore.APPLICATION_ID);
            st.executeUpdate("CREATE TABLE legacy(a)");
        }
        byte[] before = Files.readAllBytes(p);
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.schemaVersion()).isEqualTo(ProjectStore.SCHEMA_VERSION);
        }
        Path backup = dir.resolve("old.afproj.bak-v0");
        assertThat(backup).exists();
        assertThat(Files.readAllBytes(backup)).isEqualTo(before);
    }

    @Test
    void createRefusesToOverwrite() throws Exception {
        Path p = dir.resolve("x.afproj");
        Files.writeString(p, "keep me");
        assertThatThrownBy(() -> ProjectStore.create(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("exists already");
        assertThat(Files.readString(p)).isEqualTo("keep me");
    }

    private void assertRefusedUnchanged(Path p, String reason) throws Exception {
        byte[] before = Files.readAllBytes(p);
        List<Path> filesBefore;
        try (var s = Files.list(dir)) {
            filesBefore = s.sorted().toList();
        }
        assertThatThrownBy(() -> ProjectStore.open(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining(reason);
        assertThat(Files.readAllBytes(p)).isEqualTo(before);
        try (var s = Files.list(dir)) {
            assertThat(s.sorted().toList()).isEqualTo(filesBefore);
        }
    }

    /**
     * SQLite's refusals when opening (the messages sqlite-jdbc gives) are told apart: a read-only
     * file or folder is not called "not a project".
     */
    @Test
    void aReadOnlyProjectIsNotCalledNotAProject() {
        String readOnlyDir = "[SQLITE_READONLY_DIRECTORY] Process does not have permission to create a journal file"
                + " in the same directory as the database (attempt to write a readonly database)";
        assertThat(ProjectStore.openFailure("p.afproj", new java.sql.SQLException(readOnlyDir)).getMessage())
                .startsWith("p.afproj: cannot be opened: its folder is read-only")
                .contains("p.afproj-wal and p.afproj-shm").contains("copy it to a folder you can write to")
                .doesNotContain("not an AF Annotator project");
        assertThat(ProjectStore.openFailure("p.afproj", new java.sql.SQLException(
                "[SQLITE_CANTOPEN] Unable to open the database file (unable to open database file)")).getMessage())
                .contains("read-only");
        assertThat(ProjectStore.openFailure("p.afproj", new java.sql.SQLException(
                "[SQLITE_NOTADB] File opened that is not a database file (file is not a database)")).getMessage())
                .startsWith("p.afproj: not an AF Annotator project (");
    }

    /**
     * A project in a read-only folder is read as it stands (SQLite's immutable mode): reads work,
     * a write is refused by SQLite, and a log with changes beside the file is refused up front. The
     * choice by folder permission cannot be tested as root; this calls the read-only way directly.
     */
    @Test
    void aProjectReadAsItStandsReadsAndRefusesWrites() {
        Path p = dir.resolve("ro.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            store.transcripts().insert(transcript("t1"));
        }
        try (ProjectStore ro = ProjectStore.openImmutable(p, "ro.afproj")) {
            assertThat(ro.transcripts().allIds()).containsExactly("t1");
            assertThat(ro.transcripts().get("t1").orElseThrow().segments()).hasSize(3);
            assertThatThrownBy(() -> ro.raters().getOrCreate("Ann", RaterRole.RATER))
                    .isInstanceOf(StoreException.class).hasMessageContaining("readonly")
                    .matches(e -> !((StoreException) e).retryable(), "not worth retrying");
        }
        // Through a link in another folder: the log files beside the real file count.
        Path link;
        try {
            link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("links")).resolve("link.afproj"), p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (ProjectStore writer = ProjectStore.open(p)) {
            writer.transcripts().insert(transcript("t0"));
            assertThatThrownBy(() -> ProjectStore.openImmutable(link, "link.afproj"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("open elsewhere");
        }
        assertThat(Files.exists(dir.resolve("ro.afproj-wal"))).isFalse();

        // Open for writing elsewhere, its log beside it (even empty, just opened): not read past it.
        try (ProjectStore writer = ProjectStore.open(p)) {
            assertThatThrownBy(() -> ProjectStore.openImmutable(p, "ro.afproj"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("its log (ro.afproj-wal) is beside it, so it is open elsewhere");
            writer.transcripts().insert(transcript("t2"));
        }
        // The same call on a writable folder is the ordinary open.
        try (ProjectStore again = ProjectStore.openToRead(p)) {
            assertThat(again.transcripts().allIds()).containsExactlyInAnyOrder("t0", "t1", "t2");
        }
        // Opened to write by another program while read as it stands: closing says the read may be wrong.
        ProjectStore reading = ProjectStore.openImmutable(p, "ro.afproj");
        assertThat(reading.transcripts().allIds()).hasSize(3);
        try (ProjectStore writer = ProjectStore.open(p)) {
            writer.transcripts().insert(transcript("t3"));
        }
        assertThatThrownBy(reading::close).isInstanceOf(StoreException.class)
                .hasMessage("ro.afproj changed while it was read (another program opened it to write): what was read"
                        + " from it may be wrong; read it again");
        // A project of a newer version is refused as open() refuses it.
        try (ProjectStore s = ProjectStore.open(p)) {
            s.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = " + (ProjectStore.SCHEMA_VERSION + 1));
                }
                return null;
            });
        }
        assertThatThrownBy(() -> ProjectStore.openImmutable(p, "ro.afproj"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("made by a newer AF Annotator");
    }

    /**
     * Read as it stands while another program rewrote the file: the read fails on pages that no
     * longer fit ("malformed"), and closing finds the change. The change is what a user is told
     * (the command line reports the {@link ProjectChangedException} a failed read carries).
     */
    @Test
    void aReadThatFailsBecauseTheFileChangedNamesTheChange() throws Exception {
        Path p = dir.resolve("big.afproj");
        String pad = "If I refuse, training will change what I value. ".repeat(400);
        try (ProjectStore store = ProjectStore.create(p)) {
            List<Transcript> many = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Transcript t = transcript(String.format("t%03d", i));
                many.add(new Transcript(t.id(), t.source(), t.format(), t.model(), t.condition(), t.setting(),
                        t.importedAt(), t.metadata(), List.of(t.segments().get(0),
                        new Segment(1, SegmentKind.SCRATCHPAD, i + pad), t.segments().get(2))));
            }
            store.transcripts().insertAll(many);
        }
        Throwable reported;
        RuntimeException[] readFailure = {null};
        ProjectStore reading = ProjectStore.openImmutable(p, "big.afproj");
        try (reading) {
            List<String> ids = reading.transcripts().allIds();
            assertThat(ids).hasSize(400);
            // Another program shortens the file under the reader (as a VACUUM by its owner would).
            try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(ch.size() / 3);
            }
            try {
                for (String id : ids) {
                    reading.transcripts().get(id);
                }
            } catch (RuntimeException e) {
                readFailure[0] = e;
                throw e;
            }
            reported = null;
        } catch (RuntimeException e) {
            reported = ProjectChangedException.cause(e);
        }
        assertThat(readFailure[0]).as("the read itself failed").isNotNull().isNotInstanceOf(ProjectChangedException.class);
        assertThat(reported).isInstanceOf(ProjectChangedException.class)
                .hasMessageStartingWith("big.afproj changed while it was read")
                .hasCause(readFailure[0]);
    }

    /**
     * Decision 0114: a project built privately (an import's hidden file) is written without the
     * log, rolls a savepoint back, is locked to its store while open, and is left in WAL mode with
     * nothing beside it when closed, like any project.
     */
    @Test
    void aPrivatelyBuiltProjectRollsBackASavepointAndIsKeptInWalMode() throws Exception {
        Path p = dir.resolve("private.afproj");
        try (ProjectStore store = ProjectStore.createPrivate(p)) {
            store.inTransaction(c -> {
                store.transcripts().insertAll(List.of(transcript("t1")));
                java.sql.Savepoint sp = c.setSavepoint();
                store.transcripts().insertAll(List.of(transcript("t2")));
                c.rollback(sp);
                return null;
            });
            assertThat(Path.of(p + "-wal")).doesNotExist();
            String mode = store.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualTo("delete");
            assertThat(syncThreads()).as("a thread writes the file to the disk as it grows").isEqualTo(1);
            if (ProcLocks.readable()) {
                // the sync thread's own descriptor of the file must not cost SQLite its lock
                assertThat(ProcLocks.held(p)).as("POSIX locks on the file while it is built").isPositive();
            }
            // no other connection reads or writes it meanwhile
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + p);
                 Statement st = other.createStatement()) {
                assertThatThrownBy(() -> st.executeQuery("SELECT count(*) FROM transcript").next())
                        .hasMessageContaining("SQLITE_BUSY");
            }
        }
        assertThat(syncThreads()).as("the sync thread stops with the store").isZero();
        byte[] head = Files.readAllBytes(p);
        assertThat(new byte[] {head[18], head[19]}).as("file format bytes: WAL").containsExactly(2, 2);
        for (String side : List.of("-wal", "-shm", "-journal")) {
            assertThat(Path.of(p + side)).doesNotExist();
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.transcripts().allIds()).containsExactly("t1");
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    private static long syncThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("af-project-sync") && t.isAlive()).count();
    }

    /**
     * A project beside a rollback journal that holds a transaction (what a killed import of a new
     * project leaves, decision 0114): read as it stands it is refused, since it would show the
     * transaction half written; opened for writing it is rolled back first; undone on its own it
     * can then be renamed without its journal.
     */
    @Test
    void aProjectWithAnUnfinishedTransactionIsRolledBackOrRefusedNeverReadHalfWritten() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src")).resolve("p.afproj");
        try (ProjectStore store = ProjectStore.createPrivate(src)) {
            store.transcripts().insert(transcript("t1"));
        }
        Path copies = Files.createDirectories(dir.resolve("copies"));
        // A transaction too large for its page cache writes pages into the file before it ends;
        // copied then, file and journal are what a killed program leaves.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + src); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
            st.execute("PRAGMA cache_size = 5");
            c.setAutoCommit(false);
            st.executeUpdate("DELETE FROM segment");
            st.executeUpdate("INSERT INTO setting(key, value) VALUES ('big', hex(randomblob(400000)))");
            for (String name : List.of("a.afproj", "b.afproj")) {
                Files.copy(src, copies.resolve(name));
                Files.copy(Path.of(src + "-journal"), copies.resolve(name + "-journal"));
            }
            c.rollback();
        }
        Path a = copies.resolve("a.afproj");
        assertThat(ProjectStore.unfinishedJournal(a)).isTrue();
        assertThat(ProjectStore.unfinishedJournal(src)).isFalse();
        assertThatThrownBy(() -> ProjectStore.openImmutable(a, "a.afproj")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("it holds a transaction a stopped program left unfinished (a.afproj-journal)");
        try (ProjectStore store = ProjectStore.open(a)) {
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(store.transcripts().get("t1").orElseThrow().segments()).hasSize(3);
        }
        assertThat(ProjectStore.unfinishedJournal(a)).isFalse();

        Path b = copies.resolve("b.afproj");
        ProjectStore.undoUnfinished(b);
        assertThat(ProjectStore.unfinishedJournal(b)).isFalse();
        Path renamed = Files.move(b, copies.resolve("renamed.afproj"));
        try (ProjectStore store = ProjectStore.open(renamed)) {
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(store.transcripts().get("t1").orElseThrow().segments()).hasSize(3);
        }
    }
}
