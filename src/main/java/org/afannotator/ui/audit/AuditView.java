package org.afannotator.ui.audit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.afannotator.ui.common.PathChooser;
import org.afannotator.app.audit.AuditReport;
import org.afannotator.app.audit.ClassifierAudit;
import org.afannotator.stats.classifier.AurocEstimate;
import org.afannotator.stats.classifier.ClassifierComparison;
import org.afannotator.stats.classifier.ConfusionMatrix;
import org.afannotator.stats.classifier.CriterionAgreement;
import org.afannotator.stats.classifier.EvidenceOverlap;
import org.afannotator.stats.classifier.HumanRangeComparison;
import org.afannotator.stats.classifier.HumanReference;
import org.afannotator.stats.classifier.KappaRange;
import org.afannotator.stats.classifier.Metric;
import org.afannotator.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The researcher's classifier audit: choose a classifier and read how it compares with the human
 * reference (metrics, confusion heatmap, ROC curve with a threshold slider, the classifier beside
 * the range of human agreement, criteria and evidence); open the disagreement browser; export.
 */
public final class AuditView extends BorderPane {
    public static final String STYLESHEET = "/org/afannotator/assets/css/audit.css";

    private final AuditViewModel vm;
    private final ComboBox<String> classifierBox = new ComboBox<>();
    private final Label summary = new Label();
    private final GridPane metrics = new GridPane();
    private final ConfusionHeatmap heatmap = new ConfusionHeatmap();
    private final RocChart roc = new RocChart();
    private final Slider slider = new Slider(0, 1, 0.5);
    private final Label thresholdText = new Label();
    private final Label atThresholdText = new Label();
    private final Label noRoc = new Label();
    private final HumanRangeChart range = new HumanRangeChart();
    private final Label verdict = new Label();
    private final Label rangeNumbers = new Label();
    private final VBox criteriaBox = new VBox(6);
    private final VBox evidenceBox = new VBox(6);
    private final Label status = new Label();
    private Consumer<DisagreementBrowserViewModel> onBrowse = AuditView::openBrowserWindow;

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        getStyleClass().add("audit-screen");
        getStylesheets().add(Objects.requireNonNull(AuditView.class.getResource(STYLESHEET)).toExternalForm());
        setTop(toolbar());
        setCenter(content());
        setBottom(statusBar());
        bind();
    }

    /** Replaces what "Browse disagreements" does (default: a new window with the browser). */
    public void setOnBrowse(Consumer<DisagreementBrowserViewModel> handler) {
        onBrowse = handler;
    }

    public AuditViewModel viewModel() {
        return vm;
    }

    private Node toolbar() {
        Label title = new Label("Classifier audit");
        title.getStyleClass().add("screen-title");
        classifierBox.setId("classifier-choice");
        classifierBox.setItems(vm.classifiers());
        classifierBox.setPromptText("classifier");
        classifierBox.valueProperty().bindBidirectional(vm.classifierProperty());
        Button browse = new Button("Browse disagreements", Icons.of(MaterialDesignF.FILE_FIND_OUTLINE));
        browse.setId("browse-disagreements");
        browse.disableProperty().bind(vm.auditProperty().isNull());
        browse.setOnAction(e -> {
            DisagreementBrowserViewModel b = vm.browser();
            if (b != null) {
                onBrowse.accept(b);
            }
        });
        MenuItem json = new MenuItem("Comparison as JSON\u2026");
        json.setOnAction(e -> choose("comparison.json", "JSON", "*.json").ifPresent(vm::exportJson));
        MenuItem csv = new MenuItem("Comparison as CSV\u2026");
        csv.setOnAction(e -> choose("comparison.csv", "CSV", "*.csv").ifPresent(vm::exportCsv));
        MenuItem dis = new MenuItem("Disagreement list as CSV\u2026");
        dis.setOnAction(e -> choose("disagreements.csv", "CSV", "*.csv").ifPresent(vm::exportDisagreements));
        MenuButton export = new MenuButton("Export", Icons.of(MaterialDesignE.EXPORT), json, csv, dis);
        export.setId("audit-export");
        export.disableProperty().bind(vm.reportProperty().isNull());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button recompute = new Button("Recompute", Icons.of(MaterialDesignR.REFRESH));
        recompute.setId("audit-recompute");
        recompute.setTooltip(new javafx.scene.control.Tooltip("Read the project again (new labels, adjudications, predictions)"));
        recompute.disableProperty().bind(vm.busyProperty());
        recompute.setOnAction(e -> vm.load());
        HBox bar = new HBox(10, title, new Label("Classifier:"), classifierBox, grow, recompute, browse, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 4, 16));
        summary.setId("audit-summary");
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        VBox top = new VBox(2, bar, summary);
        VBox.setMargin(summary, new Insets(0, 16, 8, 16));
        return top;
    }

    private Node content() {
        metrics.setId("audit-metrics");
        metrics.getStyleClass().add("metric-grid");
        metrics.setHgap(14);
        metrics.setVgap(5);
        VBox metricsCard = card("Against the human reference", metrics);
        VBox heatCard = card("Confusion matrix", heatmap);

        slider.setId("threshold-slider");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(0.1);
        slider.setBlockIncrement(0.05);
        slider.valueProperty().bindBidirectional(vm.thresholdProperty());
        thresholdText.setMinWidth(120);
        atThresholdText.setId("at-threshold");
        atThresholdText.setWrapText(true);
        HBox sliderRow = new HBox(10, thresholdText, slider);
        HBox.setHgrow(slider, Priority.ALWAYS);
        sliderRow.setAlignment(Pos.CENTER_LEFT);
        noRoc.setId("no-roc");
        noRoc.getStyleClass().add("muted");
        noRoc.setWrapText(true);
        noRoc.managedProperty().bind(noRoc.visibleProperty());
        VBox rocCard = card("Scores", roc, noRoc, sliderRow, atThresholdText);
        HBox.setHgrow(rocCard, Priority.ALWAYS);

        verdict.setId("human-range-verdict");
        verdict.setWrapText(true);
        rangeNumbers.setWrapText(true);
        rangeNumbers.setId("human-range-numbers");
        VBox rangeCard = card("One more rater", range, verdict, rangeNumbers);
        HBox.setHgrow(rangeCard, Priority.ALWAYS);

        VBox criteriaCard = card("Per criterion", criteriaBox);
        VBox evidenceCard = card("Evidence quotes", evidenceBox);
        HBox.setHgrow(criteriaCard, Priority.ALWAYS);
        HBox.setHgrow(evidenceCard, Priority.ALWAYS);

        FlowPane firstRow = new FlowPane(14, 14, metricsCard, heatCard);
        HBox secondRow = new HBox(14, rocCard, rangeCard);
        HBox thirdRow = new HBox(14, criteriaCard, evidenceCard);
        VBox column = new VBox(14, firstRow, secondRow, thirdRow);
        column.setPadding(new Insets(4, 16, 16, 16));
        column.getStyleClass().add("audit-content");
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private Node statusBar() {
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(16, 16);
        spin.visibleProperty().bind(vm.busyProperty());
        status.setId("audit-status");
        status.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(8, spin, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 16, 6, 16));
        return bar;
    }

    private void bind() {
        vm.auditProperty().addListener((o, a, b) -> show(vm.reportProperty().get(), b));
        vm.atThresholdProperty().addListener((o, a, m) -> showAtThreshold(m));
        vm.thresholdProperty().addListener((o, a, t) -> thresholdText.setText(thresholdLabel(t.doubleValue())));
        thresholdText.setText(thresholdLabel(vm.thresholdProperty().get()));
        if (vm.auditProperty().get() != null) {
            show(vm.reportProperty().get(), vm.auditProperty().get());
        }
    }

    private static String thresholdLabel(double t) {
        return String.format(Locale.ROOT, "Threshold %.2f", t);
    }

    private void show(AuditReport report, ClassifierAudit audit) {
        if (report == null || audit == null) {
            return;
        }
        ClassifierComparison c = audit.comparison();
        HumanReference ref = report.reference();
        long gold = ref.sources().values().stream().filter(s -> s == HumanReference.Source.GOLD).count();
        summary.setText(String.format(Locale.ROOT,
                "Reference: %d transcripts (%d gold, %d by the raters' majority); %d left out as ties, %d excluded by "
                        + "adjudication. %s labelled %d of them%s. Positive label: %s.",
                ref.size(), gold, ref.size() - gold, ref.ties().size(), ref.excluded().size(), c.name(), c.n(),
                c.missingPredictions() == 0 ? "" : " (" + c.missingPredictions() + " without a verdict)",
                Format.label(report.options().positive())));
        showMetrics(c);
        heatmap.show(c.confusion(), report.options().positive());
        roc.show(c.roc(), Format.metric(c.auroc().value()));
        noRoc.setVisible(c.roc().isEmpty());
        noRoc.setText("No ROC curve: " + (c.auroc().value().defined() ? "" : c.auroc().value().reason())
                + (c.scored() == 0 ? ". The threshold slider needs scores; the matrix below uses the labels." : "."));
        slider.setDisable(c.scored() == 0);
        showRange(c.humanRange());
        showCriteria(audit);
        showEvidence(audit);
    }

    private void showMetrics(ClassifierComparison c) {
        metrics.getChildren().clear();
        ConfusionMatrix m = c.confusion();
        int row = 0;
        row = metricRow(row, "n (transcripts)", Integer.toString(c.n()), null);
        row = metricRow(row, "Accuracy", m.accuracy());
        row = metricRow(row, "Precision", m.precision());
        row = metricRow(row, "Recall", m.recall());
        row = metricRow(row, "Specificity", m.specificity());
        row = metricRow(row, "F1", m.f1());
        row = metricRow(row, "MCC", m.mcc());
        row = metricRow(row, "Cohen's \u03ba vs reference", m.cohenKappa());
        AurocEstimate a = c.auroc();
        String ci = a.ci95() == null ? "" : String.format(Locale.ROOT, "  [%s, %s]", Format.number(a.ci95().lower()),
                Format.number(a.ci95().upper()));
        String note = a.value().defined()
                ? (a.ci95() == null ? a.ciReason() : "95% bootstrap CI, " + a.usable() + " resamples, seed " + a.seed()
                        + "; n = " + c.scored() + " scored (" + a.positives() + " pos, " + a.negatives() + " neg)")
                : a.value().reason();
        metricRow(row, "AUROC", Format.metric(a.value()) + ci, note);
    }

    private int metricRow(int row, String name, Metric m) {
        return metricRow(row, name, Format.metric(m), m.defined() ? null : m.reason());
    }

    private int metricRow(int row, String name, String value, String note) {
        Label n = new Label(name);
        n.getStyleClass().add("metric-name");
        Label v = new Label(value);
        v.setId("metric-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", ""));
        v.getStyleClass().add(Format.UNDEFINED.equals(value) ? "metric-undefined" : "metric-value");
        metrics.add(n, 0, row);
        metrics.add(v, 1, row);
        if (note != null) {
            Label why = new Label(note);
            why.getStyleClass().add("muted");
            why.setWrapText(true);
            why.setMaxWidth(330);
            metrics.add(why, 2, row);
            v.setTooltip(new Tooltip(note));
        }
        return row + 1;
    }

    private void showAtThreshold(ConfusionMatrix m) {
        roc.mark(m);
        if (m == null) {
            atThresholdText.setText("");
            return;
        }
        atThresholdText.setText(String.format(Locale.ROOT,
                "At this threshold: TP %d  FP %d  TN %d  FN %d \u2014 accuracy %s, precision %s, recall %s, F1 %s, \u03ba %s",
                m.tp(), m.fp(), m.tn(), m.fn(), Format.metric(m.accuracy()), Format.metric(m.precision()),
                Format.metric(m.recall()), Format.metric(m.f1()), Format.metric(m.cohenKappa())));
    }

    private void showRange(HumanRangeComparison h) {
        range.show(h.humanPairs(), h.classifierWithHumans());
        verdict.getStyleClass().removeAll("verdict-within", "verdict-below", "verdict-undefined");
        if (h.withinHumanRange() == null) {
            verdict.setText("No verdict: " + h.withinHumanRangeReason());
            verdict.getStyleClass().add("verdict-undefined");
        } else if (h.withinHumanRange()) {
            verdict.setText("Within the range of human agreement (its mean \u03ba with the raters \u2265 the lowest "
                    + "human-human \u03ba)");
            verdict.getStyleClass().add("verdict-within");
        } else {
            verdict.setText("Below the range of human agreement (its mean \u03ba with the raters < the lowest "
                    + "human-human \u03ba)");
            verdict.getStyleClass().add("verdict-below");
        }
        rangeNumbers.setText("Bars: lowest and highest pairwise \u03ba; diamond: the mean.\nClassifier \u2194 humans: " + rangeText(h.classifierWithHumans()) + "\nHuman \u2194 human: "
                + rangeText(h.humanPairs()) + "\nKrippendorff's \u03b1 (nominal): humans " + Format.coefficient(h.alphaHumans())
                + ", humans + classifier " + Format.coefficient(h.alphaHumansWithClassifier()));
    }

    private static String rangeText(KappaRange r) {
        if (!r.mean().defined()) {
            return "undefined (" + r.mean().reason() + ")";
        }
        return "mean " + Format.metric(r.mean()) + ", min " + Format.metric(r.min()) + ", max " + Format.metric(r.max())
                + " over " + r.defined() + " pair" + (r.defined() == 1 ? "" : "s");
    }

    private void showCriteria(ClassifierAudit audit) {
        criteriaBox.getChildren().clear();
        if (audit.criterionMapping() == null) {
            criteriaBox.getChildren().add(muted("This classifier reports no criteria."));
            return;
        }
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(4);
        g.getStyleClass().add("metric-grid");
        String[] head = {"criterion", "classifier key", "n", "agreement", "\u03ba", "ties"};
        for (int i = 0; i < head.length; i++) {
            Label h = fixed(new Label(head[i]));
            h.getStyleClass().add("metric-name");
            g.add(h, i, 0);
        }
        int row = 1;
        for (CriterionAgreement ca : audit.criteria()) {
            Label key = muted(ca.key());
            key.setMinWidth(170);
            key.setMaxWidth(260);
            g.add(fixed(new Label(Format.label(ca.code()))), 0, row);
            g.add(key, 1, row);
            g.add(fixed(new Label(Long.toString(ca.confusion().n()))), 2, row);
            g.add(fixed(value(ca.agreement())), 3, row);
            g.add(fixed(value(ca.kappa())), 4, row);
            g.add(fixed(new Label(Integer.toString(ca.ties()))), 5, row);
            row++;
        }
        criteriaBox.getChildren().add(g);
        if (!audit.criterionMapping().unmapped().isEmpty()) {
            criteriaBox.getChildren().add(muted("Not matched to a project criterion: "
                    + String.join(", ", audit.criterionMapping().unmapped())));
        }
    }

    private void showEvidence(ClassifierAudit audit) {
        evidenceBox.getChildren().clear();
        EvidenceOverlap.Summary s = audit.evidence();
        if (s == null) {
            evidenceBox.getChildren().add(muted("This classifier stored no quotes."));
            return;
        }
        Label counts = new Label(String.format(Locale.ROOT,
                "%d quotes: %d verbatim, %d with other whitespace, %d with other case too, %d not in the transcript.",
                s.quotes(), s.exact(), s.whitespaceInsensitive(), s.caseInsensitive(), s.notFound().size()));
        counts.setWrapText(true);
        counts.setId("evidence-counts");
        Label overlap = new Label(Format.overlap(s));
        overlap.setId("evidence-overlap");
        overlap.setWrapText(true);
        evidenceBox.getChildren().addAll(counts, overlap);
        for (EvidenceOverlap.QuoteEvidence q : s.notFound()) {
            Label l = new Label("\u2717 " + q.item() + ": \u201c" + q.match().quote().text() + "\u201d");
            l.getStyleClass().add("quote-missing");
            l.setWrapText(true);
            evidenceBox.getChildren().add(l);
        }
    }

    private static Label value(Metric m) {
        Label l = new Label(Format.metric(m));
        l.getStyleClass().add(m.defined() ? "metric-value" : "metric-undefined");
        if (!m.defined()) {
            l.setTooltip(new Tooltip(m.reason()));
        }
        return l;
    }

    /** A label that keeps its full text rather than shrinking to an ellipsis. */
    private static Label fixed(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    private static VBox card(String title, Node... body) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox box = new VBox(10, t);
        box.getChildren().addAll(body);
        box.getStyleClass().add("card");
        return box;
    }

    private java.util.Optional<Path> choose(String name, String kind, String pattern) {
        return PathChooser.saveFile(getScene() == null ? null : getScene().getWindow(), "Save " + kind)
                .initialName(name).filter(kind, pattern).showAndWait();
    }

    private static void openBrowserWindow(DisagreementBrowserViewModel b) {
        Stage stage = new Stage();
        DisagreementBrowserView view = new DisagreementBrowserView(b);
        Scene scene = new Scene(view, 1250, 800);
        scene.getStylesheets().setAll(org.afannotator.ui.common.Theme.stylesheets());
        stage.setScene(scene);
        stage.setTitle("Disagreements \u2014 " + b.classifier());
        stage.getIcons().setAll(Icons.app());
        // Esc closes it, as it closes the app's dialogs (unless a control such as an open list uses it first).
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.show();
    }
}
