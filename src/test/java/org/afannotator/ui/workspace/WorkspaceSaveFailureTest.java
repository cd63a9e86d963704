package org.afannotator.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.afannotator.app.RaterWorkService;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Rater;
import org.afannotator.domain.SchemeEntry;
import org.afannotator.store.FullDisk;
import org.afannotator.store.ProjectStore;
import org.afannotator.ui.UiFixtures;
import org.afannotator.ui.common.QueuedUiExecutor;
import org.afannotator.ui.common.SyncUiExecutor;
import org.afannotator.ui.common.UiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change the project cannot take (the disk is full) is kept and written again, in order, before
 * every later change and on Ctrl+S, so a rater who has moved on loses nothing once there is room.
 */
class WorkspaceSaveFailureTest {
    /** A note that needs fresh pages of the project file: a full disk refuses it. */
    static final String LONG_NOTE = "reasoning about training ".repeat(1200);

    @TempDir
    Path dir;
    ProjectStore store;
    RaterWorkService service;
    Rater ann;
    final AtomicLong now = new AtomicLong(1_000_000);

    @BeforeEach
    void open() {
        UiFixtures.project(dir.resolve("p.afproj"), 5);
        store = ProjectStore.open(dir.resolve("p.afproj"));
        service = new RaterWorkService(store, Clock.systemUTC());
        ann = service.signIn("Ann");
    }

    @AfterEach
    void close() {
        store.close();
    }

    WorkspaceViewModel start(UiExecutor executor) {
        WorkspaceViewModel vm = new WorkspaceViewModel(executor, service, ann, now::get);
        vm.start();
        return vm;
    }

    void diskFull() {
        FullDisk.limit(store, 0);
    }

    void roomAgain() {
        FullDisk.lift(store);
    }

    Annotation stored(String id) {
        return store.annotations().get(id, ann.id()).orElse(null);
    }

    static String current(WorkspaceViewModel vm) {
        return vm.transcriptProperty().get().transcriptId();
    }

    @Test
    void aLabelAndSubmitThatFailAfterEnterMovedOnAreWrittenWithTheNextChangeOnceThereIsRoom() {
        QueuedUiExecutor queued = new QueuedUiExecutor();
        WorkspaceViewModel vm = start(queued);
        queued.runAll();
        String first = current(vm);
        diskFull();
        vm.noteProperty().set(LONG_NOTE);
        vm.chooseLabel("faking");
        // Enter before the label's write has failed: the next transcript, read ahead, shows at once.
        vm.submit();
        String second = current(vm);
        assertThat(second).isNotEqualTo(first);
        queued.runAll();
        // The label and the submit wait, in order.
        assertThat(stored(first)).isNull();
        assertThat(vm.unsavedProperty().get()).isEqualTo(2);
        assertThat(vm.saveStateProperty().get()).startsWith("Not saved").contains("2 changes");
        assertThat(vm.messageProperty().get()).contains("disk full");
        assertThat(vm.unsavedReason()).contains("disk full while writing");

        roomAgain();
        vm.chooseLabel("not_faking");
        queued.runAll();
        Annotation a = stored(first);
        assertThat(a.label()).isEqualTo("faking");
        assertThat(a.status()).isEqualTo(AnnotationStatus.DONE);
        assertThat(a.note()).isEqualTo(LONG_NOTE);
        assertThat(stored(second).label()).isEqualTo("not_faking");
        assertThat(vm.unsavedProperty().get()).isZero();
        assertThat(vm.saveStateProperty().get()).isEqualTo("Saved");
        assertThat(vm.messageProperty().get()).isEmpty();
        // The earlier transcript's writes did not reach the fields of the one shown now.
        assertThat(vm.labelProperty().get()).isEqualTo("not_faking");
        assertThat(vm.statusProperty().get()).isEqualTo(AnnotationStatus.IN_PROGRESS);
        assertThat(service.progress(ann.id())).isEqualTo(vm.progressProperty().get());
    }

    @Test
    void saveNowWritesWhatWaits() {
        WorkspaceViewModel vm = start(new SyncUiExecutor());
        String first = current(vm);
        diskFull();
        vm.noteProperty().set(LONG_NOTE);
        vm.chooseLabel("faking");
        vm.saveNow();
        assertThat(vm.unsavedProperty().get()).isEqualTo(1);
        assertThat(stored(first)).isNull();

        roomAgain();
        vm.saveNow();
        assertThat(vm.unsavedProperty().get()).isZero();
        assertThat(vm.saveStateProperty().get()).isEqualTo("Saved");
        assertThat(stored(first).label()).isEqualTo("faking");
        assertThat(stored(first).note()).isEqualTo(LONG_NOTE);
    }

    @Test
    void theRaterStaysOnATranscriptWhileItsChangesWaitSoNoStaleReadCanUndoThem() {
        WorkspaceViewModel vm = start(new SyncUiExecutor());
        String first = current(vm);
        diskFull();
        vm.noteProperty().set(LONG_NOTE);
        vm.chooseLabel("faking");
        vm.next();
        vm.previous();
        assertThat(current(vm)).isEqualTo(first);
        assertThat(vm.messageProperty().get()).contains("stay on this transcript");
        // Undo would go back past a change not written: it waits too.
        vm.undo();
        assertThat(vm.labelProperty().get()).isEqualTo("faking");
        now.addAndGet(5_000);
        vm.next();
        assertThat(current(vm)).isEqualTo(first);

        roomAgain();
        vm.saveNow();
        assertThat(vm.unsavedProperty().get()).isZero();
        Annotation a = stored(first);
        assertThat(a.label()).isEqualTo("faking");
        assertThat(a.note()).isEqualTo(LONG_NOTE);
        vm.next();
        assertThat(current(vm)).isNotEqualTo(first);
        vm.previous();
        assertThat(vm.labelProperty().get()).isEqualTo("faking");
        assertThat(vm.noteProperty().get()).isEqualTo(LONG_NOTE);
    }

    @Test
    void submittingOnAFullDiskStaysAndEnterAfterCtrlSMovesOn() {
        WorkspaceViewModel vm = start(new SyncUiExecutor());
        for (int i = 0; i < 4; i++) {
            vm.chooseLabel("faking");
            vm.submit();
        }
        String last = current(vm);
        diskFull();
        vm.noteProperty().set(LONG_NOTE);
        vm.chooseLabel("faking");
        vm.submit();
        assertThat(current(vm)).isEqualTo(last);
        assertThat(vm.allDoneProperty().get()).isFalse();
        assertThat(vm.labelProperty().get()).isEqualTo("faking");

        roomAgain();
        vm.saveNow();
        assertThat(stored(last).status()).isEqualTo(AnnotationStatus.DONE);
        vm.submit();
        assertThat(vm.allDoneProperty().get()).isTrue();
        assertThat(service.progress(ann.id()).done()).isEqualTo(5);
        assertThat(vm.progressProperty().get()).isEqualTo(service.progress(ann.id()));
    }

    @Test
    void leavingWritesTheNoteNotYetCommittedAndCountsItIfTheDiskRefusesIt() {
        WorkspaceViewModel vm = start(new SyncUiExecutor());
        String first = current(vm);
        diskFull();
        // Typed; the pause after which the view commits it has not come yet.
        vm.noteProperty().set(LONG_NOTE);
        assertThat(vm.unsavedProperty().get()).isZero();
        boolean[] settled = {false};
        vm.prepareToLeave(() -> settled[0] = true);
        assertThat(settled[0]).isTrue();
        assertThat(vm.unsavedProperty().get()).isEqualTo(1);
        assertThat(vm.unsavedReason()).contains("disk full");

        roomAgain();
        vm.prepareToLeave(() -> { });
        assertThat(vm.unsavedProperty().get()).isZero();
        assertThat(stored(first).note()).isEqualTo(LONG_NOTE);
    }

    @Test
    void aRefusalInTheSameRunAsAWriteThatWaitsIsReportedAndTheFieldsReadBackOnceWritten() {
        WorkspaceViewModel vm = start(new SyncUiExecutor());
        String first = current(vm);
        vm.addSpan(1, 4, 12, "training_reasoning");
        long spanId = vm.spansProperty().get().get(0).id();
        // Another window renames a tag after this one read the scheme: a retag to it is refused.
        LabelScheme s = service.labelScheme();
        List<SchemeEntry> tags = s.tags().stream()
                .map(e -> e.code().equals("value_conflict") ? new SchemeEntry("value_conflict_v2", e.name()) : e).toList();
        store.settings().setLabelScheme(new LabelScheme(s.labels(), s.criteria(), tags));
        diskFull();
        vm.noteProperty().set(LONG_NOTE);
        vm.commitNote();
        vm.retagSpan(spanId, "value_conflict");
        vm.chooseLabel("faking");
        assertThat(vm.unsavedProperty().get()).isEqualTo(3);

        // Room for the note only (it needs 6-8 fresh pages, the label's history row more; passes
        // from 8 to 13): in one run the note is written, the retag refused, the label waits.
        FullDisk.limit(store, 10);
        vm.saveNow();
        assertThat(stored(first).note()).isEqualTo(LONG_NOTE);
        assertThat(vm.unsavedProperty().get()).isEqualTo(1);
        assertThat(vm.messageProperty().get()).contains("'value_conflict' is not a span tag");
        // Not read back while the label waits: the fields still show it.
        assertThat(vm.labelProperty().get()).isEqualTo("faking");

        roomAgain();
        vm.saveNow();
        assertThat(vm.unsavedProperty().get()).isZero();
        assertThat(stored(first).label()).isEqualTo("faking");
        assertThat(vm.labelProperty().get()).isEqualTo("faking");
        assertThat(vm.noteProperty().get()).isEqualTo(LONG_NOTE);
        assertThat(vm.spansProperty().get()).extracting(ShownSpan::tag).containsExactly("training_reasoning");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "undo asked for again: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void anUndoOfSubmitRefusedWhileChangesWaitIsKeptAndNotAppliedLaterUnasked(boolean undoAgain) {
        WorkspaceViewModel vm = start(new SyncUiExecutor());
        String first = current(vm);
        vm.chooseLabel("faking");
        vm.submit();
        diskFull();
        // A note typed on the next transcript, not yet committed: undo's move writes it, and it waits.
        vm.noteProperty().set(LONG_NOTE);
        vm.undo();
        assertThat(current(vm)).isNotEqualTo(first);
        assertThat(vm.unsavedProperty().get()).isEqualTo(1);
        assertThat(vm.canUndoProperty().get()).as("the undo of the submit is still there").isTrue();

        roomAgain();
        vm.saveNow();
        if (undoAgain) {
            // Asked for again, undo takes back the note written meanwhile, then the submit.
            String second = current(vm);
            vm.undo();
            assertThat(current(vm)).isEqualTo(second);
            assertThat(stored(second).note()).isEmpty();
            vm.undo();
            assertThat(current(vm)).isEqualTo(first);
            assertThat(stored(first).status()).isEqualTo(AnnotationStatus.IN_PROGRESS);
        } else {
            // Only looking: the submit stands.
            vm.previous();
            assertThat(current(vm)).isEqualTo(first);
            assertThat(stored(first).status()).isEqualTo(AnnotationStatus.DONE);
        }
    }

    @Test
    void aSpanDrawnOnAFullDiskAppearsOnceWritten() {
        WorkspaceViewModel vm = start(new SyncUiExecutor());
        diskFull();
        vm.noteProperty().set(LONG_NOTE);
        vm.commitNote();
        vm.addSpan(1, 4, 12, "training_reasoning");
        assertThat(vm.spansProperty().get()).isEmpty();
        assertThat(vm.unsavedProperty().get()).isEqualTo(2);

        roomAgain();
        vm.saveNow();
        assertThat(vm.spansProperty().get()).extracting(ShownSpan::start, ShownSpan::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 12));
        assertThat(store.spans().forTranscript(current(vm), ann.id())).hasSize(1);
        // Undo knows the span now: it takes it back.
        vm.undo();
        assertThat(store.spans().forTranscript(current(vm), ann.id())).isEmpty();
    }

    @Test
    void aChangeRefusedAsBadInputIsReportedAndNotTriedAgain() {
        WorkspaceViewModel vm = start(new SyncUiExecutor());
        String first = current(vm);
        // Another window takes the label "faking" out of the scheme after this one read it.
        LabelScheme s = service.labelScheme();
        List<SchemeEntry> labels = s.labels().stream()
                .map(e -> e.code().equals("faking") ? new SchemeEntry("faking_v2", e.name()) : e).toList();
        store.settings().setLabelScheme(new LabelScheme(labels, s.criteria(), s.tags()));

        vm.chooseLabel("faking");
        assertThat(vm.messageProperty().get()).contains("'faking' is not a label");
        assertThat(vm.unsavedProperty().get()).isZero();
        vm.chooseLabel("not_faking");
        assertThat(stored(first).label()).isEqualTo("not_faking");
        assertThat(vm.saveStateProperty().get()).isEqualTo("Saved");
    }

    @Test
    void aSaveFinishingAfterEnterShowedTheNextTranscriptLeavesItAlone() {
        QueuedUiExecutor queued = new QueuedUiExecutor();
        WorkspaceViewModel vm = start(queued);
        queued.runAll();
        String first = current(vm);
        vm.chooseLabel("faking");
        queued.runAll();
        // Enter: the next transcript was read ahead, so it shows before the submit is written.
        vm.submit();
        assertThat(current(vm)).isNotEqualTo(first);
        assertThat(vm.statusProperty().get()).isEqualTo(AnnotationStatus.TODO);
        queued.runAll();
        assertThat(stored(first).status()).isEqualTo(AnnotationStatus.DONE);
        assertThat(vm.statusProperty().get()).isEqualTo(AnnotationStatus.TODO);
        assertThat(vm.labelProperty().get()).isNull();
        assertThat(vm.saveStateProperty().get()).isEqualTo("Saved");
    }
}
