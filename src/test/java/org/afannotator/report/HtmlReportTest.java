package org.afannotator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    /** Strings a transcript, a note or a name could hold that would be markup if not escaped. */
    static final List<String> HOSTILE = List.of(
            "<script>alert('x')</script>",
            "</pre></div></section><script src=//evil.example/x.js></script>",
            "\"><img src=x onerror=alert(1)>",
            "' onmouseover='alert(2)",
            "]]><svg onload=alert(3)>",
            "</title><iframe src=javascript:alert(4)></iframe>",
            "<!-- comment --> &amp; &lt;b&gt;",
            "</style><base href=//evil.example/>",
            "<a href=\"http://evil.example\">click</a>",
            "訓練中 🤔 إذا رفضت Cafe\u0301");

    static ReportModel model() {
        String h0 = HOSTILE.get(0);
        List<ReportModel.Estimate> est = List.of(
                new ReportModel.Estimate("Krippendorff alpha " + HOSTILE.get(2), 0.61, 0.42, 0.77, 40, 42, HOSTILE.get(3)),
                new ReportModel.Estimate("Fleiss kappa", null, null, null, 0, 42, HOSTILE.get(4)));
        ReportModel.Heatmap heat = new ReportModel.Heatmap("Cohen kappa", List.of(HOSTILE.get(5), "Bo", HOSTILE.get(9)),
                new Double[][] {{1.0, 0.5, -0.2}, {0.5, 1.0, null}, {-0.2, null, 1.0}},
                new int[][] {{10, 8, 7}, {8, 10, 0}, {7, 0, 10}});
        ReportModel.ClassifierSection c = new ReportModel.ClassifierSection(HOSTILE.get(1),
                List.of(new ReportModel.Estimate("accuracy", 0.8, 0.7, 0.9, 40, 40, "")),
                List.of(new ReportModel.RocPoint(0, 0), new ReportModel.RocPoint(0.2, 0.7), new ReportModel.RocPoint(1, 1)),
                new ReportModel.Estimate("AUROC", 0.84, 0.7, 0.95, 40, 40, ""),
                List.of("faking", HOSTILE.get(6)), new int[][] {{12, 3}, {5, 20}}, HOSTILE.get(7));
        ReportModel.Disagreement d = new ReportModel.Disagreement(HOSTILE.get(8),
                List.of(new ReportModel.Vote(HOSTILE.get(0), "faking", 4, HOSTILE.get(1)), new ReportModel.Vote("Bo", h0, null, "")),
                HOSTILE.get(2), String.join("\n", HOSTILE), List.of(new ReportModel.Quote("Bo", "tag", "scratchpad", HOSTILE.get(4))));
        return new ReportModel("Report " + h0, Instant.parse("2026-11-23T05:00:00Z"),
                new ReportModel.Summary(HOSTILE.get(7), 42, 3, 100, 90, 12, 40, List.of(HOSTILE.get(9)),
                        Map.of("UNANIMOUS", 3), List.of("faking", HOSTILE.get(5))),
                List.of(new ReportModel.RaterRow(HOSTILE.get(2), "rater", 10, 20, 10, 2, 1)),
                est, null, heat, List.of(new ReportModel.Table(HOSTILE.get(3), List.of("label", HOSTILE.get(4)),
                        List.of(List.of(HOSTILE.get(5), HOSTILE.get(6))))),
                est, List.of(c), null, List.of(d, d), 7);
    }

    @Test
    void hostileTextStaysTextAndNoElementOrHandlerIsInjected() {
        String html = HtmlReport.render(model());
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script, img, iframe, object, embed, link, base, form, input, frame, audio, video")).isEmpty();
        assertThat(doc.select("style")).hasSize(1);
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute on <%s>", e.tagName()).doesNotStartWith("on").isNotEqualTo("src");
                if (a.getKey().equals("href")) {
                    assertThat(a.getValue()).startsWith("#");
                }
            }
        }
        // Every hostile string is shown as the text it is.
        String text = doc.text();
        for (String h : HOSTILE) {
            assertThat(text).contains(h.replace("\n", " "));
        }
        assertThat(doc.select("pre").first().wholeText()).isEqualTo(String.join("\n", HOSTILE));
        // Exactly the charts we drew: forest (labels), heatmap, forest is not drawn for spans, ROC, one progress bar.
        assertThat(doc.select("svg.heatmap")).hasSize(1);
        assertThat(doc.select("svg.roc")).hasSize(1);
        assertThat(doc.select("svg.forest")).hasSize(1);
        assertThat(doc.select("svg.bar")).hasSize(1);
        assertThat(doc.select("svg.heatmap rect")).hasSize(9);
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
    }

    @Test
    void everyExcerptLinkPointsAtAnElementOfTheFile() {
        Document doc = Jsoup.parse(HtmlReport.render(model()));
        List<Element> links = doc.select("a[href]");
        assertThat(links).isNotEmpty();
        for (Element a : links) {
            String id = a.attr("href").substring(1);
            assertThat(doc.getElementById(id)).as(a.attr("href")).isNotNull();
        }
        assertThat(doc.select("#disagreements a[href^=#x]")).hasSize(2);
        assertThat(doc.select("#disagreements p.meta").first().text()).isEqualTo("7 transcripts where raters chose"
                + " different labels; the first 2 by transcript id are listed (all are in the adjudication queue and in"
                + " the exported agreement-items.csv).");
    }

    @Test
    void numbersIntervalsAndNAreShown() {
        Document doc = Jsoup.parse(HtmlReport.render(model()));
        Element row = doc.select("#agreement table").first().select("tr").get(1);
        assertThat(row.select("td").eachText()).containsExactly("Krippendorff alpha " + HOSTILE.get(2), "0.610",
                "[0.420, 0.770]", "40 / 42", HOSTILE.get(3));
        Element undefined = doc.select("#agreement table").first().select("tr").get(2);
        assertThat(undefined.select("td").get(1).text()).isEqualTo("\u2013");
        assertThat(doc.select("table.confusion td").eachText()).containsExactly("12", "3", "5", "20");
        assertThat(doc.select("svg.heatmap title").eachText()).contains("Bo / " + HOSTILE.get(9) + ": Cohen kappa \u2013, n = 0");
    }

    @Test
    void escapeReplacesControlCharactersAndUnpairedSurrogates() {
        assertThat(Html.escape("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
        assertThat(Html.escape("x\uD83Dy")).isEqualTo("x\uFFFDy");
        assertThat(Html.escape("😀")).isEqualTo("😀");
        assertThat(Html.escape("<&>\"'")).isEqualTo("&lt;&amp;&gt;&quot;&#39;");
    }
}
