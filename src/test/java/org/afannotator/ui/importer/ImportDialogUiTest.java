package org.afannotator.ui.importer;

import static org.afannotator.ui.FxTestSupport.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.afannotator.ui.common.SyncUiExecutor;
import org.afannotator.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Regression: an import error (file, record and reason on one line) needed scrolling sideways to be read. */
@ExtendWith(ApplicationExtension.class)
class ImportDialogUiTest {
    Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @Test
    void aLongErrorWrapsInsideTheDialog() throws Exception {
        String error = "/tmp/corpus/weird.json: record 1: no transcript text: columns user_input, scratchpad and output"
                + " are all missing or empty; map others with --map ROLE=COLUMN (line 2)";
        ImportRunner failing = new ImportRunner() {
            @Override
            public String detect(List<Path> inputs) {
                return "generic rows (1 file)";
            }

            @Override
            public Summary run(List<Path> inputs, java.util.function.Consumer<Step> progress,
                               java.util.function.BooleanSupplier cancelled) {
                throw new org.afannotator.domain.BadInputException(null, error);
            }
        };
        ImportViewModel vm = new ImportViewModel(new SyncUiExecutor(), failing);
        ListView<?> result = fx(() -> {
            ImportDialog dialog = new ImportDialog(vm, () -> { });
            Scene scene = new Scene(dialog, 640, 520);
            Theme.LIGHT.apply(scene);
            stage.setScene(scene);
            stage.show();
            vm.add(List.of(Path.of("/tmp/corpus/weird.json")));
            vm.start();
            return (ListView<?>) scene.lookup("#import-result");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.result().stream().anyMatch(l -> l.contains("record 1")))).as(vm.result().toString()).isTrue();
        boolean sideways = fx(() -> result.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()));
        assertThat(sideways).as("a horizontal scroll bar on the result").isFalse();
        // Wrapped whole, not cut to one row with an ellipsis.
        assertThat(fx(() -> result.lookupAll(".list-cell .text").stream()
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList()))
                .as("the error as drawn").anyMatch(t -> t.endsWith("(line 2)"));
        org.afannotator.ui.FxTestSupport.screenshot(stage.getScene(), "import-dialog-error.png");
    }
}
