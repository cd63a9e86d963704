package org.afannotator.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.afannotator.domain.LabelScheme;

/** The keyboard shortcuts, on {@code ?}. */
public final class ShortcutSheet {
    private ShortcutSheet() {
    }

    /** Key and what it does, in the order shown. */
    static List<String[]> rows(LabelScheme scheme) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < scheme.labels().size(); i++) {
            rows.add(new String[] {Integer.toString(i + 1), "Label: " + scheme.labels().get(i).name()});
        }
        rows.add(new String[] {"Ctrl+1 \u2026 Ctrl+5", "Confidence 1 (a guess) to 5 (certain)"});
        for (int i = 0; i < scheme.criteria().size() && i < 9; i++) {
            rows.add(new String[] {"Alt+" + (i + 1), "Criterion: " + scheme.criteria().get(i).name()});
        }
        for (int i = 0; i < scheme.tags().size() && i < 9; i++) {
            rows.add(new String[] {"Shift+" + (i + 1), "Tag the selected text: " + scheme.tags().get(i).name()});
        }
        rows.add(new String[] {"Shift+arrows", "Select text (in the transcript)"});
        rows.add(new String[] {"Click a highlight", "Change its tag, add a note, delete it"});
        rows.add(new String[] {"Delete", "Delete the span at the caret"});
        rows.add(new String[] {"Enter", "Submit and open the next transcript"});
        rows.add(new String[] {"Ctrl+Enter", "Submit, from the note"});
        rows.add(new String[] {"S", "Skip"});
        rows.add(new String[] {"J / \u2193", "Next transcript"});
        rows.add(new String[] {"K / \u2191", "Previous transcript"});
        rows.add(new String[] {"N", "Type a note (Esc leaves it)"});
        rows.add(new String[] {"Ctrl+Z", "Undo the last change"});
        rows.add(new String[] {"Ctrl+S", "Save now (tries again what the disk refused)"});
        rows.add(new String[] {"?", "This sheet"});
        return rows;
    }

    public static void show(Node owner, LabelScheme scheme) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        int r = 0;
        for (String[] row : rows(scheme)) {
            Label key = new Label(row[0]);
            key.getStyleClass().add("shortcut-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(row[1]);
            what.setWrapText(true);
            what.setMaxWidth(460);
            what.setMinHeight(Region.USE_PREF_SIZE);
            grid.addRow(r++, key, what);
        }
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        // Scrolls rather than running off a small screen (the sheet is about 750 px tall).
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // about 26 px a row, as the app's font draws them (the grid has no size before it is shown)
        double tall = grid.getRowCount() * 26.0 + 48; // and room for a wrapped row
        scroll.setPrefViewportHeight(Math.min(tall, Math.max(200, screen.getHeight() - 220)));
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        alert.getDialogPane().setId("shortcut-sheet");
        alert.initOwner(owner.getScene().getWindow());
        alert.show();
    }
}
