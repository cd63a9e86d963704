package org.afannotator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import's page cache and checkpoint interval hold while it runs and are put back after it. */
class BulkWritesTest {
    @TempDir
    Path dir;

    static int pragma(ProjectStore store, String name) {
        return store.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void settingsHoldUntilClosedThenThePreviousOnesAreBack() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.afproj"))) {
            int cache = pragma(store, "cache_size");
            int checkpoint = pragma(store, "wal_autocheckpoint");
            try (ProjectStore.Restore r = store.bulkWrites()) {
                assertThat(pragma(store, "cache_size")).isEqualTo(-ProjectStore.BULK_CACHE_KIB);
                // the log is copied by the background checkpoint's thread, not by the writer
                assertThat(pragma(store, "wal_autocheckpoint")).isZero();
                assertThat(store.backgroundCheckpoint()).isNotNull();
            }
            assertThat(store.backgroundCheckpoint()).isNull();
            assertThat(pragma(store, "cache_size")).isEqualTo(cache).isNotEqualTo(-ProjectStore.BULK_CACHE_KIB);
            assertThat(pragma(store, "wal_autocheckpoint")).isEqualTo(checkpoint).isPositive();
            assertThat(pragma(store, "synchronous")).isEqualTo(1); // NORMAL, unchanged
        }
    }

    @Test
    void aRunInsideARunChangesNothingAndTheOuterOnePutsTheSettingsBack() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.afproj"))) {
            int checkpoint = pragma(store, "wal_autocheckpoint");
            ProjectStore.Restore outer = store.bulkWrites();
            BackgroundCheckpoint bg = store.backgroundCheckpoint();
            try (ProjectStore.Restore inner = store.bulkWrites()) {
                assertThat(store.backgroundCheckpoint()).isSameAs(bg);
            }
            assertThat(pragma(store, "wal_autocheckpoint")).as("still the outer run's").isZero();
            assertThat(store.backgroundCheckpoint()).isSameAs(bg);
            outer.close();
            assertThat(pragma(store, "wal_autocheckpoint")).isEqualTo(checkpoint);
            assertThat(store.backgroundCheckpoint()).isNull();
        }
    }
}
