package org.afannotator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each transcript keeps its own import time, also when one inserter writes several in a row. */
class TranscriptImportTimeTest {
    @TempDir
    Path dir;

    private static Transcript at(String id, Instant time) {
        return new Transcript(id, "s.json", "generic", null, null, null, time, Map.of(),
                List.of(new Segment(0, SegmentKind.OUTPUT, "text of " + id)));
    }

    @Test
    void timesAreStoredPerTranscript() {
        Instant a = Instant.parse("2026-11-23T10:15:30.123456789Z");
        Instant b = Instant.parse("2024-01-02T03:04:05Z");
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.afproj"))) {
            store.transcripts().insertAll(List.of(at("a1", a), at("a2", a), at("b1", b), at("a3", a), at("b2", b)));
            assertThat(store.transcripts().get("a1").orElseThrow().importedAt()).isEqualTo(a);
            assertThat(store.transcripts().get("a3").orElseThrow().importedAt()).isEqualTo(a);
            assertThat(store.transcripts().get("b1").orElseThrow().importedAt()).isEqualTo(b);
            assertThat(store.transcripts().get("b2").orElseThrow().importedAt()).isEqualTo(b);
            String text = store.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT imported_at FROM transcript WHERE id = 'a2'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(text).as("ISO-8601, as Instant.toString").isEqualTo("2026-11-23T10:15:30.123456789Z");
        }
    }
}
