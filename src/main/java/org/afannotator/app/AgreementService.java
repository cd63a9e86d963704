package org.afannotator.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.LabelScheme;
import org.afannotator.domain.Rater;
import org.afannotator.domain.SchemeEntry;
import org.afannotator.domain.Segment;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.report.AgreementFiles;
import org.afannotator.stats.CodingAgreement;
import org.afannotator.stats.CodingReport;
import org.afannotator.stats.CodingStudy;
import org.afannotator.stats.Level;
import org.afannotator.stats.SpanAgreement;
import org.afannotator.stats.SpanStudy;
import org.afannotator.store.ProjectStore;

/**
 * Agreement between raters, from a ratings CSV, a spans CSV or a project. The CLI and the
 * dashboard both call this, so every number either shows comes from the same code.
 *
 * <p>From a project: the items are the transcripts with at least one annotation that is DONE and
 * has a label; only such annotations count (their label, their criteria, and the rater's spans on
 * that transcript). A span's offset on the transcript's continuum is its segment's start (the
 * summed lengths of the segments before it in ordinal order, no separator) plus its offset in the
 * segment; see docs/decisions/0011-span-continuum.md.
 */
public final class AgreementService {
    /** Category codes of a criterion study. */
    public static final String TICKED = "yes";
    public static final String NOT_TICKED = "no";

    /** Coding agreement of a ratings CSV ({@code item,rater,label}). */
    public CodingReport ratings(Path csv, AgreementOptions options) {
        CodingStudy study = RatingsCsv.read(csv, options.level());
        return analyse(study, options);
    }

    /** Span agreement of a spans CSV and a lengths CSV. */
    public SpanAgreement spans(Path spansCsv, Path lengthsCsv) {
        return SpanAgreement.of(SpansCsv.read(spansCsv, lengthsCsv));
    }

    /** Opens an existing project read-only in effect (nothing is written) and computes its agreement. */
    public ProjectAgreement project(Path project, AgreementOptions options) {
        try (ProjectStore store = ProjectStore.openToRead(project)) {
            return project(store, options);
        }
    }

    public ProjectAgreement project(ProjectStore store, AgreementOptions options) {
        LabelScheme scheme = store.settings().labelScheme();
        Map<Long, String> raterNames = new HashMap<>();
        for (Rater r : store.raters().all()) {
            raterNames.put(r.id(), r.name());
        }
        List<Annotation> done = new ArrayList<>();
        for (Annotation a : store.annotations().all()) {
            if (a.status() == AnnotationStatus.DONE && a.label() != null && !a.label().isBlank()) {
                done.add(a);
            }
        }
        List<String> order = store.transcripts().allIds();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        done.sort((x, y) -> {
            int c = Integer.compare(position.getOrDefault(x.transcriptId(), Integer.MAX_VALUE),
                    position.getOrDefault(y.transcriptId(), Integer.MAX_VALUE));
            return c != 0 ? c : raterNames.get(x.raterId()).compareTo(raterNames.get(y.raterId()));
        });
        Set<String> raters = new java.util.TreeSet<>();
        for (Annotation a : done) {
            raters.add(raterNames.get(a.raterId()));
        }

        CodingStudy.Builder labels = CodingStudy.builder();
        raters.forEach(labels::rater);
        for (SchemeEntry e : scheme.labels()) {
            labels.category(e.code());
        }
        for (Annotation a : done) {
            labels.rate(a.transcriptId(), raterNames.get(a.raterId()), a.label());
        }
        CodingReport labelReport = analyse(labels.build(), options);

        AgreementOptions nominal = new AgreementOptions(Level.NOMINAL, options.resamples(), options.seed());
        Map<String, CodingReport> criteria = new LinkedHashMap<>();
        // A rater who never ticked a criterion (labels imported without criteria, or criteria not
        // used) says nothing about them: counting their "not ticked" as ratings would be invented
        // agreement. The same rule as the classifier audit's criteria (AuditService).
        Set<Long> tickers = new java.util.HashSet<>();
        done.stream().filter(a -> !a.criteria().isEmpty()).forEach(a -> tickers.add(a.raterId()));
        for (SchemeEntry c : scheme.criteria()) {
            CodingStudy.Builder b = CodingStudy.builder().category(TICKED).category(NOT_TICKED);
            for (Annotation a : done) {
                if (tickers.contains(a.raterId())) {
                    b.rate(a.transcriptId(), raterNames.get(a.raterId()),
                            a.criteria().contains(c.code()) ? TICKED : NOT_TICKED);
                }
            }
            criteria.put(c.code(), CodingAgreement.analyse(b.build(), Level.NOMINAL, nominal.resamples(),
                    nominal.seed()));
        }
        int transcripts = order.size();
        return new ProjectAgreement(transcripts, labelReport, criteria, SpanAgreement.of(spanStudy(store, done,
                raterNames, scheme)));
    }

    private static SpanStudy spanStudy(ProjectStore store, List<Annotation> done, Map<Long, String> raterNames,
            LabelScheme scheme) {
        SpanStudy.Builder b = SpanStudy.builder();
        for (SchemeEntry t : scheme.tags()) {
            b.tag(t.code());
        }
        Map<String, Map<Integer, Integer>> segmentStart = new LinkedHashMap<>();
        Set<String> doneKeys = new LinkedHashSet<>();
        for (Annotation a : done) {
            String id = a.transcriptId();
            if (!segmentStart.containsKey(id)) {
                Transcript t = store.transcripts().get(id).orElse(null);
                if (t == null) {
                    continue;
                }
                Map<Integer, Integer> starts = new HashMap<>();
                b.item(id, continuum(t, starts));
                segmentStart.put(id, starts);
            }
            b.read(id, raterNames.get(a.raterId()));
            doneKeys.add(id + '\u0000' + a.raterId());
        }
        for (String id : segmentStart.keySet()) {
            for (Span s : store.spans().forTranscript(id)) {
                if (!doneKeys.contains(id + '\u0000' + s.raterId())) {
                    continue;
                }
                Integer start = segmentStart.get(id).get(s.segmentOrdinal());
                if (start == null) {
                    continue;
                }
                b.span(id, raterNames.get(s.raterId()), s.tag(), start + s.start(), start + s.end());
            }
        }
        return b.build();
    }

    /**
     * The continuum length of a transcript, filling {@code starts} with each segment's offset on
     * it: segments in ordinal order, laid end to end with no separator.
     */
    static int continuum(Transcript t, Map<Integer, Integer> starts) {
        List<Segment> segs = new ArrayList<>(t.segments());
        segs.sort((x, y) -> Integer.compare(x.ordinal(), y.ordinal()));
        int pos = 0;
        for (Segment s : segs) {
            starts.put(s.ordinal(), pos);
            pos += s.text().length();
        }
        return pos;
    }

    /** Writes the summary JSON, the summary CSV and the per-item CSV into {@code dir}. */
    public List<Path> export(ProjectAgreement agreement, AgreementOptions options, Path dir) {
        return AgreementFiles.write(agreement.transcripts(), agreement.labels(), agreement.criteria(),
                agreement.spans(), options.seed(), options.resamples(), dir);
    }

    private static CodingReport analyse(CodingStudy study, AgreementOptions options) {
        try {
            return CodingAgreement.analyse(study, options.level(), options.resamples(), options.seed());
        } catch (IllegalArgumentException e) {
            throw new org.afannotator.domain.BadInputException(null, e.getMessage());
        }
    }
}
