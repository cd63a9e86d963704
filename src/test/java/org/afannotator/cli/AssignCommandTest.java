package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.afannotator.domain.RaterRole;
import org.afannotator.store.ProjectStore;
import org.afannotator.store.ProjectStoreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {
    @TempDir
    Path dir;

    @Test
    void eachTranscriptGoesToKRaters() throws Exception {
        Path p = dir.resolve("p.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            for (int i = 0; i < 9; i++) {
                store.transcripts().insert(ProjectStoreTest.transcript("t" + i));
            }
        }
        CliRun r = CliRun.of("assign", "--project", p.toString(), "--raters", "ann,bo,cy", "-k", "2", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("queue_sizes").get("ann").asInt() + j.get("queue_sizes").get("bo").asInt()
                + j.get("queue_sizes").get("cy").asInt()).isEqualTo(18);
    }

    @Test
    void kLargerThanTheRatersIsABadInput() {
        Path p = dir.resolve("q.afproj");
        ProjectStore.create(p).close();
        CliRun r = CliRun.of("assign", "--project", p.toString(), "--raters", "ann", "-k", "3");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("1..1");
    }

    /** Every row of the tables an assignment writes (raters, queues, settings), in a fixed order. */
    static String assignmentTables(Path p) {
        try (ProjectStore store = ProjectStore.open(p)) {
            return store.read(c -> {
                StringBuilder b = new StringBuilder();
                for (String q : new String[] {"SELECT id, name, role FROM rater ORDER BY id",
                        "SELECT * FROM assignment ORDER BY rater_id, position",
                        "SELECT key, value FROM setting ORDER BY key"}) {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                b.append(rs.getString(i)).append(i == n ? "\n" : "\t");
                            }
                        }
                    }
                    b.append("--\n");
                }
                return b.toString();
            });
        }
    }

    @Test
    void anImportedLabelSetCannotBeGivenAQueueAndNothingChanges() throws Exception {
        Path p = dir.resolve("h.afproj");
        CliRun imp = CliRun.of("import", "--project", p.toString(), ImportCommandTest.golden("json_outputs").toString(),
                ImportCommandTest.golden("human_labels.csv").toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.raters().byName("human_labels").orElseThrow().role()).isEqualTo(RaterRole.EXTERNAL);
        }
        CliRun first = CliRun.of("assign", "--project", p.toString(), "--raters", "ann,bo", "-k", "1", "--format", "json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        String before = assignmentTables(p);
        assertThat(before).contains("ann").contains("assignment\tk=1");

        // cy is new and comes first: it must not be created either.
        CliRun r = CliRun.of("assign", "--project", p.toString(), "--raters", "cy,human_labels", "-k", "2", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("af-annotator: " + p + ": ")
                .contains("'human_labels'").contains("imported label set").contains("another name");
        assertThat(assignmentTables(p)).isEqualTo(before);
    }

    @Test
    void anAdjudicatorCannotBeGivenAQueueAndNothingChanges() {
        Path p = dir.resolve("a.afproj");
        try (ProjectStore store = ProjectStore.create(p)) {
            for (int i = 0; i < 6; i++) {
                store.transcripts().insert(ProjectStoreTest.transcript("t" + i));
            }
            store.raters().getOrCreate("Dee", RaterRole.ADJUDICATOR);
        }
        String before = assignmentTables(p);
        CliRun r = CliRun.of("assign", "--project", p.toString(), "--raters", "ann,Dee,bo", "-k", "1");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains("'Dee'").contains("adjudicator").contains("another name");
        assertThat(assignmentTables(p)).isEqualTo(before);
    }

    @Test
    void aNormalAssignNextToAnImportedLabelSetQueuesOnlyTheRaters() throws Exception {
        Path p = dir.resolve("n.afproj");
        CliRun.of("import", "--project", p.toString(), ImportCommandTest.golden("json_outputs").toString(),
                ImportCommandTest.golden("human_labels.csv").toString());
        CliRun r = CliRun.of("assign", "--project", p.toString(), "--raters", "ann,bo", "-k", "2", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode q = new ObjectMapper().readTree(r.out()).get("queue_sizes");
        assertThat(q.fieldNames()).toIterable().containsExactly("ann", "bo");
        assertThat(q.get("ann").asInt()).isEqualTo(4);
        assertThat(q.get("bo").asInt()).isEqualTo(4);
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.assignments().queueSize(store.raters().byName("human_labels").orElseThrow().id())).isZero();
        }
    }

    @Test
    void helpSaysWhoCanGetAQueue() {
        CliRun r = CliRun.of("assign", "--help");
        assertThat(r.out()).contains("adjudicator").contains("imported label set");
    }
}
