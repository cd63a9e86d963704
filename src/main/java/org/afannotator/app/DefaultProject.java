package org.afannotator.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.afannotator.store.ProjectStore;

/** The project the app opens on first start, in the user's data folder. */
public final class DefaultProject {
    private DefaultProject() {
    }

    /** Opens the default project, creating it on first start. */
    public static ProjectStore openOrCreate() {
        Path path = DataFolder.defaultProject();
        boolean fresh = !Files.exists(path);
        ProjectStore store = ProjectStore.openOrCreate(path);
        StartupTrace.mark("default project opened" + (fresh ? " (new)" : ""));
        if (fresh) {
            SampleData.seed(store);
            StartupTrace.mark("default project seeded with the samples");
        }
        return store;
    }
}
