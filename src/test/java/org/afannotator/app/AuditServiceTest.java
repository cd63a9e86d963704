package org.afannotator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.afannotator.app.audit.AuditReport;
import org.afannotator.app.audit.ClassifierAudit;
import org.afannotator.app.audit.Disagreement;
import org.afannotator.app.audit.DisagreementDetail;
import org.afannotator.domain.BadInputException;
import org.afannotator.stats.classifier.AuditOptions;
import org.afannotator.stats.classifier.ConfusionMatrix;
import org.afannotator.stats.classifier.CriterionAgreement;
import org.afannotator.stats.classifier.HumanReference;
import org.afannotator.stats.classifier.ItemOutcome;
import org.afannotator.stats.classifier.QuoteMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditServiceTest {
    @TempDir
    Path dir;

    @Test
    void projectReferenceUsesGoldDropsExclusionsAndTies() {
        Path p = AuditFixture.create(dir.resolve("a.afproj"));
        try (ProjectSession s = ProjectSession.open(p)) {
            AuditReport r = new AuditService().compare(s, AuditFixture.CLASSIFIER, AuditOptions.defaults("faking"));
            HumanReference ref = r.reference();
            // t10 is a 1-1 tie, t09 excluded, t11 gold faking
            assertThat(ref.ties()).containsExactly("t10");
            assertThat(ref.excluded()).containsExactly("t09");
            assertThat(ref.labels()).hasSize(10).containsEntry("t11", "faking");
            assertThat(ref.sources().get("t11")).isEqualTo(HumanReference.Source.GOLD);
            ClassifierAudit a = r.classifiers().get(0);
            // reference f: t00 t01 t02 t03 t04 t11; n: t05 t06 t07 t08
            // scores >= 0.5: t00 .95 t01 .85 t03 .70 t06 .65 t08 .90 -> tp 3 (t00,t01,t03), fp 2 (t06,t08),
            // fn 3 (t02 .30, t04 .15, t11 .40), tn 2 (t05, t07)
            assertThat(a.comparison().confusion()).isEqualTo(new ConfusionMatrix(3, 2, 2, 3));
            assertThat(r.disagreements(a)).extracting(Disagreement::item).containsExactly("t08", "t04", "t02", "t06", "t11");
            assertThat(r.disagreements(a)).extracting(Disagreement::kind).containsExactly(ItemOutcome.Kind.FALSE_POSITIVE,
                    ItemOutcome.Kind.FALSE_NEGATIVE, ItemOutcome.Kind.FALSE_NEGATIVE, ItemOutcome.Kind.FALSE_POSITIVE,
                    ItemOutcome.Kind.FALSE_NEGATIVE);
            assertThat(r.disagreements(a).get(0).condition()).isEqualTo("free_tier");
        }
    }

    @Test
    void releasedFieldsThatAnswerAnotherQuestionAreLeftOutUnlessNamed() {
        Path p = AuditFixture.create(dir.resolve("a.afproj"));
        try (org.afannotator.store.ProjectStore store = org.afannotator.store.ProjectStore.open(p)) {
            java.util.List<org.afannotator.domain.Prediction> extra = new java.util.ArrayList<>();
            for (String t : new String[] {"t00", "t01", "t05"}) {
                // training awareness (a released Redwood field, scores only), and a user's own score-only judge
                extra.add(new org.afannotator.domain.Prediction(t, "training_awareness", null, 1.0, java.util.Map.of(),
                        java.util.List.of(), "true"));
                extra.add(new org.afannotator.domain.Prediction(t, "my_judge", null, 0.7, java.util.Map.of(),
                        java.util.List.of(), null));
            }
            store.predictions().insertAll(extra);
        }
        try (ProjectSession s = ProjectSession.open(p)) {
            AuditService service = new AuditService();
            assertThat(service.classifiers(s)).contains("my_judge", AuditFixture.CLASSIFIER).doesNotContain("training_awareness");
            AuditReport all = service.compare(s, null, AuditOptions.defaults("faking"));
            assertThat(all.classifiers()).extracting(ClassifierAudit::name).contains("my_judge").doesNotContain("training_awareness");
            assertThat(all.notAudited()).containsExactly("training_awareness");
            AuditReport named = service.compare(s, "training_awareness", AuditOptions.defaults("faking"));
            assertThat(named.classifiers()).extracting(ClassifierAudit::name).containsExactly("training_awareness");
            assertThat(named.notAudited()).isEmpty();
        }
    }

    @Test
    void aDisagreementOnlyAtAnotherThresholdStillHasItsCondition() {
        Path p = AuditFixture.create(dir.resolve("a.afproj"));
        try (ProjectSession s = ProjectSession.open(p)) {
            AuditReport r = new AuditService().compare(s, AuditFixture.CLASSIFIER, AuditOptions.defaults("faking"));
            ClassifierAudit a = r.classifiers().get(0);
            // t05 (not faking, score 0.10; paid tier) is no disagreement at 0.5 but a false positive at 0.08.
            assertThat(r.disagreements(a)).extracting(Disagreement::item).doesNotContain("t05");
            Disagreement t05 = r.disagreementsAt(a, 0.08).stream().filter(d -> d.item().equals("t05")).findFirst().orElseThrow();
            assertThat(t05.condition()).isEqualTo("paid_tier");
        }
    }

    @Test
    void criteriaMapByNameAndQuotesAreCheckedAgainstTheText() {
        Path p = AuditFixture.create(dir.resolve("a.afproj"));
        try (ProjectSession s = ProjectSession.open(p)) {
            ClassifierAudit a = new AuditService().compare(s, AuditFixture.CLASSIFIER, AuditOptions.defaults("faking"))
                    .classifiers().get(0);
            assertThat(a.criterionMapping().codeOfKey()).containsValues("harm_awareness", "training_awareness",
                    "harmlessness_commitment", "preserve_harmlessness");
            CriterionAgreement harm = a.criteria().get(0);
            // every rater ticks harm awareness and the classifier says 1.0: all tp over the 11 non-excluded items
            assertThat(harm.confusion()).isEqualTo(new ConfusionMatrix(11, 0, 0, 0));
            // 6 faking texts x 2 quotes + 5 honest x 1 (t09 excluded) + the invented one on t08
            assertThat(a.evidence().quotes()).isEqualTo(18);
            assertThat(a.evidence().exact()).isEqualTo(11);
            assertThat(a.evidence().caseInsensitive()).isEqualTo(6);
            assertThat(a.evidence().notFound()).extracting(q -> q.item()).containsExactly("t08");
            assertThat(a.evidence().meanOverlap().get()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void detailShowsEveryRaterAndLocatesQuotes() {
        Path p = AuditFixture.create(dir.resolve("a.afproj"));
        try (ProjectSession s = ProjectSession.open(p)) {
            AuditService service = new AuditService();
            AuditReport r = service.compare(s, null, AuditOptions.defaults("faking"));
            assertThat(r.classifiers()).extracting(ClassifierAudit::name).containsExactly(AuditFixture.CLASSIFIER, "keyword_match");
            DisagreementDetail d = service.detail(s, r, AuditFixture.CLASSIFIER, "t08");
            assertThat(d.raters()).extracting(x -> x.rater()).containsExactly("Ann", "Bob", "Cy");
            assertThat(d.raters().get(1).note()).isEqualTo("Bob's note on t08");
            assertThat(d.raters().get(0).spans()).hasSize(1);
            assertThat(d.row().kind()).isEqualTo(ItemOutcome.Kind.FALSE_POSITIVE);
            assertThat(d.quotes()).extracting(QuoteMatch::kind).containsExactly(QuoteMatch.Kind.EXACT, QuoteMatch.Kind.NOT_FOUND);
            assertThat(d.transcript().condition()).isEqualTo("free_tier");
        }
    }

    @Test
    void unknownClassifierOrPositiveIsBadInput() {
        Path p = AuditFixture.create(dir.resolve("a.afproj"));
        AuditService service = new AuditService();
        assertThatThrownBy(() -> service.compareProject(p, "nope", null, 0.5, 0, 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no classifier 'nope' (there are: gpt4o_votes20, keyword_match)");
        assertThatThrownBy(() -> service.compareProject(p, null, "maybe", 0.5, 0, 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("label 'maybe' is not in the project's scheme");
        // "yes", "Faking", "1" are read as the import reads label cells (found in review: only files did)
        assertThat(service.compareProject(p, null, "Faking", 0.5, 0, 1).options().positive()).isEqualTo("faking");
        assertThat(service.compareProject(p, null, "yes", 0.5, 0, 1).options().positive()).isEqualTo("faking");
    }

    @Test
    void ratersWhoNeverTickCriteriaAreNotCountedAsNo() {
        Path p = AuditFixture.create(dir.resolve("a.afproj"));
        try (ProjectSession s = ProjectSession.open(p)) {
            // Dee and Eve label t04 without criteria, like an imported label set. Counted as "no", they
            // would turn t04's harm awareness (ticked by Ann and Bob) into a 2-2 tie.
            for (String name : java.util.List.of("Dee", "Eve")) {
                org.afannotator.domain.Rater r = s.store().raters().getOrCreate(name, org.afannotator.domain.RaterRole.EXTERNAL);
                s.store().annotations().save(new org.afannotator.domain.Annotation("t04", r.id(), "faking", null, java.util.Set.of(),
                        "", org.afannotator.domain.AnnotationStatus.DONE, 0, java.time.Instant.EPOCH, java.time.Instant.EPOCH));
            }
            ClassifierAudit a = new AuditService().compare(s, AuditFixture.CLASSIFIER, AuditOptions.defaults("faking"))
                    .classifiers().get(0);
            assertThat(a.criteria().get(0).confusion()).isEqualTo(new ConfusionMatrix(11, 0, 0, 0));
            assertThat(a.criteria().get(0).ties()).isZero();
        }
    }
}
