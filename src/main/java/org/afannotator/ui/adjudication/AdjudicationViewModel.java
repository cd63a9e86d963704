package org.afannotator.ui.adjudication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.afannotator.app.AdjudicationCase;
import org.afannotator.app.AdjudicationItem;
import org.afannotator.app.AdjudicationService;
import org.afannotator.app.RaterJudgement;
import org.afannotator.app.ShownSegment;
import org.afannotator.domain.Adjudication;
import org.afannotator.domain.AdjudicationBasis;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Span;
import org.afannotator.ui.common.UiExecutor;
import org.afannotator.ui.workspace.ShownSpan;
import org.afannotator.ui.workspace.SpanStyles;

/**
 * The adjudicator's screen: the queue of transcripts raters disagree on (optionally also those
 * with low confidence), one transcript with every rater's judgement and spans side by side (named,
 * one colour per rater: this view is not blinded to raters), and the gold label being decided.
 * All project work runs on the executor.
 */
public final class AdjudicationViewModel {
    private final AdjudicationService service;
    private final UiExecutor executor;

    private final ObservableList<AdjudicationItem> queue = FXCollections.observableArrayList();
    private final BooleanProperty lowConfidence = new SimpleBooleanProperty(false);
    private final IntegerProperty confidenceAtMost = new SimpleIntegerProperty(2);
    private final BooleanProperty includeDecided = new SimpleBooleanProperty(false);
    private final IntegerProperty unanimousUndecided = new SimpleIntegerProperty(0);
    private final ObjectProperty<LabelScheme> scheme = new SimpleObjectProperty<>(LabelScheme.defaults());
    private final ObjectProperty<AdjudicationCase> current = new SimpleObjectProperty<>();
    private final StringProperty adjudicator = new SimpleStringProperty("");
    private final StringProperty goldLabel = new SimpleStringProperty();
    private final ObjectProperty<AdjudicationBasis> basis = new SimpleObjectProperty<>();
    private final StringProperty rationale = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    /** The adjudicator when none was given: the account's name. */
    private final String fallbackName = System.getProperty("user.name", "");

    /** {@code adjudicatorName}: who adjudicates; blank: the account's name. */
    public AdjudicationViewModel(AdjudicationService service, UiExecutor executor, String adjudicatorName) {
        this.service = service;
        this.executor = executor;
        adjudicator.set(adjudicatorName == null ? "" : adjudicatorName);
        lowConfidence.addListener((o, a, b) -> refresh());
        confidenceAtMost.addListener((o, a, b) -> {
            if (lowConfidence.get()) {
                refresh();
            }
        });
        includeDecided.addListener((o, a, b) -> refresh());
    }

    public ObservableList<AdjudicationItem> queue() {
        return queue;
    }

    public BooleanProperty lowConfidenceProperty() {
        return lowConfidence;
    }

    public IntegerProperty confidenceAtMostProperty() {
        return confidenceAtMost;
    }

    public BooleanProperty includeDecidedProperty() {
        return includeDecided;
    }

    public ReadOnlyIntegerProperty unanimousUndecidedProperty() {
        return unanimousUndecided;
    }

    public ReadOnlyObjectProperty<LabelScheme> schemeProperty() {
        return scheme;
    }

    public ReadOnlyObjectProperty<AdjudicationCase> currentProperty() {
        return current;
    }

    public StringProperty adjudicatorProperty() {
        return adjudicator;
    }

    public StringProperty goldLabelProperty() {
        return goldLabel;
    }

    public ObjectProperty<AdjudicationBasis> basisProperty() {
        return basis;
    }

    public StringProperty rationaleProperty() {
        return rationale;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Reloads the queue and the count of unanimous items; keeps the open transcript. */
    public void refresh() {
        Integer threshold = lowConfidence.get() ? confidenceAtMost.get() : null;
        boolean decided = includeDecided.get();
        executor.submit(p -> new Loaded(service.labelScheme(), service.queue(threshold, decided),
                service.unanimousUndecided().size()), l -> {
                    if (adjudicator.get() == null || adjudicator.get().isBlank()) {
                        // the account's name: the person at the keyboard (the project's last adjudicator
                        // might be someone else, whose name would then go on these decisions)
                        adjudicator.set(fallbackName);
                    }
                    scheme.set(l.scheme());
                    queue.setAll(l.items());
                    unanimousUndecided.set(l.unanimous());
                    if (current.get() == null && !l.items().isEmpty()) {
                        open(l.items().get(0).transcriptId());
                    }
                }, this::fail);
    }

    private record Loaded(LabelScheme scheme, List<AdjudicationItem> items, int unanimous) {
    }

    /** Opens a transcript and fills the gold panel: the decision so far, else the majority label. */
    public void open(String transcriptId) {
        executor.submit(p -> service.open(transcriptId), c -> {
            current.set(c);
            error.set("");
            Adjudication gold = c.item().gold();
            if (gold != null) {
                goldLabel.set(gold.label());
                basis.set(gold.basis());
                rationale.set(gold.rationale());
            } else {
                goldLabel.set(c.item().majorityLabel());
                basis.set(c.item().majorityLabel() != null && c.item().disagreement() ? AdjudicationBasis.MAJORITY
                        : c.item().unanimous() ? AdjudicationBasis.UNANIMOUS : AdjudicationBasis.ADJUDICATED);
                rationale.set("");
            }
        }, this::fail);
    }

    /** Stores the gold label of the open transcript and moves to the next one in the queue. */
    public void save() {
        AdjudicationCase c = current.get();
        if (c == null) {
            return;
        }
        String id = c.item().transcriptId();
        String label = goldLabel.get();
        AdjudicationBasis b = basis.get();
        String why = rationale.get();
        String who = adjudicator.get();
        int index = indexOf(id);
        executor.submit(p -> service.decide(id, label, b, why, who), a -> {
            error.set("");
            message.set("Gold label for " + id + ": " + (a.label() == null ? "excluded" : a.label()) + " ("
                    + a.basis().name().toLowerCase(Locale.ROOT) + ")");
            String next = index + 1 < queue.size() ? queue.get(index + 1).transcriptId() : null;
            current.set(null);
            if (next != null) {
                open(next);
            }
            refresh();
        }, this::fail);
    }

    /** Accepts every unanimous, undecided transcript as gold in one step. */
    public void acceptUnanimous() {
        String who = adjudicator.get();
        executor.submit(p -> service.acceptUnanimous(who), n -> {
            error.set("");
            message.set("Accepted " + n + " unanimous transcript" + (n == 1 ? "" : "s") + " as gold");
            refresh();
        }, this::fail);
    }

    /** Each rater's colour slot, in the order the judgements are listed. */
    public static Map<String, Integer> slots(AdjudicationCase c) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (RaterJudgement j : c.item().judgements()) {
            m.put(j.rater(), m.size() % SpanStyles.SLOTS);
        }
        return m;
    }

    /** Every rater's spans in shown offsets; the "tag" is the rater (the colour), the note names the tag. */
    public static List<ShownSpan> shownSpans(AdjudicationCase c) {
        List<ShownSpan> out = new ArrayList<>();
        for (RaterJudgement j : c.item().judgements()) {
            for (Span s : j.spans()) {
                ShownSegment seg = c.segments().stream().filter(x -> x.ordinal() == s.segmentOrdinal()).findFirst().orElse(null);
                if (seg == null) {
                    continue;
                }
                int start = seg.text().toShown(s.start(), false);
                int end = seg.text().toShown(s.end(), true);
                out.add(new ShownSpan(s.id(), s.segmentOrdinal(), start, end, j.rater(),
                        j.rater() + ": " + s.tag() + (s.note().isEmpty() ? "" : " (" + s.note() + ")")));
            }
        }
        return out;
    }

    private int indexOf(String id) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).transcriptId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void fail(Throwable t) {
        // The form's own refusals ("choose a gold label") read as the reason alone, not "field label: ...".
        String text = t instanceof org.afannotator.domain.BadInputException b && b.file() == null ? b.reason()
                : t.getMessage() == null ? t.toString() : t.getMessage();
        message.set("");
        error.set(text);
    }
}
