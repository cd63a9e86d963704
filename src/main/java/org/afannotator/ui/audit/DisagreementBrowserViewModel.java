package org.afannotator.ui.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.afannotator.app.AuditService;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.audit.AuditReport;
import org.afannotator.app.audit.ClassifierAudit;
import org.afannotator.app.audit.Disagreement;
import org.afannotator.app.audit.DisagreementCsv;
import org.afannotator.app.audit.DisagreementDetail;
import org.afannotator.stats.classifier.ItemOutcome;
import org.afannotator.ui.common.UiExecutor;

/**
 * The transcripts where a classifier and the human reference differ, the surest first, filtered by
 * kind and condition; opening one loads everything the researcher reads about it.
 */
public final class DisagreementBrowserViewModel {
    /** Which disagreements to list. */
    public enum KindFilter {
        ALL("All disagreements"),
        FALSE_POSITIVE("False positives"),
        FALSE_NEGATIVE("False negatives");

        private final String text;

        KindFilter(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        boolean accepts(ItemOutcome.Kind kind) {
            return this == ALL || name().equals(kind.name());
        }
    }

    /** The condition choice that lists every condition. */
    public static final String ALL_CONDITIONS = "All conditions";

    private final ProjectSession session;
    private final UiExecutor executor;
    private final AuditService service;
    private final AuditReport report;
    private final ClassifierAudit audit;
    private final List<Disagreement> all;
    private final double threshold;
    private final ObservableList<Disagreement> rows = FXCollections.observableArrayList();
    private final ObservableList<String> conditions = FXCollections.observableArrayList();
    private final ObjectProperty<KindFilter> kind = new SimpleObjectProperty<>(KindFilter.ALL);
    private final ObjectProperty<String> condition = new SimpleObjectProperty<>(ALL_CONDITIONS);
    private final ObjectProperty<DisagreementDetail> detail = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private long openJobs;

    public DisagreementBrowserViewModel(ProjectSession session, UiExecutor executor, AuditService service, AuditReport report,
                                        ClassifierAudit audit) {
        this(session, executor, service, report, audit, report.options().threshold());
    }

    /** The disagreements with scored items called at {@code threshold}, where the audit's slider stands. */
    public DisagreementBrowserViewModel(ProjectSession session, UiExecutor executor, AuditService service, AuditReport report,
                                        ClassifierAudit audit, double threshold) {
        this.session = session;
        this.threshold = threshold;
        this.executor = executor;
        this.service = service;
        this.report = report;
        this.audit = audit;
        this.all = report.disagreementsAt(audit, threshold);
        conditions.add(ALL_CONDITIONS);
        TreeSet<String> found = new TreeSet<>();
        all.stream().map(Disagreement::condition).filter(Objects::nonNull).forEach(found::add);
        conditions.addAll(found);
        kind.addListener((o, a, b) -> refilter());
        condition.addListener((o, a, b) -> refilter());
        refilter();
    }

    // ---- state ----

    public String classifier() {
        return audit.name();
    }

    public double threshold() {
        return threshold;
    }

    /** The listed disagreements, surest first. */
    public ObservableList<Disagreement> rows() {
        return rows;
    }

    /** Disagreements before filtering. */
    public int total() {
        return all.size();
    }

    public ObservableList<String> conditions() {
        return conditions;
    }

    public ObjectProperty<KindFilter> kindProperty() {
        return kind;
    }

    public ObjectProperty<String> conditionProperty() {
        return condition;
    }

    /** The opened transcript, or null. */
    public ReadOnlyObjectProperty<DisagreementDetail> detailProperty() {
        return detail;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    // ---- commands ----

    /** Loads what the browser shows for {@code row}. */
    public void open(Disagreement row) {
        if (row == null) {
            return;
        }
        long job = ++openJobs;
        message.set("Opening " + row.item() + "\u2026");
        executor.submit(p -> service.detail(session, report, audit.name(), row.item()), d -> {
            if (job == openJobs) {
                detail.set(d);
                message.set("");
            }
        }, this::failed);
    }

    /** Writes the listed (filtered) disagreements as CSV. */
    public void exportCsv(Path file) {
        List<Disagreement> shown = List.copyOf(rows);
        executor.submit(p -> {
            Files.writeString(file, DisagreementCsv.write(shown), StandardCharsets.UTF_8);
            return file;
        }, f -> message.set("Saved " + f.getFileName()), this::failed);
    }

    private void refilter() {
        KindFilter k = kind.get() == null ? KindFilter.ALL : kind.get();
        String c = condition.get();
        boolean anyCondition = c == null || ALL_CONDITIONS.equals(c);
        rows.setAll(all.stream().filter(d -> k.accepts(d.kind()))
                .filter(d -> anyCondition || c.equals(d.condition())).toList());
    }

    private void failed(Throwable t) {
        message.set(t.getMessage() == null ? t.toString() : t.getMessage());
    }
}
