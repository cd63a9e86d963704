package org.afannotator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (the file may not grow: {@code PRAGMA max_page_count}) is reported as such, marked
 * worth retrying, changes nothing, and the same write goes through once there is room.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aWriteOnAFullDiskSaysDiskFullAndGoesThroughOnceThereIsRoom() {
        Path p = dir.resolve("p.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            store.transcripts().insert(ProjectStoreTest.transcript("t1"));
            Rater r = store.raters().getOrCreate("Ann", RaterRole.RATER);
            Annotation a = new Annotation("t1", r.id(), "faking", 4, Set.of(), "x".repeat(40_000),
                    AnnotationStatus.DONE, 1000, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
            FullDisk.limit(store, 0);

            assertThatThrownBy(() -> store.annotations().save(a))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("disk full while writing " + p)
                    .matches(e -> ((StoreException) e).retryable());
            assertThat(store.annotations().get("t1", r.id())).isEmpty();

            FullDisk.lift(store);
            store.annotations().save(a);
            assertThat(store.annotations().get("t1", r.id())).get().extracting(Annotation::note).isEqualTo(a.note());
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aRefusalOfTheDataItselfIsNotWorthRetrying() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("q.afproj"))) {
            assertThatThrownBy(() -> store.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            })).isInstanceOf(StoreException.class).matches(e -> !((StoreException) e).retryable());
        }
    }
}
