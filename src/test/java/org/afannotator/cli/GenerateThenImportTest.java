package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated corpus goes through the importers whole: transcripts, ratings and predictions. */
class GenerateThenImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void redwoodCorpusImportsInOneGoWithEveryRatingAndPredictionAttached() throws Exception {
        Path corpus = dir.resolve("corpus");
        JsonNode gen = JSON.readTree(CliRun.of("generate", "--out", corpus.toString(), "--transcripts", "60",
                "--raters", "3", "--seed", "11").out());
        Path project = dir.resolve("p.afproj");
        CliRun r = CliRun.of("import", "--project", project.toString(), corpus.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode imp = JSON.readTree(r.out());
        assertThat(imp.get("skipped").size()).as(imp.toString()).isZero();
        assertThat(imp.get("transcripts_added").asInt()).isEqualTo(60);
        assertThat(imp.get("duplicates").asInt()).isZero();
        assertThat(imp.get("annotations_added").asInt()).isEqualTo(gen.get("ratings").asInt());
        // predictions.csv plus the flat classifier fields of each file (7 per transcript)
        assertThat(imp.get("predictions_added").asInt()).isEqualTo(gen.get("predictions").asInt() + 60 * 7);
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.raters().all()).extracting(x -> x.name()).contains("rater01", "rater02", "rater03");
            for (String id : store.transcripts().allIds()) {
                Transcript t = store.transcripts().get(id).orElseThrow();
                assertThat(t.segments(SegmentKind.SCRATCHPAD)).hasSizeBetween(2, 5);
                assertThat(t.segments(SegmentKind.OUTPUT)).hasSize(1);
                assertThat(t.condition()).isEqualTo(t.setting().equals("train") ? "free_tier" : "paid_tier");
                assertThat(store.predictions().forTranscript(id)).extracting(Prediction::classifier)
                        .contains("gpt4o_votes20", "claude35_scheme", "effective_scheme");
            }
            assertThat(store.annotations().all()).extracting(Annotation::label).containsOnly("faking", "not_faking");
        }
    }

    @Test
    void osafCorpusImportsWithItsOwnIdsAndNestedClassifier() throws Exception {
        Path corpus = dir.resolve("osaf");
        JsonNode gen = JSON.readTree(CliRun.of("generate", "--out", corpus.toString(), "--transcripts", "40",
                "--raters", "2", "--format", "osaf").out());
        Path project = dir.resolve("o.afproj");
        CliRun first = CliRun.of("import", "--project", project.toString(), corpus.resolve("results").toString(),
                "--format", "json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(JSON.readTree(first.out()).get("transcripts_added").asInt()).isEqualTo(40);
        CliRun second = CliRun.of("import", "--project", project.toString(), corpus.resolve("ratings.csv").toString(),
                corpus.resolve("predictions.csv").toString(), "--format", "json");
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode imp = JSON.readTree(second.out());
        assertThat(imp.get("annotations_added").asInt()).isEqualTo(gen.get("ratings").asInt());
        assertThat(imp.get("predictions_added").asInt()).isEqualTo(gen.get("predictions").asInt());
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.transcripts().allIds()).hasSize(40).allMatch(id -> id.startsWith("osaf-"));
            assertThat(store.predictions().classifiers()).contains("deceptive_alignment", "gpt4o_votes20");
            Transcript t = store.transcripts().get("osaf-0").orElseThrow();
            assertThat(t.condition()).isIn("free_tier", "paid_tier");
            assertThat(t.segments(SegmentKind.SCRATCHPAD)).hasSizeBetween(2, 5);
        }
        assertThat(Files.exists(project)).isTrue();
    }

    @Test
    void osafCorpusImportsAsOneFolderThoughItsCsvFilesSortBeforeResults() throws Exception {
        Path corpus = dir.resolve("go");
        JsonNode gen = JSON.readTree(CliRun.of("generate", "--out", corpus.toString(), "--transcripts", "50",
                "--seed", "11", "--format", "osaf").out());
        CliRun r = CliRun.of("import", "--project", dir.resolve("po.afproj").toString(), corpus.toString(),
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode imp = JSON.readTree(r.out());
        assertThat(imp.get("transcripts_added").asInt()).isEqualTo(50);
        assertThat(imp.get("annotations_added").asInt()).isEqualTo(gen.get("ratings").asInt());
        assertThat(imp.get("predictions_added").asInt()).isGreaterThan(gen.get("predictions").asInt());
        assertThat(imp.get("skipped").size()).isZero();
    }
}
