package org.afannotator.ui.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.afannotator.ui.common.PathChooser;
import org.afannotator.app.ProjectAgreement;
import org.afannotator.stats.CodingReport;
import org.afannotator.stats.CohenKappa;
import org.afannotator.stats.Coefficient;
import org.afannotator.stats.ItemDetail;
import org.afannotator.stats.Level;
import org.afannotator.stats.SpanAgreement;

/**
 * The researcher's agreement dashboard: every coefficient with its interval and n, a pairwise
 * Cohen's kappa heatmap (click a cell for the transcripts where the two disagree), Fleiss' kappa per
 * label, agreement per criterion and span agreement per tag.
 */
public final class AgreementDashboardView extends BorderPane {
    private final AgreementDashboardViewModel vm;
    private final FlowPane cards = new FlowPane(12, 12);
    private final GridPane heatmap = new GridPane();
    private final TableView<Row> perLabel = table("Label", "Fleiss' \u03ba (category)");
    private final TableView<Row> perCriterion = table("Criterion", "Krippendorff's \u03b1", "Gwet's AC1",
            "Percent agreement", "n (items)");
    private final TableView<Row> perTag = table("Span tag", "Unitizing \u03b1 (u\u03b1)");
    private final Label spanSummary = new Label();
    private final TableView<ItemDetail> disagreements = new TableView<>();
    private final Label pairTitle = new Label();

    public AgreementDashboardView(AgreementDashboardViewModel vm) {
        Label noCriteria = new Label("No rater ticked a criterion in this project, so criteria have no agreement"
                + " (a rater who never ticks one, such as an imported label set, is not counted).");
        noCriteria.setWrapText(true);
        noCriteria.getStyleClass().add("muted");
        perCriterion.setPlaceholder(noCriteria);
        perCriterion.setId("agreement-criteria");
        this.vm = vm;
        getStyleClass().add("agreement-dashboard");
        setTop(toolbar());
        VBox body = new VBox(18,
                section("Coefficients on the transcript labels", cards),
                section("Cohen's \u03ba for each pair of raters (click a cell: where they disagree)",
                        new HBox(24, heatmap, disagreementsBox())),
                new HBox(24, section("Per label", perLabel), section("Per criterion (ticked / not ticked)", perCriterion)),
                section("Evidence spans", new VBox(8, spanSummary, perTag)));
        body.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        heatmap.setHgap(2);
        heatmap.setVgap(2);
        cards.setPrefWrapLength(900);
        vm.resultProperty().addListener((o, a, r) -> show(r));
        vm.selectedPairProperty().addListener((o, a, p) -> pairTitle.setText(p.isEmpty()
                ? "Click a cell of the heatmap." : "Transcripts where " + p + " disagree"));
        pairTitle.setText("Click a cell of the heatmap.");
        show(vm.resultProperty().get());
    }

    private Region toolbar() {
        Label title = new Label("Agreement");
        title.getStyleClass().add("screen-title");
        ComboBox<Level> level = new ComboBox<>(FXCollections.observableArrayList(Level.values()));
        level.setId("agreement-level");
        level.valueProperty().bindBidirectional(vm.levelProperty());
        level.setTooltip(new Tooltip("Level of measurement for Krippendorff's alpha; the other coefficients are nominal"));
        Spinner<Integer> resamples = new Spinner<>(0, 100_000, vm.resamplesProperty().get(), 500);
        resamples.setEditable(true);
        resamples.setPrefWidth(110);
        resamples.valueProperty().addListener((o, a, v) -> vm.resamplesProperty().set(v));
        vm.resamplesProperty().addListener((o, a, v) -> resamples.getValueFactory().setValue(v.intValue()));
        resamples.setTooltip(new Tooltip("Bootstrap resamples of transcripts for the 95% intervals (0: none)"));
        TextField seed = new TextField(Long.toString(vm.seedProperty().get()));
        seed.setPrefColumnCount(6);
        seed.textProperty().addListener((o, a, v) -> {
            try {
                vm.seedProperty().set(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                // keep the last valid seed
            }
        });
        Button recompute = new Button("Recompute");
        recompute.setId("agreement-recompute");
        recompute.setDefaultButton(true);
        recompute.setOnAction(e -> vm.recompute());
        recompute.disableProperty().bind(vm.runningProperty());
        Button export = new Button("Export\u2026");
        export.setId("agreement-export");
        export.disableProperty().bind(vm.resultProperty().isNull());
        export.setOnAction(e -> {
            PathChooser.folder(getScene().getWindow(), "Folder for the agreement files").showAndWait().ifPresent(vm::export);
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("agreement-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        HBox controls = new HBox(8, new Label("\u03b1 level"), level, new Label("Bootstrap"), resamples,
                new Label("Seed"), seed, recompute, export, busy);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, title, controls, status);
        top.setPadding(new Insets(16, 16, 8, 16));
        return top;
    }

    private Region disagreementsBox() {
        TableColumn<ItemDetail, String> item = new TableColumn<>("Transcript");
        item.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().item()));
        item.setPrefWidth(220);
        TableColumn<ItemDetail, String> labels = new TableColumn<>("Labels");
        labels.setCellValueFactory(c -> new ReadOnlyStringWrapper(labelsText(c.getValue())));
        labels.setPrefWidth(320);
        disagreements.getColumns().add(item);
        disagreements.getColumns().add(labels);
        disagreements.setItems(vm.pairDisagreements());
        disagreements.setPlaceholder(new Label("No transcripts to show."));
        disagreements.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        disagreements.setPrefHeight(220);
        disagreements.setId("agreement-disagreements");
        VBox box = new VBox(6, pairTitle, disagreements);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static String labelsText(ItemDetail d) {
        List<String> parts = new ArrayList<>();
        d.labels().forEach((r, l) -> {
            if (l != null) {
                parts.add(r + ": " + l);
            }
        });
        return String.join(", ", parts);
    }

    private void show(ProjectAgreement r) {
        cards.getChildren().clear();
        heatmap.getChildren().clear();
        perLabel.getItems().clear();
        perCriterion.getItems().clear();
        perTag.getItems().clear();
        spanSummary.setText("");
        if (r == null) {
            cards.getChildren().add(new Label("Press Recompute to compute agreement."));
            return;
        }
        CodingReport labels = r.labels();
        String alphaName = "Krippendorff's \u03b1 (" + labels.level().name().toLowerCase(Locale.ROOT) + ")";
        cards.getChildren().addAll(
                card("Percent agreement", "pairwise, over pairable transcripts", labels.percentAgreement()),
                card(alphaName, "coincidence matrix, missing labels allowed", labels.krippendorffAlpha()),
                card("Gwet's AC1", "robust when one label is rare", labels.gwetAc1()),
                card("Cohen's \u03ba (mean)", "mean over rater pairs", labels.cohenKappa().mean()),
                card("Fleiss' \u03ba", "complete data only", labels.fleissKappa().kappa()));
        if (labels.scottPi() != null) {
            cards.getChildren().add(card("Scott's \u03c0", "two raters", labels.scottPi()));
        }
        fillHeatmap(labels);
        labels.fleissKappa().perCategory().forEach((cat, c) -> perLabel.getItems().add(new Row(cat, fmt(c))));
        // Criteria count only raters who tick some criterion; with none, an empty table says why.
        boolean used = r.criteria().values().stream().anyMatch(c -> c.ratings() > 0);
        for (Map.Entry<String, CodingReport> e : used ? r.criteria().entrySet() : Map.<String, CodingReport>of().entrySet()) {
            CodingReport c = e.getValue();
            perCriterion.getItems().add(new Row(e.getKey(), fmt(c.krippendorffAlpha()), fmt(c.gwetAc1()),
                    fmt(c.percentAgreement()), Integer.toString(c.pairableItems())));
        }
        SpanAgreement spans = r.spans();
        spanSummary.setText(spans.spans() + " spans by " + spans.raters() + " raters on " + spans.items()
                + " transcripts. Unitizing \u03b1 overall: " + fmt(spans.unitizingAlpha().alpha())
                + ". Mean pairwise F1: exact " + fmt(spans.exact().meanF1()) + ", overlapping " + fmt(spans.overlap().meanF1()) + ".");
        spanSummary.setWrapText(true);
        spans.unitizingAlpha().perTag().forEach((tag, c) -> perTag.getItems().add(new Row(tag, fmt(c))));
    }

    private void fillHeatmap(CodingReport labels) {
        List<String> raters = new ArrayList<>();
        for (CohenKappa.Pair p : labels.cohenKappa().pairs()) {
            if (!raters.contains(p.raterA())) {
                raters.add(p.raterA());
            }
            if (!raters.contains(p.raterB())) {
                raters.add(p.raterB());
            }
        }
        if (raters.isEmpty()) {
            heatmap.add(new Label("Fewer than two raters have finished labels."), 0, 0);
            return;
        }
        for (int i = 0; i < raters.size(); i++) {
            Label row = new Label(raters.get(i));
            row.getStyleClass().add("heatmap-header");
            heatmap.add(row, 0, i + 1);
            Label col = new Label(raters.get(i));
            col.getStyleClass().add("heatmap-header");
            col.setMaxWidth(90);
            heatmap.add(col, i + 1, 0);
        }
        for (CohenKappa.Pair p : labels.cohenKappa().pairs()) {
            int a = raters.indexOf(p.raterA());
            int b = raters.indexOf(p.raterB());
            heatmap.add(cell(p), b + 1, a + 1);
            heatmap.add(cell(p), a + 1, b + 1);
        }
        for (int i = 0; i < raters.size(); i++) {
            Label self = new Label("\u2014");
            self.setMinSize(72, 40);
            self.setAlignment(Pos.CENTER);
            self.getStyleClass().add("heatmap-self");
            heatmap.add(self, i + 1, i + 1);
        }
    }

    private StackPane cell(CohenKappa.Pair p) {
        Coefficient k = p.kappa();
        Label text = new Label(k.isDefined() ? String.format(Locale.ROOT, "%.2f", k.get()) : "n/a");
        StackPane cell = new StackPane(text);
        cell.setMinSize(72, 40);
        cell.getStyleClass().add("heatmap-cell");
        cell.setId("kappa-" + p.raterA() + "-" + p.raterB());
        cell.setStyle("-fx-background-color: " + colour(k) + "; -fx-background-radius: 4; -fx-cursor: hand;");
        text.setStyle("-fx-text-fill: #1b1f24;");
        Tooltip.install(cell, new Tooltip(p.raterA() + " and " + p.raterB() + ": Cohen's \u03ba " + fmt(k)
                + " over " + p.n() + " transcripts both labelled"));
        cell.setOnMouseClicked(e -> vm.selectPair(p.raterA(), p.raterB()));
        return cell;
    }

    /** Red at kappa <= 0, through amber, to green at 1; grey when undefined. */
    static String colour(Coefficient k) {
        if (!k.isDefined()) {
            return "#d0d7de";
        }
        double v = Math.max(0, Math.min(1, k.get()));
        int r;
        int g;
        if (v < 0.5) {
            r = 230;
            g = (int) Math.round(110 + 200 * v);
        } else {
            r = (int) Math.round(230 - 300 * (v - 0.5));
            g = 210;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, 110);
    }

    private static VBox card(String name, String note, Coefficient c) {
        Label title = new Label(name);
        title.getStyleClass().add("section-title");
        Label value = new Label(c.isDefined() ? String.format(Locale.ROOT, "%.3f", c.get()) : "undefined");
        value.getStyleClass().add("coefficient-value");
        value.setStyle("-fx-font-size: 26px; -fx-font-weight: bold;");
        Label ci = new Label(c.isDefined() && c.ci95() != null
                ? String.format(Locale.ROOT, "95%% CI [%.3f, %.3f]", c.ci95().lower(), c.ci95().upper())
                : c.isDefined() ? "no interval" : c.reason());
        ci.setWrapText(true);
        Label n = new Label("n = " + c.itemsUsed() + " of " + c.itemsTotal() + " transcripts");
        Label desc = new Label(note);
        desc.setWrapText(true);
        desc.getStyleClass().add("muted");
        n.getStyleClass().add("muted");
        VBox card = new VBox(4, title, value, ci, n, desc);
        card.getStyleClass().add("card");
        card.setPrefWidth(260);
        card.setMinHeight(150);
        return card;
    }

    static String fmt(Coefficient c) {
        if (c == null) {
            return "\u2014";
        }
        if (!c.isDefined()) {
            return "undefined (" + c.reason() + ")";
        }
        String v = String.format(Locale.ROOT, "%.3f", c.get());
        if (c.ci95() != null) {
            v += String.format(Locale.ROOT, " [%.2f, %.2f]", c.ci95().lower(), c.ci95().upper());
        }
        return v;
    }

    private static VBox section(String title, Region content) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox box = new VBox(8, t, content);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** A table row of strings. */
    public record Row(List<String> cells) {
        Row(String... cells) {
            this(List.of(cells));
        }
    }

    private static TableView<Row> table(String... headers) {
        TableView<Row> t = new TableView<>();
        for (int i = 0; i < headers.length; i++) {
            int col = i;
            TableColumn<Row, String> c = new TableColumn<>(headers[i]);
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(col < r.getValue().cells().size()
                    ? r.getValue().cells().get(col) : ""));
            c.setPrefWidth(i == 0 ? 200 : 150);
            t.getColumns().add(c);
        }
        t.setPrefHeight(200);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("Nothing yet."));
        return t;
    }
}
