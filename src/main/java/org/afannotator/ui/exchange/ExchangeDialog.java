package org.afannotator.ui.exchange;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.afannotator.ui.common.PathChooser;
import org.afannotator.app.ProjectSession;
import org.afannotator.ui.common.Theme;
import org.afannotator.ui.common.UiExecutor;

/** Export, report, bundle and merge in one small dialog; paths are chosen with the app's own chooser. */
public final class ExchangeDialog extends VBox {
    private final ExchangeViewModel vm;
    private final ComboBox<String> rater = new ComboBox<>();

    public ExchangeDialog(ExchangeViewModel vm) {
        super(10);
        this.vm = vm;
        setId("exchange-dialog");
        setPadding(new Insets(18));
        setPrefSize(720, 480);
        Label title = new Label("Export, report and rater bundles");
        title.getStyleClass().add("section-title");

        Button export = new Button("Export data\u2026");
        export.setId("exchange-export");
        export.setOnAction(e -> chooseFolder("Export into folder").ifPresent(vm::export));
        Button report = new Button("Write HTML report\u2026");
        report.setId("exchange-report");
        report.setOnAction(e -> chooseSave("report.html", "HTML report", "*.html").ifPresent(vm::report));
        rater.setId("exchange-rater");
        rater.setItems(vm.raters());
        rater.setPromptText("rater");
        Button bundle = new Button("Write bundle\u2026");
        bundle.setId("exchange-bundle");
        bundle.disableProperty().bind(rater.valueProperty().isNull());
        bundle.setOnAction(e -> chooser(PathChooser.saveFile(getScene().getWindow(), "Write a bundle for " + rater.getValue()))
                .initialName(rater.getValue() + ".afproj").filter("AF Annotator bundle", "*.afproj")
                .refuseExisting("a bundle is a new file and never replaces one").showAndWait()
                .ifPresent(p -> vm.bundle(rater.getValue(), p)));
        Button merge = new Button("Merge bundles\u2026");
        merge.setId("exchange-merge");
        merge.setOnAction(e -> chooseBundles().ifPresent(vm::merge));

        for (Button b : List.of(export, report, bundle, merge)) {
            // Never shortened to "Exp…": the buttons take their full text, all as wide as the widest.
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setMaxWidth(Double.MAX_VALUE);
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints buttons = new ColumnConstraints();
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        buttons.setFillWidth(true);
        ColumnConstraints texts = new ColumnConstraints();
        texts.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(buttons, texts);
        grid.addRow(0, export, muted("transcripts, annotations, gold labels, agreement and classifier tables"));
        grid.addRow(1, report, muted("one self-contained file to share"));
        grid.addRow(2, bundle, rater);
        grid.addRow(3, merge, muted("bring raters' bundles back; conflicts are listed, never overwritten"));
        grid.disableProperty().bind(vm.runningProperty());

        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        TextArea out = new TextArea();
        out.setId("exchange-result");
        out.setEditable(false);
        out.setWrapText(true);
        out.textProperty().bind(vm.resultProperty());
        Label error = new Label();
        error.setId("exchange-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(vm.errorProperty());
        VBox.setVgrow(out, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setId("exchange-close");
        close.setCancelButton(true); // Esc
        close.setOnAction(e -> getScene().getWindow().hide());
        HBox closeBar = new HBox(close);
        closeBar.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, grid, bar, error, out, closeBar);
        setAlignment(Pos.TOP_LEFT);
        vm.loadRaters();
    }

    /** Opens the dialog over {@code owner} for the open project, in the window's theme. */
    public static void show(Window owner, UiExecutor executor, ProjectSession session, Theme theme) {
        show(owner, executor, session, theme, () -> { });
    }

    /** As above; {@code onClosed} runs when the dialog is closed (a merge may have changed the project). */
    public static void show(Window owner, UiExecutor executor, ProjectSession session, Theme theme, Runnable onClosed) {
        Stage stage = new Stage();
        stage.setOnHidden(e -> onClosed.run());
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export and bundles");
        Scene scene = new Scene(new ExchangeDialog(new ExchangeViewModel(session, executor)));
        theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    /** A chooser that offers the project's folder as a place. */
    private PathChooser chooser(PathChooser c) {
        Path parent = vm.projectPath().toAbsolutePath().getParent();
        return c.place("Project folder", parent).defaultFolder(parent);
    }

    private java.util.Optional<Path> chooseFolder(String title) {
        return chooser(PathChooser.folder(getScene().getWindow(), title)).showAndWait();
    }

    private java.util.Optional<Path> chooseSave(String name, String what, String pattern) {
        return chooser(PathChooser.saveFile(getScene().getWindow(), "Save " + what)).initialName(name).filter(what, pattern)
                .showAndWait();
    }

    private java.util.Optional<List<Path>> chooseBundles() {
        List<Path> files = chooser(PathChooser.openFiles(getScene().getWindow(), "Bundles to merge"))
                .filter("AF Annotator bundle", "*.afproj").exclude(vm.projectPath()).showAndWaitForAll();
        return files.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(files);
    }
}
