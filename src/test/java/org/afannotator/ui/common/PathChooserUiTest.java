package org.afannotator.ui.common;

import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.afannotator.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.afannotator.domain.RaterRole;
import org.afannotator.store.ProcLocks;
import org.afannotator.store.ProjectStore;
import org.afannotator.ui.FxTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The app's own chooser: it lists a folder without opening its files (an open project keeps its
 * locks), goes into folders and up from the keyboard, and returns what was chosen.
 */
@ExtendWith(ApplicationExtension.class)
class PathChooserUiTest {
    @TempDir
    Path dir;
    Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new StackPane(), 300, 200));
        s.show();
    }

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(dir.resolve("json_outputs/run_a"));
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve("b.afproj"), "x");
        Files.writeString(dir.resolve("a.afproj"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.writeString(dir.resolve("json_outputs/run_a/0.json"), "{}");
    }

    @AfterEach
    void close() {
        fxRun(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
    }

    private static TableView<FolderListing.Entry> table(Stage s) {
        @SuppressWarnings("unchecked")
        TableView<FolderListing.Entry> t = (TableView<FolderListing.Entry>) s.getScene().lookup("#chooser-entries");
        return t;
    }

    private static List<String> names(Stage s) {
        return fx(() -> table(s).getItems().stream().map(FolderListing.Entry::name).toList());
    }

    private static void key(Node target, KeyCode code, boolean shortcut) {
        fxRun(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false)));
    }

    private static void waitForListing(Stage s, String expectedFirst) {
        waitUntil(() -> names(s).contains(expectedFirst));
    }

    @Test
    void listsFoldersThenMatchingFilesAndOpensOneFromTheKeyboard() throws Exception {
        PathChooser chooser = fx(() -> PathChooser.openFile(stage, "Open project").startIn(dir).filter("AF Annotator project", "*.afproj"));
        Stage s = fx(chooser::show);
        waitForListing(s, "a.afproj");
        assertThat(names(s)).as("folders first, then *.afproj by name; no hidden entries, no other files")
                .containsExactly("json_outputs", "a.afproj", "b.afproj");
        FxTestSupport.screenshot(s.getScene(), "path-chooser-open.png");

        TableView<FolderListing.Entry> t = table(s);
        fxRun(() -> t.getSelectionModel().clearAndSelect(2));
        key(t, KeyCode.ENTER, false);
        assertThat(fx(s::isShowing)).isFalse();
        assertThat(chooser.result()).containsExactly(dir.resolve("b.afproj").toAbsolutePath().normalize());
    }

    @Test
    void entersAFolderWithEnterAndGoesBackUpWithBackspace() {
        PathChooser chooser = fx(() -> PathChooser.openFiles(stage, "Import").startIn(dir).filter("JSON", "*.json"));
        Stage s = fx(chooser::show);
        waitForListing(s, "json_outputs");
        TableView<FolderListing.Entry> t = table(s);
        fxRun(() -> t.getSelectionModel().clearAndSelect(0));
        key(t, KeyCode.ENTER, false);
        waitForListing(s, "run_a");
        assertThat(fx(() -> chooser.folderProperty().get())).isEqualTo(dir.resolve("json_outputs").toAbsolutePath().normalize());
        key(t, KeyCode.BACK_SPACE, false);
        waitUntil(() -> dir.toAbsolutePath().normalize().equals(fx(() -> chooser.folderProperty().get())) && !names(s).isEmpty());
        assertThat(fx(() -> t.getSelectionModel().getSelectedItem().name()))
                .as("going up selects the folder one came from").isEqualTo("json_outputs");
        key(t, KeyCode.ESCAPE, false);
        assertThat(fx(s::isShowing)).isFalse();
        assertThat(chooser.result()).as("Esc cancels").isEmpty();
    }

    @Test
    void choosesTheSelectedFolderElseTheOneShown() {
        PathChooser chooser = fx(() -> PathChooser.folder(stage, "Export into folder").startIn(dir));
        Stage s = fx(chooser::show);
        waitForListing(s, "json_outputs");
        assertThat(names(s)).as("folders only").containsExactly("json_outputs");
        Button accept = (Button) s.getScene().lookup("#chooser-accept");
        assertThat(fx(accept::getText)).isEqualTo("Choose \u201c" + dir.getFileName() + "\u201d");
        fxRun(() -> table(s).getSelectionModel().clearAndSelect(0));
        assertThat(fx(accept::getText)).isEqualTo("Choose \u201cjson_outputs\u201d");
        fxRun(accept::fire);
        assertThat(chooser.result()).containsExactly(dir.resolve("json_outputs").toAbsolutePath().normalize());
    }

    @Test
    void savingAddsTheExtensionAndStaysWhenTheFolderIsMissing() {
        PathChooser chooser = fx(() -> PathChooser.saveFile(stage, "New project").startIn(dir).initialName("project.afproj")
                .filter("AF Annotator project", "*.afproj"));
        Stage s = fx(chooser::show);
        waitForListing(s, "a.afproj");
        TextField name = (TextField) s.getScene().lookup("#chooser-name");
        fxRun(() -> name.setText("missing/study"));
        fxRun(() -> ((Button) s.getScene().lookup("#chooser-accept")).fire());
        assertThat(fx(s::isShowing)).as("a folder that does not exist is refused in the chooser").isTrue();
        assertThat(fx(() -> ((Label) s.getScene().lookup("#chooser-message")).getText())).startsWith("No such folder");
        fxRun(() -> name.setText("study"));
        fxRun(() -> ((Button) s.getScene().lookup("#chooser-accept")).fire());
        assertThat(chooser.result()).containsExactly(dir.resolve("study.afproj").toAbsolutePath().normalize());
    }

    @Test
    void aTypedPathGoesToThatFolder() {
        PathChooser chooser = fx(() -> PathChooser.openFile(stage, "Open").startIn(dir));
        Stage s = fx(chooser::show);
        waitForListing(s, "notes.txt");
        TextField path = (TextField) s.getScene().lookup("#chooser-path");
        fxRun(() -> {
            path.setText(dir.resolve("json_outputs/run_a").toString());
            path.fireEvent(new javafx.event.ActionEvent());
        });
        waitForListing(s, "0.json");
        key(table(s), KeyCode.H, true);
        waitUntil(() -> fx(() -> chooser.folderProperty().get()).endsWith("run_a"));
        fxRun(() -> {
            path.setText(dir.toString());
            path.fireEvent(new javafx.event.ActionEvent());
        });
        waitForListing(s, ".hidden");
        assertThat(names(s)).as("Ctrl+H shows hidden entries").contains(".hidden", "notes.txt");
    }

    @Test
    void listingAnOpenProjectsFolderKeepsItsLocks() throws Exception {
        assumeTrue(ProcLocks.readable(), "needs Linux's /proc/locks");
        Path p = dir.resolve("study.afproj");
        ProjectStore.create(p).close();
        try (ProjectStore store = ProjectStore.open(p)) {
            store.raters().getOrCreate("Ann", RaterRole.RATER);
            long before = ProcLocks.held(p);
            assertThat(before).isPositive();
            PathChooser chooser = fx(() -> PathChooser.openFile(stage, "Open").startIn(dir));
            Stage s = fx(chooser::show);
            waitForListing(s, "study.afproj");
            assertThat(names(s)).contains("study.afproj", "study.afproj-wal", "study.afproj-shm");
            assertThat(ProcLocks.held(p)).as("the project's locks after its folder was listed").isEqualTo(before);
            store.raters().getOrCreate("Bo", RaterRole.RATER);
        }
    }

    @Test
    void aNewFileNeverReplacesOneWhenTheCallerSaysSo() {
        PathChooser chooser = fx(() -> PathChooser.saveFile(stage, "New project").startIn(dir).initialName("a.afproj")
                .filter("AF Annotator project", "*.afproj").refuseExisting("a new project never replaces a file"));
        Stage s = fx(chooser::show);
        waitForListing(s, "a.afproj");
        fxRun(() -> ((Button) s.getScene().lookup("#chooser-accept")).fire());
        // Regression: it asked "Replace?", and then the project was refused anyway.
        assertThat(fx(s::isShowing)).isTrue();
        assertThat(fx(() -> ((Label) s.getScene().lookup("#chooser-message")).getText()))
                .isEqualTo("a.afproj exists already: a new project never replaces a file. Choose another name.");
        assertThat(Window.getWindows()).as("no confirmation dialog").hasSize(2);
    }

    @Test
    void foldersSelectedBesideFilesAreChosenWhereFoldersAreInputsAndAnExcludedFileIsNotListed() {
        PathChooser chooser = fx(() -> PathChooser.openFiles(stage, "Import").startIn(dir).foldersToo()
                .exclude(dir.resolve("b.afproj")));
        Stage s = fx(chooser::show);
        waitForListing(s, "notes.txt");
        assertThat(names(s)).containsExactly("json_outputs", "a.afproj", "notes.txt");
        TableView<FolderListing.Entry> t = table(s);
        fxRun(() -> t.getSelectionModel().selectIndices(0, 2));
        fxRun(() -> ((Button) s.getScene().lookup("#chooser-accept")).fire());
        // Regression: the folder was dropped without a word.
        assertThat(chooser.result()).containsExactly(dir.resolve("json_outputs").toAbsolutePath().normalize(),
                dir.resolve("notes.txt").toAbsolutePath().normalize());
    }

    @Test
    void choosingAFolderAfterGoingUpChoosesTheFolderGoneUpTo() {
        PathChooser chooser = fx(() -> PathChooser.folder(stage, "Export into folder").startIn(dir.resolve("json_outputs")));
        Stage s = fx(chooser::show);
        waitForListing(s, "run_a");
        key(table(s), KeyCode.BACK_SPACE, false);
        waitUntil(() -> dir.toAbsolutePath().normalize().equals(fx(() -> chooser.folderProperty().get())) && !names(s).isEmpty());
        // Regression: the folder one came from stayed selected, so "Choose" took it rather than the one shown.
        Button accept = (Button) s.getScene().lookup("#chooser-accept");
        assertThat(fx(accept::getText)).isEqualTo("Choose \u201c" + dir.getFileName() + "\u201d");
        fxRun(accept::fire);
        assertThat(chooser.result()).containsExactly(dir.toAbsolutePath().normalize());
    }
}
