package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.afannotator.domain.BadInputException;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One import of many files: the writer's statements and id ledger serve file after file, the
 * parser thread reads the next file ahead, and format detection stops at a Redwood file's first
 * fields. None of that may change what goes in: each file atomic, ids checked per file, a refused
 * file named with its record and reason, nothing of the files after it imported.
 */
class ImportAcrossFilesTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;
    ProjectStore store;

    @BeforeEach
    void open() {
        store = ProjectStore.create(dir.resolve("p.afproj"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String generic(String id, String text) {
        return "{\"id\": \"" + id + "\", \"user_input\": \"" + text + "\", \"output\": \"<think>why</think>answer\"}\n";
    }

    static String redwoodPretty(String user) {
        return "{\n  \"messages\": [\n    {\"role\": \"user\", \"content\": \"<INPUT><user_input>" + user
                + "</user_input></INPUT>\"},\n    {\"role\": \"assistant\", \"content\": \"<OUTPUT>Hello</OUTPUT>\"}\n  ]\n}\n";
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void anIdUsedAgainForOtherTextInALaterFileIsABadRecord(boolean pipelined) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), generic("x", "first") + generic("y", "other"));
        // The same id with other content in the next file: not a duplicate of what is stored (its text
        // would be dropped without a word), a bad record (decision 0020, amended 2026-11-24).
        Files.writeString(in.resolve("b.jsonl"), generic("x", "changed") + generic("z", "new"));
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, o, in)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("b.jsonl").hasMessageContaining("id 'x' names a transcript this project holds");
        assertThat(store.transcripts().allIds()).containsExactlyInAnyOrder("x", "y");
        ImportResult r = ImporterFormatsTest.run(store, o.withSkipBad(true), in);
        assertThat(r.transcriptsAdded()).isEqualTo(1);
        assertThat(r.skipped()).hasSize(1);
        assertThat(store.transcripts().allIds()).containsExactlyInAnyOrder("x", "y", "z");
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aRefusedFileIsRolledBackAloneAndTheNextImportOnTheSameProjectWorks(boolean pipelined) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), generic("a1", "one") + generic("a2", "two"));
        Files.writeString(in.resolve("b.jsonl"), generic("b1", "one") + generic("b1", "clash"));
        Files.writeString(in.resolve("c.jsonl"), generic("c1", "read ahead, never written"));
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, o, in))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("b.jsonl")
                .hasMessageContaining("record 1")
                .hasMessageContaining("duplicate id 'b1'");
        assertThat(store.transcripts().allIds()).containsExactlyInAnyOrder("a1", "a2");

        Files.writeString(in.resolve("b.jsonl"), generic("b1", "one") + generic("b2", "fixed"));
        ImportResult again = ImporterFormatsTest.run(store, o, in);
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(again.transcriptsAdded()).isEqualTo(3);
        assertThat(store.transcripts().allIds()).containsExactlyInAnyOrder("a1", "a2", "b1", "b2", "c1");
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aPrettyPrintedRedwoodFileCutAfterItsFirstFieldIsRefusedWithFileRecordAndReason(boolean pipelined)
            throws Exception {
        Path tree = Files.createDirectories(dir.resolve("json_outputs/run"));
        Files.writeString(tree.resolve("0.json"), redwoodPretty("fine"));
        String whole = redwoodPretty("cut short");
        Files.writeString(tree.resolve("1.json"), whole.substring(0, whole.indexOf("cut short") + 3));
        Files.writeString(tree.resolve("2.json"), redwoodPretty("after"));
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, o, dir.resolve("json_outputs")))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.file()).endsWith("1.json");
                    assertThat(e.record()).isZero();
                    assertThat(e.getMessage()).contains("truncated");
                });
        assertThat(store.transcripts().count()).isEqualTo(1);

        ImportResult skipping = ImporterFormatsTest.run(store, o.withSkipBad(true), dir.resolve("json_outputs"));
        assertThat(skipping.transcriptsAdded()).isEqualTo(1);
        assertThat(skipping.duplicates()).isEqualTo(1);
        assertThat(skipping.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).endsWith("1.json");
            assertThat(s.record()).isZero();
            assertThat(s.reason()).contains("truncated");
        });
        assertThat(store.transcripts().count()).isEqualTo(2);
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aRefusedFileBeyondTheReadAheadWindowStopsTheImportThereAndTheFilesReadAheadAreNotWritten(boolean pipelined)
            throws Exception {
        int files = Importer.AHEAD_FILES * 3;
        int bad = Importer.AHEAD_FILES + 7;
        Path tree = Files.createDirectories(dir.resolve("json_outputs/run"));
        for (int i = 0; i < files; i++) {
            String doc = redwoodPretty("file " + i);
            Files.writeString(tree.resolve(String.format("%03d.json", i)),
                    i == bad ? doc.substring(0, doc.indexOf("file " + i)) : doc);
        }
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, o, dir.resolve("json_outputs")))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.file()).endsWith(String.format("%03d.json", bad));
                    assertThat(e.getMessage()).contains("truncated");
                });
        assertThat(store.transcripts().count()).isEqualTo(bad);
        assertThat(parserThreads()).as("the parser thread ends with the import").isZero();

        Files.writeString(tree.resolve(String.format("%03d.json", bad)), redwoodPretty("file " + bad));
        ImportResult again = ImporterFormatsTest.run(store, o, dir.resolve("json_outputs"));
        assertThat(again.files()).isEqualTo(files);
        assertThat(again.duplicates()).isEqualTo(bad);
        assertThat(again.transcriptsAdded()).isEqualTo(files - bad);
        assertThat(store.transcripts().count()).isEqualTo(files);
        assertThat(parserThreads()).isZero();
    }

    /** Live parser threads, after giving a finishing one a moment to end. */
    private static long parserThreads() throws InterruptedException {
        long live = 0;
        for (int i = 0; i < 50; i++) {
            live = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("af-import-parser") && t.isAlive()).count();
            if (live == 0) {
                break;
            }
            Thread.sleep(20);
        }
        return live;
    }

    static String osaf(String classifierField) {
        return "[{\"user_input\": \"Say hello.\", \"output\": \"<think>Easy.</think>Hello!\", \"tags\": \"paid_tier\","
                + " " + classifierField + "}]";
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aStoredTranscriptImportedAgainWithAnotherClassifierGainsThatPredictionUnderItsOwnKey(boolean pipelined)
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        Files.writeString(in.resolve("other.jsonl"), generic("first", "stored before, so keys are not ids' order"));
        Files.writeString(in.resolve("results.json"),
                osaf("\"deceptive_alignment\": {\"final_answer\": 0.8, \"success\": true}"));
        ImportResult first = ImporterFormatsTest.run(store, o, in);
        assertThat(first.transcriptsAdded()).isEqualTo(2);
        assertThat(first.predictionsAdded()).isEqualTo(1);
        String id = store.transcripts().allIds().stream().filter(i -> !i.equals("first")).findFirst().orElseThrow();

        Files.delete(in.resolve("other.jsonl"));
        Files.writeString(in.resolve("results.json"),
                osaf("\"partial_compliance\": {\"final_answer\": 0.2, \"success\": true}"));
        ImportResult again = ImporterFormatsTest.run(store, o, in);
        assertThat(again.transcriptsAdded()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.predictionsAdded()).isEqualTo(1);
        assertThat(store.predictions().forTranscript(id)).extracting(p -> p.transcriptId() + " " + p.classifier())
                .containsExactly(id + " deceptive_alignment", id + " partial_compliance");
        assertThat(store.predictions().forTranscript("first")).isEmpty();
    }

    /** A folder whose ratings and predictions sort before the transcripts they refer to. */
    Path attachmentsFirst() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a_predictions.csv"), "item,classifier,label,score\nt1,judge,faking,0.9\n");
        Files.writeString(in.resolve("b_ratings.csv"), "item,rater,label\nt1,ann,faking\nt2,ann,not_faking\n");
        Files.writeString(Files.createDirectories(in.resolve("results")).resolve("t.jsonl"),
                generic("t1", "one") + generic("t2", "two"));
        Files.writeString(in.resolve("results").resolve("u.jsonl"), generic("t3", "three"));
        return in;
    }

    void assertAllIn(ImportResult r) {
        assertThat(r.skipped()).isEmpty();
        assertThat(r.files()).isEqualTo(4);
        assertThat(r.transcriptsAdded()).isEqualTo(3);
        assertThat(r.predictionsAdded()).isEqualTo(1);
        assertThat(r.annotationsAdded()).isEqualTo(2);
        assertThat(store.predictions().forTranscript("t1")).hasSize(1);
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void filesThatAddTranscriptsGoInBeforeFilesThatReferToThemWhateverTheirNames(boolean pipelined) throws Exception {
        ImportResult r = ImporterFormatsTest.run(store, ImportOptions.defaults().withPipelined(pipelined),
                attachmentsFirst());
        assertAllIn(r);
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void inAZipToo(boolean pipelined) throws Exception {
        Path in = attachmentsFirst();
        Path zip = dir.resolve("corpus.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
             java.util.stream.Stream<Path> files = Files.walk(in)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new java.util.zip.ZipEntry(in.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        assertAllIn(ImporterFormatsTest.run(store, ImportOptions.defaults().withPipelined(pipelined), zip));
    }

    @Test
    void andAcrossTheInputsOfOneImportKeepingTheirOrderOtherwise() throws Exception {
        Path in = attachmentsFirst();
        Path more = Files.writeString(dir.resolve("more_ratings.csv"), "item,rater,label\nt1,ann,not_faking\n");
        // the ratings named first go in after every transcript, and in the order given: b_ratings.csv
        // labels t1 first, so more_ratings.csv is the one that conflicts
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, ImportOptions.defaults(), in.resolve("b_ratings.csv"),
                more, in.resolve("results")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("more_ratings.csv")
                .hasMessageContaining("already labelled t1 as faking");
        assertThat(store.transcripts().allIds()).containsExactlyInAnyOrder("t1", "t2", "t3");
        assertThat(store.annotations().count()).isEqualTo(2);
    }
}
