package org.afannotator.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalInt;
import org.afannotator.store.ProjectStore;

/**
 * An open project, as the app and the command line hold it: the store and the use cases over it.
 * Open and close it off the FX thread.
 */
public final class ProjectSession implements AutoCloseable {
    private final ProjectStore store;
    private final RaterWorkService raterWork;

    private ProjectSession(ProjectStore store, Clock clock) {
        this.store = store;
        this.raterWork = new RaterWorkService(store, clock);
    }

    public static ProjectSession of(ProjectStore store) {
        return new ProjectSession(store, Clock.systemUTC());
    }

    /** Opens an existing project (a missing or foreign file is a BadInputException). */
    public static ProjectSession open(Path path) {
        return of(ProjectStore.open(path));
    }

    /** Opens a project to read it only; in a read-only folder too (see {@link ProjectStore#openToRead}). */
    public static ProjectSession openToRead(Path path) {
        return of(ProjectStore.openToRead(path));
    }

    /**
     * The schema version of a project saved by an older version, which opening it upgrades (once;
     * the original is kept as {@code NAME.bak-vN}); empty when opening will not upgrade it.
     */
    public static OptionalInt olderSchemaVersion(Path path) {
        return ProjectStore.olderSchemaVersion(path);
    }

    /** Creates a new empty project; refuses an existing file. */
    public static ProjectSession create(Path path) {
        return of(ProjectStore.create(path));
    }

    /** The default project in the user's data folder, created and filled with samples on first start. */
    public static ProjectSession openDefault() {
        return of(DefaultProject.openOrCreate());
    }

    public Path path() {
        return store.path();
    }

    /** The store, for app-layer services and the command line (the UI goes through services). */
    public ProjectStore store() {
        return store;
    }

    public RaterWorkService raterWork() {
        return raterWork;
    }

    /** Agreement between the raters of this project (statistics work: call off the FX thread). */
    public ProjectAgreement agreement(AgreementOptions options) {
        return new AgreementService().project(store, options);
    }

    /** Writes the agreement summary JSON, summary CSV and per-item CSV into {@code dir}. */
    public java.util.List<Path> exportAgreement(ProjectAgreement agreement, AgreementOptions options, Path dir) {
        return new AgreementService().export(agreement, options, dir);
    }

    public ProjectSummary summary() {
        return new ProjectInfoService().summarise(store);
    }

    @Override
    public void close() {
        store.close();
    }
}
