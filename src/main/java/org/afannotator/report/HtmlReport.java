package org.afannotator.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.afannotator.domain.WriteFailure;

/**
 * The report as one self-contained HTML file: inline CSS and inline SVG charts, no scripts, no
 * fonts, images or links outside the file, and a Content-Security-Policy that forbids loading
 * anything. Every string from the project (transcript text, notes, names, ids, labels) passes
 * through {@link Html#escape}: transcripts are model output and may hold HTML or script.
 */
public final class HtmlReport {
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;background:#fafafa}
            main{max-width:1100px;margin:0 auto;padding:24px 32px 64px;background:#fff}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:36px 0 10px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            h3{font-size:16px;margin:22px 0 8px}.meta{color:#57606a}
            nav a{margin-right:14px}
            table{border-collapse:collapse;margin:8px 0 14px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .missing{color:#9a6700;background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px;border-radius:4px}
            .undef{fill:#6e7781;color:#6e7781;font-style:italic}
            svg text{font:11px system-ui,sans-serif;fill:#1f2328}svg .v{font-weight:600}svg .n{fill:#57606a;font-size:10px}svg .auc{font-weight:600}
            .classifier{display:flex;gap:28px;flex-wrap:wrap;align-items:flex-start}
            .excerpt{border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;margin:12px 0}
            .excerpt pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:8px;max-height:320px;overflow:auto}
            blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid #0969da;white-space:pre-wrap}
            .tag{font-size:12px;color:#57606a}
            """;

    private HtmlReport() {
    }

    public static void write(ReportModel m, Path file) {
        try {
            Files.writeString(file, render(m), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw WriteFailure.of(file, "cannot write", e);
        }
    }

    public static String render(ReportModel m) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(m.title())).append("</title><style>").append(CSS).append("</style></head>\n<body><main>");
        sb.append("<h1>").append(Html.escape(m.title())).append("</h1>");
        sb.append("<p class=\"meta\">Generated ").append(Html.escape(m.generatedAt().toString())).append(" from ")
                .append(Html.escape(m.summary().project())).append("</p>");
        sb.append("<nav><a href=\"#summary\">Summary</a><a href=\"#raters\">Raters</a><a href=\"#agreement\">Agreement</a>")
                .append("<a href=\"#spans\">Spans</a><a href=\"#classifiers\">Classifiers</a><a href=\"#disagreements\">Disagreements</a></nav>\n");
        summary(sb, m.summary());
        raters(sb, m.raters());
        agreement(sb, m);
        spans(sb, m);
        classifiers(sb, m);
        disagreements(sb, m.disagreements(), m.disagreementsTotal());
        sb.append("</main></body></html>\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, ReportModel.Summary s) {
        sb.append("<section id=\"summary\"><h2>Project summary</h2><table>");
        row(sb, "Transcripts", Integer.toString(s.transcripts()));
        row(sb, "Raters", Integer.toString(s.raters()));
        row(sb, "Annotations (finished)", s.annotations() + " (" + s.finished() + ")");
        row(sb, "Evidence spans", Integer.toString(s.spans()));
        row(sb, "Labels", String.join(", ", s.labels()));
        row(sb, "Classifier predictions", s.predictions() + (s.classifiers().isEmpty() ? "" : " from " + String.join(", ", s.classifiers())));
        StringBuilder gold = new StringBuilder();
        int total = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(s.goldByBasis()).entrySet()) {
            gold.append(gold.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().toLowerCase(java.util.Locale.ROOT));
            total += e.getValue();
        }
        row(sb, "Gold labels", total + (total == 0 ? "" : " (" + gold + ")"));
        sb.append("</table></section>\n");
    }

    private static void row(StringBuilder sb, String head, String value) {
        sb.append("<tr><th>").append(Html.escape(head)).append("</th><td>").append(Html.escape(value)).append("</td></tr>");
    }

    private static void raters(StringBuilder sb, List<ReportModel.RaterRow> raters) {
        sb.append("<section id=\"raters\"><h2>Raters and progress</h2>");
        if (raters.isEmpty()) {
            sb.append("<p class=\"missing\">No raters yet.</p></section>\n");
            return;
        }
        sb.append("<p class=\"meta\">Finished labels: however they came (the rater's queue, a merged bundle, an import)."
                + " Assigned, done, in progress and skipped: the rater's queue in this project.</p>");
        sb.append("<table><tr><th>Rater</th><th>Role</th><th>Finished labels</th><th>Assigned</th><th>Done</th>"
                + "<th>In progress</th><th>Skipped</th><th>Progress</th></tr>");
        for (ReportModel.RaterRow r : raters) {
            sb.append("<tr><td>").append(Html.escape(r.name())).append("</td><td>").append(Html.escape(r.role()))
                    .append("</td><td class=\"num\">").append(r.finished());
            if (r.assigned() == 0) {
                sb.append("</td><td class=\"num\">\u2013".repeat(4)).append("</td><td class=\"missing\">")
                        .append(r.finished() > 0 && r.role().equals("external") ? "no queue (labels imported)" : "no queue");
            } else {
                sb.append("</td><td class=\"num\">").append(r.assigned()).append("</td><td class=\"num\">").append(r.done())
                        .append("</td><td class=\"num\">").append(r.inProgress()).append("</td><td class=\"num\">")
                        .append(r.skipped()).append("</td><td>").append(SvgCharts.progress(r));
            }
            sb.append("</td></tr>");
        }
        sb.append("</table></section>\n");
    }

    private static void agreement(StringBuilder sb, ReportModel m) {
        sb.append("<section id=\"agreement\"><h2>Agreement on the label</h2>");
        if (m.agreement() == null) {
            sb.append("<p class=\"missing\">").append(Html.escape(m.agreementMissing())).append("</p>");
        } else {
            estimates(sb, m.agreement());
            if (!m.agreement().isEmpty()) {
                sb.append(SvgCharts.forest(m.agreement()));
            }
        }
        if (m.pairwise() != null && m.pairwise().names().size() >= 2) {
            sb.append("<h3>Pairwise ").append(Html.escape(m.pairwise().measure())).append("</h3>")
                    .append("<p class=\"meta\">Each cell: the two raters' agreement over the transcripts both finished (n).</p>")
                    .append(SvgCharts.heatmap(m.pairwise()));
        }
        for (ReportModel.Table t : m.tables()) {
            table(sb, t);
        }
        sb.append("</section>\n");
    }

    private static void spans(StringBuilder sb, ReportModel m) {
        sb.append("<section id=\"spans\"><h2>Agreement on evidence spans</h2>");
        if (m.spanAgreement() == null) {
            sb.append("<p class=\"missing\">").append(Html.escape(m.agreementMissing())).append("</p>");
        } else {
            estimates(sb, m.spanAgreement());
        }
        sb.append("</section>\n");
    }

    static void estimates(StringBuilder sb, List<ReportModel.Estimate> list) {
        sb.append("<table><tr><th>Measure</th><th>Value</th><th>95% interval</th><th>n used / total</th><th>Note</th></tr>");
        for (ReportModel.Estimate e : list) {
            sb.append("<tr><td>").append(Html.escape(e.name())).append("</td><td class=\"num\">").append(Html.number(e.value()))
                    .append("</td><td class=\"num\">")
                    .append(e.low() == null || e.high() == null ? "\u2013" : "[" + Html.number(e.low()) + ", " + Html.number(e.high()) + "]")
                    .append("</td><td class=\"num\">").append(e.n()).append(" / ").append(e.nTotal()).append("</td><td>")
                    .append(Html.escape(e.note())).append("</td></tr>");
        }
        sb.append("</table>");
    }

    static void table(StringBuilder sb, ReportModel.Table t) {
        sb.append("<h3>").append(Html.escape(t.caption())).append("</h3><table><tr>");
        for (String h : t.header()) {
            sb.append("<th>").append(Html.escape(h)).append("</th>");
        }
        sb.append("</tr>");
        for (List<String> r : t.rows()) {
            sb.append("<tr>");
            for (String c : r) {
                sb.append("<td>").append(Html.escape(c)).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table>");
    }

    private static void classifiers(StringBuilder sb, ReportModel m) {
        sb.append("<section id=\"classifiers\"><h2>Classifiers against the raters</h2>");
        if (m.classifiers() == null) {
            sb.append("<p class=\"missing\">").append(Html.escape(m.classifiersMissing())).append("</p></section>\n");
            return;
        }
        if (m.classifiers().isEmpty()) {
            sb.append("<p class=\"missing\">The project holds no classifier predictions.</p>");
        }
        for (ReportModel.ClassifierSection c : m.classifiers()) {
            sb.append("<h3>").append(Html.escape(c.name())).append("</h3>");
            if (c.note() != null && !c.note().isEmpty()) {
                sb.append("<p class=\"meta\">").append(Html.escape(c.note())).append("</p>");
            }
            sb.append("<div class=\"classifier\"><div>");
            estimates(sb, c.metrics());
            confusion(sb, c);
            sb.append("</div>");
            if (!c.roc().isEmpty()) {
                sb.append("<div>").append(SvgCharts.roc(c.name(), c.roc(), c.auc() == null ? null : c.auc().value())).append("</div>");
            }
            sb.append("</div>");
        }
        sb.append("</section>\n");
    }

    private static void confusion(StringBuilder sb, ReportModel.ClassifierSection c) {
        if (c.confusion() == null || c.confusionLabels().isEmpty()) {
            return;
        }
        List<String> labels = c.confusionLabels();
        int max = 1;
        for (int[] r : c.confusion()) {
            for (int v : r) {
                max = Math.max(max, v);
            }
        }
        sb.append("<table class=\"confusion\"><caption>Confusion matrix: rows are the human reference, columns the classifier</caption><tr><th></th>");
        for (String l : labels) {
            sb.append("<th>").append(Html.escape(l)).append("</th>");
        }
        sb.append("</tr>");
        for (int i = 0; i < labels.size(); i++) {
            sb.append("<tr><th>").append(Html.escape(labels.get(i))).append("</th>");
            for (int j = 0; j < labels.size(); j++) {
                int v = c.confusion()[i][j];
                int shade = 255 - (int) Math.round(120.0 * v / max);
                sb.append("<td class=\"num\" style=\"background:rgb(").append(shade).append(',').append(Math.min(255, shade + 20))
                        .append(",255)\">").append(v).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table>");
    }

    private static void disagreements(StringBuilder sb, List<ReportModel.Disagreement> list, int total) {
        sb.append("<section id=\"disagreements\"><h2>Disagreements</h2>");
        if (list.isEmpty()) {
            sb.append("<p>No transcript has raters who chose different labels.</p></section>\n");
            return;
        }
        sb.append("<p class=\"meta\">").append(total).append(" transcript").append(total == 1 ? "" : "s")
                .append(" where raters chose different labels");
        if (total > list.size()) {
            sb.append("; the first ").append(list.size()).append(" by transcript id are listed (all are in the"
                    + " adjudication queue and in the exported agreement-items.csv)");
        }
        sb.append(".</p>");
        sb.append("<table><tr><th>Transcript</th><th>Labels</th><th>Gold label</th><th></th></tr>");
        for (int i = 0; i < list.size(); i++) {
            ReportModel.Disagreement d = list.get(i);
            sb.append("<tr><td>").append(Html.escape(d.transcriptId())).append("</td><td>");
            for (ReportModel.Vote v : d.votes()) {
                sb.append(Html.escape(v.rater() + ": " + v.label() + (v.confidence() == null ? "" : " (" + v.confidence() + ")")))
                        .append("<br>");
            }
            sb.append("</td><td>").append(Html.escape(d.gold() == null ? "\u2013" : d.gold())).append("</td><td><a href=\"#x")
                    .append(i + 1).append("\">excerpt</a></td></tr>");
        }
        sb.append("</table>");
        for (int i = 0; i < list.size(); i++) {
            ReportModel.Disagreement d = list.get(i);
            sb.append("<div class=\"excerpt\" id=\"x").append(i + 1).append("\"><h3>").append(Html.escape(d.transcriptId())).append("</h3>");
            for (ReportModel.Vote v : d.votes()) {
                if (v.note() != null && !v.note().isEmpty()) {
                    sb.append("<p><b>").append(Html.escape(v.rater())).append("</b>: ").append(Html.escape(v.note())).append("</p>");
                }
            }
            sb.append("<pre>").append(Html.escape(d.excerpt())).append("</pre>");
            for (ReportModel.Quote q : d.quotes()) {
                sb.append("<p class=\"tag\">").append(Html.escape(q.rater() + " \u00b7 " + q.tag() + " \u00b7 " + q.segmentKind()))
                        .append("</p><blockquote>").append(Html.escape(q.text())).append("</blockquote>");
            }
            sb.append("<p><a href=\"#disagreements\">back to the list</a></p></div>");
        }
        sb.append("</section>\n");
    }
}
