package org.afannotator.ui.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.afannotator.app.AuditService;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.audit.AuditReport;
import org.afannotator.app.audit.ClassifierAudit;
import org.afannotator.app.audit.ComparisonCsv;
import org.afannotator.app.audit.ComparisonJson;
import org.afannotator.app.audit.DisagreementCsv;
import org.afannotator.stats.classifier.AuditOptions;
import org.afannotator.stats.classifier.ConfusionMatrix;
import org.afannotator.ui.common.UiExecutor;

/**
 * The audit screen: pick a classifier, see its comparison with the human reference, move a
 * threshold and see the metrics follow, export. All computing and file writing runs on the
 * executor; results land in the properties on the FX thread.
 */
public final class AuditViewModel {
    private final ProjectSession session;
    private final UiExecutor executor;
    private final AuditService service;

    private final ObservableList<String> classifiers = FXCollections.observableArrayList();
    private final ObjectProperty<String> classifier = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<ClassifierAudit> audit = new SimpleObjectProperty<>();
    private final DoubleProperty threshold = new SimpleDoubleProperty(AuditOptions.DEFAULT_THRESHOLD);
    private final ObjectProperty<ConfusionMatrix> atThreshold = new SimpleObjectProperty<>();
    private final IntegerProperty bootstrap = new SimpleIntegerProperty(AuditOptions.DEFAULT_BOOTSTRAP);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private String positive;
    private long thresholdJobs;

    public AuditViewModel(ProjectSession session, UiExecutor executor) {
        this(session, executor, new AuditService());
    }

    public AuditViewModel(ProjectSession session, UiExecutor executor, AuditService service) {
        this.session = session;
        this.executor = executor;
        this.service = service;
        classifier.addListener((o, a, b) -> {
            if (b != null && !b.equals(a)) {
                compare();
            }
        });
        threshold.addListener((o, a, b) -> recomputeAtThreshold());
    }

    // ---- state ----

    public ObservableList<String> classifiers() {
        return classifiers;
    }

    /** The classifier shown; choosing another recomputes. */
    public ObjectProperty<String> classifierProperty() {
        return classifier;
    }

    public ReadOnlyObjectProperty<AuditReport> reportProperty() {
        return report;
    }

    public ReadOnlyObjectProperty<ClassifierAudit> auditProperty() {
        return audit;
    }

    /** The slider's threshold: scored items are called positive at score >= threshold. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The confusion matrix at the slider's threshold. */
    public ReadOnlyObjectProperty<ConfusionMatrix> atThresholdProperty() {
        return atThreshold;
    }

    public IntegerProperty bootstrapProperty() {
        return bootstrap;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ProjectSession session() {
        return session;
    }

    // ---- commands ----

    /** Lists the project's classifiers and compares the first. */
    public void load() {
        busy.set(true);
        message.set("Reading classifiers\u2026");
        executor.submit(p -> new Loaded(service.classifiers(session), service.defaultPositive(session),
                service.otherQuestions(session)), loaded -> {
            busy.set(false);
            positive = loaded.positive;
            classifiers.setAll(loaded.classifiers);
            if (loaded.classifiers.isEmpty() && !loaded.otherQuestions.isEmpty()) {
                message.set("This project's classifiers answer other questions than alignment faking ("
                        + String.join(", ", loaded.otherQuestions) + "), so none is audited here; `compare --classifier"
                        + " NAME` compares one anyway.");
            } else if (loaded.classifiers.isEmpty()) {
                message.set("This project holds no classifier predictions yet: import some to audit them.");
            } else if (loaded.classifiers.contains(classifier.get())) {
                compare();
            } else {
                classifier.set(loaded.classifiers.get(0));
            }
        }, this::failed);
    }

    /** Compares the chosen classifier with the raters. */
    public void compare() {
        String name = classifier.get();
        if (name == null || positive == null) {
            return;
        }
        AuditOptions options = new AuditOptions(positive, AuditOptions.DEFAULT_THRESHOLD, bootstrap.get(), AuditOptions.DEFAULT_SEED);
        busy.set(true);
        message.set("Comparing " + name + " with the raters\u2026");
        executor.submit(p -> service.compare(session, name, options), r -> {
            busy.set(false);
            if (!name.equals(classifier.get())) {
                return;
            }
            report.set(r);
            audit.set(r.classifiers().get(0));
            message.set("");
            if (threshold.get() == options.threshold()) {
                recomputeAtThreshold();
            } else {
                threshold.set(options.threshold());
            }
        }, this::failed);
    }

    /** Writes the comparison as JSON, the same as {@code compare --format json}. */
    public void exportJson(Path file) {
        AuditReport r = report.get();
        if (r != null) {
            write(file, () -> ComparisonJson.write(r, true));
        }
    }

    /** Writes the comparison as CSV, the same as {@code compare --format csv}. */
    public void exportCsv(Path file) {
        AuditReport r = report.get();
        if (r != null) {
            write(file, () -> ComparisonCsv.write(r));
        }
    }

    /** Writes the disagreement list as CSV, the same as {@code compare --disagreements}. */
    public void exportDisagreements(Path file) {
        AuditReport r = report.get();
        ClassifierAudit a = audit.get();
        if (r != null && a != null) {
            write(file, () -> DisagreementCsv.write(r.disagreements(a)));
        }
    }

    /** A browser over the current classifier's disagreements at the slider's threshold, or null before a comparison. */
    public DisagreementBrowserViewModel browser() {
        AuditReport r = report.get();
        ClassifierAudit a = audit.get();
        return r == null || a == null ? null
                : new DisagreementBrowserViewModel(session, executor, service, r, a, threshold.get());
    }

    private void recomputeAtThreshold() {
        ClassifierAudit a = audit.get();
        if (a == null) {
            atThreshold.set(null);
            return;
        }
        double t = threshold.get();
        long job = ++thresholdJobs;
        executor.submit(p -> a.comparison().confusionAt(t), m -> {
            if (job == thresholdJobs) {
                atThreshold.set(m);
            }
        }, this::failed);
    }

    private void write(Path file, java.util.concurrent.Callable<String> content) {
        busy.set(true);
        executor.submit(p -> {
            Files.writeString(file, content.call(), StandardCharsets.UTF_8);
            return file;
        }, f -> {
            busy.set(false);
            message.set("Saved " + f.getFileName());
        }, this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        message.set(t.getMessage() == null ? t.toString() : t.getMessage());
    }

    private record Loaded(List<String> classifiers, String positive, List<String> otherQuestions) {
        Loaded {
            classifiers = new ArrayList<>(classifiers);
        }
    }
}
