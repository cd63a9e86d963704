package org.afannotator.ui.adjudication;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.afannotator.app.AdjudicationCase;
import org.afannotator.app.AdjudicationItem;
import org.afannotator.app.AdjudicationService;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.RaterJudgement;
import org.afannotator.domain.AdjudicationBasis;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.SchemeEntry;
import org.afannotator.domain.Span;
import org.afannotator.ui.common.UiExecutor;
import org.afannotator.ui.workspace.TranscriptView;

/**
 * The adjudication screen: queue on the left, every rater's judgement side by side above the
 * transcript with all raters' highlights (one colour per rater, named), the gold-label panel on
 * the right. Thin: everything it shows and does goes through {@link AdjudicationViewModel}.
 */
public final class AdjudicationView extends BorderPane {
    private static final Map<AdjudicationBasis, String> BASIS_NAMES = new EnumMap<>(Map.of(
            AdjudicationBasis.UNANIMOUS, "Unanimous",
            AdjudicationBasis.MAJORITY, "Majority",
            AdjudicationBasis.ADJUDICATED, "Adjudicated after discussion",
            AdjudicationBasis.EXCLUDED, "Excluded as unusable"));

    private final AdjudicationViewModel vm;
    private final ListView<AdjudicationItem> list = new ListView<>();
    private final HBox cards = new HBox(10);
    private final TranscriptView transcript = new TranscriptView();
    private final VBox labelBox = new VBox(4);
    private final ToggleGroup labels = new ToggleGroup();
    private final ToggleGroup bases = new ToggleGroup();
    private final Label spanInfo = new Label();
    private boolean syncing;

    /** For the main window: the screen over an open project, run on {@code executor}. */
    public AdjudicationView(ProjectSession session, UiExecutor executor, String adjudicator) {
        this(new AdjudicationViewModel(AdjudicationService.of(session), executor, adjudicator));
    }

    public AdjudicationView(AdjudicationViewModel vm) {
        this.vm = vm;
        setId("adjudication");
        setTop(toolbar());
        setLeft(queuePane());
        setCenter(centre());
        setRight(goldPanel());
        vm.currentProperty().addListener((o, a, c) -> showCase(c));
        vm.queue().addListener((javafx.collections.ListChangeListener<AdjudicationItem>) ch -> selectCurrent());
        vm.schemeProperty().addListener((o, a, s) -> buildLabels(s));
        buildLabels(vm.schemeProperty().get());
        vm.refresh();
    }

    public AdjudicationViewModel viewModel() {
        return vm;
    }

    private Region toolbar() {
        Label title = new Label("Adjudication");
        title.getStyleClass().add("screen-title");
        TextField who = new TextField();
        who.setId("adjudicator");
        who.setPromptText("your name");
        who.setPrefColumnCount(10);
        who.textProperty().bindBidirectional(vm.adjudicatorProperty());
        CheckBox low = new CheckBox("Also confidence at most");
        low.setId("low-confidence");
        low.selectedProperty().bindBidirectional(vm.lowConfidenceProperty());
        Spinner<Integer> threshold = new Spinner<>(1, 5, vm.confidenceAtMostProperty().get());
        threshold.setId("confidence-at-most");
        threshold.setPrefWidth(70);
        threshold.valueProperty().addListener((o, a, b) -> vm.confidenceAtMostProperty().set(b));
        CheckBox decided = new CheckBox("Show decided");
        decided.setId("show-decided");
        decided.selectedProperty().bindBidirectional(vm.includeDecidedProperty());
        Button accept = new Button();
        accept.setId("accept-unanimous");
        accept.textProperty().bind(vm.unanimousUndecidedProperty().asString("Accept all unanimous (%d)"));
        accept.disableProperty().bind(vm.unanimousUndecidedProperty().isEqualTo(0).or(vm.adjudicatorProperty().isEmpty()));
        accept.setTooltip(new Tooltip("Store the shared label of every transcript all its raters agree on, basis 'unanimous'"));
        accept.setOnAction(e -> vm.acceptUnanimous());
        Label whoLabel = new Label("Adjudicator");
        // In a narrow window the controls wrap to a second line instead of being cut to "Adjudic\u2026".
        for (Region r : new Region[] {title, whoLabel, low, decided, accept}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox controls = new HBox(10, whoLabel, who, low, threshold, decided, accept);
        controls.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(24, 6, title, controls);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    private VBox queuePane() {
        Label head = new Label("To decide");
        head.getStyleClass().add("section-title");
        list.setId("adjudication-queue");
        list.setItems(vm.queue());
        list.setPrefWidth(230);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AdjudicationItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                String counts = item.labelCounts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" \u00b7 "));
                setText(item.transcriptId() + "\n" + counts + (item.gold() == null ? "" : "  \u2713 "
                        + (item.gold().label() == null ? "excluded" : item.gold().label())));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!syncing && item != null && (vm.currentProperty().get() == null
                    || !vm.currentProperty().get().item().transcriptId().equals(item.transcriptId()))) {
                vm.open(item.transcriptId());
            }
        });
        Label empty = new Label("No disagreements to decide.");
        empty.getStyleClass().add("muted");
        list.setPlaceholder(empty);
        VBox box = new VBox(6, head, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("queue-pane");
        return box;
    }

    private VBox centre() {
        cards.setId("rater-cards");
        cards.setPadding(new Insets(8));
        ScrollPane cardScroll = new ScrollPane(cards);
        cardScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        cardScroll.setPrefViewportHeight(150);
        cardScroll.setMinHeight(Region.USE_PREF_SIZE);
        // As tall as the tallest card, up to a limit; taller cards scroll.
        cards.heightProperty().addListener((o, a, h) -> cardScroll.setPrefViewportHeight(Math.min(h.doubleValue(), 260)));
        spanInfo.setId("span-info");
        spanInfo.getStyleClass().add("muted");
        spanInfo.setPadding(new Insets(0, 12, 0, 12));
        transcript.setOnSpanClicked((spans, at) -> spanInfo.setText(spans.stream().map(s -> s.note())
                .collect(Collectors.joining("   |   "))));
        VBox box = new VBox(4, cardScroll, spanInfo, transcript);
        VBox.setVgrow(transcript, Priority.ALWAYS);
        return box;
    }

    private VBox goldPanel() {
        Label head = new Label("Gold label");
        head.getStyleClass().add("section-title");
        labelBox.setId("gold-labels");
        Label basisHead = new Label("Basis");
        basisHead.getStyleClass().add("section-title");
        VBox basisBox = new VBox(4);
        for (AdjudicationBasis b : AdjudicationBasis.values()) {
            RadioButton r = new RadioButton(BASIS_NAMES.get(b));
            r.setId("basis-" + b.name().toLowerCase(Locale.ROOT));
            r.setUserData(b);
            r.setToggleGroup(bases);
            basisBox.getChildren().add(r);
        }
        bases.selectedToggleProperty().addListener((o, a, t) -> {
            if (!syncing) {
                vm.basisProperty().set(t == null ? null : (AdjudicationBasis) t.getUserData());
            }
        });
        vm.basisProperty().addListener((o, a, b) -> select(bases, b));
        Label why = new Label("Rationale");
        why.getStyleClass().add("section-title");
        TextArea rationale = new TextArea();
        rationale.setId("rationale");
        rationale.setWrapText(true);
        rationale.setPrefRowCount(5);
        rationale.textProperty().bindBidirectional(vm.rationaleProperty());
        Button save = new Button("Save gold label");
        save.setId("save-gold");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.currentProperty().isNull().or(vm.adjudicatorProperty().isEmpty()));
        save.setOnAction(e -> vm.save());
        Label error = new Label();
        error.setId("adjudication-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(vm.errorProperty());
        Label message = new Label();
        message.setId("adjudication-message");
        message.setWrapText(true);
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.messageProperty());
        VBox panel = new VBox(8, head, labelBox, basisHead, basisBox, why, rationale, save, error, message);
        panel.setId("gold-panel");
        panel.setPadding(new Insets(12));
        panel.setPrefWidth(260);
        panel.getStyleClass().add("label-panel");
        return panel;
    }

    private void buildLabels(LabelScheme scheme) {
        labelBox.getChildren().clear();
        labels.getToggles().clear();
        for (SchemeEntry e : scheme.labels()) {
            RadioButton r = new RadioButton(e.name());
            r.setId("gold-" + e.code());
            r.setUserData(e.code());
            r.setToggleGroup(labels);
            labelBox.getChildren().add(r);
        }
        labels.selectedToggleProperty().addListener((o, a, t) -> {
            if (!syncing) {
                vm.goldLabelProperty().set(t == null ? null : (String) t.getUserData());
            }
        });
        vm.goldLabelProperty().addListener((o, a, code) -> select(labels, code));
        select(labels, vm.goldLabelProperty().get());
    }

    private void select(ToggleGroup group, Object value) {
        syncing = true;
        try {
            Toggle match = group.getToggles().stream().filter(t -> t.getUserData().equals(value)).findFirst().orElse(null);
            group.selectToggle(match);
        } finally {
            syncing = false;
        }
    }

    private void showCase(AdjudicationCase c) {
        cards.getChildren().clear();
        spanInfo.setText("");
        if (c == null) {
            return;
        }
        selectCurrent();
        Map<String, Integer> slots = AdjudicationViewModel.slots(c);
        for (RaterJudgement j : c.item().judgements()) {
            cards.getChildren().add(card(j, slots.get(j.rater())));
        }
        transcript.show(c.segments(), AdjudicationViewModel.shownSpans(c), slots);
        spanInfo.setText(c.item().judgements().stream().mapToInt(j -> j.spans().size()).sum() == 0
                ? "No rater marked evidence in this transcript." : "Click a highlight to see whose it is and its tag.");
    }

    /** Marks the open transcript in the queue list (after the list was reloaded, too). */
    private void selectCurrent() {
        AdjudicationCase c = vm.currentProperty().get();
        if (c == null) {
            return;
        }
        syncing = true;
        try {
            list.getItems().stream().filter(i -> i.transcriptId().equals(c.item().transcriptId())).findFirst()
                    .ifPresentOrElse(i -> list.getSelectionModel().select(i), () -> list.getSelectionModel().clearSelection());
        } finally {
            syncing = false;
        }
    }

    private VBox card(RaterJudgement j, int slot) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("tag-swatch", "span-" + slot);
        Label name = new Label(j.rater());
        name.setStyle("-fx-font-weight: bold;");
        HBox head = new HBox(6, swatch, name);
        head.setAlignment(Pos.CENTER_LEFT);
        Label label = new Label(vm.schemeProperty().get().label(j.label()).map(SchemeEntry::name).orElse(j.label()));
        label.setId("judgement-" + j.rater());
        label.setStyle("-fx-font-size: 1.1em;");
        Label conf = new Label(j.confidence() == null ? "no confidence given" : "confidence " + j.confidence() + " of 5");
        conf.getStyleClass().add("muted");
        Label criteria = new Label(j.criteria().isEmpty() ? "no criteria ticked"
                : j.criteria().stream().sorted().map(code -> vm.schemeProperty().get().criteria().stream()
                        .filter(e -> e.code().equals(code)).map(SchemeEntry::name).findFirst().orElse(code))
                        .collect(Collectors.joining("\n")));
        criteria.setWrapText(true);
        criteria.setMinHeight(Region.USE_PREF_SIZE);
        Label note = new Label(j.note().isEmpty() ? "" : "\u201c" + j.note() + "\u201d");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.setManaged(!j.note().isEmpty());
        note.setVisible(!j.note().isEmpty());
        List<Span> spans = j.spans();
        Label evidence = new Label(spans.size() + " highlight" + (spans.size() == 1 ? "" : "s"));
        evidence.getStyleClass().add("muted");
        VBox card = new VBox(3, head, label, conf, criteria, note, evidence);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(8, 10, 8, 10));
        card.setPrefWidth(220);
        card.setMinWidth(180);
        return card;
    }
}
