package org.afannotator.app;

import java.nio.file.Path;
import org.afannotator.store.ProjectStore;

/** Reads a project's summary. */
public final class ProjectInfoService {

    public ProjectSummary summarise(ProjectStore store) {
        return new ProjectSummary(
                store.transcripts().count(),
                store.raters().count(),
                store.annotations().count(),
                store.spans().count(),
                store.predictions().count(),
                store.predictions().classifiers(),
                store.schemaVersion());
    }

    /** Opens the default project (creating it on first start) and summarises it. */
    public ProjectSummary summariseDefaultProject() {
        try (ProjectStore store = DefaultProject.openOrCreate()) {
            return summarise(store);
        }
    }

    /** Opens an existing project (never creates one), summarises it and closes it. */
    public ProjectSummary summarise(Path project) {
        try (ProjectStore store = ProjectStore.openToRead(project)) {
            return summarise(store);
        }
    }
}
