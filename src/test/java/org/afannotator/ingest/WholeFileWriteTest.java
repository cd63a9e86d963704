package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.afannotator.domain.BadInputException;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the parser thread has read whole is written without a savepoint: its ids are checked in
 * memory first, so a refused file has written nothing when it is refused, and only files read
 * whole without an error take that way.
 */
class WholeFileWriteTest {
    @TempDir
    Path dir;
    ProjectStore store;
    ExecutorService parser;
    final Limits limits = new Limits(ImportOptions.DEFAULT_MAX_RECORD_BYTES);

    @BeforeEach
    void open() {
        store = ProjectStore.create(dir.resolve("p.afproj"));
        parser = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() {
        parser.shutdownNow();
        store.close();
    }

    static String lines(String... idAndText) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < idAndText.length; i += 2) {
            sb.append(ImportAcrossFilesTest.generic(idAndText[i], idAndText[i + 1]));
        }
        return sb.toString();
    }

    FileFeed ahead(String name, String content) {
        Source src = SourceSet.ofBytes(name, content.getBytes(StandardCharsets.UTF_8));
        return FileFeed.ahead(parser, src, ImportOptions.defaults(), limits, new CancelToken(), Instant.EPOCH, false);
    }

    /** Waits until the parser thread has nothing more to do (everything queued before is done). */
    void parserIdle() throws Exception {
        parser.submit(() -> { }).get();
    }

    @Test
    void aFileReadWholeGivesItsRecordsAndTheFeedStillGivesThemInOrder() throws Exception {
        try (FileFeed f = ahead("a.jsonl", lines("a", "one", "b", "two", "c", "three"))) {
            f.detection();
            parserIdle();
            List<ImportRecord> whole = f.whole();
            assertThat(whole).extracting(r -> r.transcript().id()).containsExactly("a", "b", "c");
            List<String> read = new ArrayList<>();
            ImportRecord r;
            while ((r = f.next()) != null) {
                read.add(r.transcript().id());
            }
            assertThat(read).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aFileWithABadRecordOrMoreRecordsThanTheQueueHoldsIsNotWhole() throws Exception {
        try (FileFeed bad = ahead("bad.jsonl", lines("a", "one") + "{not json\n" + lines("c", "three"))) {
            bad.detection();
            parserIdle();
            assertThat(bad.whole()).isNull();
            assertThat(bad.next().transcript().id()).isEqualTo("a");
            assertThatThrownBy(bad::next).isInstanceOf(RecordException.class);
        }
        String[] many = new String[2 * (FileFeed.CAPACITY + 10)];
        for (int i = 0; i < many.length; i += 2) {
            many[i] = "m" + i;
            many[i + 1] = "text " + i;
        }
        try (FileFeed big = ahead("big.jsonl", lines(many))) {
            big.detection();
            Thread.sleep(300);
            // the parser waits for room in the queue: the file is not read whole
            assertThat(big.whole()).isNull();
            int n = 0;
            while (big.next() != null) {
                n++;
            }
            assertThat(n).isEqualTo(FileFeed.CAPACITY + 10);
        }
    }

    @Test
    void aClashOfIdsIsRefusedBeforeAnythingIsWritten() throws Exception {
        List<ImportRecord> records = records(lines("x", "one", "y", "two", "x", "other text"));
        BadInputException[] refused = {null};
        // The writer's transaction is committed even though the file was refused: nothing of it may be there.
        store.inTransaction(c -> {
            try (ProjectWriter w = new ProjectWriter(store, c)) {
                w.writeWhole(Instant.EPOCH, e -> {
                    throw e.toBadInput("f.jsonl");
                }, records, () -> { });
            } catch (BadInputException e) {
                refused[0] = e;
            }
            return null;
        });
        assertThat(refused[0]).isNotNull();
        assertThat(refused[0].getMessage()).contains("record 2").contains("duplicate id 'x'").contains("record 0");
        assertThat(store.transcripts().count()).isZero();
    }

    @Test
    void withSkipBadAClashIsNotedARepeatIsADuplicateAndTheRestIsWritten() throws Exception {
        List<ImportRecord> records = records(lines("x", "one", "y", "two", "x", "other text", "y", "two"));
        List<RecordException> noted = new ArrayList<>();
        int[] counts = store.inTransaction(c -> {
            try (ProjectWriter w = new ProjectWriter(store, c)) {
                w.writeWhole(Instant.EPOCH, noted::add, records, () -> { });
                return new int[] {w.transcriptsAdded, w.duplicates};
            }
        });
        assertThat(noted).singleElement().satisfies(e -> assertThat(e.index).isEqualTo(2));
        assertThat(counts).containsExactly(2, 1);
        assertThat(store.transcripts().allIds()).containsExactly("x", "y");
        assertThat(store.transcripts().get("x").orElseThrow().segments().get(0).text()).isEqualTo("one");
    }

    @Test
    void manyOneTranscriptFilesImportTheSameWithTheParserThreadAndWithout() throws Exception {
        Path in = java.nio.file.Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 40; i++) {
            java.nio.file.Files.writeString(in.resolve(String.format("%02d.jsonl", i)),
                    lines("t" + i, "text " + i, "t" + i, "text " + i));
        }
        ImportResult piped = ImporterFormatsTest.run(store, ImportOptions.defaults(), in);
        assertThat(piped.transcriptsAdded()).isEqualTo(40);
        assertThat(piped.duplicates()).isEqualTo(40);
        assertThat(piped.files()).isEqualTo(40);
        try (ProjectStore other = ProjectStore.create(dir.resolve("q.afproj"))) {
            ImportResult inline = ImporterFormatsTest.run(other, ImportOptions.defaults().withPipelined(false), in);
            assertThat(inline).isEqualTo(piped);
            assertThat(other.transcripts().allIds()).isEqualTo(store.transcripts().allIds());
        }
    }

    /** Writes {@code content} read whole; returns {checked ran before the first bad record (1/0), added, duplicates, predictions}. */
    int[] writeWhole(String content, List<RecordException> noted) {
        List<ImportRecord> records = records(content);
        boolean[] checked = {false};
        boolean[] badAfterChecked = {false};
        int[] counts = store.inTransaction(c -> {
            try (ProjectWriter w = new ProjectWriter(store, c)) {
                w.writeWhole(Instant.EPOCH, e -> {
                    badAfterChecked[0] |= checked[0];
                    noted.add(e);
                }, records, () -> checked[0] = true);
                return new int[] {w.transcriptsAdded, w.duplicates, w.predictionsAdded};
            }
        });
        assertThat(badAfterChecked[0]).as("every bad record is found before the file is checked").isFalse();
        return counts;
    }

    @Test
    void aConflictWithTheProjectIsFoundBeforeAnythingIsWrittenAndTheRecordWritesNothing() throws Exception {
        writeWhole(ImportConflictTest.redwood("x", "Q", ", \"pm_score\": 0.9"), new ArrayList<>());
        List<RecordException> noted = new ArrayList<>();
        int[] counts = writeWhole(ImportConflictTest.redwood("y", "new", ", \"pm_score\": 0.5")
                + ImportConflictTest.redwood("x", "Q", ", \"is_refusal\": true, \"pm_score\": -0.4"), noted);
        assertThat(noted).singleElement().satisfies(e -> {
            assertThat(e.index).isEqualTo(1);
            assertThat(e.getMessage()).contains("classifier pm_score already has a prediction for x in this project"
                    + " (score 0.9); this file says score -0.4; not overwritten");
        });
        assertThat(counts).containsExactly(1, 0, 1);
        assertThat(store.predictions().forTranscript("x")).singleElement()
                .satisfies(p -> assertThat(p.classifier()).isEqualTo("pm_score"));
    }

    @Test
    void aRepeatIsComparedClassifierByClassifierInAnyOrder() throws Exception {
        List<RecordException> noted = new ArrayList<>();
        int[] counts = writeWhole(ImportConflictTest.redwood("d", "Q", ", \"pm_score\": 0.9, \"is_refusal\": true")
                + ImportConflictTest.redwood("d", "Q", ", \"is_refusal\": true, \"pm_score\": 0.9")
                + ImportConflictTest.redwood("d", "Q", ", \"pm_score\": 0.9, \"made_compromise\": false")
                + ImportConflictTest.redwood("d", "Q", ", \"made_compromise\": true"), noted);
        assertThat(noted).singleElement().satisfies(e -> {
            assertThat(e.index).isEqualTo(3);
            assertThat(e.getMessage()).contains("classifier made_compromise already has a prediction for d in record 2"
                    + " of this file (score 0.0); this record says score 1.0");
        });
        assertThat(counts).containsExactly(1, 2, 3);
    }

    List<ImportRecord> records(String content) {
        List<ImportRecord> out = new ArrayList<>();
        try (FileFeed f = FileFeed.inline(SourceSet.ofBytes("f.jsonl", content.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(), limits, new CancelToken(), Instant.EPOCH)) {
            ImportRecord r;
            while ((r = f.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }
}
