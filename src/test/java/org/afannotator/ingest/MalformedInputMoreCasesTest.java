package org.afannotator.ingest;

import static org.afannotator.ingest.MalformedInputTest.DEFAULTS;
import static org.afannotator.ingest.MalformedInputTest.c;
import static org.afannotator.ingest.MalformedInputTest.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.afannotator.domain.BadInputException;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * More broken inputs for the corpus of {@link MalformedInputTest}, found while fuzzing and from the
 * formats' edge cases: each is refused with file, record, field and reason, the project unchanged.
 */
class MalformedInputMoreCasesTest {
    @TempDir
    Path dir;
    ProjectStore store;

    static final ImportOptions REDWOOD = DEFAULTS.withFormat(InputFormat.REDWOOD_JSON);
    static final ImportOptions OSAF = DEFAULTS.withFormat(InputFormat.OSAF_RESULTS);
    static final String OSAF_OK = MalformedInputTest.OSAF_OK;
    static final String HL = MalformedInputTest.HL_HEADER;

    static MalformedInputTest.Case c2(String name, String file, String content, ImportOptions o, String... expected) {
        return c(name, file, content.getBytes(StandardCharsets.UTF_8), o, expected);
    }

    static Stream<MalformedInputTest.Case> corpus() {
        return Stream.of(
            c2("redwood file without messages", "0.json", "{\"effective_scheme\": true}", REDWOOD,
                    "0.json: record 0: field messages: ", "missing"),
            c("message is an array", "0.json", "{\"messages\": [[\"user\", \"hi\"]]}",
                    "record 0: field messages[0]: ", "expected an object {role, content}, got an array"),
            c("role is a number", "0.json", "{\"messages\": [{\"role\": 1, \"content\": \"hi\"}]}",
                    "record 0: field messages[0].role: ", "expected text, got a number"),
            c("content is null", "0.json", "{\"messages\": [{\"role\": \"user\", \"content\": null}]}",
                    "record 0: field messages[0].content: ", "missing"),
            c("content block without text", "0.json", "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image\"}]}]}",
                    "record 0: field messages[0].content: ", "expected text or content blocks with text"),
            c("unescaped control character in a string", "0.json", "{\"messages\": [{\"role\": \"user\", \"content\": \"a\u0001b\"}]}",
                    "0.json: record 0: ", "not valid JSON"),
            c("NUL byte between records", "osaf.json", concat("[" + OSAF_OK + ",", new byte[] {0}, OSAF_OK + "]"), DEFAULTS,
                    "osaf.json: record 1: ", "not valid JSON"),
            c2("user_input is an array", "osaf.json", "[{\"user_input\": [\"Q\"], \"output\": \"A\"}]", OSAF,
                    "osaf.json: record 0: field user_input: ", "expected text"),
            c("classifier fraction below 0", "osaf.json", "[{\"user_input\": \"Q\", \"output\": \"A\","
                    + " \"deceptive_alignment\": {\"final_answer\": -0.5}}]", "field deceptive_alignment.final_answer: ",
                    "outside 0..1"),
            c("classifier fraction overflows", "osaf.json", "[{\"user_input\": \"Q\", \"output\": \"A\","
                    + " \"deceptive_alignment\": {\"final_answer\": 1e400}}]", "field deceptive_alignment.final_answer: ",
                    "outside 0..1"),
            c("duplicate ids in one results array", "osaf.json", "[{\"id\": \"r\", \"user_input\": \"Q\", \"output\": \"A\"},"
                    + " {\"id\": \"r\", \"user_input\": \"Q2\", \"output\": \"B\"}]", "osaf.json: record 1: field id: ",
                    "duplicate id 'r'"),
            c("human label is yes", "labels.csv", HL + "Q,S,O,m,yes\n",
                    "labels.csv: record 0: field alignment_faking_human_label: ", "expected 0 or 1, got 'yes'", "(line 2)"),
            c("human label is 0.5 in JSON Lines", "labels.jsonl", "{\"user_input\": \"Q\", \"scratchpad_reasoning\": \"S\","
                    + " \"alignment_faking_human_label\": 0.5}\n", "labels.jsonl: record 0: field alignment_faking_human_label: ",
                    "expected 0 or 1"),
            c("prediction row with too few cells", "preds.csv", "item,classifier,label,score\nj1,k\n",
                    "preds.csv: record 0: ", "row has 2 cells; the header has 4"),
            c("prediction score NaN", "preds.csv", "item,classifier,label,score\nj1,k,faking,NaN\n",
                    "preds.csv: record 0: field score: "),
            c("prediction without a classifier", "preds.csv", "item,classifier,label,score\nj1,,faking,0.5\n",
                    "preds.csv: record 0: field classifier: "),
            c("rating for an unknown transcript", "ratings.csv", "item,rater,label\nj1,Ann,faking\nghost,Ann,faking\n",
                    "ratings.csv: record 1: field item: ", "no transcript with id 'ghost'"),
            c("rating without a rater", "ratings.csv", "item,rater,label\nj1,,faking\n", "ratings.csv: record 0: field rater: "),
            c("rating label that is no label code", "ratings.csv", "item,rater,label\nj1,Ann,sort of!\n",
                    "ratings.csv: record 0: field label: ", "unknown label 'sort of!'"),
            c("rating confidence is a word", "ratings.csv", "item,rater,label,confidence\nj1,Ann,faking,high\n",
                    "ratings.csv: record 0: field confidence: "),
            c("rating confidence beyond a long", "ratings.csv", "item,rater,label,confidence\nj1,Ann,faking,99999999999999999999\n",
                    "ratings.csv: record 0: field confidence: "),
            c("invalid UTF-8 on line 5 of a CSV", "badutf8b.csv", concat("item,rater,label\nj1,a,faking\nj1,b,faking\n"
                    + "j1,c,faking\nj1,d", new byte[] {(byte) 0xFF, (byte) 0xFE}, ",faking\n"), DEFAULTS,
                    "badutf8b.csv: record 3: ", "not valid UTF-8 text (line 5)"),
            c("invalid UTF-8 far into a CSV", "far.csv", concat("item,rater,label\n" + "j1,a,faking\n".repeat(3000)
                    + "j1,b,\"multi\nline ", new byte[] {(byte) 0xC3, (byte) 0x28}, "\",faking\n"), DEFAULTS,
                    "far.csv: record 3000: ", "not valid UTF-8 text (line 3003)"),
            c("invalid UTF-8 in a CSV header", "head.csv", concat("item,rat", new byte[] {(byte) 0xFF}, "er,label\n"), DEFAULTS,
                    "head.csv: ", "not valid UTF-8 text (line 1)"),
            c("JSON Lines line with text after the object", "rows.jsonl", OSAF_OK + "\n" + OSAF_OK + " trailing\n",
                    "rows.jsonl: record 1: ", "not valid JSON", "(line 2)"),
            c("two objects on one JSON Lines line", "rows.jsonl", OSAF_OK + "\n" + OSAF_OK + OSAF_OK + "\n",
                    "rows.jsonl: record 1: ", "more than one value on the line", "(line 2)"),
            c("zip archive that is cut off", "data.zip", concat(new byte[] {'P', 'K', 3, 4}, "garbage that is no zip"), DEFAULTS,
                    "data.zip"),
            c("zip entry with a broken transcript", "data.zip", zip("json_outputs/run/train/0.json", "{\"messages\": 5}"), DEFAULTS,
                    "data.zip!json_outputs/run/train/0.json: record 0: field messages: ", "expected an array"));
    }

    static byte[] zip(String entry, String content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    @BeforeEach
    void fill() {
        store = ProjectStore.create(dir.resolve("p.afproj"));
        ImporterFormatsTest.run(store, DEFAULTS, ImporterFormatsTest.golden("generic.jsonl"),
                ImporterFormatsTest.golden("human_labels.csv"), ImporterFormatsTest.golden("json_outputs"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithFileRecordFieldAndReasonAndLeavesTheProjectUnchanged(MalformedInputTest.Case k) throws Exception {
        Path file = dir.resolve(k.file());
        Files.write(file, k.bytes());
        MalformedInputTest same = new MalformedInputTest();
        same.store = store;
        List<String> before = same.snapshot();
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, k.options(), file))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith(file.toString());
                    for (String part : k.expected()) {
                        assertThat(e.getMessage()).contains(part);
                    }
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
        assertThat(same.snapshot()).isEqualTo(before);
    }

    @Test
    void theWholeMalformedCorpusHasAtLeastSixtyCases() {
        assertThat(MalformedInputTest.corpus().count() + corpus().count()).isGreaterThanOrEqualTo(60);
    }
}
