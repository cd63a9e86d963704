package org.afannotator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.Quote;
import org.afannotator.domain.Rater;
import org.afannotator.domain.Span;
import org.afannotator.domain.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Schema 1 to 2 (integer transcript keys): a schema-1 project written here with the schema-1
 * script itself (transcripts in an order that is not id order, segments, predictions, spans, one
 * span deleted, annotations with history, a queue, an adjudication) opens migrated, with every
 * row readable as before, keys in the order the transcripts were stored, and deletes still
 * cascading.
 */
class MigrationToSchema2Test {
    @TempDir
    Path dir;

    private static final String[] IDS = {"zz-last-by-id", "aa-first-by-id", "mm-middle"};

    @Test
    void schema1ProjectMigratesWithEveryRowIntactReadableAndKeyedInStorageOrder() throws Exception {
        Path p = dir.resolve("old.afproj");
        writeSchema1Project(p);
        byte[] before = Files.readAllBytes(p);
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.schemaVersion()).isEqualTo(2);
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(store.transcripts().allIds()).containsExactly("aa-first-by-id", "mm-middle", "zz-last-by-id");
            for (int i = 0; i < IDS.length; i++) {
                Transcript t = store.transcripts().get(IDS[i]).orElseThrow();
                assertThat(t.source()).isEqualTo("src-" + i);
                assertThat(t.metadata()).containsEntry("n", String.valueOf(i));
                assertThat(t.segments()).hasSize(3);
                for (int o = 0; o < 3; o++) {
                    assertThat(t.segment(o).text()).isEqualTo(segmentText(i, o));
                }
                List<Prediction> preds = store.predictions().forTranscript(IDS[i]);
                assertThat(preds).extracting(Prediction::classifier).containsExactly("judge-a", "judge-b");
                assertThat(preds.get(0).score()).isEqualTo(0.25 * i);
                assertThat(preds.get(0).criteria()).containsEntry("awareness", 0.5);
                assertThat(preds.get(0).quotes()).containsExactly(new Quote("awareness", "refuse " + i));
                assertThat(preds.get(1).score()).isNull();
                assertThat(preds.get(1).rawJson()).isEqualTo("{\"raw\":" + i + "}");
            }
            assertThat(store.predictions().forClassifier("judge-a")).extracting(Prediction::transcriptId)
                    .containsExactly("aa-first-by-id", "mm-middle", "zz-last-by-id");
            assertThat(store.predictions().count()).isEqualTo(6);

            Rater ann = store.raters().byName("Ann").orElseThrow();
            Rater bo = store.raters().byName("Bo").orElseThrow();
            Annotation a = store.annotations().get(IDS[0], ann.id()).orElseThrow();
            assertThat(a.label()).isEqualTo("faking");
            assertThat(a.status()).isEqualTo(AnnotationStatus.DONE);
            assertThat(store.annotations().history(IDS[0], ann.id())).extracting(Annotation::status)
                    .containsExactly(AnnotationStatus.IN_PROGRESS, AnnotationStatus.DONE);
            assertThat(store.annotations().get(IDS[1], bo.id()).orElseThrow().label()).isEqualTo("not_faking");
            assertThat(store.assignments().queue(ann.id())).containsExactly("mm-middle", "zz-last-by-id", "aa-first-by-id");
            assertThat(store.adjudications().get(IDS[0]).orElseThrow().rationale()).isEqualTo("explicit");

            List<Span> spans = store.spans().all();
            // in transcript id order: span 3 of mm-middle, span 1 of zz-last-by-id
            assertThat(spans).extracting(Span::id).containsExactly(3L, 1L);
            assertThat(spans.get(0).transcriptId()).isEqualTo(IDS[2]);
            assertThat(spans.get(0).segmentOrdinal()).isEqualTo(2);
            assertThat(spans.get(1).quote()).isEqualTo(segmentText(0, 1).substring(0, 4));
            assertThat(spans.get(1).start()).isZero();
            assertThat(spans.get(1).end()).isEqualTo(4);
            // span ids are not reused: span 4 was deleted before the migration
            Span added = store.spans().add(new Span(0, IDS[1], ann.id(), 2, 0, 3, "evidence", "seg", ""));
            assertThat(added.id()).isEqualTo(5);
            // a new transcript takes the key after the migrated ones; its rows are readable
            store.transcripts().insert(new Transcript("new-one", "s", "f", null, null, null,
                    java.time.Instant.parse("2026-01-01T00:00:00Z"), java.util.Map.of(),
                    List.of(new org.afannotator.domain.Segment(0, org.afannotator.domain.SegmentKind.OUTPUT, "fresh"))));
            assertThat(store.transcripts().get("new-one").orElseThrow().segment(0).text()).isEqualTo("fresh");
        }
        assertThat(Files.readAllBytes(dir.resolve("old.afproj.bak-v1"))).isEqualTo(before);

        try (Connection c = connect(p); Statement st = c.createStatement()) {
            assertThat(strings(st, "SELECT id FROM transcript ORDER BY key"))
                    .as("keys follow the order the transcripts were stored in, not id order")
                    .containsExactly("zz-last-by-id", "aa-first-by-id", "mm-middle", "new-one");
            assertThat(strings(st, "SELECT name FROM pragma_table_info('segment') ORDER BY cid"))
                    .containsExactly("transcript_key", "ordinal", "kind", "text");
            assertThat(strings(st, "SELECT name FROM pragma_table_info('prediction') WHERE pk > 0 ORDER BY pk"))
                    .containsExactly("transcript_key", "classifier");
            assertThat(strings(st, "SELECT * FROM pragma_foreign_key_check")).isEmpty();
            assertThat(count(st, "PRAGMA freelist_count")).as("the old tables' pages are given back").isZero();
            // deleting a transcript still takes its segments, predictions, spans and annotations with it
            st.executeUpdate("DELETE FROM transcript WHERE id = 'zz-last-by-id'");
            assertThat(count(st, "SELECT count(*) FROM segment")).isEqualTo(3 * 2 + 1);
            assertThat(count(st, "SELECT count(*) FROM prediction")).isEqualTo(2 * 2);
            assertThat(count(st, "SELECT count(*) FROM span WHERE transcript_id = 'zz-last-by-id'")).isZero();
            assertThat(count(st, "SELECT count(*) FROM annotation WHERE transcript_id = 'zz-last-by-id'")).isZero();
            assertThat(count(st, "SELECT count(*) FROM span")).isEqualTo(2);
        }
    }

    @Test
    void aDanglingRowWrittenByAnotherToolDoesNotStopTheMigration() throws Exception {
        Path p = dir.resolve("dangling.afproj");
        writeSchema1Project(p);
        try (Connection c = connect(p); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA foreign_keys = OFF");
            st.executeUpdate("INSERT INTO adjudication VALUES ('gone', 'faking', 'Cy', 'ADJUDICATED', '', '2026-01-02T00:00:00Z')");
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.schemaVersion()).isEqualTo(2);
            assertThat(store.adjudications().all()).hasSize(2);
            assertThat(store.transcripts().count()).isEqualTo(3);
        }
    }

    @Test
    void aNewProjectIsCreatedAtSchema2AndRefusesAPredictionForAnUnknownTranscript() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("new.afproj"))) {
            assertThat(store.schemaVersion()).isEqualTo(2);
            assertThat(store.predictions().insertAll(List.of(
                    new Prediction("nowhere", "judge", "faking", 0.5, java.util.Map.of(), List.of(), null)))).isZero();
            assertThat(store.predictions().count()).isZero();
        }
    }

    private static String segmentText(int t, int o) {
        return "text " + t + "/" + o + " \u4f60\u597d \ud83d\ude00 refuse";
    }

    private static void writeSchema1Project(Path p) throws Exception {
        String v1;
        try (InputStream in = Migrations.class.getResourceAsStream("/org/afannotator/db/V1__initial.sql")) {
            v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = connect(p); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA application_id = " + ProjectStore.APPLICATION_ID);
            st.executeUpdate(v1);
            st.executeUpdate("PRAGMA user_version = 1");
            st.executeUpdate("INSERT INTO rater(id, name, role) VALUES (1, 'Ann', 'RATER'), (2, 'Bo', 'RATER')");
            for (int i = 0; i < IDS.length; i++) {
                String id = IDS[i];
                st.executeUpdate("INSERT INTO transcript(id, source, format, imported_at, metadata) VALUES ('" + id
                        + "', 'src-" + i + "', 'REDWOOD', '2026-01-01T00:00:00Z', '{\"n\":\"" + i + "\"}')");
                for (int o = 0; o < 3; o++) {
                    st.executeUpdate("INSERT INTO segment VALUES ('" + id + "', " + o + ", 'SCRATCHPAD', '"
                            + segmentText(i, o) + "')");
                }
                st.executeUpdate("INSERT INTO prediction VALUES ('" + id + "', 'judge-a', 'faking', " + (0.25 * i)
                        + ", '{\"awareness\":0.5}', '[{\"criterion\":\"awareness\",\"text\":\"refuse " + i + "\"}]', NULL)");
                st.executeUpdate("INSERT INTO prediction(transcript_id, classifier, label, raw) VALUES ('" + id
                        + "', 'judge-b', 'not_faking', '{\"raw\":" + i + "}')");
            }
            st.executeUpdate("INSERT INTO span(transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote)"
                    + " VALUES ('" + IDS[0] + "', 1, 1, 0, 4, 'evidence', 'text')");
            st.executeUpdate("INSERT INTO span(transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote)"
                    + " VALUES ('" + IDS[0] + "', 2, 0, 0, 4, 'evidence', 'text')");
            st.executeUpdate("INSERT INTO span(transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote)"
                    + " VALUES ('" + IDS[2] + "', 1, 2, 5, 8, 'awareness', '2/2')");
            st.executeUpdate("INSERT INTO span(transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote)"
                    + " VALUES ('" + IDS[1] + "', 1, 0, 0, 4, 'evidence', 'text')");
            st.executeUpdate("DELETE FROM span WHERE id IN (2, 4)");
            String annotation = "INSERT INTO annotation(transcript_id, rater_id, label, confidence, status, created_at,"
                    + " updated_at) VALUES ('%s', %d, '%s', 3, '%s', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z')";
            st.executeUpdate(String.format(annotation, IDS[0], 1, "faking", "DONE"));
            st.executeUpdate(String.format(annotation, IDS[1], 2, "not_faking", "DONE"));
            st.executeUpdate(String.format(annotation, IDS[2], 1, "faking", "DONE"));
            String history = "INSERT INTO annotation_history(transcript_id, rater_id, label, criteria, note, status,"
                    + " time_spent_ms, changed_at) VALUES ('" + IDS[0] + "', 1, 'faking', '[]', '', '%s', 0, '%s')";
            st.executeUpdate(String.format(history, "IN_PROGRESS", "2026-01-01T00:00:30Z"));
            st.executeUpdate(String.format(history, "DONE", "2026-01-01T00:01:00Z"));
            st.executeUpdate("INSERT INTO assignment VALUES (1, 'mm-middle', 0), (1, 'zz-last-by-id', 1), (1, 'aa-first-by-id', 2)");
            st.executeUpdate("INSERT INTO adjudication VALUES ('" + IDS[0] + "', 'faking', 'Cy', 'ADJUDICATED', 'explicit',"
                    + " '2026-01-02T00:00:00Z')");
            st.executeUpdate("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static Connection connect(Path p) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        return config.createConnection("jdbc:sqlite:" + p);
    }

    private static List<String> strings(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
