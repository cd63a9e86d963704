package org.afannotator.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.afannotator.app.QueueItem;
import org.afannotator.app.QueueStatusFilter;
import org.afannotator.app.RaterWorkService;
import org.afannotator.app.ShownText;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Rater;
import org.afannotator.domain.Span;
import org.afannotator.store.ProjectStore;
import org.afannotator.ui.UiFixtures;
import org.afannotator.ui.common.SyncUiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceViewModelTest {
    @TempDir
    Path dir;
    ProjectStore store;
    RaterWorkService service;
    Rater ann;
    final AtomicLong now = new AtomicLong(1_000_000);
    WorkspaceViewModel vm;
    final SyncUiExecutor sync = new SyncUiExecutor();

    SyncUiExecutor executor() {
        return sync;
    }

    @BeforeEach
    void open() {
        UiFixtures.project(dir.resolve("p.afproj"), 5);
        store = ProjectStore.open(dir.resolve("p.afproj"));
        service = new RaterWorkService(store, Clock.systemUTC());
        ann = service.signIn("Ann");
        vm = new WorkspaceViewModel(sync, service, ann, now::get);
        vm.start();
    }

    @AfterEach
    void close() {
        store.close();
    }

    String current() {
        return vm.transcriptProperty().get().transcriptId();
    }

    Annotation stored(String id) {
        return store.annotations().get(id, ann.id()).orElseThrow();
    }

    @Test
    void startOpensTheFirstTranscriptOfTheRatersOwnQueue() {
        List<QueueItem> queue = service.queue(ann.id(), QueueStatusFilter.ALL, 0, 10);
        assertThat(current()).isEqualTo(queue.get(0).transcriptId());
        assertThat(vm.titleProperty().get()).isEqualTo("Transcript 1 of 5");
        assertThat(vm.progressProperty().get()).hasToString("0 of 5 done");
    }

    /**
     * Regression: keys typed after Enter, before the next transcript was read, went to the one just
     * submitted (its label changed after the fact) instead of to the next.
     */
    @Test
    void keysTypedWhileTheNextTranscriptIsReadGoToItInOrder() {
        org.afannotator.ui.common.QueuedUiExecutor held = new org.afannotator.ui.common.QueuedUiExecutor();
        vm = new WorkspaceViewModel(held, service, ann, now::get);
        vm.start();
        held.runAll();
        List<QueueItem> queue = service.queue(ann.id(), QueueStatusFilter.ALL, 0, 10);
        vm.chooseLabelByKey(1);
        vm.submit(); // the second was read ahead: shown at once
        assertThat(current()).isEqualTo(queue.get(1).transcriptId());
        vm.chooseLabelByKey(2);
        vm.submit(); // nothing read ahead yet: the third is read now
        vm.chooseLabelByKey(1); // typed before it shows
        vm.setConfidence(4);
        vm.submit();
        assertThat(current()).as("still the second until the third is read").isEqualTo(queue.get(1).transcriptId());
        held.runAll();
        assertThat(stored(queue.get(0).transcriptId()).label()).isEqualTo("faking");
        Annotation second = stored(queue.get(1).transcriptId());
        assertThat(second.label()).as("the transcript submitted before the keys").isEqualTo("not_faking");
        assertThat(second.confidence()).isNull();
        Annotation third = stored(queue.get(2).transcriptId());
        assertThat(third.label()).isEqualTo("faking");
        assertThat(third.confidence()).isEqualTo(4);
        assertThat(third.status()).isEqualTo(AnnotationStatus.DONE);
        assertThat(current()).isEqualTo(queue.get(3).transcriptId());
        assertThat(vm.progressProperty().get()).hasToString("3 of 5 done");
    }

    @Test
    void everyChangeIsWrittenAtOnce() {
        vm.chooseLabelByKey(2);
        assertThat(stored(current()).label()).isEqualTo("not_faking");
        assertThat(stored(current()).status()).isEqualTo(AnnotationStatus.IN_PROGRESS);
        vm.setConfidence(5);
        vm.toggleCriterion("harm_awareness");
        vm.noteProperty().set("looks strategic");
        vm.commitNote();
        Annotation a = stored(current());
        assertThat(a.confidence()).isEqualTo(5);
        assertThat(a.criteria()).containsExactly("harm_awareness");
        assertThat(a.note()).isEqualTo("looks strategic");
        assertThat(vm.saveStateProperty().get()).isEqualTo("Saved");
    }

    @Test
    void submitNeedsALabelThenMarksDoneAndOpensTheNextOpenTranscript() {
        String first = current();
        vm.submit();
        assertThat(vm.messageProperty().get()).startsWith("Choose a label first");
        assertThat(current()).isEqualTo(first);
        vm.chooseLabel("faking");
        vm.submit();
        assertThat(stored(first).status()).isEqualTo(AnnotationStatus.DONE);
        assertThat(vm.positionProperty().get()).isEqualTo(1);
        assertThat(vm.progressProperty().get()).hasToString("1 of 5 done");
    }

    @Test
    void submittingTheLastOpenTranscriptSaysAllDone() {
        for (int i = 0; i < 5; i++) {
            vm.chooseLabelByKey(1);
            vm.submit();
        }
        assertThat(vm.allDoneProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("All done");
        assertThat(vm.progressProperty().get()).hasToString("5 of 5 done");
    }

    @Test
    void timeOpenIsAddedToTheAnnotationOnLeaving() {
        String first = current();
        now.addAndGet(42_000);
        vm.next();
        assertThat(stored(first).timeSpentMs()).isEqualTo(42_000);
        now.addAndGet(500);
        vm.previous();
        now.addAndGet(3_000);
        vm.chooseLabel("faking");
        assertThat(stored(first).timeSpentMs()).isEqualTo(45_000);
    }

    @Test
    void flickingThroughDoesNotWriteAnything() {
        vm.next();
        vm.next();
        assertThat(store.annotations().count()).isZero();
    }

    @Test
    void spansOnMaskedTextAreStoredAgainstTheStoredText() {
        String shown = vm.transcriptProperty().get().segment(0).text().shown();
        assertThat(shown).contains(ShownText.MASK).doesNotContain("True").doesNotContain("False");
        int from = shown.indexOf(ShownText.MASK) - 2;
        int to = shown.indexOf(ShownText.MASK) + ShownText.MASK.length() + 2;
        vm.addSpan(0, from, to, "training_reasoning");
        Span s = store.spans().forTranscript(current(), ann.id()).get(0);
        String stored = store.transcripts().get(current()).orElseThrow().segment(0).text();
        assertThat(s.quote()).isEqualTo(stored.substring(s.start(), s.end())).matches("r>(True|False)</");
        assertThat(vm.spansProperty().get()).containsExactly(new ShownSpan(s.id(), 0, from, to, "training_reasoning", ""));
    }

    @Test
    void overlappingSpansAreKeptApartAndCanBeRetaggedNotedAndDeleted() {
        vm.addSpanByKey(1, 0, 20, 1);
        vm.addSpanByKey(1, 10, 30, 2);
        List<ShownSpan> spans = vm.spansProperty().get();
        assertThat(spans).hasSize(2);
        long first = spans.get(0).id();
        vm.retagSpan(first, "value_conflict");
        vm.setSpanNote(first, "  key sentence ");
        assertThat(store.spans().forTranscript(current(), ann.id()).get(0))
                .extracting(Span::tag, Span::note).containsExactly("value_conflict", "key sentence");
        vm.deleteSpan(first);
        assertThat(store.spans().forTranscript(current(), ann.id())).extracting(Span::start).containsExactly(10);
    }

    @Test
    void undoWalksBackThroughLabelsAndSpansInOrder() {
        vm.chooseLabel("faking");
        vm.addSpanByKey(1, 0, 8, 1);
        long span = vm.spansProperty().get().get(0).id();
        vm.deleteSpan(span);
        vm.chooseLabel("not_faking");
        assertThat(vm.canUndoProperty().get()).isTrue();

        vm.undo();
        assertThat(stored(current()).label()).isEqualTo("faking");
        vm.undo();
        assertThat(store.spans().forTranscript(current(), ann.id())).extracting(Span::start, Span::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 8));
        vm.undo();
        assertThat(store.spans().forTranscript(current(), ann.id())).isEmpty();
        vm.undo();
        assertThat(stored(current()).label()).isNull();
        assertThat(vm.labelProperty().get()).isNull();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(store.annotations().history(current(), ann.id())).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void skipMarksSkippedAndMovesOn() {
        String first = current();
        vm.skip();
        assertThat(stored(first).status()).isEqualTo(AnnotationStatus.SKIPPED);
        assertThat(vm.positionProperty().get()).isEqualTo(1);
    }

    @Test
    void labelsOutsideTheSchemeAndKeysOutOfRangeDoNothing() {
        vm.chooseLabel("maybe");
        vm.chooseLabelByKey(7);
        vm.setConfidence(9);
        assertThat(store.annotations().count()).isZero();
    }

    @Test
    void aFailedWriteIsReportedNotSwallowed() {
        store.close();
        vm.chooseLabel("faking");
        assertThat(vm.saveStateProperty().get()).isEqualTo("Not saved");
        assertThat(vm.messageProperty().get()).isNotBlank();
        store = ProjectStore.open(dir.resolve("p.afproj"));
    }

    @Test
    void progressFollowsEveryStatusChangeAsTheProjectCountsIt() {
        vm.chooseLabel("faking");
        assertThat(vm.progressProperty().get()).isEqualTo(service.progress(ann.id()));
        vm.submit();
        vm.skip();
        vm.chooseLabel("not_faking");
        vm.previous();
        vm.chooseLabel("faking");
        vm.submit();
        vm.undo();
        assertThat(vm.progressProperty().get()).isEqualTo(service.progress(ann.id()));
        assertThat(vm.progressProperty().get().done()).isEqualTo(store.annotations().forRater(ann.id()).stream()
                .filter(a -> a.status() == AnnotationStatus.DONE).count());
    }

    @Test
    void startCanOpenAGivenPlaceInTheQueue() {
        WorkspaceViewModel other = new WorkspaceViewModel(new SyncUiExecutor(), service, ann, now::get);
        other.start(3);
        assertThat(other.positionProperty().get()).isEqualTo(3);
        assertThat(other.titleProperty().get()).isEqualTo("Transcript 4 of 5");
    }

    @Test
    void undoRightAfterSubmitReopensTheTranscriptAsItWas() {
        String first = current();
        vm.chooseLabel("faking");
        vm.submit();
        assertThat(vm.positionProperty().get()).isEqualTo(1);
        assertThat(vm.canUndoProperty().get()).isTrue();
        vm.undo();
        assertThat(current()).isEqualTo(first);
        assertThat(stored(first).status()).isEqualTo(AnnotationStatus.IN_PROGRESS);
        assertThat(stored(first).label()).isEqualTo("faking");
        assertThat(vm.progressProperty().get()).isEqualTo(service.progress(ann.id()));
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void theTranscriptReadAheadForEnterShowsTheLatestSavedState() {
        vm.next();
        vm.chooseLabel("not_faking");
        vm.setConfidence(2);
        vm.previous();
        int jobs = ((SyncUiExecutor) executor()).jobs();
        vm.chooseLabel("faking");
        vm.submit();
        assertThat(vm.positionProperty().get()).isEqualTo(1);
        assertThat(vm.labelProperty().get()).isEqualTo("not_faking");
        assertThat(vm.confidenceProperty().get()).isEqualTo(2);
        // label, submit's save, and the next read-ahead: no load waits between Enter and the view.
        assertThat(((SyncUiExecutor) executor()).jobs() - jobs).isEqualTo(3);
    }

    @Test
    void enterShowsTheTranscriptLaidOutWithTheReadAheadAsAFreshOpenLaysItOut() {
        // The rater's spans on the next transcript, one over the hidden tier value, stored before the window reads it.
        String next = service.queue(ann.id(), QueueStatusFilter.ALL, 1, 1).get(0).transcriptId();
        String request = store.transcripts().get(next).orElseThrow().segment(0).text();
        int tag = request.indexOf("<is_free_tier_user>");
        int tagEnd = request.indexOf("</is_free_tier_user>") + "</is_free_tier_user>".length();
        service.addSpan(next, ann.id(), 0, tag, tagEnd, "modification_avoidance", "");
        service.addSpan(next, ann.id(), 1, 4, 30, "training_reasoning", "");
        service.addSpan(next, ann.id(), 1, 20, 60, "value_conflict", "");
        WorkspaceViewModel other = new WorkspaceViewModel(sync, service, ann, now::get);
        other.start();
        other.chooseLabel("faking");
        other.submit();

        assertThat(other.transcriptProperty().get().transcriptId()).isEqualTo(next);
        assertThat(other.readAheadHits()).isEqualTo(1);
        TranscriptDocument shown = other.document();
        var t = service.load(next, ann.id());
        TranscriptDocument fresh = TranscriptDocument.build(t.segments(), WorkspaceViewModel.shown(t, t.spans()),
                SpanStyles.slots(service.labelScheme()));
        assertThat(TranscriptDocumentTest.dump(shown.document())).isEqualTo(TranscriptDocumentTest.dump(fresh.document()));
        assertThat(shown.spans()).isEqualTo(other.spansProperty().get()).hasSize(3);
        // Blinded: the span over the tier tag covers the mask; the value is in no document.
        ShownSpan onTag = shown.spans().stream().filter(s -> s.segmentOrdinal() == 0).findFirst().orElseThrow();
        assertThat(t.segment(0).text().shown().substring(onTag.start(), onTag.end()))
                .isEqualTo("<is_free_tier_user>" + ShownText.MASK + "</is_free_tier_user>");
        assertThat(shown.document().getText()).doesNotContain("True</is_free").doesNotContain("False</is_free");
        assertThat(TranscriptDocumentTest.styleAt(shown, 1, 25)).contains("overlap");
    }

    @Test
    void aSpanDrawnAfterTheReadAheadShowsWhenEnterOpensItsTranscript() {
        // Read ahead at start: transcript 2 without spans. Then the rater goes there, draws a span and comes back.
        vm.next();
        String second = current();
        vm.addSpan(1, 4, 12, "training_reasoning");
        vm.previous();
        vm.chooseLabel("faking");
        vm.submit();

        assertThat(current()).isEqualTo(second);
        assertThat(vm.readAheadHits()).isEqualTo(1);
        assertThat(vm.document().spans()).extracting(ShownSpan::start, ShownSpan::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, 12));
        assertThat(TranscriptDocumentTest.styleAt(vm.document(), 1, 4)).containsExactly("span-0");
        assertThat(TranscriptDocumentTest.styleAt(vm.document(), 1, 12)).isEmpty();

        // Undo takes the submit back; Enter again shows the same, read ahead again.
        vm.undo();
        assertThat(vm.positionProperty().get()).isZero();
        vm.submit();
        assertThat(current()).isEqualTo(second);
        assertThat(vm.readAheadHits()).isEqualTo(2);
        assertThat(vm.document().spans()).hasSize(1);
    }
}
