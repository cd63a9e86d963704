package org.afannotator.ui.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.afannotator.ui.common.PathChooser;
import org.afannotator.app.ShownSegment;
import org.afannotator.app.ShownText;
import org.afannotator.app.audit.Disagreement;
import org.afannotator.app.audit.DisagreementDetail;
import org.afannotator.app.audit.RaterEvidence;
import org.afannotator.domain.Segment;
import org.afannotator.domain.Span;
import org.afannotator.stats.classifier.CriterionAgreement;
import org.afannotator.stats.classifier.ItemOutcome;
import org.afannotator.stats.classifier.QuoteMatch;
import org.afannotator.ui.common.Icons;
import org.afannotator.ui.workspace.ShownSpan;
import org.afannotator.ui.workspace.TranscriptView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;

/**
 * Where a classifier and the people differ: the list on the left (surest first, filtered by kind
 * and condition); on the right the opened transcript with every rater's spans in the rater's
 * colour and the classifier's quotes highlighted, beside each rater's label and note and the
 * classifier's verdict, criteria and quotes. Rater names are shown: this is the researcher's view.
 */
public final class DisagreementBrowserView extends SplitPane {
    /**
     * Colour slot of the classifier's quotes (app.css span-N). The last slot, because where spans
     * overlap the last-declared colour wins: a quote stays visible over raters' spans (their overlap
     * is underlined), and audit.css outlines it.
     */
    static final int QUOTE_SLOT = 8;
    /** Colour slots of raters, in order; the quote slot is left out. */
    static final int[] RATER_SLOTS = {1, 3, 4, 5, 6, 0, 2, 7};
    static final String QUOTE_TAG = "\u0000quote";

    private final DisagreementBrowserViewModel vm;
    private final TableView<Disagreement> table = new TableView<>();
    private final TranscriptView transcript = new TranscriptView();
    private final Label heading = new Label("Choose a transcript on the left.");
    private final Label verdict = new Label();
    private final VBox side = new VBox(8);
    private final Label count = new Label();

    public DisagreementBrowserView(DisagreementBrowserViewModel vm) {
        this.vm = vm;
        setId("disagreement-browser");
        getStylesheets().add(Objects.requireNonNull(AuditView.class.getResource(AuditView.STYLESHEET)).toExternalForm());
        getItems().addAll(listPane(), detailPane());
        setDividerPositions(0.38);
        vm.detailProperty().addListener((o, a, d) -> show(d));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> vm.open(row));
    }

    /** The transcript view; for tests. */
    TranscriptView transcriptView() {
        return transcript;
    }

    TableView<Disagreement> table() {
        return table;
    }

    private Node listPane() {
        Label title = new Label("Disagreements: " + vm.classifier());
        title.getStyleClass().add("section-title");
        ChoiceBox<DisagreementBrowserViewModel.KindFilter> kind = new ChoiceBox<>();
        kind.setId("kind-filter");
        kind.getItems().setAll(DisagreementBrowserViewModel.KindFilter.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ChoiceBox<String> condition = new ChoiceBox<>(vm.conditions());
        condition.setId("condition-filter");
        condition.valueProperty().bindBidirectional(vm.conditionProperty());
        HBox filters = new HBox(8, kind, condition);
        count.setId("disagreement-count");
        count.getStyleClass().add("muted");
        count.setWrapText(true);
        Runnable recount = () -> count.setText(vm.rows().size() + " of " + vm.total() + " disagreements, surest first "
                + String.format(Locale.ROOT, "(by |score \u2212 %.2f|)", vm.threshold()));
        vm.rows().addListener((javafx.collections.ListChangeListener<Disagreement>) c -> recount.run());
        recount.run();

        table.setId("disagreement-table");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Disagreement, String> item = new TableColumn<>("Transcript");
        item.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().item()));
        TableColumn<Disagreement, ItemOutcome.Kind> k = new TableColumn<>("Kind");
        k.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind()));
        k.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ItemOutcome.Kind v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("kind-false-positive", "kind-false-negative");
                if (empty || v == null) {
                    setText(null);
                } else {
                    setText(v == ItemOutcome.Kind.FALSE_POSITIVE ? "FP" : "FN");
                    setTooltip(new javafx.scene.control.Tooltip(v.text()));
                    getStyleClass().add(v == ItemOutcome.Kind.FALSE_POSITIVE ? "kind-false-positive" : "kind-false-negative");
                }
            }
        });
        TableColumn<Disagreement, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().score() == null ? "\u2014"
                : Format.number(c.getValue().score())));
        TableColumn<Disagreement, String> people = new TableColumn<>("People");
        people.setCellValueFactory(c -> new ReadOnlyStringWrapper(Format.label(c.getValue().referenceLabel())));
        TableColumn<Disagreement, String> cond = new TableColumn<>("Condition");
        cond.setCellValueFactory(c -> new ReadOnlyStringWrapper(Format.label(c.getValue().condition())));
        // Headers and short values whole ("Kind", "FP", "not faking"); ids are long and share the rest.
        item.setPrefWidth(160);
        item.setMinWidth(100);
        k.setMinWidth(52);
        score.setMinWidth(60);
        people.setMinWidth(100);
        cond.setMinWidth(96);
        table.getColumns().setAll(List.of(item, k, score, people, cond));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button export = new Button("Export list\u2026", Icons.of(MaterialDesignE.EXPORT));
        export.setId("export-disagreements");
        export.setOnAction(e -> {
            PathChooser.saveFile(getScene() == null ? null : getScene().getWindow(), "Export the disagreements")
                    .initialName("disagreements-" + vm.classifier() + ".csv").filter("CSV table", "*.csv")
                    .showAndWait().ifPresent(vm::exportCsv);
        });
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("muted");
        VBox box = new VBox(8, title, filters, count, table, new HBox(8, export, message));
        box.setPadding(new Insets(12));
        box.setMinWidth(470);
        return box;
    }

    private Node detailPane() {
        heading.getStyleClass().add("screen-title");
        heading.setId("detail-heading");
        verdict.setId("detail-verdict");
        verdict.setWrapText(true);
        VBox top = new VBox(4, heading, verdict);
        top.setPadding(new Insets(12, 16, 6, 16));
        side.getStyleClass().add("evidence-side");
        side.setId("evidence-side");
        side.setPrefWidth(340);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setMinWidth(280);
        SplitPane body = new SplitPane(transcript, sideScroll);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.66);
        BorderPane pane = new BorderPane(body);
        pane.setTop(top);
        return pane;
    }

    private void show(DisagreementDetail d) {
        if (d == null) {
            return;
        }
        heading.setText(d.transcript().id());
        Disagreement row = d.row();
        String score = d.prediction().score() == null ? "no score" : "score " + Format.number(d.prediction().score());
        String kind = row == null ? "agrees with the reference" : row.kind().text();
        String classifierSays = d.prediction().label() != null ? Format.label(d.prediction().label())
                : (row != null && row.kind() == ItemOutcome.Kind.FALSE_POSITIVE || row == null ? "positive" : "negative");
        verdict.setText(String.format(Locale.ROOT, "%s: %s \u2014 classifier says %s (%s, threshold %.2f); people say %s%s. "
                        + "Condition %s, model %s.",
                vm.classifier(), kind, classifierSays, score, vm.threshold(),
                row == null ? "\u2014" : Format.label(row.referenceLabel()),
                row == null || row.referenceSource() == null ? "" : " (" + row.referenceSource().name().toLowerCase(Locale.ROOT) + ")",
                Format.label(d.transcript().condition()), Format.label(d.transcript().model())));

        Map<String, Integer> slots = new HashMap<>();
        List<ShownSpan> spans = new ArrayList<>();
        for (int i = 0; i < d.raters().size(); i++) {
            RaterEvidence r = d.raters().get(i);
            String tag = "rater:" + r.rater();
            slots.put(tag, RATER_SLOTS[i % RATER_SLOTS.length]);
            for (Span s : r.spans()) {
                spans.add(new ShownSpan(s.id(), s.segmentOrdinal(), s.start(), s.end(), tag, s.note()));
            }
        }
        slots.put(QUOTE_TAG, QUOTE_SLOT);
        // Negative ids cannot clash with stored spans; -1 means "no span selected" to the view.
        long quoteId = -2;
        for (QuoteMatch q : d.quotes()) {
            if (q.found()) {
                spans.add(new ShownSpan(quoteId--, q.segmentOrdinal(), q.start(), q.end(), QUOTE_TAG, q.quote().text()));
            }
        }
        transcript.show(segments(d.transcript().segments()), spans, slots);
        showSide(d, slots);
    }

    private void showSide(DisagreementDetail d, Map<String, Integer> slots) {
        side.getChildren().clear();
        side.getChildren().add(section("Raters"));
        for (RaterEvidence r : d.raters()) {
            Label name = new Label(r.rater());
            name.setStyle("-fx-font-weight: bold;");
            Label label = new Label(Format.label(r.label()) + (r.confidence() == null ? "" : ", confidence " + r.confidence() + "/5"));
            HBox head = new HBox(6, swatch(slots.get("rater:" + r.rater())), name, label);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox card = new VBox(3, head);
            if (!r.criteria().isEmpty()) {
                card.getChildren().add(muted("criteria: " + String.join(", ", r.criteria().stream().sorted().map(Format::label).toList())));
            }
            if (!r.note().isBlank()) {
                Label note = new Label("\u201c" + r.note() + "\u201d");
                note.setWrapText(true);
                card.getChildren().add(note);
            }
            card.getChildren().add(muted(r.spans().size() + " highlighted span" + (r.spans().size() == 1 ? "" : "s")));
            card.getStyleClass().add("rater-card");
            side.getChildren().add(card);
        }
        side.getChildren().add(section("Classifier: " + vm.classifier()));
        if (d.prediction().criteria().isEmpty()) {
            side.getChildren().add(muted("no criteria reported"));
        }
        for (Map.Entry<String, Double> e : d.prediction().criteria().entrySet()) {
            String code = d.criterionCodeOfKey().get(e.getKey());
            boolean yes = CriterionAgreement.yes(e.getValue());
            Label l = new Label((yes ? "\u2713 " : "\u2717 ") + e.getKey() + "  " + Format.number(e.getValue())
                    + (code == null ? "  (no project criterion)" : ""));
            l.setWrapText(true);
            side.getChildren().add(l);
        }
        side.getChildren().add(section("Quotes"));
        if (d.quotes().isEmpty()) {
            side.getChildren().add(muted("no quotes"));
        }
        for (QuoteMatch q : d.quotes()) {
            Label text = new Label("\u201c" + q.quote().text() + "\u201d");
            text.setWrapText(true);
            String how = switch (q.kind()) {
                case EXACT -> "found verbatim";
                case WHITESPACE_INSENSITIVE -> "found with other whitespace";
                case WHITESPACE_AND_CASE_INSENSITIVE -> "found with other whitespace and case";
                case NOT_FOUND -> "not in the transcript";
            };
            Label where = new Label(how + (q.quote().criterion() == null ? "" : " \u00b7 for " + q.quote().criterion()));
            where.getStyleClass().add(q.found() ? "muted" : "quote-missing");
            where.setWrapText(true);
            HBox row = new HBox(6, q.found() ? swatch(QUOTE_SLOT) : new Region(), new VBox(2, text, where));
            row.getStyleClass().add("quote-row");
            side.getChildren().add(row);
        }
    }

    /** The transcript unmasked: the researcher sees everything. */
    static List<ShownSegment> segments(List<Segment> segments) {
        return segments.stream().map(s -> new ShownSegment(s.ordinal(), s.kind(), ShownText.plain(s.text()))).toList();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    private static Region swatch(Integer slot) {
        Region r = new Region();
        r.getStyleClass().addAll("tag-swatch", "span-" + (slot == null ? 7 : slot));
        r.setMinSize(14, 14);
        r.setMaxSize(14, 14);
        return r;
    }
}
