package org.afannotator.ui.exchange;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.afannotator.app.BundleService;
import org.afannotator.app.ExportService;
import org.afannotator.app.MergeOutcome;
import org.afannotator.app.MergeReport;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.ReportService;
import org.afannotator.app.WorkProgress;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;
import org.afannotator.ui.common.UiExecutor;

/**
 * Exports, the HTML report, rater bundles and merging them back, from the app: the same app
 * services the command line uses, run on the executor with progress; the outcome is a text the
 * dialog shows.
 */
public final class ExchangeViewModel {
    private final ProjectSession session;
    private final UiExecutor executor;
    private final ObservableList<String> raters = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public ExchangeViewModel(ProjectSession session, UiExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    public ObservableList<String> raters() {
        return raters;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Loads the names of the raters a bundle can be made for. */
    public void loadRaters() {
        executor.submit(p -> session.raterWork().raters().stream().filter(r -> r.role() == RaterRole.RATER)
                .map(Rater::name).toList(), raters::setAll, this::fail);
    }

    /** The open project's file. */
    public Path projectPath() {
        return session.path();
    }

    public void export(Path dir) {
        run(p -> {
            ExportService.Export e = new ExportService().export(session, dir, sink(p));
            return "Wrote " + e.files().size() + " files to " + dir
                    + (e.skipped().isEmpty() ? "" : "\nLeft out: " + String.join("; ", e.skipped()));
        });
    }

    public void report(Path file) {
        run(p -> {
            ReportService.of(session).write(file, sink(p));
            return "Report written to " + file;
        });
    }

    public void bundle(String rater, Path file) {
        run(p -> {
            BundleService.BundleSummary s = BundleService.of(session).createBundle(rater, file);
            return "Bundle for " + s.rater() + ": " + s.transcripts() + " transcripts, " + s.annotations()
                    + " annotations and " + s.spans() + " spans so far, written to " + s.file();
        });
    }

    public void merge(List<Path> files) {
        run(p -> BundleService.of(session).merge(files).stream().map(ExchangeViewModel::describe)
                .collect(Collectors.joining("\n\n")));
    }

    /** One bundle's merge in words: counts, then every conflict and rejection with its reason. */
    static String describe(BundleService.BundleMerge m) {
        MergeReport r = m.report();
        StringBuilder sb = new StringBuilder();
        sb.append(m.file().getFileName()).append(" (").append(m.rater()).append("): ")
                .append(r.count(MergeOutcome.ADDED)).append(" added, ")
                .append(r.count(MergeOutcome.UPDATED)).append(" updated, ")
                .append(r.count(MergeOutcome.IDENTICAL)).append(" identical, ")
                .append(r.count(MergeOutcome.PROJECT_NEWER)).append(" kept (changed here since), ")
                .append(r.count(MergeOutcome.CONFLICT)).append(" conflicts not merged, ")
                .append(r.count(MergeOutcome.REJECTED)).append(" rejected");
        for (MergeReport.Unit u : r.of(MergeOutcome.CONFLICT)) {
            sb.append("\n  conflict ").append(u.transcriptId()).append(": ").append(u.detail());
        }
        for (MergeReport.Unit u : r.of(MergeOutcome.REJECTED)) {
            sb.append("\n  rejected ").append(u.transcriptId()).append(": ").append(u.detail());
        }
        if (!m.ignoredRaters().isEmpty()) {
            sb.append("\n  not merged, made under other names: ").append(String.join(", ", m.ignoredRaters()));
        }
        return sb.toString();
    }

    private void run(UiExecutor.Work<String> work) {
        running.set(true);
        error.set("");
        result.set("");
        progress.set(-1);
        executor.submit(work, text -> {
            running.set(false);
            progress.set(1);
            result.set(text);
        }, t -> {
            running.set(false);
            progress.set(0);
            fail(t);
        }, u -> progress.set(u.fraction()));
    }

    private static WorkProgress sink(UiExecutor.Progress p) {
        return p::update;
    }

    private void fail(Throwable t) {
        error.set(t.getMessage() == null ? t.toString() : t.getMessage());
    }
}
