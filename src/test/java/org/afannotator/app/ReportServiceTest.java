package org.afannotator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.afannotator.domain.AdjudicationBasis;
import org.afannotator.store.ProjectStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportServiceTest {
    @TempDir
    Path dir;

    @Test
    void importedLabelsCountAsFinishedWorkOfARaterWithoutAQueue() throws Exception {
        Path out = dir.resolve("report.html");
        try (ProjectStore store = ReportFixtures.project(dir.resolve("p.afproj"))) {
            long ext = store.raters().getOrCreate("human_labels", org.afannotator.domain.RaterRole.EXTERNAL).id();
            java.time.Instant now = ReportFixtures.CLOCK.instant();
            for (String t : new String[] {"t0", "t1", "t4"}) {
                store.annotations().save(new org.afannotator.domain.Annotation(t, ext, "faking", null, null, "",
                        org.afannotator.domain.AnnotationStatus.DONE, 0, now, now));
            }
            new ReportService(store, ReportFixtures.CLOCK).write(out, WorkProgress.NONE);
        }
        Document doc = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        var row = doc.select("#raters tr").stream().filter(r -> r.text().startsWith("human_labels")).findFirst().orElseThrow();
        // Regression: the row read 0 assigned, 0 done, beside a summary counting these labels.
        assertThat(row.select("td").eachText()).startsWith("human_labels", "external", "3", "\u2013", "\u2013", "\u2013", "\u2013");
        assertThat(row.select("td").last().text()).isEqualTo("no queue (labels imported)");
    }

    @Test
    void theReportOfAProjectWithHostileTextListsDisagreementsAndInjectsNothing() throws Exception {
        Path out = dir.resolve("report.html");
        try (ProjectStore store = ReportFixtures.project(dir.resolve("p.afproj"))) {
            new AdjudicationService(store, ReportFixtures.CLOCK).decide("t3", "not_faking", AdjudicationBasis.MAJORITY, "", "Dee");
            new ReportService(store, ReportFixtures.CLOCK).write(out, WorkProgress.NONE);
        }
        Document doc = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(doc.select("script, img, iframe")).isEmpty();
        assertThat(doc.select("#disagreements > table tr td:first-child").eachText()).containsExactly("t2", "t3");
        assertThat(doc.select("#disagreements > table tr").get(2).select("td").get(2).text())
                .isEqualTo("not_faking (majority, Dee)");
        // Ann's note on t2 is the hostile string; it is shown as text.
        assertThat(doc.select("#x1").text()).contains(ReportFixtures.HOSTILE);
        assertThat(doc.select("#raters tr td:first-child").eachText()).containsExactly("Ann", "Bo", "Cy");
        // finished labels, then the queue: assigned, done, in progress, skipped
        assertThat(doc.select("#raters tr").get(1).select("td").eachText()).startsWith("Ann", "rater", "4", "6", "4", "0", "0");
        assertThat(doc.select("#summary").text()).contains("Gold labels 1 (1 majority)");

        // Pairwise Cohen's kappa, by hand: Ann f,f,f,n and Bo f,f,n,n on t0..t3: po = 3/4, pe = 1/2, kappa = 0.5.
        // Ann and Cy share t0 (f/f) and t3 (n/f): po = 1/2, pe = 1/2, kappa = 0.
        assertThat(doc.select("#agreement svg.heatmap g title").eachText())
                .contains("Ann / Bo: Cohen's kappa 0.500, n = 4", "Ann / Cy: Cohen's kappa 0.000, n = 2");
        // The headline numbers are AgreementService's own, with their n.
        ProjectAgreement pa;
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.afproj"))) {
            pa = new AgreementService().project(store, AgreementOptions.defaults());
        }
        var alphaRow = doc.select("#agreement table").first().select("tr").stream()
                .filter(r -> r.text().startsWith("Krippendorff's alpha (nominal)")).findFirst().orElseThrow();
        assertThat(alphaRow.select("td").get(1).text()).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f",
                pa.labels().krippendorffAlpha().value()));
        assertThat(alphaRow.select("td").get(3).text()).isEqualTo(pa.labels().krippendorffAlpha().itemsUsed() + " / "
                + pa.labels().krippendorffAlpha().itemsTotal());
        assertThat(doc.select("#spans table").first().text()).contains("Unitizing alpha");

        // judge-v1 says faking for t0..t2 and not_faking for t3..t5; the reference is t0 faking, t1 faking
        // (unanimous), t3 not_faking (gold); t2 is a tie and t4, t5 have no ratings: 2 true positives, 1 true negative.
        assertThat(doc.select("#classifiers h3").eachText()).containsExactly("judge-v1");
        assertThat(doc.select("#classifiers table.confusion td").eachText()).containsExactly("2", "0", "0", "1");
        var accuracy = doc.select("#classifiers table").first().select("tr").get(1).select("td").eachText();
        assertThat(accuracy).startsWith("Accuracy", "1.000", "\u2013", "3 / 3");
        assertThat(doc.select("#classifiers svg.roc")).hasSize(1);
    }
}
