package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import org.afannotator.app.RaterWorkService;
import org.afannotator.app.ReportFixtures;
import org.afannotator.domain.Annotation;
import org.afannotator.domain.AnnotationStatus;
import org.afannotator.domain.Rater;
import org.afannotator.domain.Span;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rater bundle written by a schema-1 version (before integer transcript keys, decision 0081) is
 * migrated when it is merged: its work arrives, and a byte copy of the bundle is kept beside it.
 */
class SchemaOneBundleMergeTest {
    @TempDir
    Path dir;

    @Test
    void aSchemaOneBundleIsMigratedAndItsWorkMerged() throws Exception {
        Path p = dir.resolve("p.afproj");
        ReportFixtures.project(p).close();
        Path made = dir.resolve("bo-v2.afproj");
        CliRun bundled = CliRun.of("bundle", "--project", p.toString(), "--rater", "Bo", "--out", made.toString());
        assertThat(bundled.exitCode()).as(bundled.err()).isZero();
        try (ProjectStore bundle = ProjectStore.open(made)) {
            RaterWorkService work = new RaterWorkService(bundle, ReportFixtures.CLOCK);
            Rater bo = work.signIn("Bo");
            work.save(new Annotation("t5", bo.id(), "faking", 2, Set.of(), "offline", AnnotationStatus.DONE, 5,
                    ReportFixtures.CLOCK.instant(), ReportFixtures.CLOCK.instant()));
            String text = bundle.transcripts().get("t5").orElseThrow().segment(1).text();
            String tag = bundle.settings().labelScheme().tags().get(0).code();
            bundle.spans().add(new Span(0, "t5", bo.id(), 1, 0, 5, tag, text.substring(0, 5), ""));
        }
        Path old = dir.resolve("bo-v1.afproj");
        writeAsSchemaOne(made, old);
        byte[] before = Files.readAllBytes(old);

        CliRun r = CliRun.of("merge", "--project", p.toString(), old.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"added\":1").contains("\"conflicts\":[]");
        assertThat(dir.resolve("bo-v1.afproj.bak-v1")).exists().hasBinaryContent(before);
        try (ProjectStore store = ProjectStore.open(p)) {
            Rater bo = store.raters().byName("Bo").orElseThrow();
            Annotation a = store.annotations().get("t5", bo.id()).orElseThrow();
            assertThat(a.label()).isEqualTo("faking");
            assertThat(a.note()).isEqualTo("offline");
            assertThat(store.spans().all()).filteredOn(s -> s.transcriptId().equals("t5") && s.raterId() == bo.id())
                    .singleElement().satisfies(s -> {
                        assertThat(s.segmentOrdinal()).isEqualTo(1);
                        assertThat(s.end() - s.start()).isEqualTo(5);
                        assertThat(s.tag()).isEqualTo(tag(store));
                    });
        }
    }

    private static String tag(ProjectStore store) {
        return store.settings().labelScheme().tags().get(0).code();
    }

    /** Copies every row of the schema-2 file {@code from} into a new file {@code to} laid out by the schema-1 script. */
    private static void writeAsSchemaOne(Path from, Path to) throws Exception {
        String v1;
        try (InputStream in = ProjectStore.class.getResourceAsStream("/org/afannotator/db/V1__initial.sql")) {
            v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + to); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA application_id = " + ProjectStore.APPLICATION_ID);
            st.executeUpdate(v1);
            st.executeUpdate("PRAGMA user_version = 1");
            st.executeUpdate("ATTACH DATABASE '" + from + "' AS b");
            st.executeUpdate("INSERT INTO rater SELECT * FROM b.rater");
            st.executeUpdate("INSERT INTO setting SELECT * FROM b.setting");
            st.executeUpdate("INSERT INTO transcript(id, source, format, model, condition, setting, imported_at, metadata)"
                    + " SELECT id, source, format, model, condition, setting, imported_at, metadata FROM b.transcript ORDER BY key");
            st.executeUpdate("INSERT INTO segment SELECT t.id, s.ordinal, s.kind, s.text FROM b.segment s"
                    + " JOIN b.transcript t ON t.key = s.transcript_key");
            st.executeUpdate("INSERT INTO prediction SELECT t.id, p.classifier, p.label, p.score, p.criteria, p.quotes, p.raw"
                    + " FROM b.prediction p JOIN b.transcript t ON t.key = p.transcript_key");
            st.executeUpdate("INSERT INTO assignment SELECT * FROM b.assignment");
            st.executeUpdate("INSERT INTO annotation SELECT * FROM b.annotation");
            st.executeUpdate("INSERT INTO annotation_history SELECT * FROM b.annotation_history");
            st.executeUpdate("INSERT INTO span(id, transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote, note)"
                    + " SELECT id, transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote, note FROM b.span");
            st.executeUpdate("INSERT INTO adjudication SELECT * FROM b.adjudication");
            st.executeUpdate("DETACH DATABASE b");
        }
    }
}
