package org.afannotator.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.afannotator.ui.common.FolderListing.Entry;
import org.afannotator.ui.common.FolderListing.Filter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * The app's own file and folder chooser. JavaFX's choosers are the desktop's (GTK's), and GTK
 * opens every file it lists to guess its type; on POSIX systems closing that descriptor releases
 * every lock this process holds on the file. Shown on the folder of an open project, it released
 * SQLite's locks, and the next program to close the project deleted the log this app was still
 * writing to: labels shown as saved, then lost (decision 0109). This chooser lists folders from
 * their entries and metadata only ({@link FolderListing}) and opens no file.
 *
 * <p>Keys: Enter opens a folder or takes the file; Ctrl+Enter takes the selection (or, choosing a
 * folder, the folder shown when none is selected); Backspace or Alt+Up goes up; Alt+Home goes home;
 * Ctrl+L edits the path; Ctrl+H shows hidden entries; typing a name's first letters selects it; Esc
 * cancels.
 */
public final class PathChooser {
    /** What is chosen. */
    public enum Mode {
        OPEN_FILE("Open"), OPEN_FILES("Open"), SAVE_FILE("Save"), FOLDER("Choose folder");

        final String accept;

        Mode(String accept) {
            this.accept = accept;
        }
    }

    /** The folder the last chooser ended in; the next one starts there (for the app's run). */
    private static Path lastFolder;

    private final Mode mode;
    private final Window owner;
    private final Stage stage = new Stage();
    private final List<Filter> filters = new ArrayList<>();
    private final Map<String, Path> places = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final TableView<Entry> table = new TableView<>(entries);
    private final TextField path = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<Filter> filterBox = new ComboBox<>();
    private final ListView<Map.Entry<String, Path>> placeList = new ListView<>();
    private final Label message = new Label();
    private final Button accept;
    private final AtomicLong listing = new AtomicLong();
    private boolean showHidden;
    private String typed = "";
    private long typedAt;
    private List<Path> result = List.of();
    private String initialName = "";
    private Path start;
    private Path fallback;
    private String existingRefused;
    private boolean foldersToo;
    private final java.util.Set<Path> excluded = new java.util.HashSet<>();

    private PathChooser(Window owner, Mode mode, String title) {
        this.mode = mode;
        this.accept = new Button(mode.accept);
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        } else {
            stage.initModality(Modality.APPLICATION_MODAL);
        }
        Path home = Path.of(System.getProperty("user.home"));
        places.put("Home", home);
        for (String sub : new String[] {"Desktop", "Documents", "Downloads"}) {
            if (Files.isDirectory(home.resolve(sub))) {
                places.put(sub, home.resolve(sub));
            }
        }
        places.put("Computer", home.getRoot() == null ? Path.of("/") : home.getRoot());
        this.owner = owner;
    }

    public static PathChooser openFile(Window owner, String title) {
        return new PathChooser(owner, Mode.OPEN_FILE, title);
    }

    public static PathChooser openFiles(Window owner, String title) {
        return new PathChooser(owner, Mode.OPEN_FILES, title);
    }

    public static PathChooser saveFile(Window owner, String title) {
        return new PathChooser(owner, Mode.SAVE_FILE, title);
    }

    public static PathChooser folder(Window owner, String title) {
        return new PathChooser(owner, Mode.FOLDER, title);
    }

    /** Adds a choice of files to show; the first is shown first. Without one, every file is shown. */
    public PathChooser filter(String name, String... patterns) {
        filters.add(Filter.of(name, patterns));
        return this;
    }

    /** The name a new file is offered (save). */
    public PathChooser initialName(String fileName) {
        this.initialName = fileName == null ? "" : fileName;
        return this;
    }

    /** The folder to start in, instead of the one the last chooser ended in. */
    public PathChooser startIn(Path folder) {
        this.start = folder;
        return this;
    }

    /** The folder to start in when no chooser was used yet in this run of the app. */
    public PathChooser defaultFolder(Path folder) {
        this.fallback = folder;
        return this;
    }

    /**
     * Save: a file that exists already cannot be chosen ({@code why} says so, e.g. "a new project
     * never replaces a file"), instead of asking whether to replace it.
     */
    public PathChooser refuseExisting(String why) {
        this.existingRefused = why;
        return this;
    }

    /** Open several: folders selected beside files are chosen too (Enter on one folder still opens it). */
    public PathChooser foldersToo() {
        this.foldersToo = true;
        return this;
    }

    /** Leaves {@code file} out of the list (e.g. the open project, from a list of bundles to merge). */
    public PathChooser exclude(Path file) {
        if (file != null) {
            excluded.add(file.toAbsolutePath().normalize());
        }
        return this;
    }

    /** A place of the side list ("Project folder"); ignored when {@code folder} is not a folder. */
    public PathChooser place(String label, Path folder) {
        if (folder != null && Files.isDirectory(folder)) {
            places.put(label, folder);
        }
        return this;
    }

    /** Shows the chooser and waits: the path chosen, or empty when cancelled. */
    public Optional<Path> showAndWait() {
        return showAndWaitForAll().stream().findFirst();
    }

    /** Shows the chooser and waits: the paths chosen (several in {@link Mode#OPEN_FILES}), or none when cancelled. */
    public List<Path> showAndWaitForAll() {
        build();
        stage.showAndWait();
        return result;
    }

    /** Shows the chooser without waiting (tests); {@link #result()} holds the choice once it is closed. */
    public Stage show() {
        build();
        stage.show();
        return stage;
    }

    /** The paths chosen; empty while open or when cancelled. */
    public List<Path> result() {
        return result;
    }

    /** The folder shown. */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    private void build() {
        if (stage.getScene() != null) {
            return;
        }
        Button up = new Button(null, Icons.of(MaterialDesignA.ARROW_UP));
        up.setId("chooser-up");
        up.setTooltip(new Tooltip("Up one folder (Backspace, Alt+Up)"));
        up.setOnAction(e -> goUp());
        Button homeButton = new Button(null, Icons.of(MaterialDesignH.HOME_OUTLINE));
        homeButton.setTooltip(new Tooltip("Home folder (Alt+Home)"));
        homeButton.setOnAction(e -> go(places.get("Home")));
        path.setId("chooser-path");
        path.setPromptText("Folder or file path; Enter goes there");
        path.setOnAction(e -> typedPath());
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox bar = new HBox(6, up, homeButton, path);
        bar.setAlignment(Pos.CENTER_LEFT);

        placeList.setId("chooser-places");
        placeList.getItems().setAll(places.entrySet());
        placeList.setPrefWidth(150);
        placeList.setMinWidth(120);
        placeList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Map.Entry<String, Path> item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getKey());
                setTooltip(empty || item == null ? null : new Tooltip(item.getValue().toString()));
            }
        });
        placeList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                go(now.getValue());
            }
        });
        // A click on the place already selected goes there again (after a typed path or Up).
        placeList.setOnMouseClicked(e -> {
            Map.Entry<String, Path> now = placeList.getSelectionModel().getSelectedItem();
            if (now != null && !now.getValue().toAbsolutePath().normalize().equals(folder.get())) {
                go(now.getValue());
            }
        });

        table.setId("chooser-entries");
        table.setPlaceholder(new Label("Nothing here"));
        table.getSelectionModel().setSelectionMode(mode == Mode.OPEN_FILES ? SelectionMode.MULTIPLE : SelectionMode.SINGLE);
        TableColumn<Entry, Entry> nameCol = new TableColumn<>("Name");
        nameCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        nameCol.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name());
                setGraphic(empty || e == null ? null
                        : Icons.of(e.folder() ? MaterialDesignF.FOLDER_OUTLINE : MaterialDesignF.FILE_OUTLINE));
            }
        });
        nameCol.setPrefWidth(340);
        nameCol.setSortable(false);
        TableColumn<Entry, String> sizeCol = new TableColumn<>("Size");
        sizeCol.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().folder() ? "" : FolderListing.size(c.getValue().size())));
        sizeCol.setPrefWidth(80);
        sizeCol.setSortable(false);
        sizeCol.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<Entry, String> modCol = new TableColumn<>("Modified");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
        modCol.setCellValueFactory(c -> new SimpleStringProperty(when.format(c.getValue().modified())));
        modCol.setPrefWidth(130);
        modCol.setSortable(false);
        table.getColumns().add(nameCol);
        table.getColumns().add(sizeCol);
        table.getColumns().add(modCol);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> {
            TableRow<Entry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::tableKey);
        table.addEventHandler(KeyEvent.KEY_TYPED, this::typeAhead);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (mode == Mode.SAVE_FILE && now != null && !now.folder()) {
                name.setText(now.name());
            }
            updateAccept();
        });

        BorderPane center = new BorderPane(table);
        center.setLeft(placeList);
        BorderPane.setMargin(placeList, new Insets(0, 8, 0, 0));

        message.setId("chooser-message");
        message.setWrapText(true);
        message.getStyleClass().add("muted");
        message.setMinHeight(Region.USE_PREF_SIZE);

        HBox bottom = new HBox(8);
        bottom.setAlignment(Pos.CENTER_LEFT);
        if (mode == Mode.SAVE_FILE) {
            Label nameLabel = new Label("Name");
            name.setId("chooser-name");
            name.setText(initialName);
            name.setOnAction(e -> acceptChoice());
            name.textProperty().addListener((o, was, now) -> updateAccept());
            HBox.setHgrow(name, Priority.ALWAYS);
            bottom.getChildren().addAll(nameLabel, name);
        }
        if (filters.size() > 1) {
            filterBox.setId("chooser-filter");
            filterBox.getItems().setAll(filters);
            filterBox.getSelectionModel().select(0);
            filterBox.valueProperty().addListener((o, was, now) -> reload());
            bottom.getChildren().add(filterBox);
        } else if (filters.size() == 1 && mode != Mode.FOLDER) {
            Label only = new Label(filters.get(0).toString());
            only.getStyleClass().add("muted");
            bottom.getChildren().add(only);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("chooser-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        accept.setId("chooser-accept");
        accept.setDefaultButton(mode == Mode.SAVE_FILE);
        accept.setOnAction(e -> acceptChoice());
        ButtonBar.setButtonData(accept, ButtonBar.ButtonData.OK_DONE);
        bottom.getChildren().addAll(spacer, cancel, accept);

        Label title = new Label(stage.getTitle());
        title.getStyleClass().add("section-title");
        VBox root = new VBox(10, title, bar, center, message, bottom);
        VBox.setVgrow(center, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("path-chooser");
        Scene scene = new Scene(root, 820, 520);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            scene.getStylesheets().setAll(Theme.stylesheets());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::sceneKey);
        stage.setScene(scene);
        stage.getIcons().setAll(Icons.app());

        Path first = start != null && Files.isDirectory(start) ? start
                : lastFolder != null && Files.isDirectory(lastFolder) ? lastFolder
                : fallback != null && Files.isDirectory(fallback) ? fallback : places.get("Home");
        go(first);
        Platform.runLater(() -> (mode == Mode.SAVE_FILE ? name : table).requestFocus());
        if (mode == Mode.SAVE_FILE) {
            Platform.runLater(() -> {
                String n = name.getText();
                int dot = n.lastIndexOf('.');
                name.selectRange(0, dot > 0 ? dot : n.length());
            });
        }
    }

    private static final KeyCombination UP = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
    private static final KeyCombination HOME = new KeyCodeCombination(KeyCode.HOME, KeyCombination.ALT_DOWN);
    private static final KeyCombination EDIT_PATH = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination HIDDEN = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);

    private void sceneKey(KeyEvent e) {
        if (UP.match(e)) {
            goUp();
        } else if (HOME.match(e)) {
            go(places.get("Home"));
        } else if (EDIT_PATH.match(e)) {
            path.requestFocus();
            path.selectAll();
        } else if (HIDDEN.match(e)) {
            showHidden = !showHidden;
            reload();
        } else if (e.getCode() == KeyCode.ESCAPE && !filterBox.isShowing()) {
            stage.close();
        } else if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            acceptChoice();
        } else {
            return;
        }
        e.consume();
    }

    private void tableKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
            List<Entry> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (chosen.size() == 1 && chosen.get(0).folder()) {
                open(chosen.get(0));
            } else {
                acceptChoice();
            }
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE) {
            goUp();
            e.consume();
        }
    }

    /** Typing a name's first letters selects the first entry that starts with them (within a second of each other). */
    private void typeAhead(KeyEvent e) {
        String c = e.getCharacter();
        if (c == null || c.isEmpty() || Character.isISOControl(c.charAt(0)) || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        long now = System.nanoTime();
        typed = now - typedAt > 1_000_000_000L ? c : typed + c;
        typedAt = now;
        selectTyped();
        e.consume();
    }

    /** Selects the first entry whose name starts with what was typed (also once a folder typed into has been read). */
    private boolean selectTyped() {
        if (typed.isEmpty() || System.nanoTime() - typedAt > 1_000_000_000L) {
            return false;
        }
        String prefix = typed.toLowerCase(Locale.ROOT);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return true;
            }
        }
        return false;
    }

    private void open(Entry e) {
        if (e.folder()) {
            go(e.path());
        } else {
            acceptChoice();
        }
    }

    private void goUp() {
        Path f = folder.get();
        if (f != null && f.getParent() != null) {
            Path from = f;
            go(f.getParent(), from);
        }
    }

    private void go(Path target) {
        go(target, null);
    }

    /**
     * Shows {@code target}'s entries, read off the FX thread (a folder may hold 100,000 files) on a
     * thread of the chooser's own, not the app's worker (which may be busy with an import the
     * chooser must not wait behind); selects {@code select}.
     */
    private void go(Path target, Path select) {
        if (target == null) {
            return;
        }
        Path dir = target.toAbsolutePath().normalize();
        folder.set(dir);
        path.setText(dir.toString());
        message.setText("");
        reloadSelecting(select);
    }

    private void reload() {
        reloadSelecting(null);
    }

    private void reloadSelecting(Path select) {
        Path dir = folder.get();
        if (dir == null) {
            return;
        }
        Filter filter = mode == Mode.FOLDER ? null : selectedFilter();
        boolean hidden = showHidden;
        long ticket = listing.incrementAndGet();
        entries.clear();
        table.setPlaceholder(new Label("Reading\u2026"));
        Thread reader = new Thread(() -> {
            List<Entry> found;
            String failure = null;
            try {
                found = FolderListing.list(dir, filter, hidden);
            } catch (IOException | RuntimeException e) {
                found = List.of();
                failure = "Cannot read " + dir + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
            List<Entry> shown = found;
            String problem = failure;
            Platform.runLater(() -> {
                if (listing.get() != ticket) {
                    return; // another folder was chosen meanwhile
                }
                entries.setAll(excluded.isEmpty() ? shown
                        : shown.stream().filter(x -> !excluded.contains(x.path().toAbsolutePath().normalize())).toList());
                table.setPlaceholder(new Label(problem != null ? "Cannot read this folder"
                        : (mode == Mode.FOLDER ? "No folders here" : "No folders or matching files here")
                                + (hidden ? "" : " (Ctrl+H shows hidden ones)")));
                if (problem != null) {
                    message.setText(problem);
                }
                int at = -1;
                for (int i = 0; select != null && i < shown.size(); i++) {
                    if (shown.get(i).path().equals(select)) {
                        at = i;
                    }
                }
                if (at >= 0 && mode == Mode.FOLDER) {
                    // shown, not chosen: "Choose" stays with the folder one went up to
                    table.scrollTo(at);
                } else if (at >= 0) {
                    table.getSelectionModel().clearAndSelect(at);
                    table.scrollTo(at);
                } else if (selectTyped()) {
                    // letters typed while the folder was read
                } else if (!shown.isEmpty() && mode != Mode.SAVE_FILE && mode != Mode.FOLDER) {
                    table.getSelectionModel().clearAndSelect(0);
                }
                updateAccept();
            });
        }, "af-path-chooser");
        reader.setDaemon(true);
        reader.start();
    }

    private Filter selectedFilter() {
        if (filters.isEmpty()) {
            return Filter.of("All files", "*");
        }
        return filters.size() > 1 && filterBox.getValue() != null ? filterBox.getValue() : filters.get(0);
    }

    /** The path field: a folder goes there; a file is chosen (open) or named (save). */
    private void typedPath() {
        Path p;
        try {
            p = Path.of(expandHome(path.getText().trim()));
        } catch (InvalidPathException e) {
            message.setText("Not a path: " + e.getMessage());
            return;
        }
        if (!p.isAbsolute() && folder.get() != null) {
            p = folder.get().resolve(p);
        }
        if (Files.isDirectory(p)) {
            go(p);
            table.requestFocus();
        } else if (mode == Mode.SAVE_FILE && p.getParent() != null && Files.isDirectory(p.getParent())) {
            go(p.getParent());
            name.setText(p.getFileName().toString());
            name.requestFocus();
        } else if ((mode == Mode.OPEN_FILE || mode == Mode.OPEN_FILES) && Files.isRegularFile(p)) {
            finish(List.of(p.toAbsolutePath().normalize()));
        } else {
            message.setText("No such folder: " + p);
        }
    }

    private static String expandHome(String s) {
        if (s.equals("~") || s.startsWith("~/")) {
            return System.getProperty("user.home") + s.substring(1);
        }
        return s;
    }

    private void updateAccept() {
        switch (mode) {
            case SAVE_FILE -> accept.setDisable(name.getText().isBlank());
            case FOLDER -> {
                Path chosen = chosenFolder();
                accept.setDisable(chosen == null);
                accept.setText(chosen == null || chosen.getFileName() == null ? mode.accept
                        : "Choose \u201c" + chosen.getFileName() + "\u201d");
            }
            default -> accept.setDisable(table.getSelectionModel().getSelectedItems().stream()
                    .noneMatch(e -> foldersToo || !e.folder()));
        }
    }

    /** In folder mode: the folder selected in the list, else the folder shown. */
    private Path chosenFolder() {
        Entry sel = table.getSelectionModel().getSelectedItem();
        return sel != null && sel.folder() ? sel.path() : folder.get();
    }

    private void acceptChoice() {
        switch (mode) {
            case FOLDER -> {
                Path chosen = chosenFolder();
                if (chosen != null) {
                    lastFolder = folder.get();
                    finish(List.of(chosen));
                }
            }
            case SAVE_FILE -> saveChoice();
            default -> {
                List<Entry> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
                List<Path> files = selected.stream().filter(e -> foldersToo || !e.folder()).map(Entry::path).toList();
                if (files.isEmpty()) {
                    message.setText(selected.isEmpty() ? "Choose a file." : "Choose a file: folders cannot be chosen here.");
                } else {
                    lastFolder = folder.get();
                    finish(mode == Mode.OPEN_FILE ? files.subList(0, 1) : files);
                }
            }
        }
    }

    private void saveChoice() {
        String n = name.getText().trim();
        if (n.isEmpty()) {
            message.setText("Type a name for the file.");
            return;
        }
        Path p;
        try {
            p = Path.of(expandHome(n));
        } catch (InvalidPathException e) {
            message.setText("Not a file name: " + e.getMessage());
            return;
        }
        if (!p.isAbsolute()) {
            p = folder.get().resolve(p);
        }
        p = p.toAbsolutePath().normalize();
        String ext = filters.size() == 1 ? filters.get(0).extension() : null;
        if (ext != null && !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + ext.toLowerCase(Locale.ROOT))) {
            p = p.resolveSibling(p.getFileName() + "." + ext);
        }
        if (Files.isDirectory(p)) {
            go(p);
            name.setText("");
            return;
        }
        Path parent = p.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            message.setText("No such folder: " + parent);
            return;
        }
        if (!Files.isWritable(parent)) {
            message.setText("This folder cannot be written to: " + parent);
            return;
        }
        if (Files.exists(p) && existingRefused != null) {
            message.setText(p.getFileName() + " exists already: " + existingRefused + ". Choose another name.");
            return;
        }
        if (Files.exists(p) && !confirmReplace(p)) {
            return;
        }
        lastFolder = parent;
        finish(List.of(p));
    }

    private boolean confirmReplace(Path p) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        a.initOwner(stage);
        a.setTitle("Replace file?");
        a.setHeaderText(p.getFileName() + " already exists in " + p.getParent() + ".");
        a.setContentText("Replacing it overwrites what it holds.");
        a.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        return a.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    private void finish(List<Path> chosen) {
        result = List.copyOf(chosen);
        stage.close();
    }
}
