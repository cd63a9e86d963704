package org.afannotator.ui.importer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.afannotator.ui.common.PathChooser;
import org.afannotator.app.ProjectSession;
import org.afannotator.ui.common.Icons;
import org.afannotator.ui.common.Theme;
import org.afannotator.ui.common.UiExecutor;
import org.afannotator.ui.importer.ImportViewModel.Phase;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The import dialog: choose inputs (or drop them), see the detected format, import with progress. */
public final class ImportDialog extends VBox {
    private final ImportViewModel vm;

    public ImportDialog(ImportViewModel vm, Runnable close) {
        super(10);
        this.vm = vm;
        setId("import-dialog");
        setPadding(new Insets(18));
        setPrefSize(620, 480);

        Label title = new Label("Import into this project");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Redwood json_outputs, open-source-alignment-faking results, human-label rows, JSONL/CSV,"
                + " classifier predictions or ratings. Files, folders or .zip; you can also drop them here.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        // Wrapped text keeps its lines when the result list takes room: the lists give way instead.
        hint.setMinHeight(Region.USE_PREF_SIZE);

        Button files = new Button("Add files\u2026", Icons.of(MaterialDesignF.FILE_PLUS_OUTLINE));
        files.setId("import-add-files");
        files.setOnAction(e -> chooseFiles());
        Button folder = new Button("Add folder\u2026", Icons.of(MaterialDesignF.FOLDER_PLUS_OUTLINE));
        folder.setId("import-add-folder");
        folder.setOnAction(e -> chooseFolder());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        HBox choose = new HBox(8, files, folder, clear);
        choose.disableProperty().bind(vm.phaseProperty().isEqualTo(Phase.RUNNING));

        ListView<Path> inputs = new ListView<>(vm.inputs());
        inputs.setId("import-inputs");
        inputs.setPrefHeight(120);
        inputs.getStyleClass().add("dense");
        inputs.setPlaceholder(new Label("No files chosen yet"));
        VBox.setVgrow(inputs, Priority.SOMETIMES);

        Label format = new Label();
        format.setId("import-format");
        format.setWrapText(true);
        format.setMinHeight(Region.USE_PREF_SIZE);
        format.textProperty().bind(Bindings.createStringBinding(
                () -> vm.formatProperty().get().isEmpty() ? "" : "Format: " + vm.formatProperty().get(), vm.formatProperty()));

        ProgressBar bar = new ProgressBar(0);
        bar.setId("import-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.CHOOSING));
        Label step = new Label();
        step.getStyleClass().add("muted");
        step.textProperty().bind(vm.progressTextProperty());

        ListView<String> result = new ListView<>(vm.result());
        result.setId("import-result");
        result.setPrefHeight(130);
        result.setMinHeight(90);
        result.getStyleClass().add("dense");
        result.setPlaceholder(new Label(""));
        // An error names file, record and reason in one long line: wrap it, never scroll sideways.
        result.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                // The dense list's fixed row height would cut a wrapped error to one line.
                setStyle("-fx-cell-size: -1;");
                prefWidthProperty().bind(l.widthProperty().subtract(24));
                setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        result.visibleProperty().bind(Bindings.isNotEmpty(vm.result()));
        result.managedProperty().bind(result.visibleProperty());
        vm.phaseProperty().addListener((o, a, p) -> {
            result.getStyleClass().removeAll("danger");
            if (p == Phase.FAILED) {
                result.getStyleClass().add("danger");
            }
        });

        Button start = new Button("Import", Icons.of(MaterialDesignT.TRAY_ARROW_DOWN));
        start.setId("import-start");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        // After an import, the same inputs again would only add duplicates; new inputs re-enable it.
        start.disableProperty().bind(Bindings.isEmpty(vm.inputs()).or(vm.phaseProperty().isEqualTo(Phase.RUNNING))
                .or(vm.phaseProperty().isEqualTo(Phase.DONE)));
        start.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel import", Icons.of(MaterialDesignC.CANCEL));
        cancel.setId("import-cancel");
        cancel.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.RUNNING));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button done = new Button("Close");
        done.setId("import-close");
        done.setCancelButton(true);
        done.disableProperty().bind(vm.phaseProperty().isEqualTo(Phase.RUNNING));
        done.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, gap, done, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, hint, choose, inputs, format, bar, step, result, buttons);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && vm.phaseProperty().get() != Phase.RUNNING) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().getFiles();
            vm.add(dropped.stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
        });
    }

    /** Opens the dialog over {@code owner}; {@code onImported} runs when it closes after an import. */
    public static void show(Window owner, UiExecutor executor, ProjectSession session, Runnable onImported) {
        ImportViewModel vm = new ImportViewModel(executor, ImportRunners.forSession(session));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Import \u2014 AF Annotator");
        Scene scene = new Scene(new ImportDialog(vm, stage::close));
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            scene.getStylesheets().setAll(Theme.stylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (vm.phaseProperty().get() == Phase.RUNNING) {
                e.consume();
            }
        });
        // Esc closes it wherever the focus is (a focused list would otherwise take the key), not while it imports.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && vm.phaseProperty().get() != Phase.RUNNING) {
                stage.close();
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            if (vm.importedProperty().get()) {
                onImported.run();
            }
        });
        stage.show();
    }

    private void chooseFiles() {
        List<Path> chosen = PathChooser.openFiles(getScene().getWindow(), "Choose files, folders or .zip").foldersToo()
                .filter("Transcripts, predictions, ratings", "*.json", "*.jsonl", "*.csv", "*.zip")
                .filter("All files", "*").showAndWaitForAll();
        if (!chosen.isEmpty()) {
            vm.add(chosen);
        }
    }

    private void chooseFolder() {
        PathChooser.folder(getScene().getWindow(), "Choose a folder").showAndWait().ifPresent(dir -> vm.add(List.of(dir)));
    }
}
