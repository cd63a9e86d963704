package org.afannotator.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.BadInputException;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;
import org.afannotator.domain.Segment;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.afannotator.report.AnnotationLine;
import org.afannotator.report.AnnotationLines;
import org.afannotator.store.ProjectChangedException;
import org.afannotator.store.ProjectStore;

/**
 * Rater bundles, for teams without a server. A bundle is a project file holding one rater's
 * assigned transcripts and queue, blinded: no other rater, no classifier output, no gold labels;
 * source, format, model, condition, setting and metadata removed; the free/paid tier tag values
 * masked in the text itself. It carries the project's id, so a merge can refuse a bundle of
 * another project, and its own id, under which the project keeps the last synced state of each of
 * the rater's annotations (the base of the three-way merge, see {@link AnnotationMerger}).
 */
public final class BundleService {
    /** A random UUID made once per project. */
    public static final String PROJECT_ID = "project_id";
    static final String BUNDLE_ID = "bundle_id";
    static final String BUNDLE_RATER = "bundle_rater";
    static final String SYNC_PREFIX = "bundle_sync.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<HashMap<String, String>> MAP = new TypeReference<>() { };

    private final ProjectStore store;
    private final Clock clock;

    /** The service over an open session, for the UI (which does not touch the store itself). */
    public static BundleService of(ProjectSession session) {
        return new BundleService(session.store(), Clock.systemUTC());
    }

    public BundleService(ProjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a bundle holds. */
    public record BundleSummary(Path file, String rater, int transcripts, int annotations, int spans) {
    }

    /** The result of merging one bundle. */
    public record BundleMerge(Path file, String rater, MergeReport report, List<String> ignoredRaters) {
        public BundleMerge {
            ignoredRaters = List.copyOf(ignoredRaters);
        }
    }

    /** The project's id, created (and stored) on first use. */
    public String projectId() {
        Optional<String> id = store.settings().get(PROJECT_ID);
        if (id.isPresent()) {
            return id.get();
        }
        String fresh = UUID.randomUUID().toString();
        store.settings().put(PROJECT_ID, fresh);
        return fresh;
    }

    /** Writes a new bundle file for {@code raterName}; refuses an existing file. */
    public BundleSummary createBundle(String raterName, Path out) {
        Rater rater = store.raters().byName(raterName == null ? "" : raterName)
                .orElseThrow(() -> new BadInputException(null, null, "rater", "no rater named '" + raterName + "' in this project"));
        if (rater.role() != org.afannotator.domain.RaterRole.RATER) {
            throw RaterWorkService.notARater(rater, "rater");
        }
        if (Files.exists(out)) {
            throw new BadInputException(out.toString(), "file exists already; not overwriting it");
        }
        if (store.settings().get(RaterWorkService.ASSIGNMENT).isEmpty()) {
            // No assignment yet: every rater rates every transcript. The bundle holds the queue this
            // rater gets at sign-in: made for a rater who never signed in here (labels imported), and
            // with the transcripts imported since they last did.
            new RaterWorkService(store, clock).signIn(rater.name());
        }
        List<String> queue = store.assignments().queue(rater.id());
        if (queue.isEmpty()) {
            throw new BadInputException(null, null, "rater", store.transcripts().count() == 0
                    ? "the project has no transcripts yet: import some first"
                    : rater.name() + " was given no transcripts by the last assignment (assign -k): assign again with"
                            + " their name among the raters");
        }
        String projectId = projectId();
        String bundleId = UUID.randomUUID().toString();
        Map<String, String> base = new HashMap<>();
        int annotations = 0;
        int spans = 0;
        boolean ok = false;
        try (ProjectStore bundle = ProjectStore.create(out)) {
            int[] counts = bundle.inTransaction(c -> {
                bundle.settings().put(PROJECT_ID, projectId);
                bundle.settings().put(BUNDLE_ID, bundleId);
                bundle.settings().put(BUNDLE_RATER, rater.name());
                bundle.settings().setLabelScheme(store.settings().labelScheme());
                bundle.settings().setBlinding(true);
                Rater mine = bundle.raters().getOrCreate(rater.name(), RaterRole.RATER);
                int a = 0;
                int s = 0;
                for (String id : queue) {
                    Transcript t = store.transcripts().get(id).orElseThrow();
                    List<Segment> masked = new ArrayList<>();
                    for (Segment seg : t.segments()) {
                        masked.add(new Segment(seg.ordinal(), seg.kind(), ShownText.masked(seg.text()).shown()));
                    }
                    bundle.transcripts().insertAll(c, List.of(new Transcript(t.id(), null, null, null, null, null,
                            t.importedAt(), Map.of(), masked)));
                    Optional<Annotation> own = store.annotations().get(id, rater.id());
                    List<Span> ownSpans = store.spans().forTranscript(id, rater.id());
                    if (own.isPresent()) {
                        Annotation x = own.get();
                        bundle.annotations().save(c, new Annotation(id, mine.id(), x.label(), x.confidence(), x.criteria(),
                                x.note(), x.status(), x.timeSpentMs(), x.createdAt(), x.updatedAt()));
                        a++;
                    }
                    for (Span sp : ownSpans) {
                        ShownText text = ShownText.masked(t.segment(sp.segmentOrdinal()).text());
                        int start = text.toShown(sp.start(), false);
                        int end = text.toShown(sp.end(), true);
                        bundle.spans().add(c, new Span(0, id, mine.id(), sp.segmentOrdinal(), start, end, sp.tag(),
                                text.shown().substring(start, end), sp.note()));
                        s++;
                    }
                    if (own.isPresent() || !ownSpans.isEmpty()) {
                        base.put(AnnotationMerger.unitKey(id, rater.name()),
                                AnnotationMerger.content(own, ownSpans).fingerprint());
                    }
                }
                bundle.assignments().replaceQueue(mine.id(), queue);
                return new int[] {a, s};
            });
            annotations = counts[0];
            spans = counts[1];
            ok = true;
        } finally {
            if (!ok) {
                ProjectStore.deleteFiles(out);
            }
        }
        saveBase(bundleId, base);
        return new BundleSummary(out, rater.name(), queue.size(), annotations, spans);
    }

    /**
     * Merges bundles back. Every bundle is read whole first (a project file, a bundle, of this
     * project, its rater's work), each closed before the next; one that fails refuses the whole
     * merge before anything is written. Then all are written in one transaction.
     */
    public List<BundleMerge> merge(List<Path> files) {
        String projectId = store.settings().get(PROJECT_ID).orElse(null);
        record Read(Path file, String bundleId, String rater, List<AnnotationLine> lines, List<String> ignored) {
        }
        List<Read> reads = new ArrayList<>();
        for (Path f : files) {
            // Closing runs the check that a bundle read as it stands (a read-only share) did not
            // change meanwhile: a read that failed because it did reports the change.
            try (ProjectStore bundle = ProjectStore.openToRead(f)) {
                String[] id = identify(bundle, f, projectId);
                String raterName = id[1];
                Optional<Rater> r = bundle.raters().byName(raterName);
                List<AnnotationLine> lines = r.map(x -> AnnotationLines.asStored(bundle, x.id())).orElse(List.of());
                List<String> ignored = bundle.raters().all().stream().map(Rater::name)
                        .filter(n -> !n.equals(raterName)).filter(n -> !AnnotationLines.asStored(bundle,
                                bundle.raters().byName(n).orElseThrow().id()).isEmpty()).toList();
                reads.add(new Read(f, id[0], raterName, lines, ignored));
            } catch (RuntimeException e) {
                throw ProjectChangedException.ofRead(e);
            }
        }
        return store.inTransaction(c -> {
            List<BundleMerge> out = new ArrayList<>();
            for (Read read : reads) {
                Map<String, String> base = loadBase(read.bundleId());
                MergeReport report = new AnnotationMerger(store, clock).merge(read.lines(), true, base);
                saveBase(read.bundleId(), base);
                out.add(new BundleMerge(read.file(), read.rater(), report, read.ignored()));
            }
            return out;
        });
    }

    /** Bundle id and rater of a bundle of this project, or a BadInputException saying why not. */
    private static String[] identify(ProjectStore bundle, Path f, String projectId) {
        Optional<String> bundleId = bundle.settings().get(BUNDLE_ID);
        Optional<String> rater = bundle.settings().get(BUNDLE_RATER);
        if (bundleId.isEmpty() || rater.isEmpty()) {
            throw new BadInputException(f.toString(), "not a rater bundle (a project file, but not made by 'bundle')");
        }
        String theirs = bundle.settings().get(PROJECT_ID).orElse("?");
        if (projectId == null || !projectId.equals(theirs)) {
            throw new BadInputException(f.toString(), "a bundle of another project (its project id is " + theirs
                    + ", this project's is " + (projectId == null ? "not set: no bundle was made from it" : projectId)
                    + "); nothing merged");
        }
        return new String[] {bundleId.get(), rater.get()};
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> loadBase(String bundleId) {
        return store.settings().get(SYNC_PREFIX + bundleId).map(json -> {
            try {
                return (Map<String, String>) JSON.readValue(json, MAP);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt bundle sync record " + bundleId, e);
            }
        }).orElseGet(HashMap::new);
    }

    private void saveBase(String bundleId, Map<String, String> base) {
        try {
            store.settings().put(SYNC_PREFIX + bundleId, JSON.writeValueAsString(new java.util.TreeMap<>(base)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
