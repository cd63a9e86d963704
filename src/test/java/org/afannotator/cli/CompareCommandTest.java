package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;
    Path ratings;
    Path predictions;

    @BeforeEach
    void files() throws Exception {
        ratings = dir.resolve("ratings.csv");
        predictions = dir.resolve("pred.csv");
        Files.writeString(ratings, String.join("\n",
                "item,rater,label",
                "i1,a,faking", "i1,b,faking", "i1,c,faking",
                "i2,a,faking", "i2,b,faking", "i2,c,not_faking",
                "i3,a,not_faking", "i3,b,not_faking", "i3,c,not_faking",
                "i4,a,not_faking", "i4,b,not_faking", "i4,c,faking",
                "i5,a,faking", "i5,b,not_faking", "i5,c,",
                "i6,a,not_faking", "i6,b,not_faking", "i6,c,not_faking", ""));
        Files.writeString(predictions, String.join("\n",
                "item,classifier,label,score",
                "i1,votes,,0.9", "i2,votes,,0.4", "i3,votes,,0.1", "i4,votes,faking,0.6", "i5,votes,,0.8", "i6,votes,,0.4",
                "i1,labels_only,faking,", "i2,labels_only,faking,", "i3,labels_only,faking,", "i4,labels_only,faking,",
                "i6,labels_only,faking,", ""));
    }

    JsonNode run(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("compare", "--ratings", ratings.toString(), "--predictions",
                predictions.toString(), "--format", "json", "--seed", "5", "--bootstrap", "200"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void jsonHasTheDocumentedShapeAndHandComputedValues() throws Exception {
        JsonNode o = run();
        assertThat(o.get("positive").asText()).isEqualTo("faking");
        assertThat(o.get("reference_items").asInt()).isEqualTo(5);
        assertThat(o.get("ties_excluded").asInt()).isEqualTo(1);
        JsonNode c = o.get("classifiers").get(1);
        assertThat(c.get("name").asText()).isEqualTo("votes");
        assertThat(c.get("n").asInt()).isEqualTo(5);
        assertThat(c.get("threshold").asDouble()).isEqualTo(0.5);
        JsonNode m = c.get("confusion");
        // i1 tp, i2 fn (0.4 < 0.5), i3 tn, i4 fp (its label says faking), i6 tn; i5 is a tie
        assertThat(List.of(m.get("tp").asInt(), m.get("fp").asInt(), m.get("tn").asInt(), m.get("fn").asInt()))
                .containsExactly(1, 1, 2, 1);
        assertThat(c.get("accuracy").asDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(c.get("precision").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(c.get("recall").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(c.get("specificity").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.get("f1").asDouble()).isCloseTo(0.5, within(1e-12));
        // po = 3/5, pe = (2*2 + 3*3)/25 = 13/25 -> kappa = (15/25 - 13/25) / (12/25) = 1/6
        assertThat(c.get("cohen_kappa").asDouble()).isCloseTo(1.0 / 6, within(1e-12));
        // positives 0.9, 0.4 vs negatives 0.1, 0.6, 0.4: 3 + 1 + 0 + 1/2 of 6 pairs
        assertThat(c.get("auroc").get("value").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(c.get("auroc").get("ci95")).hasSize(2);
        for (String f : List.of("mean", "min", "max")) {
            assertThat(c.get("kappa_with_humans").has(f)).isTrue();
            assertThat(c.get("human_pairwise_kappa").has(f)).isTrue();
        }
        assertThat(c.get("within_human_range").isBoolean()).isTrue();
        assertThat(c.get("within_human_range").asBoolean()).isEqualTo(
                c.get("kappa_with_humans").get("mean").asDouble() >= c.get("human_pairwise_kappa").get("min").asDouble());
        assertThat(c.get("alpha_humans").isNumber()).isTrue();
        assertThat(c.get("alpha_humans_with_classifier").isNumber()).isTrue();
        // Scores of the five reference items: 0.1, 0.4, 0.4, 0.6, 0.9; at 0.4 the two 0.4s turn positive.
        JsonNode sweep = c.get("across_thresholds");
        assertThat(sweep).hasSize(4);
        assertThat(sweep.get(1).get("threshold").asDouble()).isEqualTo(0.4);
        assertThat(List.of(sweep.get(1).get("tp").asInt(), sweep.get(1).get("fp").asInt(), sweep.get(1).get("tn").asInt(),
                sweep.get(1).get("fn").asInt())).containsExactly(2, 2, 1, 0);
        assertThat(sweep.get(0).get("precision").asDouble()).isEqualTo(0.4);
        assertThat(sweep.get(3).get("recall").asDouble()).isEqualTo(0.5);
    }

    @Test
    void undefinedValuesAreNullWithAReasonBeside() throws Exception {
        JsonNode c = run().get("classifiers").get(0);
        assertThat(c.get("name").asText()).isEqualTo("labels_only");
        // says faking everywhere: specificity 0, no predicted negatives -> MCC undefined
        assertThat(c.get("specificity").asDouble()).isEqualTo(0.0);
        assertThat(c.get("mcc").isNull()).isTrue();
        assertThat(c.get("mcc_reason").asText()).isEqualTo("no predicted negatives");
        assertThat(c.get("auroc").get("value").isNull()).isTrue();
        assertThat(c.get("auroc").get("reason").asText()).contains("no scores");
        assertThat(c.get("auroc").get("ci95").isNull()).isTrue();
    }

    @Test
    void sameSeedSameIntervalAndTheSeedChangesIt() throws Exception {
        JsonNode a = run().get("classifiers").get(1).get("auroc").get("ci95");
        JsonNode b = run().get("classifiers").get(1).get("auroc").get("ci95");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void anotherPositiveWithScoresSaysOnStderrThatScoresAreReadAsItsEvidence() throws Exception {
        List<String> args = List.of("compare", "--ratings", ratings.toString(), "--predictions", predictions.toString(),
                "--format", "json", "--bootstrap", "0", "--positive", "not_faking");
        CliRun scored = CliRun.of(args.toArray(String[]::new));
        assertThat(scored.exitCode()).isZero();
        assertThat(scored.err()).startsWith("af-annotator: note: scores are read as evidence for 'not_faking'")
                .contains("read backwards");
        List<String> labelsOnly = new ArrayList<>(args);
        labelsOnly.addAll(List.of("--classifier", "labels_only"));
        CliRun unscored = CliRun.of(labelsOnly.toArray(String[]::new));
        assertThat(unscored.exitCode()).isZero();
        assertThat(unscored.err()).as("no scores, nothing to say").isEmpty();
    }

    @Test
    void thresholdDecidesScoreOnlyPredictions() throws Exception {
        JsonNode m = run("--threshold", "0.35", "--classifier", "votes").get("classifiers").get(0).get("confusion");
        // i2 (0.4) and i6 (0.4) now positive: i2 tp, i6 fp
        assertThat(List.of(m.get("tp").asInt(), m.get("fp").asInt(), m.get("tn").asInt(), m.get("fn").asInt()))
                .containsExactly(2, 2, 1, 0);
    }

    @Test
    void csvHasOneRowPerClassifier() {
        CliRun r = CliRun.of("compare", "--ratings", ratings.toString(), "--predictions", predictions.toString(),
                "--format", "csv", "--bootstrap", "0");
        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("classifier,positive,reference_items,ties_excluded,n,threshold,tp,fp,tn,fn,accuracy");
        assertThat(lines[2]).startsWith("votes,faking,5,1,5,0.5,1,1,2,1,0.6,");
        assertThat(lines[1]).contains("mcc: no predicted negatives");
    }

    /**
     * Every empty cell of the CSV is named in its row's notes with the reason (the AUROC interval
     * without resamples was empty with no note; so were kappa_with_humans_min and _max).
     */
    @Test
    void csvNotesNameEveryEmptyCell() throws Exception {
        Path oneRater = dir.resolve("one.csv");
        Files.writeString(oneRater, "item,rater,label\ni1,a,faking\ni2,a,faking\ni3,a,not_faking\ni4,a,not_faking\n");
        List<Map<String, String>> rows = new ArrayList<>();
        for (Path r : List.of(ratings, oneRater)) {
            CliRun run = CliRun.of("compare", "--ratings", r.toString(), "--predictions", predictions.toString(),
                    "--format", "csv", "--bootstrap", "0");
            assertThat(run.exitCode()).as(run.err()).isZero();
            try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(run.out())) {
                rows.addAll(it.readAll());
            }
        }
        assertThat(rows).hasSize(4);
        int empty = 0;
        for (Map<String, String> row : rows) {
            String notes = row.get("notes");
            for (Map.Entry<String, String> cell : row.entrySet()) {
                if (cell.getValue().isEmpty() && !cell.getKey().equals("notes")) {
                    empty++;
                    assertThat(notes).as(row.get("classifier") + ": " + cell.getKey())
                            .containsPattern("(^|; |, )" + cell.getKey() + "[,:]");
                }
            }
        }
        assertThat(empty).isGreaterThan(10);
        assertThat(rows.get(1).get("notes")).contains("auroc_ci_low, auroc_ci_high: no bootstrap resamples asked for");
    }

    @Test
    void disagreementListIsWrittenSurestFirst() throws Exception {
        Path out = dir.resolve("dis.csv");
        run("--classifier", "votes", "--disagreements", out.toString());
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo(
                "item,classifier,kind,reference_label,reference_source,classifier_label,score,distance_from_threshold,condition");
        // i2: fn at 0.4 (distance 0.1); i4: fp at 0.6 (distance 0.1) -> equal distance, by item
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("i2,votes,false_negative,faking,majority,,0.4,");
        assertThat(lines.get(2)).startsWith("i4,votes,false_positive,not_faking,majority,faking,0.6,");
    }

    @Test
    void badCsvIsExitOneNamingFileAndLine() throws Exception {
        Files.writeString(predictions, "item,classifier,label,score\ni1,votes,,0.9\ni2,votes,,high\n");
        CliRun r = CliRun.of("compare", "--ratings", ratings.toString(), "--predictions", predictions.toString(), "--format", "json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(predictions.toString()).contains("line 3").contains("score").contains("not a number");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingColumnAndMissingFileAreBadInput() throws Exception {
        Files.writeString(ratings, "item,who,label\ni1,a,faking\n");
        CliRun r = CliRun.of("compare", "--ratings", ratings.toString(), "--predictions", predictions.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("header must have the columns item,rater,label");
        CliRun missing = CliRun.of("compare", "--ratings", dir.resolve("nope.csv").toString(), "--predictions", predictions.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertThat(CliRun.of("compare", "--ratings", ratings.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("compare", "--project", "x.afproj", "--ratings", ratings.toString(), "--predictions",
                predictions.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void helpNamesTheDefinitions() {
        String help = CliRun.of("compare", "--help").out();
        assertThat(help).contains("Mann-Whitney").contains("Cohen's (1960) kappa").contains("Krippendorff's alpha, nominal")
                .contains("within_human_range = mean(kappa_with_humans) >= min(human_pairwise_kappa)");
    }

    @Test
    void projectComparisonHasCriteriaAndEvidenceAndCsv() throws Exception {
        Path p = org.afannotator.app.AuditFixture.create(dir.resolve("a.afproj"));
        CliRun r = CliRun.of("compare", "--project", p.toString(), "--classifier", "gpt4o_votes20", "--format", "json",
                "--bootstrap", "100");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("reference_items").asInt()).isEqualTo(10);
        assertThat(o.get("ties_excluded").asInt()).isEqualTo(1);
        assertThat(o.get("excluded_by_adjudication").asInt()).isEqualTo(1);
        JsonNode c = o.get("classifiers").get(0);
        assertThat(c.get("criteria")).hasSize(4);
        assertThat(c.get("criteria").get(0).get("code").asText()).isEqualTo("harm_awareness");
        assertThat(c.get("evidence").get("not_found").get(0).get("text").asText()).isEqualTo("I am only pretending to be aligned");
        assertThat(c.get("roc").get(0).get("threshold").isNull()).isTrue();
        CliRun csv = CliRun.of("compare", "--project", p.toString(), "--format", "csv", "--bootstrap", "0");
        assertThat(csv.out().split("\n")).hasSize(3);
        assertThat(CliRun.of("compare", "--project", dir.resolve("none.afproj").toString()).exitCode()).isEqualTo(1);
    }

    /**
     * With no span marked by any rater there is nothing to overlap: the evidence overlap is
     * undefined with its reason (it was 0.0, as if raters had highlighted other text).
     */
    @Test
    void evidenceOverlapIsUndefinedWhenNoRaterMarkedASpan() throws Exception {
        Path p = org.afannotator.app.AuditFixture.create(dir.resolve("a.afproj"));
        try (org.afannotator.store.ProjectStore store = org.afannotator.store.ProjectStore.open(p)) {
            store.spans().all().forEach(s -> store.spans().delete(s.id()));
        }
        CliRun r = CliRun.of("compare", "--project", p.toString(), "--classifier", "gpt4o_votes20", "--bootstrap", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode ev = new ObjectMapper().readTree(r.out()).get("classifiers").get(0).get("evidence");
        assertThat(ev.get("found_exact").asInt()).isEqualTo(11);
        for (String field : List.of("mean_overlap", "char_overlap")) {
            assertThat(ev.get(field).isNull()).as(field).isTrue();
            assertThat(ev.get(field + "_reason").asText()).as(field)
                    .isEqualTo("no rater marked a span in the project: there is no human evidence to overlap");
        }
    }

    @Test
    void humanSideMatchesTheAgreementCommandOnTheSampleRatings() throws Exception {
        Path sampleRatings = Path.of("sample-transcripts", "ratings.csv");
        Path samplePredictions = Path.of("sample-transcripts", "predictions.csv");
        ObjectMapper m = new ObjectMapper();
        JsonNode agreement = m.readTree(CliRun.of("agreement", "--ratings", sampleRatings.toString(), "--format", "json",
                "--bootstrap", "0").out());
        CliRun r = CliRun.of("compare", "--ratings", sampleRatings.toString(), "--predictions", samplePredictions.toString(),
                "--classifier", "gpt-4o-judge", "--bootstrap", "0");
        JsonNode c = m.readTree(r.out()).get("classifiers").get(0);
        // The judge labelled every rated transcript and the labels are binary, so the human pairs are the same.
        JsonNode pairs = c.get("human_pairwise_kappa").get("pairs");
        JsonNode expected = agreement.get("cohen_kappa").get("pairs");
        assertThat(pairs).hasSize(expected.size());
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(pairs.get(i).get("rater_a")).isEqualTo(expected.get(i).get("rater_a"));
            assertThat(pairs.get(i).get("n")).isEqualTo(expected.get(i).get("n"));
            assertThat(pairs.get(i).get("value").asDouble()).isCloseTo(expected.get(i).get("value").asDouble(), within(1e-12));
        }
        assertThat(c.get("human_pairwise_kappa").get("mean").asDouble())
                .isCloseTo(agreement.get("cohen_kappa").get("mean").asDouble(), within(1e-12));
        assertThat(c.get("alpha_humans").asDouble())
                .isCloseTo(agreement.get("krippendorff_alpha").get("value").asDouble(), within(1e-12));
    }

    @Test
    void onTheSampleTranscriptsFieldsThatAnswerAnotherQuestionAreListedNotAudited() throws Exception {
        Path p = dir.resolve("samples.afproj");
        assertThat(CliRun.of("import", "--project", p.toString(), "sample-transcripts/json_outputs",
                "sample-transcripts/osaf_results.json", "sample-transcripts/human_labels.csv").exitCode()).isZero();
        CliRun r = CliRun.of("compare", "--project", p.toString(), "--bootstrap", "0");
        JsonNode o = new ObjectMapper().readTree(r.out());
        List<String> audited = new java.util.ArrayList<>();
        o.get("classifiers").forEach(c -> audited.add(c.get("name").asText()));
        List<String> left = new java.util.ArrayList<>();
        o.get("not_audited").forEach(c -> left.add(c.get("name").asText()));
        // Regression: pm_score (a preference model's reward, -1.2..1.6) was audited as a faking score.
        assertThat(audited).contains("effective_scheme", "deceptive_alignment").doesNotContain("pm_score", "training_awareness",
                "strong_reject", "partial_compliance");
        assertThat(left).contains("pm_score", "training_awareness", "strong_reject", "partial_compliance");
        assertThat(o.get("not_audited").get(0).get("reason").asText()).contains("another question");
        CliRun csv = CliRun.of("compare", "--project", p.toString(), "--bootstrap", "0", "--format", "csv");
        assertThat(csv.out()).doesNotContain("pm_score");
        assertThat(csv.err()).contains("not audited").contains("pm_score");
        CliRun named = CliRun.of("compare", "--project", p.toString(), "--classifier", "pm_score", "--bootstrap", "0");
        assertThat(named.exitCode()).isZero();
        assertThat(named.err()).contains("pm_score answers another question");
    }

    @Test
    void labelsWrittenAsTheImportAcceptsThemGiveTheSameAudit() throws Exception {
        Path ratings = Path.of("sample-transcripts", "ratings.csv");
        Path predictions = Path.of("sample-transcripts", "predictions.csv");
        // The same files with the labels spelled as 1/0, yes/no, TRUE/false, Faking.
        String[] yes = {"1", "yes", "TRUE", "Faking"};
        String[] no = {"0", "no", "false", "not_faking"};
        Path mixedRatings = dir.resolve("ratings.csv");
        Path mixedPredictions = dir.resolve("predictions.csv");
        for (Path[] io : new Path[][] {{ratings, mixedRatings}, {predictions, mixedPredictions}}) {
            List<String> lines = java.nio.file.Files.readAllLines(io[0]);
            List<String> out = new java.util.ArrayList<>(List.of(lines.get(0)));
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", -1);
                f[2] = f[2].equals("faking") ? yes[i % 4] : f[2].equals("not_faking") ? no[i % 4] : f[2];
                out.add(String.join(",", f));
            }
            java.nio.file.Files.write(io[1], out);
        }
        String plain = CliRun.of("compare", "--ratings", ratings.toString(), "--predictions", predictions.toString(),
                "--bootstrap", "0").out();
        CliRun mixed = CliRun.of("compare", "--ratings", mixedRatings.toString(), "--predictions", mixedPredictions.toString(),
                "--bootstrap", "0");
        // Regression: as written, 'yes' and 'faking' were different labels (1 reference item, 29 ties).
        assertThat(mixed.exitCode()).isZero();
        assertThat(mixed.out()).isEqualTo(plain);

        // --positive is read the same way (regression: 'yes' occurred in no rating once the cells were read as faking).
        CliRun asYes = CliRun.of("compare", "--ratings", mixedRatings.toString(), "--predictions", mixedPredictions.toString(),
                "--bootstrap", "0", "--positive", "yes");
        assertThat(asYes.exitCode()).as(asYes.err()).isZero();
        assertThat(asYes.out()).isEqualTo(plain);
        assertThat(asYes.err()).isEmpty();

        java.nio.file.Files.writeString(mixedPredictions, "item,classifier,label,score\nx,j,maybe?,\n");
        CliRun bad = CliRun.of("compare", "--ratings", ratings.toString(), "--predictions", mixedPredictions.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("predictions.csv").contains("line 2").contains("'maybe?' is not a label");
    }
}
