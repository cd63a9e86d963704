package org.afannotator.ui.start;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.afannotator.ui.common.PathChooser;
import org.afannotator.ui.common.Icons;
import org.controlsfx.control.ToggleSwitch;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The start screen: pick a project on the left, your name on the right, then start rating. */
public final class StartView extends BorderPane {
    private final StartViewModel vm;
    private final ComboBox<String> rater = new ComboBox<>();
    private final Runnable importTranscripts;

    private final java.util.function.Consumer<ResearchScreen> research;

    public StartView(StartViewModel vm, Runnable toggleTheme, Runnable importTranscripts) {
        this(vm, toggleTheme, importTranscripts, null);
    }

    /** With {@code research} non-null, a card offers the researcher's screens. */
    public StartView(StartViewModel vm, Runnable toggleTheme, Runnable importTranscripts,
                     java.util.function.Consumer<ResearchScreen> research) {
        this.importTranscripts = importTranscripts;
        this.research = research;
        this.vm = vm;
        setId("start");

        Label title = new Label("AF Annotator");
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label("Label alignment-faking transcripts, blind and from the keyboard.");
        subtitle.getStyleClass().add("muted");
        Button theme = new Button(null, Icons.of(MaterialDesignT.THEME_LIGHT_DARK));
        theme.getStyleClass().addAll("flat", "button-icon");
        theme.setTooltip(new Tooltip("Light / dark theme"));
        theme.setOnAction(e -> toggleTheme.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(2, title, subtitle), gap, theme);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(24, 32, 8, 32));
        setTop(header);

        VBox right = new VBox(24, raterCard());
        if (research != null) {
            right.getChildren().add(researchCard());
        }
        right.setMaxWidth(420);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox cards = new HBox(24, projectCard(), right);
        cards.setPadding(new Insets(16, 32, 16, 32));
        cards.setAlignment(Pos.TOP_CENTER);
        cards.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(cards, Pos.TOP_CENTER);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        Label status = new Label();
        status.setId("start-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        VBox working = new VBox(8, spinner, status);
        working.setAlignment(Pos.BOTTOM_CENTER);
        working.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        working.setMouseTransparent(true);
        working.visibleProperty().bind(vm.busyProperty());
        StackPane center = new StackPane(cards, working);
        StackPane.setAlignment(working, Pos.BOTTOM_CENTER);
        setCenter(center);

        Label message = new Label();
        message.setId("start-message");
        message.getStyleClass().add("danger");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setPadding(new Insets(0, 32, 20, 32));
        setBottom(message);
    }

    private VBox projectCard() {
        Label head = new Label("Project");
        head.getStyleClass().add("section-title");
        Label name = new Label();
        name.setId("project-name");
        name.setGraphic(Icons.of(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
        name.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.projectProperty().get() == null ? "No project open" : vm.projectProperty().get().getFileName().toString(),
                vm.projectProperty()));
        name.setStyle("-fx-font-weight: bold;");
        Label info = new Label();
        info.setId("project-info");
        info.getStyleClass().add("muted");
        info.textProperty().bind(vm.projectInfoProperty());
        Label path = new Label();
        path.getStyleClass().add("muted");
        path.setWrapText(true);
        path.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.projectProperty().get() == null ? "" : vm.projectProperty().get().toString(), vm.projectProperty()));

        Button home = new Button("Default project", Icons.of(MaterialDesignH.HOME_OUTLINE));
        home.setId("open-default");
        home.setOnAction(e -> vm.openDefault());
        Button open = new Button("Open\u2026", Icons.of(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("open-project");
        open.setOnAction(e -> chooseFile(false));
        Button create = new Button("New\u2026", Icons.of(MaterialDesignF.FILE_PLUS_OUTLINE));
        create.setId("new-project");
        create.setOnAction(e -> chooseFile(true));
        Button imp = new Button("Import…", Icons.of(MaterialDesignT.TRAY_ARROW_DOWN));
        imp.setId("start-import");
        imp.setTooltip(new Tooltip("Import transcripts, predictions or ratings into this project"));
        imp.disableProperty().bind(vm.sessionProperty().isNull());
        imp.setOnAction(e -> importTranscripts.run());
        HBox buttons = new HBox(8, home, open, create, imp);

        Label recentHead = new Label("Recent");
        recentHead.getStyleClass().add("muted");
        ListView<Path> recent = new ListView<>(vm.recent());
        recent.setId("recent-projects");
        recent.setPrefHeight(150);
        recent.getStyleClass().add("dense");
        recent.setPlaceholder(new Label("No recent projects yet"));
        recent.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName() + "   \u2014 " + (p.getParent() == null ? "" : p.getParent()));
            }
        });
        recent.setOnMouseClicked(e -> {
            Path p = recent.getSelectionModel().getSelectedItem();
            if (p != null && e.getClickCount() == 2) {
                vm.open(p);
            }
        });
        recent.setOnKeyPressed(e -> {
            Path p = recent.getSelectionModel().getSelectedItem();
            if (p != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                vm.open(p); // the keyboard's double click
                e.consume();
            }
        });

        ToggleSwitch blind = new ToggleSwitch("Blind raters to condition, model, source and others' work");
        blind.setId("blinding-switch");
        blind.setSelected(vm.blindingProperty().get());
        vm.blindingProperty().addListener((o, a, b) -> blind.setSelected(b));
        blind.selectedProperty().addListener((o, a, b) -> {
            if (b != vm.blindingProperty().get()) {
                vm.setBlinding(b);
            }
        });
        blind.setMaxWidth(Double.MAX_VALUE);
        Label blindHint = new Label("Researcher setting, for the whole project. Keep it on while raters work.");
        blindHint.getStyleClass().add("muted");
        blindHint.setWrapText(true);

        VBox card = new VBox(10, head, name, info, path, buttons, recentHead, recent, blind, blindHint);
        card.getStyleClass().add("card");
        card.setPrefWidth(460);
        card.setMinWidth(340);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.setMaxWidth(560);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    private VBox raterCard() {
        Label head = new Label("Who is rating?");
        head.getStyleClass().add("section-title");
        Label hint = new Label("Pick your name, or type it to join this project. Each rater gets their own shuffled queue.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        rater.setId("rater");
        rater.setEditable(true);
        rater.setPromptText("Your name");
        rater.setItems(vm.raters());
        rater.setMaxWidth(Double.MAX_VALUE);
        rater.valueProperty().bindBidirectional(vm.raterNameProperty());
        rater.getEditor().textProperty().addListener((o, a, b) -> {
            if (rater.isFocused() || rater.getEditor().isFocused()) {
                vm.raterNameProperty().set(b);
            }
        });
        rater.getEditor().setOnAction(e -> vm.signIn());
        Button start = new Button("Start rating", Icons.of(MaterialDesignP.PLAY));
        start.setId("start-rating");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.setMaxWidth(Double.MAX_VALUE);
        start.disableProperty().bind(vm.sessionProperty().isNull().or(vm.busyProperty()));
        start.setOnAction(e -> vm.signIn());
        Label who = new Label(null, Icons.of(MaterialDesignA.ACCOUNT_GROUP_OUTLINE));
        who.getStyleClass().add("muted");
        who.textProperty().bind(javafx.beans.binding.Bindings.size(vm.raters()).asString("%d raters in this project"));
        VBox card = new VBox(10, head, hint, rater, start, who);
        card.getStyleClass().add("card");
        card.setPrefWidth(360);
        card.setMinWidth(300);
        card.setMaxWidth(420);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    /** Focuses the rater name, so the rater can type and press Enter. */
    public void focusRater() {
        rater.requestFocus();
    }

    private void chooseFile(boolean create) {
        PathChooser chooser = create ? PathChooser.saveFile(getScene().getWindow(), "New project").initialName("project.afproj")
                .refuseExisting("a new project never replaces a file")
                : PathChooser.openFile(getScene().getWindow(), "Open project");
        Path current = vm.projectProperty().get();
        Path currentFolder = current == null ? null : current.toAbsolutePath().getParent();
        chooser.place("Project folder", currentFolder).defaultFolder(currentFolder);
        vm.recent().stream().map(r -> r.toAbsolutePath().getParent()).filter(f -> f != null && !f.equals(currentFolder))
                .distinct().limit(5).forEach(f -> chooser.place(f.getFileName() == null ? f.toString() : f.getFileName().toString(), f));
        java.util.Optional<Path> chosen = chooser.filter("AF Annotator project", "*.afproj").showAndWait();
        if (chosen.isEmpty()) {
            return;
        }
        Path p = chosen.get();
        if (create && !p.getFileName().toString().endsWith(".afproj")) {
            p = p.resolveSibling(p.getFileName() + ".afproj");
        }
        if (create) {
            vm.create(p);
        } else {
            vm.open(p);
        }
    }

    private VBox researchCard() {
        Label head = new Label("Research");
        head.getStyleClass().add("section-title");
        Label hint = new Label("These views show rater names and classifier output: not for raters at work.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox card = new VBox(8, head, hint);
        for (ResearchScreen s : ResearchScreen.values()) {
            Button b = new Button(s.title(), Icons.of(icon(s)));
            b.setId("research-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(s.description()));
            b.disableProperty().bind(vm.sessionProperty().isNull());
            b.setOnAction(e -> research.accept(s));
            card.getChildren().add(b);
        }
        card.getStyleClass().add("card");
        card.setPrefWidth(360);
        card.setMinWidth(300);
        card.setMaxWidth(420);
        return card;
    }

    private static org.kordamp.ikonli.Ikon icon(ResearchScreen s) {
        return switch (s) {
            case AGREEMENT -> org.kordamp.ikonli.materialdesign2.MaterialDesignA.ACCOUNT_GROUP_OUTLINE;
            case AUDIT -> org.kordamp.ikonli.materialdesign2.MaterialDesignR.ROBOT_OUTLINE;
            case ADJUDICATION -> org.kordamp.ikonli.materialdesign2.MaterialDesignG.GAVEL;
            case EXCHANGE -> org.kordamp.ikonli.materialdesign2.MaterialDesignF.FILE_EXPORT_OUTLINE;
        };
    }
}
