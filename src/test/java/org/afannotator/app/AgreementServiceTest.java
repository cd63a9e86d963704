package org.afannotator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.afannotator.cli.CliRun;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.RaterRole;
import org.afannotator.domain.Span;
import org.afannotator.report.AgreementFiles;
import org.afannotator.stats.CodingAgreement;
import org.afannotator.stats.CodingReport;
import org.afannotator.stats.CodingStudy;
import org.afannotator.stats.Level;
import org.afannotator.stats.SpanStudy;
import org.afannotator.stats.UnitizingAlpha;
import org.afannotator.store.ProjectStore;
import org.afannotator.store.ProjectStoreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementServiceTest {
    @TempDir
    Path dir;

    /**
     * Transcripts a, b, c (segments of 17, 40 and 18 UTF-16 units). Ann and Bo finished a and b;
     * Cy's work on a is in progress and Ann's c is untouched, so neither counts.
     */
    Path project() {
        Path p = dir.resolve("p.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            store.transcripts().insertAll(List.of(ProjectStoreTest.transcript("a"), ProjectStoreTest.transcript("b"),
                    ProjectStoreTest.transcript("c")));
            long ann = store.raters().getOrCreate("Ann", RaterRole.RATER).id();
            long bo = store.raters().getOrCreate("Bo", RaterRole.RATER).id();
            long cy = store.raters().getOrCreate("Cy", RaterRole.RATER).id();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            store.annotations().save(done(ann, "a", "faking", Set.of("harm_awareness"), now));
            store.annotations().save(done(bo, "a", "faking", Set.of("harm_awareness"), now));
            store.annotations().save(Annotation.empty("a", cy, now).withLabel("not_faking")
                    .withStatus(AnnotationStatus.IN_PROGRESS));
            store.annotations().save(done(ann, "b", "not_faking", Set.of(), now));
            store.annotations().save(done(bo, "b", "faking", Set.of(), now));
            store.annotations().save(Annotation.empty("c", ann, now));
            store.spans().add(new Span(0, "a", ann, 1, 0, 2, "training_reasoning", "If", ""));
            store.spans().add(new Span(0, "a", bo, 1, 0, 2, "training_reasoning", "If", ""));
            store.spans().add(new Span(0, "a", cy, 1, 3, 9, "training_reasoning", "refuse", ""));
            store.spans().add(new Span(0, "b", ann, 2, 0, 4, "strategic_compliance", "Here", ""));
        }
        return p;
    }

    private static Annotation done(long rater, String t, String label, Set<String> criteria, Instant now) {
        return Annotation.empty(t, rater, now).withLabel(label).withCriteria(criteria).withStatus(AnnotationStatus.DONE);
    }

    @Test
    void labelsAreTheFinishedAnnotationsOnly() {
        ProjectAgreement r = new AgreementService().project(project(), new AgreementOptions(Level.NOMINAL, 0, 1));
        assertThat(r.transcripts()).isEqualTo(3);
        CodingReport labels = r.labels();
        assertThat(labels.items()).isEqualTo(2);
        assertThat(labels.raters()).isEqualTo(2);
        assertThat(labels.ratings()).isEqualTo(4);
        CodingStudy same = CodingStudy.builder().category("faking").category("not_faking")
                .rate("a", "Ann", "faking").rate("a", "Bo", "faking")
                .rate("b", "Ann", "not_faking").rate("b", "Bo", "faking").build();
        CodingReport expected = CodingAgreement.analyse(same, Level.NOMINAL, 0, 1);
        assertThat(labels.percentAgreement().get()).isEqualTo(0.5);
        assertThat(labels.cohenKappa().mean().get()).isEqualTo(expected.cohenKappa().mean().get());
        assertThat(labels.krippendorffAlpha().value()).isEqualTo(expected.krippendorffAlpha().value());
        assertThat(labels.gwetAc1().get()).isEqualTo(expected.gwetAc1().get());
        assertThat(labels.itemDetails().get(0).allAgree()).isTrue();
        assertThat(labels.itemDetails().get(1).tie()).isTrue();
    }

    @Test
    void eachCriterionIsATickedOrNotStudy() {
        ProjectAgreement r = new AgreementService().project(project(), new AgreementOptions(Level.NOMINAL, 0, 1));
        assertThat(r.criteria().keySet()).containsExactly("harm_awareness", "training_awareness",
                "harmlessness_commitment", "preserve_harmlessness");
        assertThat(r.criteria().get("harm_awareness").krippendorffAlpha().get()).isEqualTo(1.0);
        assertThat(r.criteria().get("training_awareness").krippendorffAlpha().isDefined()).isFalse();
    }

    /** Regression: a rater who never ticked a criterion counted as "not ticked" everywhere, which made agreement up. */
    @Test
    void aRaterWhoNeverTickedACriterionGivesNoCriteriaRatings() {
        Path p = project();
        try (ProjectStore store = ProjectStore.open(p)) {
            long dee = store.raters().getOrCreate("Dee", RaterRole.RATER).id();
            Instant now = Instant.parse("2026-01-02T00:00:00Z");
            store.annotations().save(done(dee, "a", "faking", Set.of(), now));
            store.annotations().save(done(dee, "b", "not_faking", Set.of(), now));
        }
        ProjectAgreement r = new AgreementService().project(p, new AgreementOptions(Level.NOMINAL, 0, 1));
        assertThat(r.labels().raters()).isEqualTo(3);
        CodingReport harm = r.criteria().get("harm_awareness");
        assertThat(harm.raters()).as("Ann and Bo ticked criteria; Dee never did").isEqualTo(2);
        assertThat(harm.ratings()).isEqualTo(4);
        assertThat(harm.krippendorffAlpha().get()).isEqualTo(1.0);
    }

    @Test
    void criteriaNobodyUsedHaveNoRatingsAndNoAgreement() {
        Path p = dir.resolve("none.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            store.transcripts().insertAll(List.of(ProjectStoreTest.transcript("a"), ProjectStoreTest.transcript("b")));
            long ann = store.raters().getOrCreate("Ann", RaterRole.RATER).id();
            long bo = store.raters().getOrCreate("Bo", RaterRole.RATER).id();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            for (String t : List.of("a", "b")) {
                store.annotations().save(done(ann, t, "faking", Set.of(), now));
                store.annotations().save(done(bo, t, "faking", Set.of(), now));
            }
        }
        ProjectAgreement r = new AgreementService().project(p, new AgreementOptions(Level.NOMINAL, 0, 1));
        for (CodingReport c : r.criteria().values()) {
            assertThat(c.ratings()).isZero();
            assertThat(c.percentAgreement().isDefined()).as("percent agreement of an unused criterion").isFalse();
        }
    }

    @Test
    void spansSitOnTheSegmentsJoinedInOrdinalOrder() {
        Map<Integer, Integer> starts = new HashMap<>();
        assertThat(AgreementService.continuum(ProjectStoreTest.transcript("a"), starts)).isEqualTo(17 + 40 + 18);
        assertThat(starts).containsEntry(0, 0).containsEntry(1, 17).containsEntry(2, 57);

        ProjectAgreement r = new AgreementService().project(project(), new AgreementOptions(Level.NOMINAL, 0, 1));
        SpanStudy byHand = SpanStudy.builder().item("a", 75).item("b", 75)
                .read("a", "Ann").read("a", "Bo").read("b", "Ann").read("b", "Bo")
                .tag("training_reasoning").tag("modification_avoidance").tag("value_conflict")
                .tag("strategic_compliance").tag("counter_evidence")
                .span("a", "Ann", "training_reasoning", 17, 19).span("a", "Bo", "training_reasoning", 17, 19)
                .span("b", "Ann", "strategic_compliance", 57, 61).build();
        UnitizingAlpha.Result expected = UnitizingAlpha.compute(byHand);
        assertThat(r.spans().unitizingAlpha().alpha().get()).isCloseTo(expected.alpha().get(), within(1e-12));
        assertThat(r.spans().unitizingAlpha().perTag().get("training_reasoning").get()).isEqualTo(1.0);
        assertThat(r.spans().spans()).isEqualTo(3);
        assertThat(r.spans().exact().pairs().get(0).f1().get()).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void cliWritesTheThreeExportFiles() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("agreement", "--project", project().toString(), "--format", "json", "--out",
                out.toString(), "--bootstrap", "100");
        assertThat(run.exitCode()).isZero();
        JsonNode printed = new ObjectMapper().readTree(run.out());
        JsonNode written = new ObjectMapper().readTree(out.resolve(AgreementFiles.SUMMARY_JSON).toFile());
        assertThat(written).isEqualTo(printed);
        assertThat(printed.fieldNames()).toIterable().containsExactly("transcripts", "labels", "criteria", "spans");
        assertThat(printed.get("labels").get("scott_pi")).isNotNull();
        assertThat(printed.get("spans").fieldNames()).toIterable().containsExactly("unitizing_alpha", "span_f1");
        List<String> items = Files.readAllLines(out.resolve(AgreementFiles.ITEMS_CSV));
        assertThat(items).containsExactly("item,ratings,majority,tie,all_agree,rater:Ann,rater:Bo",
                "a,2,faking,false,true,faking,faking", "b,2,,true,false,not_faking,faking");
        List<String> summary = Files.readAllLines(out.resolve(AgreementFiles.SUMMARY_CSV));
        assertThat(summary.get(0)).startsWith("scope,coefficient,");
        assertThat(summary).anyMatch(l -> l.startsWith("labels,percent_agreement,,,,0.5,"));
        assertThat(summary).anyMatch(l -> l.startsWith("criterion:harm_awareness,krippendorff_alpha,nominal,,,1.0,"));
        assertThat(summary).anyMatch(l -> l.startsWith("spans,unitizing_alpha,training_reasoning,,,1.0,"));
    }

    /**
     * agreement-items.csv has a row for each transcript with at least one finished label, and
     * docs/exports.md says so (it said "one transcript a row", while transcripts nobody finished
     * were never listed).
     */
    @Test
    void itemsCsvHasARowPerTranscriptWithAFinishedLabelAsTheDocsSay() throws Exception {
        Path p = project();
        try (ProjectStore store = ProjectStore.open(p)) {
            store.transcripts().insertAll(List.of(ProjectStoreTest.transcript("d"), ProjectStoreTest.transcript("e")));
            long cy = store.raters().byName("Cy").orElseThrow().id();
            store.annotations().save(done(cy, "d", "faking", Set.of(), Instant.parse("2026-01-01T00:00:00Z")));
        }
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("agreement", "--project", p.toString(), "--bootstrap", "0", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // c (Ann's untouched, Cy's in progress) and e (no annotation) have no finished label: no row.
        assertThat(Files.readAllLines(out.resolve(AgreementFiles.ITEMS_CSV))).containsExactly(
                "item,ratings,majority,tie,all_agree,rater:Ann,rater:Bo,rater:Cy",
                "a,2,faking,false,true,faking,faking,", "b,2,,true,false,not_faking,faking,",
                "d,1,faking,false,false,,,faking");
        String docs = Files.readString(Path.of("docs/exports.md")).replaceAll("\\s+", " ");
        assertThat(docs).contains("## agreement-items.csv One row per transcript with at least one finished label")
                .doesNotContain("with no rating");
    }

    @Test
    void ordinalLevelOnWordLabelsIsBadInput() {
        CliRun run = CliRun.of("agreement", "--project", project().toString(), "--level", "ordinal");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ordinal alpha needs numeric labels");
    }
}
