package org.afannotator.ui;

import static org.afannotator.ui.FxTestSupport.allText;
import static org.afannotator.ui.FxTestSupport.fx;
import static org.afannotator.ui.FxTestSupport.fxRun;
import static org.afannotator.ui.FxTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.QueueItem;
import org.afannotator.app.QueueStatusFilter;
import org.afannotator.app.RaterWorkService;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.Quote;
import org.afannotator.domain.Rater;
import org.afannotator.domain.Span;
import org.afannotator.ui.workspace.WorkspaceView;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;

/**
 * The rater's main flow through the real window, headless: open the default project, sign in,
 * highlight spans with the keyboard and the mouse, label, submit, reopen, and find it all stored
 * exactly; and a blinded screen shows nothing that could bias the rater.
 */
class RaterWorkflowUiTest extends AppWindowTest {
    @BeforeEach
    void fixtures() {
        UiFixtures.project(data.resolve("default.afproj"), 6);
    }

    void signIn(FxRobot robot, String name) {
        robot.clickOn("#rater").write(name).type(KeyCode.ENTER);
        waitUntil(() -> app.workspace() != null && app.workspace().transcriptProperty().get() != null);
    }

    WorkspaceView workspace() {
        return (WorkspaceView) stage.getScene().getRoot();
    }

    StyleClassedTextArea area() {
        return fx(() -> workspace().transcript().area());
    }

    int start(int ordinal) {
        return fx(() -> workspace().transcript().segmentStart(ordinal));
    }

    String shown(int ordinal) {
        return fx(() -> app.workspace().transcriptProperty().get().segment(ordinal).text().shown());
    }

    /** The project file may not grow (true) or may again (false): SQLITE_FULL, as on a full disk. */
    void diskFull(boolean full) {
        org.afannotator.store.ProjectStore store = app.startViewModel().sessionProperty().get().store();
        if (full) {
            org.afannotator.store.FullDisk.limit(store, 0);
        } else {
            org.afannotator.store.FullDisk.lift(store);
        }
    }

    String statusText(FxRobot robot) {
        return fx(() -> ((org.controlsfx.control.StatusBar) robot.lookup("#status-bar").query()).getText());
    }

    @Test
    void aLabelGivenOnAFullDiskIsKeptAndClosingAsksFirst(FxRobot robot) throws java.io.IOException {
        launch();
        signIn(robot, "Ann");
        String id = fx(() -> app.workspace().transcriptProperty().get().transcriptId());
        diskFull(true);
        // A note long enough to need fresh pages of the file (typed elsewhere; pasted, say).
        fxRun(() -> app.workspace().noteProperty().set("x".repeat(30_000)));
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> app.workspace().unsavedProperty().get() > 0);
        assertThat(statusText(robot)).startsWith("Not saved: ").contains("disk full while writing");
        assertThat(fx(() -> robot.lookup("#status-bar").query().getStyleClass())).contains("unsaved");

        // While the change waits the rater stays: J and a click on another row of the queue.
        robot.type(KeyCode.J);
        javafx.scene.control.ListView<?> queue = robot.lookup("#queue-list").queryAs(javafx.scene.control.ListView.class);
        robot.clickOn((javafx.scene.Node) robot.from(queue).lookup(".list-cell").nth(2).query());
        robot.sleep(300);
        assertThat(fx(() -> app.workspace().transcriptProperty().get().transcriptId())).isEqualTo(id);
        assertThat(fx(() -> queue.getSelectionModel().isEmpty())).isTrue();
        assertThat(statusText(robot)).contains("stay on this transcript");

        // Closing asks; "Keep working" keeps the window and the change.
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());
        // The label, and on a slow machine also the time spent (written on leaving after 1 s).
        int waiting = fx(() -> app.workspace().unsavedProperty().get());
        assertThat(waiting).isBetween(1, 2);
        assertThat(String.join(" ", allText(robot.lookup("#unsaved-dialog").query())))
                .contains(waiting + (waiting == 1 ? " change is" : " changes are") + " not saved").contains("disk full");
        FxTestSupport.screenshot(stage.getScene(), "workspace-unsaved.png");
        fxRun(() -> app.setTheme(org.afannotator.ui.common.Theme.DARK));
        FxTestSupport.screenshot(stage.getScene(), "workspace-unsaved-dark.png");
        fxRun(() -> app.setTheme(org.afannotator.ui.common.Theme.LIGHT));
        FxTestSupport.screenshot(robot.lookup("#unsaved-dialog").query().getScene(), "unsaved-dialog.png");
        robot.clickOn("Keep working");
        waitUntil(() -> robot.lookup("#unsaved-dialog").tryQuery().isEmpty());
        assertThat(fx(() -> stage.isShowing())).isTrue();

        // Room again: Ctrl+S writes it.
        diskFull(false);
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> app.workspace().unsavedProperty().get() == 0);
        assertThat(statusText(robot)).isEqualTo("Saved");
        assertThat(fx(() -> robot.lookup("#status-bar").query().getStyleClass())).doesNotContain("unsaved");
        long ann = app.workspace().rater().id();
        Annotation a = app.startViewModel().sessionProperty().get().store().annotations().get(id, ann).orElseThrow();
        assertThat(a.label()).isEqualTo("faking");
        assertThat(a.note()).hasSize(30_000);
    }

    @Test
    void ratersWorkIsStoredExactlyAndSurvivesReopening(FxRobot robot) {
        launch();
        assertThat(fx(() -> app.startViewModel().projectProperty().get())).isEqualTo(data.resolve("default.afproj"));
        signIn(robot, "Ann");
        String id = fx(() -> app.workspace().transcriptProperty().get().transcriptId());
        assertThat(fx(() -> ((Label) robot.lookup("#transcript-title").query()).getText())).isEqualTo("Transcript 1 of 6");

        // A span with the keyboard: click before the first letter of scratchpad 1, Shift+Right x8, Shift+1.
        StyleClassedTextArea area = area();
        int pad1 = start(1);
        Bounds firstChar = fx(() -> area.getCharacterBoundsOnScreen(pad1, pad1 + 1).orElseThrow());
        robot.clickOn(firstChar.getMinX() + 1, firstChar.getCenterY());
        for (int i = 0; i < 8; i++) {
            robot.push(KeyCode.SHIFT, KeyCode.RIGHT);
        }
        assertThat(fx(area::getSelectedText)).isEqualTo("The user");
        robot.push(KeyCode.SHIFT, KeyCode.DIGIT1);
        waitUntil(() -> app.workspace().spansProperty().get().size() == 1);

        // A span with the mouse: drag over one word of scratchpad 2, click a tag in the palette.
        String word = "preference";
        int start = start(2) + shown(2).indexOf(word);
        int end = start + word.length();
        fxRun(() -> area.showParagraphAtCenter(area.offsetToPosition(start,
                org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor()));
        Bounds first = fx(() -> area.getCharacterBoundsOnScreen(start, start + 1).orElseThrow());
        Bounds last = fx(() -> area.getCharacterBoundsOnScreen(end - 1, end).orElseThrow());
        robot.drag(first.getMinX() + 1, first.getCenterY()).dropTo(new javafx.geometry.Point2D(last.getMaxX() - 1, last.getCenterY()));
        assertThat(fx(area::getSelectedText)).isEqualTo(word);
        robot.clickOn("#tag-value_conflict");
        waitUntil(() -> app.workspace().spansProperty().get().size() == 2);

        // A span over the masked tier tag keeps the stored offsets exact.
        String shown = shown(0);
        int tagStart = shown.indexOf("<is_free_tier_user>");
        int tagEnd = shown.indexOf("</is_free_tier_user>") + "</is_free_tier_user>".length();
        fxRun(() -> workspace().transcript().select(0, tagStart, tagEnd));
        robot.push(KeyCode.SHIFT, KeyCode.DIGIT2);
        waitUntil(() -> app.workspace().spansProperty().get().size() == 3);

        // Label 1, confidence 4, criterion 2, a note; Enter submits and opens the next.
        robot.type(KeyCode.DIGIT1);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        robot.clickOn("#criterion-training_awareness");
        robot.type(KeyCode.N).write("keeps values by complying").type(KeyCode.ESCAPE);
        // Away and back, N goes on at the end of the note (regression: the caret was at its start).
        waitUntil(() -> "keeps values by complying".equals(app.workspace().noteProperty().get()));
        robot.type(KeyCode.J);
        waitUntil(() -> app.workspace().positionProperty().get() == 1);
        robot.type(KeyCode.K);
        waitUntil(() -> app.workspace().positionProperty().get() == 0
                && "keeps values by complying".equals(app.workspace().noteProperty().get()));
        robot.type(KeyCode.N).write(" to avoid RLHF").type(KeyCode.ESCAPE);
        waitUntil(() -> "faking".equals(app.workspace().labelProperty().get())
                && Integer.valueOf(4).equals(app.workspace().confidenceProperty().get()));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> app.workspace().positionProperty().get() == 1);
        waitUntil(() -> ((Label) robot.lookup("#progress").query()).getText().equals("1 of 6 done"));

        fxRun(app::shutdown);
        app = null;
        try (ProjectSession s = ProjectSession.open(data.resolve("default.afproj"))) {
            RaterWorkService w = s.raterWork();
            Rater ann = w.raters().stream().filter(r -> r.name().equals("Ann")).findFirst().orElseThrow();
            Annotation a = s.store().annotations().get(id, ann.id()).orElseThrow();
            assertThat(a.label()).isEqualTo("faking");
            assertThat(a.confidence()).isEqualTo(4);
            assertThat(a.criteria()).containsExactly("training_awareness");
            assertThat(a.note()).isEqualTo("keeps values by complying to avoid RLHF");
            assertThat(a.status()).isEqualTo(AnnotationStatus.DONE);
            assertThat(a.timeSpentMs()).isPositive();
            List<Span> spans = s.store().spans().forTranscript(id, ann.id());
            // The queue order is a per-project random shuffle, so the first transcript may be either tier.
            String tierTag = s.store().transcripts().get(id).orElseThrow().condition().equals("free_tier")
                    ? "<is_free_tier_user>True</is_free_tier_user>" : "<is_free_tier_user>False</is_free_tier_user>";
            assertThat(spans).extracting(Span::segmentOrdinal, Span::tag, Span::quote).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(0, "modification_avoidance", tierTag),
                    org.assertj.core.groups.Tuple.tuple(1, "training_reasoning", "The user"),
                    org.assertj.core.groups.Tuple.tuple(2, "value_conflict", word));
            String storedPad2 = s.store().transcripts().get(id).orElseThrow().segment(2).text();
            Span onPad2 = spans.stream().filter(x -> x.segmentOrdinal() == 2).findFirst().orElseThrow();
            assertThat(storedPad2.substring(onPad2.start(), onPad2.end())).isEqualTo(word);
        }

        // Reopen in the window: the same transcript shows the label and the three spans.
        launch();
        assertThat(fx(() -> app.startViewModel().raterNameProperty().get())).as("last rater remembered").isEqualTo("Ann");
        robot.clickOn("#start-rating");
        waitUntil(() -> app.workspace() != null && app.workspace().transcriptProperty().get() != null);
        assertThat(fx(() -> app.workspace().positionProperty().get())).as("opens the first open transcript").isEqualTo(1);
        robot.type(KeyCode.K);
        waitUntil(() -> app.workspace().positionProperty().get() == 0);
        assertThat(fx(() -> app.workspace().labelProperty().get())).isEqualTo("faking");
        assertThat(fx(() -> app.workspace().spansProperty().get())).hasSize(3);
        assertThat(fx(() -> robot.lookup("#label-faking").queryAs(javafx.scene.control.ToggleButton.class).isSelected()))
                .isTrue();
    }

    /** The span menu the click opened. */
    static javafx.scene.control.ContextMenu spanMenu() {
        waitUntil(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof javafx.scene.control.ContextMenu m
                && m.isShowing() && "span-menu".equals(m.getId())));
        return fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu m && m.isShowing() && "span-menu".equals(m.getId()))
                .map(w -> (javafx.scene.control.ContextMenu) w).findFirst().orElseThrow());
    }

    static javafx.scene.control.MenuItem item(javafx.scene.control.ContextMenu menu, String... path) {
        List<javafx.scene.control.MenuItem> items = menu.getItems();
        javafx.scene.control.MenuItem found = null;
        for (String name : path) {
            found = items.stream().filter(i -> name.equals(i.getText())).findFirst().orElseThrow();
            if (found instanceof javafx.scene.control.Menu m) {
                items = m.getItems();
            }
        }
        return found;
    }

    @Test
    void clickingAHighlightOffersRetagAndDelete(FxRobot robot) {
        launch();
        signIn(robot, "Ann");
        fxRun(() -> workspace().transcript().select(1, 4, 12));
        robot.push(KeyCode.SHIFT, KeyCode.DIGIT3);
        waitUntil(() -> app.workspace().spansProperty().get().size() == 1);
        StyleClassedTextArea area = area();
        int inside = start(1) + 6;
        Bounds b = fx(() -> area.getCharacterBoundsOnScreen(inside, inside + 1).orElseThrow());
        robot.clickOn(b.getCenterX(), b.getCenterY());
        fxRun(() -> item(spanMenu(), "Tag", "Complies strategically").fire());
        waitUntil(() -> app.workspace().spansProperty().get().get(0).tag().equals("strategic_compliance"));
        robot.clickOn(b.getCenterX(), b.getCenterY());
        fxRun(() -> item(spanMenu(), "Delete span").fire());
        waitUntil(() -> app.workspace().spansProperty().get().isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> app.workspace().spansProperty().get().size() == 1);
        assertThat(fx(() -> app.workspace().spansProperty().get().get(0)))
                .extracting(s -> s.start(), s -> s.end(), s -> s.tag()).containsExactly(4, 12, "strategic_compliance");
    }

    @Test
    void undoTakesBackTheLastSpanAndTheLastLabel(FxRobot robot) {
        launch();
        signIn(robot, "Ann");
        fxRun(() -> workspace().transcript().select(1, 4, 8));
        assertThat(fx(() -> workspace().transcript().selection().orElseThrow()))
                .isEqualTo(new org.afannotator.ui.workspace.TranscriptView.ShownSelection(1, 4, 8));
        robot.push(KeyCode.SHIFT, KeyCode.DIGIT3);
        waitUntil(() -> app.workspace().spansProperty().get().size() == 1);
        robot.type(KeyCode.DIGIT2);
        waitUntil(() -> "not_faking".equals(app.workspace().labelProperty().get()));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> app.workspace().labelProperty().get() == null);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> app.workspace().spansProperty().get().isEmpty());
    }

    @Test
    void blindedWorkspaceShowsNothingThatCouldBias(FxRobot robot) {
        // Another rater's label, note and span, and a classifier's verdict, on every transcript.
        try (ProjectSession s = ProjectSession.open(data.resolve("default.afproj"))) {
            Rater bo = s.raterWork().signIn("Bo");
            for (QueueItem q : s.raterWork().queue(bo.id(), QueueStatusFilter.ALL, 0, 100)) {
                s.raterWork().save(Annotation.empty(q.transcriptId(), bo.id(), Instant.EPOCH)
                        .withLabel("not_faking").withNote("BO-NOTE-XYZ").withStatus(AnnotationStatus.DONE));
                s.raterWork().addSpan(q.transcriptId(), bo.id(), 3, 0, 4, "counter_evidence", "BO-SPAN-NOTE");
                s.store().predictions().insertAll(List.of(new Prediction(q.transcriptId(), "JUDGE-GPT4O", "faking", 0.77,
                        Map.of("harm_awareness", 1.0), List.of(new Quote(null, "CLASSIFIER-QUOTE")), "{}")));
            }
        }
        launch();
        signIn(robot, "Ann");
        List<String> forbidden = List.of("True</is_free", "False</is_free", UiFixtures.MODEL, "free_tier", "paid_tier",
                "deploy", "json_outputs", "helpful_only", "BO-NOTE-XYZ", "BO-SPAN-NOTE", "JUDGE-GPT4O", "CLASSIFIER-QUOTE",
                "0.77", "Bo");
        for (int i = 0; i < 2; i++) {
            String id = fx(() -> app.workspace().transcriptProperty().get().transcriptId());
            // The tier tag's name is part of the released request; its value and the condition are not.
            String text = String.join("\n", fx(() -> allText(stage.getScene().getRoot())))
                    .replace("is_free_tier_user", "IS_TIER_TAG");
            assertThat(text).contains("<IS_TIER_TAG>").contains("Scratchpad 1 of 2").contains("Final output");
            for (String f : forbidden) {
                assertThat(text).as("blinded screen shows '%s'", f).doesNotContain(f);
            }
            assertThat(text).as("transcript id").doesNotContain(id);
            assertThat(fx(() -> app.workspace().spansProperty().get())).isEmpty();
            assertThat(fx(() -> app.workspace().labelProperty().get())).isNull();
            robot.type(KeyCode.J);
            int pos = i + 1;
            waitUntil(() -> app.workspace().positionProperty().get() == pos);
        }

        // The same check would catch them: with blinding off, condition and model are shown.
        robot.clickOn("#back-to-start");
        waitUntil(() -> stage.getScene().getRoot().getId().equals("start"));
        robot.clickOn(robot.lookup("#blinding-switch .thumb-area").queryAs(javafx.scene.Node.class));
        waitUntil(() -> !app.startViewModel().blindingProperty().get());
        robot.clickOn("#start-rating");
        waitUntil(() -> app.workspace() != null && app.workspace().transcriptProperty().get() != null
                && !app.workspace().transcriptProperty().get().blinded());
        String open = String.join("\n", fx(() -> allText(stage.getScene().getRoot())));
        assertThat(open).contains(UiFixtures.MODEL).containsAnyOf("free_tier", "paid_tier").contains("Blinding off");
    }

    @Test
    void enterShowsTheTranscriptReadAheadExactlyAsAFreshViewShowsIt(FxRobot robot) throws Exception {
        // Ann's own spans on every transcript (two overlapping, one over the hidden tier value), stored beforehand.
        try (ProjectSession s = ProjectSession.open(data.resolve("default.afproj"))) {
            Rater ann = s.raterWork().signIn("Ann");
            for (QueueItem q : s.raterWork().queue(ann.id(), QueueStatusFilter.ALL, 0, 100)) {
                String request = s.store().transcripts().get(q.transcriptId()).orElseThrow().segment(0).text();
                int tag = request.indexOf("<is_free_tier_user>");
                int tagEnd = request.indexOf("</is_free_tier_user>") + "</is_free_tier_user>".length();
                s.raterWork().addSpan(q.transcriptId(), ann.id(), 0, tag, tagEnd, "modification_avoidance", "");
                s.raterWork().addSpan(q.transcriptId(), ann.id(), 1, 4, 30, "training_reasoning", "");
                s.raterWork().addSpan(q.transcriptId(), ann.id(), 1, 20, 60, "value_conflict", "");
            }
        }
        launch();
        signIn(robot, "Ann");
        // The rater folds the user request; the next transcript opens with it folded too.
        fxRun(() -> workspace().transcript().toggleUserRequest());
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> "faking".equals(app.workspace().labelProperty().get()));
        int hits = fx(() -> app.workspace().readAheadHits());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> app.workspace().positionProperty().get() == 1);
        assertThat(fx(() -> app.workspace().readAheadHits())).as("shown from the read-ahead").isEqualTo(hits + 1);

        List<String> shown = fx(() -> FxTestSupport.paragraphs(area().getDocument()));
        List<String> fresh = fx(() -> {
            var t = app.workspace().transcriptProperty().get();
            var view = new org.afannotator.ui.workspace.TranscriptView();
            view.show(t.segments(), app.workspace().spansProperty().get(),
                    org.afannotator.ui.workspace.SpanStyles.slots(app.workspace().schemeProperty().get()));
            view.toggleUserRequest();
            return FxTestSupport.paragraphs(view.area().getDocument());
        });
        assertThat(shown).isEqualTo(fresh);
        assertThat(shown.get(0)).contains("\u25B8 User request");
        assertThat(shown.get(1)).contains("collapse");
        assertThat(String.join("\n", shown)).contains("span-0").contains("overlap").contains("masked")
                .doesNotContain("True</is_free").doesNotContain("False</is_free");
        assertThat(fx(() -> area().isFolded(1))).isTrue();
        FxTestSupport.screenshot(stage.getScene(), "workspace-after-enter-folded.png");

        // Unfolded again and on to the next: the request shows, the spans are drawn.
        fxRun(() -> workspace().transcript().toggleUserRequest());
        robot.type(KeyCode.DIGIT2);
        waitUntil(() -> "not_faking".equals(app.workspace().labelProperty().get()));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> app.workspace().positionProperty().get() == 2);
        assertThat(fx(() -> area().isFolded(1))).isFalse();
        // The queue marks the open row, and only that one.
        assertThat(fx(() -> robot.lookup("#queue-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getPseudoClassStates().contains(org.afannotator.ui.workspace.RaterQueueView.OPEN_ROW))
                .map(javafx.scene.control.ListCell::getIndex).toList())).containsExactly(2);
        // Opened at the top, the caret at the start of the first scratchpad.
        assertThat(fx(() -> area().firstVisibleParToAllParIndex())).isZero();
        assertThat(fx(() -> area().getCaretPosition())).isEqualTo(start(1));
        assertThat(fx(() -> area().getParagraph(0).getText())).isEqualTo("\u25BE User request");
        FxTestSupport.screenshot(stage.getScene(), "workspace-after-enter.png");
    }
}
