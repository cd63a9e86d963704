package org.afannotator.ui.workspace;

import java.util.List;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.afannotator.app.RaterTranscript;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.SchemeEntry;
import org.afannotator.ui.common.Icons;
import org.controlsfx.control.StatusBar;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The rater's workspace: queue on the left, the transcript in the middle with the tag palette
 * above it, the label panel on the right, a status bar below. All keys are handled here and
 * turned into view-model commands.
 */
public final class WorkspaceView extends BorderPane {
    /** What the workspace asks of the window around it. */
    public record Actions(Runnable backToStart, Runnable importTranscripts, Runnable toggleTheme) {
    }

    private final WorkspaceViewModel vm;
    private final TranscriptView transcript = new TranscriptView();
    private final LabelPanel labelPanel;
    private final RaterQueueView queue;
    private final FlowPane palette = new FlowPane(6, 6);
    private final Label meta = new Label();
    private final Label emptyState = new Label();
    private final StatusBar statusBar = new StatusBar();
    private final Label timeLabel = new Label();
    private final Label progressLabel = new Label();
    private boolean swallowTyped;

    public WorkspaceView(WorkspaceViewModel vm, RaterQueueViewModel queueVm, Actions actions) {
        this.vm = vm;
        setId("workspace");
        labelPanel = new LabelPanel(vm);
        queue = new RaterQueueView(queueVm, vm, vm::open);

        setTop(toolbar(actions));
        setLeft(queue);
        setRight(labelPanel);
        setCenter(center());
        setBottom(statusBar());

        vm.schemeProperty().addListener((o, a, s) -> buildPalette(s));
        buildPalette(vm.schemeProperty().get());
        vm.transcriptProperty().addListener((o, a, t) -> showTranscript(t));
        vm.spansProperty().addListener((o, a, s) -> transcript.setSpans(s, vm.selectedSpanProperty().get()));
        vm.selectedSpanProperty().addListener((o, a, id) -> transcript.setSpans(vm.spansProperty().get(), id));
        vm.allDoneProperty().addListener((o, a, done) -> showEmptyState());
        transcript.setOnSpanClicked(this::spanMenu);

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                // The character of a shortcut key that moved the focus into a text field.
                swallowTyped = false;
                e.consume();
                return;
            }
            if ("?".equals(e.getCharacter()) && !(focused() instanceof TextInputControl)) {
                ShortcutSheet.show(this, vm.schemeProperty().get());
                e.consume();
            }
        });
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> showTime()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                tick.stop();
            }
        });
    }

    public TranscriptView transcript() {
        return transcript;
    }

    public LabelPanel labelPanel() {
        return labelPanel;
    }

    public RaterQueueView queue() {
        return queue;
    }

    private Node toolbar(Actions actions) {
        Button back = iconButton(Icons.of(MaterialDesignA.ACCOUNT_SWITCH), "Switch project or rater", actions.backToStart());
        back.setId("back-to-start");
        Label title = new Label();
        title.setId("transcript-title");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(vm.titleProperty());
        Button prev = iconButton(Icons.of(MaterialDesignC.CHEVRON_UP), "Previous transcript (K)", vm::previous);
        Button next = iconButton(Icons.of(MaterialDesignC.CHEVRON_DOWN), "Next transcript (J)", vm::next);
        Button undo = iconButton(Icons.of(MaterialDesignA.ARROW_U_LEFT_TOP), "Undo the last change (Ctrl+Z)", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button imp = iconButton(Icons.of(MaterialDesignT.TRAY_ARROW_DOWN), "Import transcripts", actions.importTranscripts());
        imp.setId("import");
        Button theme = iconButton(Icons.of(MaterialDesignT.THEME_LIGHT_DARK), "Light / dark theme", actions.toggleTheme());
        theme.setId("theme");
        Button help = iconButton(Icons.of(MaterialDesignH.HELP_CIRCLE_OUTLINE), "Keyboard shortcuts (?)",
                () -> ShortcutSheet.show(this, vm.schemeProperty().get()));
        help.setId("help");
        Label who = new Label(vm.rater().name(), Icons.of(MaterialDesignA.ACCOUNT));
        who.setId("rater-name");
        HBox bar = new HBox(6, back, title, prev, next, undo, gap, who, imp, theme, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("workspace-toolbar");
        return bar;
    }

    private Node center() {
        Label tagTitle = new Label("Tag selection:");
        tagTitle.getStyleClass().add("muted");
        palette.setId("palette");
        palette.setAlignment(Pos.CENTER_LEFT);
        tagTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(palette, Priority.ALWAYS);
        HBox paletteRow = new HBox(8, tagTitle, palette);
        paletteRow.setAlignment(Pos.CENTER_LEFT);
        paletteRow.setPadding(new Insets(6, 12, 6, 12));
        meta.setId("unblinded-meta");
        meta.getStyleClass().add("blinding-off");
        meta.setWrapText(true);
        meta.setPadding(new Insets(0, 12, 4, 12));
        meta.managedProperty().bind(meta.visibleProperty());
        meta.setVisible(false);
        emptyState.setId("empty-state");
        emptyState.getStyleClass().add("muted");
        emptyState.setWrapText(true);
        emptyState.setVisible(false);
        emptyState.textProperty().bind(vm.messageProperty());
        StackPane stack = new StackPane(transcript, emptyState);
        VBox.setVgrow(stack, Priority.ALWAYS);
        VBox box = new VBox(paletteRow, meta, stack);
        box.setMinWidth(300);
        return box;
    }

    private Node statusBar() {
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> join(vm.saveStateProperty().get(), vm.messageProperty().get()),
                vm.saveStateProperty(), vm.messageProperty()));
        // A message too long for the bar (a full path) can be read whole on hover.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(statusBar.textProperty());
        statusBar.setTooltip(whole);
        // While changes wait to be written again, the status says so in the danger colour.
        vm.unsavedProperty().addListener((o, a, n) -> {
            statusBar.getStyleClass().remove("unsaved");
            if (n.intValue() > 0) {
                statusBar.getStyleClass().add("unsaved");
            }
        });
        progressLabel.setId("status-progress");
        progressLabel.textProperty().bind(vm.progressProperty().asString());
        timeLabel.setId("time-spent");
        Label blind = new Label();
        blind.setId("blinding-state");
        vm.transcriptProperty().addListener((o, a, t) -> {
            boolean on = t == null || t.blinded();
            blind.setText(on ? "Blind" : "Blinding off");
            blind.setGraphic(Icons.of(on ? MaterialDesignE.EYE_OFF_OUTLINE : MaterialDesignE.EYE_OUTLINE));
            blind.getStyleClass().setAll("label", on ? "blinding-badge" : "blinding-off");
        });
        // A long message on the left is cut short, never the counts on the right.
        for (Label l : List.of(progressLabel, timeLabel, blind)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        statusBar.getRightItems().setAll(progressLabel, sep(), timeLabel, sep(), blind);
        return statusBar;
    }

    private static Node sep() {
        Label l = new Label("\u00b7");
        l.getStyleClass().add("muted");
        l.setPadding(new Insets(0, 8, 0, 8));
        return l;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " \u2014 " + b;
    }

    private void buildPalette(LabelScheme scheme) {
        palette.getChildren().clear();
        List<SchemeEntry> tags = scheme.tags();
        for (int i = 0; i < tags.size(); i++) {
            SchemeEntry t = tags.get(i);
            int key = i + 1;
            Region swatch = new Region();
            swatch.getStyleClass().addAll("tag-swatch", "span-" + (i % SpanStyles.SLOTS));
            Button b = new Button(t.name(), swatch);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setId("tag-" + t.code());
            b.getStyleClass().add("small");
            b.setFocusTraversable(false);
            b.setTooltip(new Tooltip("Tag the selected text: " + t.name() + (key <= 9 ? " (Shift+" + key + ")" : "")));
            b.setOnAction(e -> tagSelection(key));
            palette.getChildren().add(b);
        }
    }

    private void showTranscript(RaterTranscript t) {
        if (t == null) {
            return;
        }
        // Laid out on the worker with the read (or, if stale, just now): only the swap is left.
        transcript.show(vm.document());
        if (t.blinded()) {
            meta.setVisible(false);
            meta.setText("");
        } else {
            meta.setText("Blinding is off \u2014 model: " + orDash(t.model()) + " \u00b7 condition: " + orDash(t.condition())
                    + " \u00b7 setting: " + orDash(t.setting()) + " \u00b7 source: " + orDash(t.source()));
            meta.setVisible(true);
        }
        showEmptyState();
        showTime();
        transcript.focusText();
    }

    private void showEmptyState() {
        boolean done = vm.allDoneProperty().get();
        emptyState.setVisible(done);
        transcript.setVisible(!done);
    }

    private void showTime() {
        long s = vm.timeSpentNow() / 1000;
        timeLabel.setText(String.format("%d:%02d on this transcript", s / 60, s % 60));
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "\u2014" : s;
    }

    /** Tags the current selection with the tag on {@code key}; says so when nothing is selected. */
    public void tagSelection(int key) {
        Optional<TranscriptView.ShownSelection> sel = transcript.selection();
        if (sel.isEmpty()) {
            return;
        }
        TranscriptView.ShownSelection s = sel.get();
        vm.addSpanByKey(s.segmentOrdinal(), s.start(), s.end(), key);
        transcript.clearSelection();
    }

    private Node focused() {
        return getScene() == null ? null : getScene().getFocusOwner();
    }

    private void onKey(KeyEvent e) {
        Node focus = focused();
        boolean inText = focus instanceof TextInputControl;
        boolean inTranscript = focus instanceof StyleClassedTextArea;
        KeyCode code = e.getCode();
        swallowTyped = false;
        if (code == KeyCode.S && e.isShortcutDown()) {
            vm.saveNow();
            e.consume();
            return;
        }
        if (inText) {
            if (code == KeyCode.ESCAPE) {
                transcript.focusText();
                e.consume();
            } else if (code == KeyCode.ENTER && e.isShortcutDown()) {
                vm.submit();
                e.consume();
            }
            return;
        }
        int digit = digit(code);
        if (digit > 0 && e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
            tagSelection(digit);
        } else if (digit > 0 && e.isShortcutDown()) {
            if (digit <= 5) {
                vm.setConfidence(digit);
            }
        } else if (digit > 0 && e.isAltDown()) {
            List<SchemeEntry> cs = vm.schemeProperty().get().criteria();
            if (digit <= cs.size()) {
                vm.toggleCriterion(cs.get(digit - 1).code());
            }
        } else if (digit > 0) {
            vm.chooseLabelByKey(digit);
        } else if (code == KeyCode.Z && e.isShortcutDown()) {
            vm.undo();
        } else if (code == KeyCode.ENTER && !e.isShiftDown()) {
            vm.submit();
        } else if (code == KeyCode.J || (!inTranscript && (code == KeyCode.DOWN || code == KeyCode.RIGHT))) {
            vm.next();
        } else if (code == KeyCode.K || (!inTranscript && (code == KeyCode.UP || code == KeyCode.LEFT))) {
            vm.previous();
        } else if (code == KeyCode.S && !e.isShortcutDown()) {
            vm.skip();
        } else if (code == KeyCode.N && !e.isShortcutDown()) {
            labelPanel.note().requestFocus();
            labelPanel.note().end(); // go on writing after what the note holds
            swallowTyped = true;
        } else if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
            deleteSpanAtCaret();
        } else if (code == KeyCode.ESCAPE) {
            transcript.clearSelection();
            vm.selectSpan(-1);
        } else {
            return;
        }
        e.consume();
    }

    private void deleteSpanAtCaret() {
        long selected = vm.selectedSpanProperty().get();
        if (selected > 0) {
            vm.deleteSpan(selected);
            return;
        }
        transcript.caret().flatMap(c -> transcript.spansAt(c.segmentOrdinal(), c.start()).stream().findFirst())
                .ifPresent(s -> vm.deleteSpan(s.id()));
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String n = code.getName();
            char c = n.charAt(n.length() - 1);
            return c >= '1' && c <= '9' ? c - '0' : -1;
        }
        return -1;
    }

    /** The menu on a click on highlighted text: for each span there, retag, note or delete. */
    private void spanMenu(List<ShownSpan> under, Point2D at) {
        vm.selectSpan(under.get(0).id());
        ContextMenu menu = new ContextMenu();
        menu.setId("span-menu");
        if (under.size() == 1) {
            menu.getItems().addAll(spanItems(under.get(0)));
        } else {
            for (ShownSpan s : under) {
                Menu m = new Menu(tagName(s.tag()) + " \u201c" + snippet(s) + "\u201d");
                m.getItems().addAll(spanItems(s));
                menu.getItems().add(m);
            }
        }
        menu.setOnHidden(e -> {
            if (vm.selectedSpanProperty().get() == under.get(0).id()) {
                vm.selectSpan(-1);
            }
        });
        menu.show(this, at.getX(), at.getY());
    }

    private List<MenuItem> spanItems(ShownSpan s) {
        ToggleGroup group = new ToggleGroup();
        Menu retag = new Menu("Tag");
        for (SchemeEntry t : vm.schemeProperty().get().tags()) {
            RadioMenuItem item = new RadioMenuItem(t.name());
            item.setToggleGroup(group);
            item.setSelected(t.code().equals(s.tag()));
            item.setOnAction(e -> vm.retagSpan(s.id(), t.code()));
            retag.getItems().add(item);
        }
        MenuItem note = new MenuItem(s.note().isEmpty() ? "Add a note\u2026" : "Note: " + s.note());
        note.setId("span-note");
        note.setOnAction(e -> {
            TextInputDialog d = new TextInputDialog(s.note());
            d.setTitle("Span note");
            d.setHeaderText("A note on \u201c" + snippet(s) + "\u201d");
            d.initOwner(getScene().getWindow());
            d.showAndWait().ifPresent(n -> vm.setSpanNote(s.id(), n));
        });
        MenuItem delete = new MenuItem("Delete span", Icons.of(MaterialDesignC.CLOSE));
        delete.setId("span-delete");
        delete.setOnAction(e -> vm.deleteSpan(s.id()));
        return List.of(retag, note, new SeparatorMenuItem(), delete);
    }

    private String tagName(String code) {
        return vm.schemeProperty().get().tags().stream().filter(t -> t.code().equals(code)).map(SchemeEntry::name)
                .findFirst().orElse(code);
    }

    /** The shown (masked) text of a span, shortened; never the stored quote, which may hold a masked value. */
    private String snippet(ShownSpan s) {
        String text = transcript.shownText(s.segmentOrdinal(), s.start(), s.end()).replace('\n', ' ');
        return text.length() > 40 ? text.substring(0, 39) + "\u2026" : text;
    }

    private static Button iconButton(Node icon, String tip, Runnable action) {
        Button b = new Button(null, icon);
        b.getStyleClass().addAll("flat", "button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
