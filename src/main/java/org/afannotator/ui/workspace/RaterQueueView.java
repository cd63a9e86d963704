package org.afannotator.ui.workspace;

import java.util.function.IntConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.afannotator.app.QueueItem;
import org.afannotator.app.QueueProgress;
import org.afannotator.app.QueueStatusFilter;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.LabelScheme;
import org.afannotator.ui.common.Icons;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The rater's queue: progress, a status filter and a virtualised list of the entries. */
public final class RaterQueueView extends VBox {
    /** The row of the transcript open in the workspace. */
    public static final PseudoClass OPEN_ROW = PseudoClass.getPseudoClass("open");
    private final ListView<QueueItem> list = new ListView<>();
    private final Label progressText = new Label();
    private final ProgressBar bar = new ProgressBar(0);

    public RaterQueueView(RaterQueueViewModel vm, WorkspaceViewModel work, IntConsumer open) {
        super(8);
        getStyleClass().add("queue-pane");
        setId("queue");
        setPrefWidth(230);
        setMinWidth(180);

        Label title = new Label("Your queue");
        title.getStyleClass().add("section-title");
        progressText.setId("progress");
        progressText.getStyleClass().add("muted");
        bar.setMaxWidth(Double.MAX_VALUE);
        work.progressProperty().addListener((o, a, p) -> showProgress(p));
        showProgress(work.progressProperty().get());

        ComboBox<QueueStatusFilter> filter = new ComboBox<>();
        filter.setId("queue-filter");
        filter.getItems().setAll(QueueStatusFilter.values());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(QueueStatusFilter f) {
                return f == null ? "" : switch (f) {
                    case ALL -> "All";
                    case TODO -> "To do";
                    case IN_PROGRESS -> "In progress";
                    case DONE -> "Done";
                    case SKIPPED -> "Skipped";
                };
            }

            @Override
            public QueueStatusFilter fromString(String s) {
                return null;
            }
        });
        filter.setValue(vm.filterProperty().get());
        filter.setMaxWidth(Double.MAX_VALUE);
        filter.setFocusTraversable(false);
        filter.valueProperty().addListener((o, a, f) -> vm.setFilter(f));
        Label showLabel = new Label("Show");
        HBox filterRow = new HBox(8, showLabel, filter);
        filterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(filter, Priority.ALWAYS);

        list.setId("queue-list");
        list.setItems(vm.items());
        list.setFixedCellSize(30);
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label("Nothing here"));
        list.setCellFactory(l -> new QueueCell(work));
        list.setOnMouseClicked(e -> {
            QueueItem q = list.getSelectionModel().getSelectedItem();
            if (q != null) {
                open.accept(q.position());
                if (work.unsavedProperty().get() > 0) {
                    // Refused while changes wait (the status bar says why): no row but the open one marked.
                    list.getSelectionModel().clearSelection();
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        work.positionProperty().addListener((o, a, p) -> selectPosition(vm, p.intValue()));
        work.changesProperty().addListener((o, a, b) -> vm.refresh());

        getChildren().addAll(title, progressText, bar, filterRow, list);
        setPadding(new Insets(10));
    }

    public ListView<QueueItem> list() {
        return list;
    }

    private void showProgress(QueueProgress p) {
        progressText.setText(p.toString());
        bar.setProgress(p.total() == 0 ? 0 : (double) p.done() / p.total());
    }

    /**
     * Keeps the open transcript's row in view. The row is marked by its cell ({@code :open}), not
     * selected: in JavaFX 21 a selection change lays the whole list out, and that sums the row
     * heights from the top to the selected row (50,000 rows deep in a 100k queue) on every Enter.
     */
    private void selectPosition(RaterQueueViewModel vm, int position) {
        if (!list.getSelectionModel().isEmpty()) {
            list.getSelectionModel().clearSelection(); // left by a click on a row
        }
        if (vm.filterProperty().get() == QueueStatusFilter.ALL && position >= 0 && position < list.getItems().size()
                && !onScreen(position)) {
            // Scrolling redraws every row; while the row is on screen only its mark moves.
            list.scrollTo(Math.max(0, position - 5));
        }
    }

    /** Whether row {@code index} is on screen with a row to spare above and below. */
    private boolean onScreen(int index) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            return first != null && last != null && index > first.getIndex() && index < last.getIndex();
        }
        return false;
    }

    /** "#12  ✓  faking": place, status, the rater's own label; nothing else. */
    private static final class QueueCell extends ListCell<QueueItem> {
        private final WorkspaceViewModel work;
        /** One icon per cell, its glyph and colour changed with the status (no new node per update). */
        private final FontIcon icon = Icons.of(MaterialDesignC.CIRCLE_OUTLINE);
        private AnnotationStatus shownStatus;
        private final InvalidationListener positionChanged = o -> showOpen();

        QueueCell(WorkspaceViewModel work) {
            this.work = work;
            // Weak: a cell the list drops is not kept alive by the view model.
            work.positionProperty().addListener(new WeakInvalidationListener(positionChanged));
            // A cell as wide as the list, never wider: long labels end in an ellipsis instead of
            // giving the queue a horizontal scroll bar.
            setPrefWidth(0);
            setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        }

        @Override
        protected void updateItem(QueueItem q, boolean empty) {
            super.updateItem(q, empty);
            showOpen();
            if (empty) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (q == null) {
                setText("\u2026");
                setGraphic(null);
                return;
            }
            LabelScheme scheme = work.schemeProperty().get();
            String label = q.label() == null ? "" : scheme.label(q.label()).map(e -> e.name()).orElse(q.label());
            setText("#" + (q.position() + 1) + "   " + label);
            showStatus(q.status());
            setGraphic(icon);
        }

        /** Marks the row of the transcript open in the workspace. */
        private void showOpen() {
            QueueItem q = getItem();
            pseudoClassStateChanged(OPEN_ROW, !isEmpty() && q != null && q.position() == work.positionProperty().get());
        }

        private void showStatus(AnnotationStatus s) {
            if (s == shownStatus) {
                return;
            }
            if (shownStatus != null) {
                icon.getStyleClass().remove(styleClass(shownStatus));
            }
            shownStatus = s;
            icon.setIconCode(switch (s) {
                case TODO -> MaterialDesignC.CIRCLE_OUTLINE;
                case IN_PROGRESS -> MaterialDesignP.PROGRESS_PENCIL;
                case DONE -> MaterialDesignC.CHECK_CIRCLE;
                case SKIPPED -> MaterialDesignS.SKIP_NEXT_CIRCLE_OUTLINE;
            });
            icon.getStyleClass().add(styleClass(s));
        }

        private static String styleClass(AnnotationStatus s) {
            return "status-" + s.name().toLowerCase().replace('_', '-');
        }
    }
}
