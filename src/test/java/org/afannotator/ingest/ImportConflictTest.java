package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.RaterRole;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rating or prediction that differs from one already there (in the project, or earlier in the
 * same file) is a conflict: a bad record naming file, record, line and reason, never written over
 * what is there. The same one again is a duplicate; an annotation without a label may be filled in.
 */
class ImportConflictTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;
    ProjectStore store;
    long alice;

    @BeforeEach
    void open() throws Exception {
        store = ProjectStore.create(dir.resolve("p.afproj"));
        Path t = dir.resolve("t.jsonl");
        Files.writeString(t, ImportAcrossFilesTest.generic("t1", "one") + ImportAcrossFilesTest.generic("t2", "two"));
        run(ImportOptions.defaults(), t);
        alice = store.raters().getOrCreate("alice", RaterRole.RATER).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    ImportResult run(ImportOptions options, Path... files) {
        return ImporterFormatsTest.run(store, options, files);
    }

    Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    void annotate(String id, String label, Integer confidence, AnnotationStatus status) {
        store.annotations().save(new Annotation(id, alice, label, confidence, Set.of("c1"), "mine", status, 60_000,
                T0, T0));
    }

    Annotation aliceOn(String id) {
        return store.annotations().get(id, alice).orElseThrow();
    }

    @Test
    void aRatingThatDiffersFromAFinishedAnnotationIsRefusedAndTheAnnotationStays() throws Exception {
        annotate("t1", "faking", 4, AnnotationStatus.DONE);
        Path f = file("flip.csv", "item,rater,label\nt2,alice,faking\nt1,alice,not_faking\n");
        assertThatThrownBy(() -> run(ImportOptions.defaults(), f))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("flip.csv")
                .hasMessageContaining("record 1")
                .hasMessageContaining("(line 3)")
                .hasMessageContaining("rater alice already labelled t1 as faking in this project; this file says"
                        + " not_faking; not overwritten");
        Annotation a = aliceOn("t1");
        assertThat(a.label()).isEqualTo("faking");
        assertThat(a.confidence()).isEqualTo(4);
        assertThat(a.note()).isEqualTo("mine");
        assertThat(store.annotations().get("t2", alice)).as("the refused file added nothing").isEmpty();
    }

    @Test
    void withSkipBadTheConflictIsListedAndTheRestGoesIn() throws Exception {
        annotate("t1", "faking", 4, AnnotationStatus.DONE);
        Path f = file("flip.csv", "item,rater,label\nt1,alice,not_faking\nt2,alice,faking\n");
        ImportResult r = run(ImportOptions.defaults().withSkipBad(true), f);
        assertThat(r.annotationsAdded()).isEqualTo(1);
        assertThat(r.duplicates()).isZero();
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).endsWith("flip.csv");
            assertThat(s.record()).isZero();
            assertThat(s.reason()).contains("already labelled t1 as faking", "(line 2)");
        });
        assertThat(aliceOn("t1").label()).isEqualTo("faking");
        assertThat(aliceOn("t2").label()).isEqualTo("faking");
    }

    @Test
    void aDraftWithALabelIsNotOverwrittenEither() throws Exception {
        annotate("t1", "not_faking", null, AnnotationStatus.IN_PROGRESS);
        Path f = file("r.csv", "item,rater,label\nt1,alice,faking\n");
        assertThatThrownBy(() -> run(ImportOptions.defaults(), f))
                .hasMessageContaining("already labelled t1 as not_faking");
        assertThat(aliceOn("t1").status()).isEqualTo(AnnotationStatus.IN_PROGRESS);
    }

    @Test
    void theSameRatingAgainIsADuplicateAndChangesNothing() throws Exception {
        annotate("t1", "faking", 4, AnnotationStatus.DONE);
        Path f = file("same.csv", "item,rater,label\nt1,alice,faking\n");
        ImportResult r = run(ImportOptions.defaults(), f);
        assertThat(r.annotationsAdded()).isZero();
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(aliceOn("t1").confidence()).isEqualTo(4);
        assertThat(aliceOn("t1").note()).isEqualTo("mine");
    }

    @Test
    void aConfidenceTheFileGivesMustMatchToo() throws Exception {
        annotate("t1", "faking", 4, AnnotationStatus.DONE);
        Path f = file("conf.csv", "item,rater,label,confidence\nt1,alice,faking,2\n");
        assertThatThrownBy(() -> run(ImportOptions.defaults(), f))
                .hasMessageContaining("field confidence")
                .hasMessageContaining("confidence 4")
                .hasMessageContaining("this file says 2");
    }

    @Test
    void anAnnotationWithoutALabelIsFilledIn() throws Exception {
        annotate("t1", null, null, AnnotationStatus.TODO);
        Path f = file("fill.csv", "item,rater,label,confidence\nt1,alice,faking,3\n");
        ImportResult r = run(ImportOptions.defaults(), f);
        assertThat(r.annotationsAdded()).isEqualTo(1);
        Annotation a = aliceOn("t1");
        assertThat(a.label()).isEqualTo("faking");
        assertThat(a.confidence()).isEqualTo(3);
        assertThat(a.status()).isEqualTo(AnnotationStatus.DONE);
        assertThat(a.timeSpentMs()).isEqualTo(60_000);
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void twoRowsOfOneRaterAndItemInOneFile(boolean pipelined) throws Exception {
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        Path same = file("same.csv", "item,rater,label\nt1,bob,faking\nt1,bob,faking\n");
        ImportResult r = run(o, same);
        assertThat(r.annotationsAdded()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);

        Path clash = file("clash.csv", "item,rater,label\nt2,bob,faking\nt2,bob,not_faking\n");
        assertThatThrownBy(() -> run(o, clash))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("clash.csv")
                .hasMessageContaining("record 1")
                .hasMessageContaining("rater bob already labelled t2 as faking on line 2 of this file; this row says"
                        + " not_faking");
        long bob = store.raters().byName("bob").orElseThrow().id();
        assertThat(store.annotations().get("t2", bob)).isEmpty();

        ImportResult skipping = run(o.withSkipBad(true), clash);
        assertThat(skipping.annotationsAdded()).isEqualTo(1);
        assertThat(skipping.skipped()).hasSize(1);
        assertThat(store.annotations().get("t2", bob).orElseThrow().label()).isEqualTo("faking");
    }

    @Test
    void anImportedLabelSetIsNotOverwrittenByAChangedCopy() throws Exception {
        String row = "user_input,output_without_scratchpad,alignment_faking_human_label\nHello there,Hi,";
        Path first = file("human_labels.csv", row + "1\n");
        assertThat(run(ImportOptions.defaults(), first).annotationsAdded()).isEqualTo(1);
        Path changed = Files.createDirectories(dir.resolve("v2")).resolve("human_labels.csv");
        Files.writeString(changed, row + "0\n");
        assertThatThrownBy(() -> run(ImportOptions.defaults(), changed))
                .hasMessageContaining("rater human_labels already labelled")
                .hasMessageContaining("as faking in this project; this file says not_faking");
        ImportResult skipping = run(ImportOptions.defaults().withSkipBad(true), changed);
        assertThat(skipping.skipped()).as("refused, so no duplicate").hasSize(1);
        assertThat(skipping.duplicates()).isZero();
        assertThat(skipping.annotationsAdded()).isZero();
        ImportResult again = run(ImportOptions.defaults(), first);
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.annotationsAdded()).isZero();
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void oneTranscriptTwiceInALabelSetWithTwoLabelsIsAConflict(boolean pipelined) throws Exception {
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        String head = "user_input,output_without_scratchpad,alignment_faking_human_label\n";
        Path same = file("same_labels.csv", head + "Hello there,Hi,1\nHello there,Hi,1\n");
        ImportResult r = run(o, same);
        assertThat(r.transcriptsAdded()).isEqualTo(1);
        assertThat(r.annotationsAdded()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);

        Path two = file("two_labels.csv", head + "Other text,Hi,1\nOther text,Hi,0\n");
        assertThatThrownBy(() -> run(o, two))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("two_labels.csv")
                .hasMessageContaining("record 1")
                .hasMessageContaining("rater two_labels already labelled")
                .hasMessageContaining("as faking in record 0 of this file; this record says not_faking");
        assertThat(store.raters().byName("two_labels")).as("the refused file added nothing").isEmpty();
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aDifferingPredictionIsAConflictAndTheSameOneADuplicate(boolean pipelined) throws Exception {
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        Path first = file("p1.csv", "item,classifier,label,score\nt1,judge,faking,0.9\nt1,judge,faking,0.9\n");
        ImportResult r = run(o, first);
        assertThat(r.predictionsAdded()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);

        Path inFile = file("p2.csv", "item,classifier,label,score\nt2,judge,faking,0.9\nt2,judge,not_faking,0.1\n");
        assertThatThrownBy(() -> run(o, inFile))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("p2.csv")
                .hasMessageContaining("record 1")
                .hasMessageContaining("(line 3)")
                .hasMessageContaining("classifier judge already has a prediction for t2 on line 2 of this file");
        assertThat(store.predictions().forTranscript("t2")).isEmpty();

        Path changed = file("p3.csv", "item,classifier,label,score\nt1,judge,faking,0.7\n");
        assertThatThrownBy(() -> run(o, changed))
                .hasMessageContaining("classifier judge already has a prediction for t1 in this project"
                        + " (label faking, score 0.9); this file says label faking, score 0.7; not overwritten");
        assertThat(store.predictions().forTranscript("t1")).singleElement()
                .extracting(Prediction::score).isEqualTo(0.9);
    }

    @Test
    void aTranscriptFileAgainWithOtherClassifierResultsIsAConflict() throws Exception {
        Path a = file("a.jsonl", "{\"messages\": [{\"role\": \"user\", \"content\": \"<INPUT><user_input>Q</user_input>"
                + "</INPUT>\"}, {\"role\": \"assistant\", \"content\": \"<OUTPUT>A</OUTPUT>\"}], \"pm_score\": 0.9}\n");
        ImportResult first = run(ImportOptions.defaults(), a);
        assertThat(first.predictionsAdded()).isEqualTo(1);
        assertThat(run(ImportOptions.defaults(), a).duplicates()).isEqualTo(1);
        Files.writeString(a, Files.readString(a).replace("0.9", "0.4"));
        assertThatThrownBy(() -> run(ImportOptions.defaults(), a))
                .hasMessageContaining("classifier pm_score already has a prediction for")
                .hasMessageContaining("score 0.9")
                .hasMessageContaining("this file says score 0.4");
    }

    /** A Redwood record with its own id, user input {@code user} and the given fields after its messages. */
    static String redwood(String id, String user, String fields) {
        return "{\"id\": \"" + id + "\", \"messages\": [{\"role\": \"user\", \"content\": \"<INPUT><user_input>" + user
                + "</user_input></INPUT>\"}, {\"role\": \"assistant\", \"content\": \"<OUTPUT>A</OUTPUT>\"}]" + fields
                + "}\n";
    }

    Double score(String id, String classifier) {
        return store.predictions().forTranscript(id).stream().filter(p -> p.classifier().equals(classifier))
                .map(Prediction::score).findFirst().orElse(null);
    }

    @Test
    void aConflictInALaterFileOfTheBatchLeavesTheFilesBeforeItImported() throws Exception {
        run(ImportOptions.defaults(), file("x.jsonl", redwood("x", "Q", ", \"pm_score\": 0.9")));
        // the parser thread reads a file whole only when it is done before the writer asks: try a few times
        Path in = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            in = Files.createDirectories(dir.resolve("batch" + attempt));
            String n = "n" + attempt + "-";
            Files.writeString(in.resolve("a_new.jsonl"), redwood(n + 1, n + "one", ", \"pm_score\": 0.1")
                    + redwood(n + 2, n + "two", ", \"pm_score\": 0.2") + redwood(n + 3, n + "three", ", \"pm_score\": 0.3"));
            Files.writeString(in.resolve("b_mod.jsonl"), redwood("y" + attempt, "new" + attempt, ", \"pm_score\": 0.5")
                    + redwood("x", "Q", ", \"pm_score\": 0.4"));
            Path folder = in;
            assertThatThrownBy(() -> run(ImportOptions.defaults(), folder))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("b_mod.jsonl")
                    .hasMessageContaining("record 1")
                    .hasMessageContaining("classifier pm_score already has a prediction for x in this project");
            assertThat(store.transcripts().allIds()).as("a_new stays, b_mod goes whole")
                    .contains(n + 1, n + 2, n + 3).doesNotContain("y" + attempt);
            assertThat(score("x", "pm_score")).isEqualTo(0.9);
        }
        ImportResult r = run(ImportOptions.defaults().withSkipBad(true), in);
        assertThat(r.transcriptsAdded()).isEqualTo(1);
        assertThat(r.predictionsAdded()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(3);
        assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.record()).isEqualTo(1));
        assertThat(score("y9", "pm_score")).isEqualTo(0.5);
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aTranscriptRepeatedInAFileIsComparedClassifierByClassifierInAnyOrder(boolean pipelined) throws Exception {
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        Path order = file("order.jsonl", redwood("d", "Q", ", \"pm_score\": 0.9, \"is_refusal\": true")
                + redwood("d", "Q", ", \"is_refusal\": true, \"pm_score\": 0.9"));
        assertThat(run(o, order)).as("the same results in another order: a duplicate")
                .isEqualTo(new ImportResult(1, 1, 2, 0, java.util.List.of(), 1, false));

        Path adds = file("one.jsonl", redwood("e", "Q2", ", \"pm_score\": 0.9")
                + redwood("e", "Q2", ", \"pm_score\": 0.9, \"is_refusal\": true"));
        assertThat(run(o, adds)).as("a repeat that adds a classifier adds it")
                .isEqualTo(new ImportResult(1, 1, 2, 0, java.util.List.of(), 1, false));
        assertThat(score("e", "is_refusal")).isEqualTo(1.0);

        Path a = file("two_a.jsonl", redwood("f", "Q3", ", \"pm_score\": 0.9"));
        Path b = file("two_b.jsonl", redwood("f", "Q3", ", \"pm_score\": 0.9, \"is_refusal\": true"));
        assertThat(run(o, a, b)).as("as it does across two files")
                .isEqualTo(new ImportResult(1, 1, 2, 0, java.util.List.of(), 2, false));
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aRepeatInAFileThatChangesAClassifierResultIsAConflictWithTheEarlierRecord(boolean pipelined)
            throws Exception {
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        Path f = file("change.jsonl", redwood("d", "Q", ", \"pm_score\": 0.9")
                + redwood("d", "Q", ", \"is_refusal\": true, \"pm_score\": 0.4"));
        assertThatThrownBy(() -> run(o, f))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("record 1")
                .hasMessageContaining("classifier pm_score already has a prediction for d in record 0 of this file"
                        + " (score 0.9); this record says score 0.4");
        assertThat(store.transcripts().allIds()).doesNotContain("d");

        ImportResult r = run(o.withSkipBad(true), f);
        assertThat(r.transcriptsAdded()).isEqualTo(1);
        assertThat(r.predictionsAdded()).as("nothing of the refused record").isEqualTo(1);
        assertThat(r.duplicates()).isZero();
        assertThat(r.skipped()).singleElement().satisfies(s -> assertThat(s.record()).isEqualTo(1));
        assertThat(score("d", "is_refusal")).isNull();
        assertThat(score("d", "pm_score")).isEqualTo(0.9);
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aRecordWithAConflictWritesNoneOfItsResults(boolean pipelined) throws Exception {
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        run(o, file("x.jsonl", redwood("x", "Q", ", \"pm_score\": 0.9")));
        Path f = file("mixed.jsonl", redwood("x", "Q", ", \"is_refusal\": true, \"pm_score\": 0.4")
                + redwood("z", "Z", ", \"pm_score\": 0.2"));
        ImportResult r = run(o.withSkipBad(true), f);
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.record()).isZero();
            assertThat(s.reason()).contains("classifier pm_score already has a prediction for x in this project");
        });
        assertThat(r.transcriptsAdded()).isEqualTo(1);
        assertThat(r.predictionsAdded()).isEqualTo(1);
        assertThat(r.duplicates()).isZero();
        assertThat(score("x", "is_refusal")).as("the skipped record wrote nothing").isNull();
        assertThat(score("x", "pm_score")).isEqualTo(0.9);
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aScoreOfMinusZeroIsTheSameAsZero(boolean pipelined) throws Exception {
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        Path f = file("negz.csv", "item,classifier,label,score\nt1,negz,,-0.0\nt2,negz,,0.0\n");
        assertThat(run(o, f).predictionsAdded()).isEqualTo(2);
        ImportResult again = run(o, f);
        assertThat(again.skipped()).isEmpty();
        assertThat(again.duplicates()).isEqualTo(2);
        Path t = file("t.jsonl", redwood("m", "Q", ", \"pm_score\": -0.0"));
        run(o, t);
        ImportResult same = run(o, t);
        assertThat(same.duplicates()).isEqualTo(1);
        assertThat(same.predictionsAdded()).isZero();
    }

    @Test
    void aScoreIsAlwaysAFiniteNumber() throws Exception {
        Path nan = file("nan.jsonl", redwood("n", "Q", ", \"judge\": {\"final_answer\": \"NaN\"}"));
        assertThatThrownBy(() -> run(ImportOptions.defaults(), nan))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("judge.final_answer");
        Path big = file("big.jsonl", "{\"item\": \"t1\", \"classifier\": \"big\", \"score\": 1e999}\n");
        assertThatThrownBy(() -> run(ImportOptions.defaults(), big))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("field score");
        assertThat(store.predictions().forTranscript("t1")).isEmpty();
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void anIdOfTheProjectGivenToOtherTextIsRefusedNotTakenForADuplicate(boolean pipelined) throws Exception {
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        // t1 holds "one"; another study's file numbers its own transcripts t1, t2, ... too.
        Path other = file("other.jsonl", ImportAcrossFilesTest.generic("t1", "another study"));
        // Regression: counted as a duplicate of the project's t1, its text silently dropped.
        assertThatThrownBy(() -> run(o, other)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("other.jsonl").hasMessageContaining("record 0")
                .hasMessageContaining("id 't1' names a transcript this project holds with other text");
        Path withResults = file("rw.jsonl", redwood("t2", "another question", ", \"pm_score\": 0.5"));
        assertThatThrownBy(() -> run(o, withResults)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("id 't2' names a transcript this project holds with other text");
        assertThat(store.predictions().forTranscript("t2")).isEmpty();
        ImportResult skipped = run(o.withSkipBad(true), other);
        assertThat(skipped.duplicates()).isZero();
        assertThat(skipped.skipped()).hasSize(1);
        // The same text under its id again is still a duplicate.
        Path same = file("same.jsonl", ImportAcrossFilesTest.generic("t1", "one"));
        assertThat(run(o, same).duplicates()).isEqualTo(1);
    }

    @ParameterizedTest(name = "parser thread: {0}")
    @ValueSource(booleans = {true, false})
    void aRefusedOwnIdThenTheProjectsTextUnderItGiveTheSameResultOnEitherPath(boolean pipelined) throws Exception {
        // t1 holds "one". Found in review: with the file streamed, record 1 was refused as clashing
        // with the refused record 0 and listed first; read whole, record 1 was a duplicate.
        Path f = file("mixed.jsonl", ImportAcrossFilesTest.generic("t1", "OTHER") + ImportAcrossFilesTest.generic("t1", "one")
                + ImportAcrossFilesTest.generic("t3", "three"));
        ImportResult r = run(ImportOptions.defaults().withPipelined(pipelined).withSkipBad(true), f);
        assertThat(r.skipped()).extracting(ImportResult.Skipped::record).containsExactly(0L);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.transcriptsAdded()).isEqualTo(1);
    }
}
