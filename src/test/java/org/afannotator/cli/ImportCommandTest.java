package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.afannotator.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    static Path golden(String name) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/org/afannotator/ingest/golden").toURI()).resolve(name);
    }

    @Test
    void jsonSummaryHasExactlyTheDocumentedKeysAndTheProjectIsCreated() throws Exception {
        Path p = dir.resolve("new.afproj");
        CliRun r = CliRun.of("import", "--project", p.toString(), golden("json_outputs").toString(),
                golden("human_labels.csv").toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly(
                "transcripts_added", "duplicates", "predictions_added", "annotations_added", "skipped",
                "files_imported", "cancelled");
        assertThat(j.get("files_imported").asInt()).isEqualTo(3);
        assertThat(j.get("cancelled").asBoolean()).isFalse();
        assertThat(j.get("transcripts_added").asInt()).isEqualTo(4);
        assertThat(j.get("duplicates").asInt()).isZero();
        assertThat(j.get("predictions_added").asInt()).isEqualTo(6);
        assertThat(j.get("annotations_added").asInt()).isEqualTo(2);
        assertThat(j.get("skipped").isArray()).isTrue();
        assertThat(j.get("skipped")).isEmpty();
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.transcripts().count()).isEqualTo(4);
        }

        CliRun again = CliRun.of("import", "--project", p.toString(), golden("json_outputs").toString(), "--format", "json");
        JsonNode k = new ObjectMapper().readTree(again.out());
        assertThat(k.get("transcripts_added").asInt()).isZero();
        assertThat(k.get("duplicates").asInt()).isEqualTo(2);
    }

    @Test
    void aProgressLineWhenAskedGoesToStderrAndIsErasedBeforeTheSummary() throws Exception {
        Path p = dir.resolve("progress.afproj");
        CliRun r = CliRun.of("import", "--progress", "--project", p.toString(), golden("json_outputs").toString(),
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"transcripts_added\":2,");
        // Drawn after a carriage return, then overwritten with spaces and the cursor put back.
        assertThat(r.err()).startsWith("\rimport ").matches("(?s)\\rimport \\d+%: \\d+/2 files, .*\\r *\\r");
    }

    @Test
    void noProgressLineWhenNotAskedAndStderrIsNotATerminal() throws Exception {
        Path p = dir.resolve("quiet.afproj");
        CliRun auto = CliRun.of("import", "--project", p.toString(), golden("json_outputs").toString());
        assertThat(auto.exitCode()).isZero();
        assertThat(auto.err()).isEmpty(); // the test JVM's stderr is a pipe or a file
        CliRun off = CliRun.of("import", "--no-progress", "--project", p.toString(), golden("json_outputs").toString());
        assertThat(off.exitCode()).isZero();
        assertThat(off.err()).isEmpty();
        assertThat(off.out()).contains("duplicates:        2");
    }

    @Test
    void aRejectedFileExitsOneWithOneLineOnStderrAndLeavesTheProjectUnchanged() throws Exception {
        Path p = dir.resolve("p.afproj");
        CliRun.of("import", "--project", p.toString(), golden("generic.jsonl").toString());
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"x1\", \"user_input\": \"fine\"}\n{\"id\": \"x2\", \"user_input\": 5, \"output\": [1]}\n");
        CliRun r = CliRun.of("import", "--project", p.toString(), bad.toString(), "--format", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n")
                .isEqualTo("af-annotator: " + bad + ": record 1: field output: expected text, got an array (line 2)");
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.transcripts().allIds()).containsExactly("j1");
        }
    }

    @Test
    void skipBadListsEverySkippedRecordWithFileRecordAndReason() throws Exception {
        Path p = dir.resolve("p.afproj");
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"x1\", \"user_input\": \"fine\"}\n{\"id\": \"x2\", \"user_input\": {}}\n");
        CliRun r = CliRun.of("import", "--project", p.toString(), bad.toString(), "--skip-bad", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("transcripts_added").asInt()).isEqualTo(1);
        assertThat(j.get("skipped").toString()).isEqualTo("[{\"file\":" + new ObjectMapper().writeValueAsString(bad.toString())
                + ",\"record\":1,\"reason\":\"field user_input: expected text, got an object (line 2)\"}]");

        CliRun text = CliRun.of("import", "--project", p.toString(), bad.toString(), "--skip-bad");
        assertThat(text.out()).contains("duplicates:        1").contains("skipped:           1")
                .contains(bad + ": record 1: field user_input: expected text, got an object (line 2)");
    }

    @Test
    void aMissingInputIsBadInputAndCreatesNoProject() {
        Path p = dir.resolve("never.afproj");
        CliRun r = CliRun.of("import", "--project", p.toString(), dir.resolve("nope.json").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nope.json: no such file or folder");
        assertThat(Files.exists(p)).isFalse();
    }

    @Test
    void anImportRefusedBeforeAnyFileWentInLeavesNoNewProjectBehind() throws Exception {
        Path p = dir.resolve("new1.afproj");
        Path trunc = Files.writeString(dir.resolve("trunc.json"), "{\"messages\": [{\"role\": \"user\", \"con");
        try (var before = Files.list(dir)) {
            var listed = before.toList();
            CliRun r = CliRun.of("import", "--project", p.toString(), trunc.toString());
            assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("trunc.json").contains("truncated");
            try (var after = Files.list(dir)) {
                assertThat(after.toList()).as("no project, log or shared memory left").containsExactlyInAnyOrderElementsOf(listed);
            }
        }
    }

    @Test
    void aNewProjectKeepsTheFilesThatWentInBeforeARefusedOne() throws Exception {
        Path p = dir.resolve("new2.afproj");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"id\": \"a1\", \"user_input\": \"fine\"}\n");
        Files.writeString(in.resolve("b.jsonl"), "{\"id\": \"b1\", \"user_input\": {}}\n");
        CliRun r = CliRun.of("import", "--project", p.toString(), in.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.transcripts().allIds()).containsExactly("a1");
        }
    }

    @Test
    void aRefusedImportIntoAnExistingEmptyProjectKeepsIt() throws Exception {
        Path p = dir.resolve("empty.afproj");
        ProjectStore.create(p).close();
        Path trunc = Files.writeString(dir.resolve("trunc.json"), "{\"messages\": [");
        assertThat(CliRun.of("import", "--project", p.toString(), trunc.toString()).exitCode())
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.exists(p)).isTrue();
    }

    @Test
    void aProjectInAFolderThatDoesNotExistIsRefusedAndTheFolderIsNotCreated() throws Exception {
        Path folder = dir.resolve("nonexistent_dir");
        Path p = folder.resolve("x.afproj");
        CliRun r = CliRun.of("import", "--project", p.toString(), golden("generic.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(p.toString()).contains("folder " + folder + " does not exist");
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void inputFormatAndColumnMappingAreTakenFromTheCommandLine() throws Exception {
        Path p = dir.resolve("p.afproj");
        CliRun r = CliRun.of("import", "--project", p.toString(), golden("generic.csv").toString(), "--input-format", "generic",
                "--map", "id=item_id", "--map", "user_input=prompt", "--map", "scratchpad=reasoning", "--map", "output=answer",
                "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.transcripts().allIds()).containsExactly("g1", "g2");
        }
        CliRun unknown = CliRun.of("import", "--project", p.toString(), golden("generic.csv").toString(), "--input-format", "xml");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown input format 'xml'");
        CliRun badRole = CliRun.of("import", "--project", p.toString(), golden("generic.csv").toString(), "--map", "text=prompt");
        assertThat(badRole.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRole.err()).contains("unknown column role 'text'");
    }

    @Test
    void helpNamesTheFormatsAndTheJsonShape() {
        CliRun r = CliRun.of("import", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("redwood-json").contains("osaf-results").contains("human-labels")
                .contains("\"transcripts_added\"").contains("--skip-bad");
    }
}
