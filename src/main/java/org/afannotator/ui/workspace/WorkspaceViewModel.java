package org.afannotator.ui.workspace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.afannotator.app.QueueItem;
import org.afannotator.app.QueueProgress;
import org.afannotator.app.QueueStatusFilter;
import org.afannotator.app.RaterTranscript;
import org.afannotator.app.RaterWorkService;
import org.afannotator.app.ShownSegment;
import org.afannotator.app.ShownText;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Rater;
import org.afannotator.domain.SchemeEntry;
import org.afannotator.domain.Span;
import org.afannotator.ui.common.UiExecutor;

/**
 * The rater's workspace: one transcript of the rater's queue at a time, its label, confidence,
 * criteria, note and spans. Every change is written at once through {@link RaterWorkService} on
 * the executor; the time the transcript is open is added to its annotation when the rater leaves
 * it. Holds only what the rater may see: the service has already blinded the transcript.
 *
 * <p>A change the project cannot take yet (the disk is full, the file busy) is kept, in order, and
 * written before any later change, before the next read and on {@link #saveNow()}; meanwhile
 * {@link #unsavedProperty()} counts what waits, and the rater stays on the transcript shown (one
 * read now could lack its waiting changes, and writing it back would undo them) and cannot undo.
 * See {@link PendingWrites} and decision 0106.
 */
public final class WorkspaceViewModel {
    /** Time since the last write shorter than this is not written on leaving (flicking through with J/K). */
    static final long MIN_RECORDED_MS = 1000;

    private final UiExecutor executor;
    private final RaterWorkService service;
    private final Rater rater;
    private final LongSupplier millis;

    private final ObjectProperty<LabelScheme> scheme = new SimpleObjectProperty<>(LabelScheme.defaults());
    private final ObjectProperty<RaterTranscript> transcript = new SimpleObjectProperty<>();
    private final ObjectProperty<List<ShownSpan>> spans = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty position = new SimpleIntegerProperty(-1);
    private final ObjectProperty<QueueProgress> progress = new SimpleObjectProperty<>(new QueueProgress(0, 0, 0, 0));
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty();
    private final ObjectProperty<Integer> confidence = new SimpleObjectProperty<>();
    private final ObservableSet<String> criteria = FXCollections.observableSet(new HashSet<>());
    // One wrapper for everyone: a wrapper made per call listens weakly and is lost to the GC.
    private final ObservableSet<String> criteriaView = FXCollections.unmodifiableObservableSet(criteria);
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<AnnotationStatus> status = new SimpleObjectProperty<>(AnnotationStatus.TODO);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty saveState = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty allDone = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final ObjectProperty<Long> selectedSpan = new SimpleObjectProperty<>(-1L);
    /** Bumped after every stored change, so the queue list can refresh the entry. */
    private final IntegerProperty changes = new SimpleIntegerProperty();
    private final IntegerProperty unsaved = new SimpleIntegerProperty();
    private final PendingWrites pending = new PendingWrites();
    /** A change was refused; read the shown transcript back once nothing waits. */
    private boolean rereadDue;
    /** Why changes wait (the last failure), while any do. */
    private String unsavedReason = "";

    private Annotation saved;
    private List<Span> storedSpans = List.of();
    private long openedAt;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private Runnable afterOpen = () -> { };
    private Left leftBySubmit;
    private int shows;
    private int readAheadHits;
    private Prefetched prefetched;
    private Left restoreOnShow;
    private TranscriptDocument document;

    public WorkspaceViewModel(UiExecutor executor, RaterWorkService service, Rater rater, LongSupplier millis) {
        this.executor = executor;
        this.service = service;
        this.rater = rater;
        this.millis = millis;
    }

    // ---- state ----

    public Rater rater() {
        return rater;
    }

    public ReadOnlyObjectProperty<LabelScheme> schemeProperty() {
        return scheme;
    }

    public ReadOnlyObjectProperty<RaterTranscript> transcriptProperty() {
        return transcript;
    }

    /** The rater's spans on the current transcript, in shown offsets. */
    public ReadOnlyObjectProperty<List<ShownSpan>> spansProperty() {
        return spans;
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position;
    }

    public ReadOnlyObjectProperty<QueueProgress> progressProperty() {
        return progress;
    }

    /** "Transcript 12 of 120" (the queue place, never the id while blinded). */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty labelProperty() {
        return label;
    }

    public ReadOnlyObjectProperty<Integer> confidenceProperty() {
        return confidence;
    }

    public ObservableSet<String> criteria() {
        return criteriaView;
    }

    /** The note as typed; written by {@link #commitNote()}. */
    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyObjectProperty<AnnotationStatus> statusProperty() {
        return status;
    }

    /** Last thing to tell the rater (an error, "All done", ...). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** "Saved" / "Saving…" / "Not saved" (a change refused) / "Not saved: N changes wait ..." (kept, to be tried again). */
    public ReadOnlyStringProperty saveStateProperty() {
        return saveState;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty allDoneProperty() {
        return allDone;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyObjectProperty<Long> selectedSpanProperty() {
        return selectedSpan;
    }

    public ReadOnlyIntegerProperty changesProperty() {
        return changes;
    }

    /** How many changes the project could not take yet and are kept to be written again. */
    public ReadOnlyIntegerProperty unsavedProperty() {
        return unsaved;
    }

    /** Why changes wait ("disk full while writing ..."), while {@link #unsavedProperty()} is above 0. */
    public String unsavedReason() {
        return unsaved.get() == 0 ? "" : unsavedReason;
    }

    /** Time on the current transcript so far, in ms, including earlier sessions. */
    public long timeSpentNow() {
        return saved == null ? 0 : timeSpent();
    }

    /** How many times Enter showed a transcript read ahead (for the benchmark). */
    public int readAheadHits() {
        return readAheadHits;
    }

    /**
     * The shown transcript laid out for the transcript view, with its spans as they were when it
     * was opened (built on the worker with the read; rebuilt here if it no longer matches).
     */
    public TranscriptDocument document() {
        return document;
    }

    /** The stored annotation as last written (or loaded). */
    public Annotation savedAnnotation() {
        return saved;
    }

    /** Runs once after each transcript is shown (the benchmark and tests wait on it). */
    public void setAfterOpen(Runnable r) {
        afterOpen = r;
    }

    // ---- commands ----

    /** Loads the scheme and progress, then opens the first open transcript of the queue. */
    public void start() {
        start(-1);
    }

    /** Like {@link #start()}, but opens queue position {@code at} (0-based) instead. */
    public void start(int at) {
        busy.set(true);
        executor.submit(p -> {
            pending.tryWaiting();
            return new Start(service.labelScheme(), service.progress(rater.id()),
                        at >= 0 ? service.queue(rater.id(), QueueStatusFilter.ALL, at, 1).stream().findFirst()
                                : service.nextOpen(rater.id(), 0).or(() -> first()));
        },
                s -> {
                    settle();
                    scheme.set(s.scheme());
                    progress.set(s.progress());
                    busy.set(false);
                    s.first().ifPresentOrElse(q -> open(q.position()), () -> {
                        typedAhead.clear();
                        allDone.set(true);
                        message.set("Your queue is empty.");
                    });
                }, this::failed);
    }

    /** Opens the transcript at queue position {@code pos} (0-based); out of range is ignored. */
    public void open(int pos) {
        if (deferredWhileReading(() -> open(pos))) {
            return;
        }
        if (pos < 0 || (progress.get().total() > 0 && pos >= progress.get().total()) || staysWhileUnsaved()) {
            return;
        }
        leaveCurrent();
        loadAndShow(() -> service.queue(rater.id(), QueueStatusFilter.ALL, pos, 1).stream().findFirst(), () -> { });
    }

    public void next() {
        if (!deferredWhileReading(this::next)) {
            open(position.get() + 1);
        }
    }

    public void previous() {
        if (!deferredWhileReading(this::previous)) {
            open(position.get() - 1);
        }
    }

    public void chooseLabel(String code) {
        if (deferredWhileReading(() -> chooseLabel(code))) {
            return;
        }
        if (transcript.get() == null || !scheme.get().hasLabel(code)) {
            return;
        }
        change(annotation().withLabel(code));
    }

    /** Label by its key, 1..9 in the scheme's order. */
    public void chooseLabelByKey(int key) {
        List<SchemeEntry> labels = scheme.get().labels();
        if (key >= 1 && key <= labels.size()) {
            chooseLabel(labels.get(key - 1).code());
        }
    }

    public void setConfidence(Integer value) {
        if (deferredWhileReading(() -> setConfidence(value))) {
            return;
        }
        if (transcript.get() == null || (value != null && (value < 1 || value > 5))) {
            return;
        }
        change(annotation().withConfidence(value));
    }

    public void toggleCriterion(String code) {
        if (deferredWhileReading(() -> toggleCriterion(code))) {
            return;
        }
        if (transcript.get() == null || !scheme.get().hasCriterion(code)) {
            return;
        }
        Set<String> next = new HashSet<>(criteria);
        if (!next.remove(code)) {
            next.add(code);
        }
        change(annotation().withCriteria(next));
    }

    /** Writes the note if it changed since last written (the view calls this after typing pauses). */
    public void commitNote() {
        if (transcript.get() == null || saved == null || saved.note().equals(note.get() == null ? "" : note.get())) {
            return;
        }
        change(annotation());
    }

    /**
     * Ctrl+S: writes the note if it changed and tries again every change that waits (all were
     * written when made; this is for those the project could not take then).
     */
    public void saveNow() {
        if (transcript.get() == null) {
            return;
        }
        commitNote();
        if (pending.waitingNow() == 0) {
            return;
        }
        saveState.set("Saving\u2026");
        executor.submit(p -> {
            pending.writeWaiting();
            return null;
        }, r -> settle(), e -> settle());
    }

    /** Marks the transcript done and opens the next open one. Needs a label. */
    public void submit() {
        if (deferredWhileReading(this::submit) || transcript.get() == null) {
            return;
        }
        commitNote();
        if (label.get() == null) {
            message.set("Choose a label first (keys 1.." + scheme.get().labels().size() + ").");
            return;
        }
        Annotation before = saved;
        int at = position.get();
        change(annotation().withStatus(AnnotationStatus.DONE));
        if (staysWhileUnsaved()) {
            return;
        }
        leftBySubmit = new Left(at, before);
        openNextOpen();
    }

    /** Marks the transcript skipped and opens the next open one. */
    public void skip() {
        if (deferredWhileReading(this::skip) || transcript.get() == null) {
            return;
        }
        commitNote();
        Annotation before = saved;
        int at = position.get();
        change(annotation().withStatus(AnnotationStatus.SKIPPED));
        if (staysWhileUnsaved()) {
            return;
        }
        leftBySubmit = new Left(at, before);
        openNextOpen();
    }

    /** Stores a span over a selection of shown text with {@code tag}. */
    public void addSpan(int segmentOrdinal, int shownStart, int shownEnd, String tag) {
        RaterTranscript t = transcript.get();
        if (t == null || shownEnd <= shownStart || !scheme.get().hasTag(tag)) {
            return;
        }
        ShownText text = t.segment(segmentOrdinal).text();
        int start = text.toStored(shownStart, false);
        int end = text.toStored(shownEnd, true);
        String id = t.transcriptId();
        markInProgress();
        write(() -> service.addSpan(id, rater.id(), segmentOrdinal, start, end, tag, ""), s -> {
            replaceSpans(plus(storedSpans, s));
            selectedSpan.set(s.id());
            pushUndo(new Undo.SpanAdded(s));
        });
    }

    /** Stores a span over a selection with the tag on key {@code key} (1..9 in the scheme's order). */
    public void addSpanByKey(int segmentOrdinal, int shownStart, int shownEnd, int key) {
        List<SchemeEntry> tags = scheme.get().tags();
        if (key >= 1 && key <= tags.size()) {
            addSpan(segmentOrdinal, shownStart, shownEnd, tags.get(key - 1).code());
        }
    }

    public void retagSpan(long spanId, String tag) {
        findSpan(spanId).filter(s -> !s.tag().equals(tag) && scheme.get().hasTag(tag))
                .ifPresent(old -> updateSpan(old, old.withTag(tag)));
    }

    public void setSpanNote(long spanId, String spanNote) {
        String n = spanNote == null ? "" : spanNote.strip();
        findSpan(spanId).filter(s -> !s.note().equals(n)).ifPresent(old -> updateSpan(old, old.withNote(n)));
    }

    public void deleteSpan(long spanId) {
        findSpan(spanId).ifPresent(old -> write(() -> {
            service.deleteSpan(old.id());
            return old;
        }, s -> {
            replaceSpans(storedSpans.stream().filter(x -> x.id() != s.id()).toList());
            if (selectedSpan.get() == s.id()) {
                selectedSpan.set(-1L);
            }
            pushUndo(new Undo.SpanDeleted(s));
        }));
    }

    public void selectSpan(long spanId) {
        selectedSpan.set(spanId);
    }

    /**
     * Undoes the last change to this transcript (label, confidence, criteria, note or a span). With
     * nothing left to undo here, takes back the last submit or skip: reopens that transcript as it
     * was before.
     */
    public void undo() {
        if (deferredWhileReading(this::undo)) {
            return;
        }
        if (unsaved.get() > 0) {
            // Some steps would go back past changes not yet written, in the wrong order.
            message.set("Undo waits until the changes are saved: free some disk space, then press Ctrl+S.");
            return;
        }
        Undo u = undo.poll();
        if (u == null && leftBySubmit != null) {
            Left l = leftBySubmit;
            leftBySubmit = null;
            restoreOnShow = l;
            canUndo.set(false);
            // If the move is refused (changes wait), stayedPut() gives this step back.
            open(l.position());
            return;
        }
        canUndo.set(!undo.isEmpty() || leftBySubmit != null);
        if (u == null || transcript.get() == null) {
            return;
        }
        if (u instanceof Undo.AnnotationChanged a) {
            writeAnnotation(a.before().withTimeSpentMs(timeSpent()));
        } else if (u instanceof Undo.SpanAdded a) {
            write(() -> {
                service.deleteSpan(a.span().id());
                return a.span();
            }, s -> replaceSpans(storedSpans.stream().filter(x -> x.id() != s.id()).toList()));
        } else if (u instanceof Undo.SpanDeleted d) {
            Span s = d.span();
            write(() -> service.addSpan(s.transcriptId(), s.raterId(), s.segmentOrdinal(), s.start(), s.end(), s.tag(), s.note()),
                    back -> {
                        replaceSpans(plus(storedSpans, back));
                        remapUndo(s.id(), back.id());
                    });
        } else if (u instanceof Undo.SpanChanged c) {
            write(() -> {
                service.updateSpan(c.before());
                return c.before();
            }, s -> replaceSpans(storedSpans.stream().map(x -> x.id() == s.id() ? s : x).toList()));
        }
    }

    /**
     * Before the workspace closes: writes the note and the time spent, tries again what waits, and
     * runs {@code then} on the FX thread once all of it has settled, so that
     * {@link #unsavedProperty()} then counts every change not written.
     */
    public void prepareToLeave(Runnable then) {
        typedAhead.clear(); // keys typed for a transcript that will not be shown now
        leaveCurrent();
        executor.submit(p -> {
            pending.tryWaiting();
            return null;
        }, r -> {
            try {
                settle();
            } finally {
                then.run();
            }
        }, e -> {
            try {
                settle();
            } finally {
                then.run();
            }
        });
    }

    /** Writes the time spent on the current transcript; call before the window closes. */
    public void leaveCurrent() {
        if (transcript.get() == null || saved == null) {
            return;
        }
        commitNote();
        // Changes were written as they were made; what is left is the time since the last write.
        if (millis.getAsLong() - openedAt >= MIN_RECORDED_MS) {
            writeAnnotation(annotation());
        }
    }

    // ---- internals ----

    private record Start(LabelScheme scheme, QueueProgress progress, Optional<QueueItem> first) {
    }

    private Optional<QueueItem> first() {
        return service.queue(rater.id(), QueueStatusFilter.ALL, 0, 1).stream().findFirst();
    }

    private void show(Loaded loaded) {
        RaterTranscript t = loaded.transcript();
        int pos = loaded.position();
        shows++;
        prefetched = null;
        undo.clear();
        if (leftBySubmit != null && leftBySubmit.position() == pos) {
            leftBySubmit = null;
        }
        canUndo.set(leftBySubmit != null);
        saved = t.annotation();
        storedSpans = t.spans();
        openedAt = millis.getAsLong();
        position.set(pos);
        allDone.set(false);
        setFields(saved);
        List<ShownSpan> shownSpans = shown(t, storedSpans);
        document = TranscriptDocument.reuseOrBuild(loaded.document(), t.segments(), shownSpans, SpanStyles.slots(scheme.get()));
        // The view lays out the new transcript from the document, spans drawn and none selected,
        // so the span and selection changes that follow leave it as it is.
        transcript.set(t);
        spans.set(document.spans());
        selectedSpan.set(-1L);
        int total = progress.get().total();
        title.set("Transcript " + (pos + 1) + (total > 0 ? " of " + total : "")
                + (t.blinded() ? "" : "  \u00b7  " + t.transcriptId()));
        if (unsaved.get() == 0) {
            // While changes wait, the reason stays in view.
            message.set("");
        }
        Left restore = restoreOnShow;
        restoreOnShow = null;
        if (restore != null && restore.position() == pos) {
            writeAnnotation(restore.before().withTimeSpentMs(saved.timeSpentMs()));
        }
        afterOpen.run();
        prefetchNext(pos);
    }

    /**
     * Keys pressed while the next transcript is read (after Enter, before it shows), to run on it
     * once it shows, in the order typed: run at once, they would change the transcript just left.
     */
    private final java.util.ArrayDeque<Runnable> typedAhead = new java.util.ArrayDeque<>();
    /** At most this many keys wait; more are dropped (a held-down key, not typing). */
    static final int TYPED_AHEAD_MAX = 32;

    /** True when a transcript is being read: then {@code action} waits for it (see {@link #typedAhead}). */
    private boolean deferredWhileReading(Runnable action) {
        if (!busy.get() || replaying) {
            return false;
        }
        if (typedAhead.size() < TYPED_AHEAD_MAX) {
            typedAhead.add(action);
        }
        return true;
    }

    private boolean replaying;

    /** Runs the keys typed ahead on the transcript just shown, until one starts reading another. */
    private void runTypedAhead() {
        while (!typedAhead.isEmpty() && !busy.get()) {
            replaying = true;
            try {
                typedAhead.poll().run();
            } finally {
                replaying = false;
            }
        }
    }

    /** A transcript left by submit or skip, and its annotation just before. */
    private record Left(int position, Annotation before) {
    }

    /** Finds and loads the next open transcript in one job, queued right behind the save. */
    private void openNextOpen() {
        int from = position.get() + 1;
        Prefetched ready = prefetched;
        prefetched = null;
        if (ready != null && ready.shownAt() == shows) {
            // Read while the rater was busy with this one; the save queued above still runs first.
            readAheadHits++;
            show(ready.loaded());
            return;
        }
        loadAndShow(() -> service.nextOpen(rater.id(), from).or(() -> service.nextOpen(rater.id(), 0)), () -> {
            allDone.set(true);
            message.set("All done: every transcript in your queue is labelled or skipped.");
        });
    }

    /** A transcript read from the project and laid out for the view (both on the worker). */
    private record Loaded(int position, RaterTranscript transcript, TranscriptDocument document) {
    }

    /** Reads the transcript at queue item {@code q} and lays it out; runs on the worker. */
    private Loaded load(QueueItem q, Map<String, Integer> slots) {
        RaterTranscript t = service.load(q.transcriptId(), rater.id());
        return new Loaded(q.position(), t, TranscriptDocument.build(t.segments(), shown(t, t.spans()), slots));
    }

    /** The next open transcript, read ahead after show number {@code shownAt}. */
    private record Prefetched(int shownAt, Loaded loaded) {
    }

    /**
     * Reads the next open transcript ahead and lays it out, so Enter shows it without waiting on
     * the project or building its styled text. Only this window changes this rater's annotations,
     * and only the open transcript, so what was read stays true until the rater moves on; any
     * other move drops it (each show reads ahead afresh, after the writes queued before it).
     */
    private void prefetchNext(int pos) {
        int at = shows;
        Map<String, Integer> slots = SpanStyles.slots(scheme.get());
        executor.submit(p -> {
            pending.tryWaiting();
            // A transcript read while changes wait may be missing them: read it again when shown.
            return pending.waitingNow() > 0 ? Optional.<Loaded>empty()
                    : service.nextOpen(rater.id(), pos + 1).map(q -> load(q, slots));
        },
                next -> {
                    settle();
                    if (at == shows && next.isPresent()) {
                        prefetched = new Prefetched(at, next.get());
                    }
                }, e -> settle());
    }

    private void loadAndShow(java.util.function.Supplier<Optional<QueueItem>> which, Runnable whenNone) {
        busy.set(true);
        Map<String, Integer> slots = SpanStyles.slots(scheme.get());
        executor.submit(p -> {
            pending.tryWaiting();
            // Not while changes wait: the transcript read could be one of theirs, without them.
            return pending.waitingNow() > 0 ? null : which.get().map(q -> load(q, slots));
        },
                loaded -> {
                    settle();
                    busy.set(false);
                    if (loaded == null) {
                        typedAhead.clear(); // they were meant for a transcript that did not come
                        stayedPut();
                        return;
                    }
                    if (loaded.isPresent()) {
                        show(loaded.get());
                        runTypedAhead();
                    } else {
                        typedAhead.clear();
                        whenNone.run();
                    }
                }, e -> {
                    settle();
                    typedAhead.clear();
                    failed(e);
                });
    }

    /** The annotation as the fields now say, with the time spent so far. */
    private Annotation annotation() {
        return saved.withLabel(label.get()).withConfidence(confidence.get()).withCriteria(Set.copyOf(criteria))
                .withNote(note.get()).withTimeSpentMs(timeSpent());
    }

    private long timeSpent() {
        return saved.timeSpentMs() + Math.max(0, millis.getAsLong() - openedAt);
    }

    private void change(Annotation next) {
        Annotation n = next.status() == AnnotationStatus.TODO ? next.withStatus(AnnotationStatus.IN_PROGRESS) : next;
        pushUndo(new Undo.AnnotationChanged(saved));
        writeAnnotation(n);
    }

    private void markInProgress() {
        if (saved != null && saved.status() == AnnotationStatus.TODO) {
            writeAnnotation(annotation().withStatus(AnnotationStatus.IN_PROGRESS));
        }
    }

    private void writeAnnotation(Annotation a) {
        // Progress follows the status change at once; start() reads it from the project.
        if (saved != null && saved.status() != a.status()) {
            progress.set(moved(progress.get(), saved.status(), a.status()));
        }
        setFields(a);
        // Time is counted from now on top of what this write stores.
        long base = millis.getAsLong();
        saved = a;
        openedAt = base;
        write(() -> service.save(a), stored -> {
            if (saved == a) {
                saved = stored;
            }
            status.set(stored.status());
        });
    }

    private void updateSpan(Span old, Span next) {
        write(() -> {
            service.updateSpan(next);
            return next;
        }, s -> {
            replaceSpans(storedSpans.stream().map(x -> x.id() == s.id() ? s : x).toList());
            pushUndo(new Undo.SpanChanged(old));
        });
    }

    /**
     * Writes on the worker, behind any change still waiting; {@code done} gets the result on the FX
     * thread, if the transcript it was made on is still shown.
     */
    private <T> void write(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        saveState.set("Saving\u2026");
        PendingWrites.Write<T> w = new PendingWrites.Write<>(work, done, shows);
        executor.submit(p -> {
            pending.writeAll(w);
            return null;
        }, r -> settle(), e -> settle());
    }

    /**
     * FX thread, after every job: applies what the worker wrote since (only to the transcript it
     * was made on), and tells the rater what is not saved and why.
     */
    private void settle() {
        PendingWrites.Outcome o = pending.take();
        for (PendingWrites.Written w : o.written()) {
            if (w.write().shownAt() == shows) {
                w.apply();
            }
        }
        if (!o.written().isEmpty()) {
            changes.set(changes.get() + 1);
        }
        boolean waited = unsaved.get() > 0;
        unsaved.set(o.waiting());
        Throwable refusal = o.refused().isEmpty() ? null : o.refused().get(o.refused().size() - 1);
        rereadDue |= refusal != null;
        if (o.waiting() > 0) {
            int n = o.waiting();
            saveState.set("Not saved: " + n + (n == 1 ? " change waits" : " changes wait") + ", Ctrl+S tries again");
            if (o.lastFailure() != null) {
                unsavedReason = describe(o.lastFailure());
            }
            Throwable why = refusal != null ? refusal : o.lastFailure();
            if (why != null) {
                tell(why);
            }
            return;
        }
        if (refusal != null) {
            saveState.set("Not saved");
            tell(refusal);
        } else if (!o.written().isEmpty() || waited || "Saving\u2026".equals(saveState.get())) {
            saveState.set("Saved");
            if (waited) {
                message.set("");
            }
        }
        if (rereadDue) {
            rereadDue = false;
            reread();
        }
    }

    /** While changes wait the rater stays here (see the class comment); says so. True to stay. */
    private boolean staysWhileUnsaved() {
        if (unsaved.get() == 0) {
            return false;
        }
        stayedPut();
        return true;
    }

    /** A move was refused while changes wait: says so, and gives back an undo of a submit that asked for it. */
    private void stayedPut() {
        message.set("You stay on this transcript until its changes are saved: free some disk space, then press Ctrl+S.");
        if (restoreOnShow != null) {
            leftBySubmit = restoreOnShow;
            restoreOnShow = null;
            canUndo.set(true);
        }
    }

    /**
     * After a refused change: the fields and progress showed it as made; read back what the project
     * holds for the shown transcript, once nothing waits (a read before would lack those changes).
     */
    private void reread() {
        RaterTranscript t = transcript.get();
        if (t == null) {
            return;
        }
        int at = shows;
        executor.submit(p -> {
            pending.tryWaiting();
            return pending.waitingNow() > 0 ? null
                    : new Reread(service.progress(rater.id()), service.load(t.transcriptId(), rater.id()));
        }, r -> {
            settle();
            if (r == null) {
                rereadDue = true;
                return;
            }
            progress.set(r.progress());
            if (at == shows) {
                saved = r.transcript().annotation();
                setFields(saved);
                replaceSpans(r.transcript().spans());
            }
        }, this::failed);
    }

    private record Reread(QueueProgress progress, RaterTranscript transcript) {
    }

    /** {@code p} with one entry moved from status {@code from} to {@code to}. */
    static QueueProgress moved(QueueProgress p, AnnotationStatus from, AnnotationStatus to) {
        int[] n = {p.done(), p.inProgress(), p.skipped()};
        for (int k = 0; k < 2; k++) {
            AnnotationStatus s = k == 0 ? from : to;
            int d = k == 0 ? -1 : 1;
            switch (s) {
                case DONE -> n[0] += d;
                case IN_PROGRESS -> n[1] += d;
                case SKIPPED -> n[2] += d;
                case TODO -> { }
            }
        }
        return new QueueProgress(p.total(), n[0], n[1], n[2]);
    }

    private void setFields(Annotation a) {
        label.set(a.label());
        confidence.set(a.confidence());
        if (!criteria.equals(a.criteria())) {
            criteria.retainAll(a.criteria());
            criteria.addAll(a.criteria());
        }
        if (!a.note().equals(note.get())) {
            note.set(a.note());
        }
        status.set(a.status());
    }

    private void replaceSpans(List<Span> next) {
        storedSpans = List.copyOf(next);
        RaterTranscript t = transcript.get();
        spans.set(t == null ? List.of() : shown(t, storedSpans));
    }

    private Optional<Span> findSpan(long id) {
        return storedSpans.stream().filter(s -> s.id() == id).findFirst();
    }

    private void pushUndo(Undo u) {
        undo.push(u);
        canUndo.set(true);
    }

    /** A span deleted and stored again has a new id; later undo steps must refer to that one. */
    private void remapUndo(long oldId, long newId) {
        List<Undo> all = new ArrayList<>(undo);
        undo.clear();
        for (Undo u : all) {
            undo.addLast(u.withSpanId(oldId, newId));
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        typedAhead.clear();
        tell(e);
    }

    private void tell(Throwable e) {
        message.set(describe(e));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static List<Span> plus(List<Span> list, Span s) {
        List<Span> out = new ArrayList<>(list);
        out.add(s);
        return out;
    }

    /** Stored spans in the offsets of the shown (possibly masked) text. */
    static List<ShownSpan> shown(RaterTranscript t, List<Span> stored) {
        List<ShownSpan> out = new ArrayList<>(stored.size());
        for (Span s : stored) {
            ShownSegment seg = t.segments().stream().filter(x -> x.ordinal() == s.segmentOrdinal()).findFirst().orElse(null);
            if (seg == null) {
                continue;
            }
            int start = seg.text().toShown(s.start(), false);
            int end = seg.text().toShown(s.end(), true);
            if (end > start) {
                out.add(new ShownSpan(s.id(), s.segmentOrdinal(), start, end, s.tag(), s.note()));
            }
        }
        return out;
    }

    /** One step back. */
    sealed interface Undo {
        default Undo withSpanId(long oldId, long newId) {
            return this;
        }

        record AnnotationChanged(Annotation before) implements Undo {
        }

        record SpanAdded(Span span) implements Undo {
            @Override
            public Undo withSpanId(long oldId, long newId) {
                return span.id() == oldId ? new SpanAdded(span.withId(newId)) : this;
            }
        }

        record SpanDeleted(Span span) implements Undo {
            @Override
            public Undo withSpanId(long oldId, long newId) {
                return span.id() == oldId ? new SpanDeleted(span.withId(newId)) : this;
            }
        }

        record SpanChanged(Span before) implements Undo {
            @Override
            public Undo withSpanId(long oldId, long newId) {
                return before.id() == oldId ? new SpanChanged(before.withId(newId)) : this;
            }
        }
    }
}
