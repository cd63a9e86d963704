package org.afannotator.ui.start;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.ProjectSummary;
import org.afannotator.app.RecentProjects;
import org.afannotator.app.StartupTrace;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;
import org.afannotator.ui.common.UiExecutor;

/**
 * The start screen: which project (recent, a file, a new one, or the default project with the
 * samples) and which rater. Owns the open project until the rater starts work, then hands it on.
 */
public final class StartViewModel {
    /** What the workspace needs: the open project and who is rating. */
    public record SignedIn(ProjectSession session, Rater rater) {
    }

    private final UiExecutor executor;
    private final Supplier<RecentProjects> recentStore;
    private final Supplier<ProjectSession> openDefault;
    private final Function<Path, ProjectSession> openPath;
    private final Function<Path, ProjectSession> createPath;

    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<String> raters = FXCollections.observableArrayList();
    private final ObjectProperty<Path> project = new SimpleObjectProperty<>();
    private final StringProperty projectInfo = new SimpleStringProperty("");
    private final StringProperty raterName = new SimpleStringProperty("");
    private final BooleanProperty blinding = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<ProjectSession> session = new SimpleObjectProperty<>();
    private RecentProjects recentProjects;
    private Consumer<SignedIn> onSignedIn = s -> { };

    public StartViewModel(UiExecutor executor) {
        this(executor, RecentProjects::load, ProjectSession::openDefault, ProjectSession::open, ProjectSession::create);
    }

    public StartViewModel(UiExecutor executor, Supplier<RecentProjects> recentStore, Supplier<ProjectSession> openDefault,
                          Function<Path, ProjectSession> openPath, Function<Path, ProjectSession> createPath) {
        this.executor = executor;
        this.recentStore = recentStore;
        this.openDefault = openDefault;
        this.openPath = openPath;
        this.createPath = createPath;
    }

    // ---- state ----

    public ObservableList<Path> recent() {
        return recent;
    }

    /** Raters of the open project, by name. */
    public ObservableList<String> raters() {
        return raters;
    }

    public ReadOnlyObjectProperty<Path> projectProperty() {
        return project;
    }

    /** "12 transcripts · 3 raters · 40 annotations" (see {@link #projectLine}). */
    public ReadOnlyStringProperty projectInfoProperty() {
        return projectInfo;
    }

    public StringProperty raterNameProperty() {
        return raterName;
    }

    /** The project's blinding (a researcher's setting; on by default). */
    public ReadOnlyBooleanProperty blindingProperty() {
        return blinding;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** What a long step in the background is doing, e.g. upgrading a project; empty otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<ProjectSession> sessionProperty() {
        return session;
    }

    public void setOnSignedIn(Consumer<SignedIn> handler) {
        onSignedIn = handler;
    }

    // ---- commands ----

    /** First step: reads the recent list and opens the most recent project, else the default one. */
    public void init() {
        busy.set(true);
        executor.submit(p -> {
            StartupTrace.mark("worker: reading recent projects");
            RecentProjects r = recentStore.get();
            List<Path> list = r.projects();
            StartupTrace.mark("worker: recent projects read");
            if (!list.isEmpty()) {
                announceUpgrade(p, list.get(0));
            }
            ProjectSession s = list.isEmpty() ? openDefault.get() : openOrDefault(list.get(0));
            StartupTrace.mark("worker: project open");
            if (list.isEmpty() || !s.path().toAbsolutePath().normalize().equals(list.get(0))) {
                remember(r, s.path(), null); // the default project on a first start, or the one opened instead
                list = r.projects();
            }
            Opened o = new Opened(r, s, load(s, r), list);
            StartupTrace.mark("worker: project summary read");
            return o;
        }, o -> {
            recentProjects = o.recent();
            opened(o);
            StartupTrace.mark("start screen filled in");
        }, this::failed, this::progress);
    }

    public void openDefault() {
        switchTo(null, openDefault::get);
    }

    public void open(Path path) {
        switchTo(path, () -> openPath.apply(path));
    }

    public void create(Path path) {
        switchTo(null, () -> createPath.apply(path));
    }

    /** Rereads the open project's summary and raters (after an import or a rating session). */
    public void refresh() {
        ProjectSession s = session.get();
        if (s == null) {
            return;
        }
        RecentProjects r = recentProjects;
        executor.submit(p -> new Opened(r, s, load(s, r), r == null ? null : r.projects()), this::opened, this::failed);
    }

    /** Turns blinding on or off for the whole project. */
    public void setBlinding(boolean on) {
        ProjectSession s = session.get();
        if (s == null) {
            return;
        }
        executor.submit(p -> {
            s.raterWork().setBlinding(on);
            return s.raterWork().blinding();
        }, blinding::set, this::failed);
    }

    /** Signs the named rater in (creating them if new) and hands project and rater on. */
    public void signIn() {
        ProjectSession s = session.get();
        String name = raterName.get() == null ? "" : raterName.get().strip();
        if (s == null) {
            message.set("Open a project first.");
            return;
        }
        if (name.isEmpty()) {
            message.set("Type your name or pick it from the list.");
            return;
        }
        busy.set(true);
        RecentProjects recents = recentProjects;
        executor.submit(p -> {
            Rater r = s.raterWork().signIn(name);
            List<Path> paths = null;
            if (recents != null) {
                remember(recents, s.path(), r.name());
                paths = recents.projects();
            }
            return new SignInDone(r, paths);
        }, done -> {
            busy.set(false);
            message.set("");
            if (done.recentPaths() != null) {
                recent.setAll(done.recentPaths());
            }
            onSignedIn.accept(new SignedIn(s, done.rater()));
        }, this::failed);
    }

    // ---- internals ----

    private record Loaded(ProjectSummary summary, List<String> raters, Map<RaterRole, Long> roles, boolean blinding,
            String lastRater) {
    }

    /**
     * "35 transcripts · 3 raters · 1 imported label set · 106 annotations": people by role, so that a
     * published label set imported as an EXTERNAL rater is not counted as one of the project's raters.
     */
    static String projectLine(ProjectSummary s, Map<RaterRole, Long> roles) {
        StringBuilder b = new StringBuilder().append(s.transcripts()).append(" transcripts");
        b.append(" \u00b7 ").append(plural(roles.getOrDefault(RaterRole.RATER, 0L), "rater", "raters"));
        long adjudicators = roles.getOrDefault(RaterRole.ADJUDICATOR, 0L);
        long researchers = roles.getOrDefault(RaterRole.RESEARCHER, 0L);
        long external = roles.getOrDefault(RaterRole.EXTERNAL, 0L);
        if (adjudicators > 0) {
            b.append(" \u00b7 ").append(plural(adjudicators, "adjudicator", "adjudicators"));
        }
        if (researchers > 0) {
            b.append(" \u00b7 ").append(plural(researchers, "researcher", "researchers"));
        }
        if (external > 0) {
            b.append(" \u00b7 ").append(plural(external, "imported label set", "imported label sets"));
        }
        return b.append(" \u00b7 ").append(s.annotations()).append(" annotations").toString();
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A project opened on the worker; {@code recentPaths} is the recent list as it now stands (null: unchanged). */
    private record Opened(RecentProjects recent, ProjectSession session, Loaded loaded, List<Path> recentPaths) {
    }

    private record SignInDone(Rater rater, List<Path> recentPaths) {
    }

    /** Records an opened project; the list is a convenience, so a file that cannot be written stops nothing. */
    private static void remember(RecentProjects r, Path project, String rater) {
        try {
            r.opened(project, rater);
        } catch (java.io.UncheckedIOException e) {
            // the project is open all the same; the list is written again at the next open
        }
    }

    private ProjectSession openOrDefault(Path p) {
        try {
            return openPath.apply(p);
        } catch (RuntimeException e) {
            return openDefault.get();
        }
    }

    private static Loaded load(ProjectSession s, RecentProjects r) {
        List<Rater> all = s.raterWork().raters();
        return new Loaded(s.summary(), all.stream().filter(x -> x.role() == RaterRole.RATER).map(Rater::name).toList(),
                all.stream().collect(Collectors.groupingBy(Rater::role, () -> new EnumMap<>(RaterRole.class),
                        Collectors.counting())),
                s.raterWork().blinding(),
                r == null ? null : r.lastRater(s.path()).orElse(null));
    }

    private void switchTo(Path path, Supplier<ProjectSession> opener) {
        ProjectSession old = session.get();
        RecentProjects r = recentProjects;
        busy.set(true);
        executor.submit(p -> {
            if (path != null) {
                announceUpgrade(p, path);
            }
            ProjectSession s = opener.get();
            if (old != null && old != s) {
                old.close();
            }
            // The list shows a project once it was opened, not only after someone rated in it.
            if (r != null) {
                remember(r, s.path(), null);
            }
            return new Opened(r, s, load(s, r), r == null ? null : r.projects());
        }, this::opened, this::failed, this::progress);
    }

    /** Says so before a project saved by an older version is upgraded (on a large project this takes a while). */
    private static void announceUpgrade(UiExecutor.Progress p, Path path) {
        OptionalInt older = ProjectSession.olderSchemaVersion(path);
        if (older.isPresent()) {
            String name = path.getFileName().toString();
            p.update(-1, -1, "Upgrading " + name + " to this version's format (once; the original is kept as "
                    + name + ".bak-v" + older.getAsInt() + ")\u2026");
        }
    }

    private void progress(UiExecutor.ProgressUpdate u) {
        status.set(u.message() == null ? "" : u.message());
    }

    private void opened(Opened o) {
        busy.set(false);
        status.set("");
        if (o.recentPaths() != null) {
            recent.setAll(o.recentPaths());
        }
        session.set(o.session());
        project.set(o.session().path());
        ProjectSummary s = o.loaded().summary();
        projectInfo.set(projectLine(s, o.loaded().roles()));
        raters.setAll(o.loaded().raters());
        blinding.set(o.loaded().blinding());
        if (o.loaded().lastRater() != null) {
            raterName.set(o.loaded().lastRater());
        } else if (!raters.contains(raterName.get())) {
            raterName.set("");
        }
        message.set("");
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set("");
        message.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
