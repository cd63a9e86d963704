package org.afannotator.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.afannotator.domain.Adjudication;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Rater;
import org.afannotator.domain.SchemeEntry;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.app.audit.AuditReport;
import org.afannotator.report.HtmlReport;
import org.afannotator.report.ReportModel;
import org.afannotator.stats.classifier.AuditOptions;
import org.afannotator.store.ProjectStore;

/** Builds the HTML report of a project: the numbers come from the same services the app and CLI use. */
public final class ReportService {
    /** Longest scratchpad excerpt shown per disagreement, in code points. */
    static final int EXCERPT_CODE_POINTS = 3000;
    /** Most disagreements listed with excerpts; the report says how many there are in all. */
    static final int MAX_DISAGREEMENTS = 500;
    private final ProjectStore store;
    private final Clock clock;

    /** The service over an open session, for the UI (which does not touch the store itself). */
    public static ReportService of(ProjectSession session) {
        return new ReportService(session.store(), Clock.systemUTC());
    }

    public ReportService(ProjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void write(Path out, WorkProgress progress) {
        progress.update(0, 2, "computing");
        ReportModel model = model();
        progress.update(1, 2, "writing");
        HtmlReport.write(model, out);
        progress.update(2, 2, "done");
    }

    public ReportModel model() {
        String project = store.path().getFileName().toString();
        ReportModel.Summary summary = summary(project);
        List<ReportModel.RaterRow> raters = raters();
        AgreementPart agreement = agreement();
        ClassifierPart classifiers = classifiers();
        DisagreementPart disagreements = disagreements();
        return new ReportModel("AF Annotator report: " + project, clock.instant(), summary, raters,
                agreement.labels(), agreement.missing(), agreement.pairwise(), agreement.tables(), agreement.spans(),
                classifiers.sections(), classifiers.missing(), disagreements.listed(), disagreements.total());
    }

    record AgreementPart(List<ReportModel.Estimate> labels, String missing, ReportModel.Heatmap pairwise,
                                 List<ReportModel.Table> tables, List<ReportModel.Estimate> spans) {
    }

    record ClassifierPart(List<ReportModel.ClassifierSection> sections, String missing) {
    }

    /** Agreement from {@link AgreementService} with its default options (95% bootstrap intervals, seed 1). */
    private AgreementPart agreement() {
        ProjectAgreement pa;
        try {
            pa = new AgreementService().project(store, AgreementOptions.defaults());
        } catch (RuntimeException e) {
            return new AgreementPart(null, "Agreement could not be computed: " + e.getMessage(), null, List.of(), null);
        }
        return ReportSections.agreement(pa, store.settings().labelScheme());
    }

    /** Every classifier against the raters, from {@link AuditService} with its default options. */
    private ClassifierPart classifiers() {
        ProjectSession session = ProjectSession.of(store);
        AuditService audit = new AuditService();
        if (audit.classifiers(session).isEmpty()) {
            return new ClassifierPart(List.of(), null);
        }
        try {
            AuditReport report = audit.compare(session, null, AuditOptions.defaults(audit.defaultPositive(session)));
            return new ClassifierPart(ReportSections.classifiers(report), null);
        } catch (RuntimeException e) {
            return new ClassifierPart(null, "The classifiers could not be compared: " + e.getMessage());
        }
    }

    private ReportModel.Summary summary(String project) {
        ProjectSummary s = new ProjectInfoService().summarise(store);
        int finished = (int) store.annotations().all().stream().filter(a -> a.status() == AnnotationStatus.DONE).count();
        Map<String, Integer> gold = new HashMap<>();
        for (Adjudication a : store.adjudications().all()) {
            gold.merge(a.basis().name(), 1, Integer::sum);
        }
        List<String> labels = store.settings().labelScheme().labels().stream().map(SchemeEntry::code).toList();
        return new ReportModel.Summary(project, s.transcripts(), s.raters(), s.annotations(), finished, s.spans(),
                s.predictions(), s.classifiers(), gold, labels);
    }

    private List<ReportModel.RaterRow> raters() {
        RaterWorkService work = new RaterWorkService(store, clock);
        List<ReportModel.RaterRow> rows = new ArrayList<>();
        for (Rater r : store.raters().all()) {
            QueueProgress p = work.progress(r.id());
            int finished = (int) store.annotations().forRater(r.id()).stream()
                    .filter(a -> a.status() == org.afannotator.domain.AnnotationStatus.DONE).count();
            rows.add(new ReportModel.RaterRow(r.name(), r.role().name().toLowerCase(java.util.Locale.ROOT), finished,
                    p.total(), p.done(), p.inProgress(), p.skipped()));
        }
        return rows;
    }

    record DisagreementPart(List<ReportModel.Disagreement> listed, int total) {
    }

    private DisagreementPart disagreements() {
        AdjudicationService adjudication = new AdjudicationService(store, clock);
        Map<Long, String> names = new HashMap<>();
        store.raters().all().forEach(r -> names.put(r.id(), r.name()));
        List<ReportModel.Disagreement> out = new ArrayList<>();
        List<AdjudicationItem> items = adjudication.queue(null, true);
        for (AdjudicationItem item : items.subList(0, Math.min(items.size(), MAX_DISAGREEMENTS))) {
            Transcript t = store.transcripts().get(item.transcriptId()).orElseThrow();
            List<ReportModel.Vote> votes = item.judgements().stream()
                    .map(j -> new ReportModel.Vote(j.rater(), j.label(), j.confidence(), j.note())).toList();
            List<ReportModel.Quote> quotes = new ArrayList<>();
            for (Span s : store.spans().forTranscript(item.transcriptId())) {
                quotes.add(new ReportModel.Quote(names.get(s.raterId()), s.tag(),
                        t.segment(s.segmentOrdinal()).kind().name().toLowerCase(java.util.Locale.ROOT), s.quote()));
            }
            String gold = item.gold() == null ? null
                    : (item.gold().label() == null ? "excluded" : item.gold().label()) + " (" + item.gold().basis().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", " + item.gold().adjudicator() + ")";
            out.add(new ReportModel.Disagreement(item.transcriptId(), votes, gold, excerpt(t), quotes));
        }
        return new DisagreementPart(out, items.size());
    }

    /** The scratchpad blocks (else the whole transcript), cut at {@link #EXCERPT_CODE_POINTS}. */
    static String excerpt(Transcript t) {
        List<Segment> parts = t.segments(SegmentKind.SCRATCHPAD);
        if (parts.isEmpty()) {
            parts = t.segments();
        }
        StringBuilder sb = new StringBuilder();
        for (Segment s : parts) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(s.text());
        }
        String text = sb.toString();
        if (text.codePointCount(0, text.length()) <= EXCERPT_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EXCERPT_CODE_POINTS)) + " \u2026";
    }
}
