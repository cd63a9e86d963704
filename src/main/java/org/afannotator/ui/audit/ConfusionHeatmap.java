package org.afannotator.ui.audit;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.afannotator.stats.classifier.ConfusionMatrix;

/**
 * The confusion matrix as a 2 x 2 heatmap: rows are the human reference, columns the classifier's
 * verdict (as in the HTML report); each cell's colour deepens with its share of the items, green on the diagonal (agree)
 * and red off it (disagree).
 */
final class ConfusionHeatmap extends GridPane {
    private final Label tp = cell("heat-tp");
    private final Label fp = cell("heat-fp");
    private final Label fn = cell("heat-fn");
    private final Label tn = cell("heat-tn");
    private final Label refPos = axis("");
    private final Label refNeg = axis("");
    private final Label predPos = axis("");
    private final Label predNeg = axis("");

    ConfusionHeatmap() {
        setHgap(6);
        setVgap(6);
        setId("confusion-heatmap");
        // Rows are the people (the reference), columns the classifier, as in the HTML report.
        Label corner = axis("people \u2193 / classifier \u2192");
        corner.setWrapText(true);
        corner.setMaxWidth(110);
        add(corner, 0, 0);
        add(predPos, 1, 0);
        add(predNeg, 2, 0);
        add(refPos, 0, 1);
        add(tp, 1, 1);
        add(fn, 2, 1);
        add(refNeg, 0, 2);
        add(fp, 1, 2);
        add(tn, 2, 2);
        for (Label l : new Label[] {predPos, predNeg}) {
            GridPane.setHalignment(l, HPos.CENTER);
        }
    }

    void show(ConfusionMatrix m, String positive) {
        String pos = Format.label(positive);
        refPos.setText(pos);
        refNeg.setText("not " + pos);
        predPos.setText(pos);
        predNeg.setText("not " + pos);
        long n = Math.max(1, m.n());
        paint(tp, "TP", m.tp(), n, true);
        paint(fp, "FP", m.fp(), n, false);
        paint(fn, "FN", m.fn(), n, false);
        paint(tn, "TN", m.tn(), n, true);
    }

    /** The count shown in a cell, by its code (tp, fp, fn, tn); for tests. */
    String cellText(String code) {
        return switch (code) {
            case "tp" -> tp.getText();
            case "fp" -> fp.getText();
            case "fn" -> fn.getText();
            default -> tn.getText();
        };
    }

    private static void paint(Label cell, String name, long count, long n, boolean agree) {
        double share = (double) count / n;
        double alpha = 0.08 + 0.72 * share;
        String rgb = agree ? "46, 160, 67" : "218, 54, 51";
        cell.setText(name + "\n" + count + "  (" + Math.round(100 * share) + "%)");
        cell.setStyle("-fx-background-color: rgba(" + rgb + ", " + String.format(java.util.Locale.ROOT, "%.3f", alpha) + ");"
                + (share > 0.45 ? " -fx-text-fill: white;" : ""));
    }

    private static Label cell(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("heat-cell");
        l.setAlignment(Pos.CENTER);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static Label axis(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heat-axis");
        return l;
    }
}
