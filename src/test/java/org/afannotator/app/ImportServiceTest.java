package org.afannotator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.domain.BadInputException;
import org.afannotator.ingest.CancelToken;
import org.afannotator.ingest.ImportOptions;
import org.afannotator.ingest.ImportProgress;
import org.afannotator.ingest.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportServiceTest {
    @TempDir
    Path dir;

    static Path golden(String name) throws URISyntaxException {
        return Path.of(ImportServiceTest.class.getResource("/org/afannotator/ingest/golden").toURI()).resolve(name);
    }

    @Test
    void describeNamesEachFormatWithItsFileCountAndCountsWhatIsLeftOut() throws Exception {
        Path folder = dir.resolve("in");
        Files.createDirectories(folder);
        Files.copy(golden("osaf_results.json"), folder.resolve("a.json"));
        Files.copy(golden("predictions.csv"), folder.resolve("b.csv"));
        Files.copy(golden("predictions.jsonl"), folder.resolve("c.jsonl"));
        Files.writeString(folder.resolve("README.md"), "# notes\n");
        String d = new ImportService().describe(List.of(golden("json_outputs"), folder), ImportOptions.defaults());
        assertThat(d).isEqualTo("Redwood json_outputs (2 files), open-source-alignment-faking results (1 file),"
                + " classifier predictions (2 files), 1 other file left out");
        assertThatThrownBy(() -> new ImportService().describe(List.of(folder.resolve("README.md")), ImportOptions.defaults()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown format");
    }

    @Test
    void importIntoAnOpenSessionReportsProgressAndHonoursAPollingCancel() throws Exception {
        try (ProjectSession session = ProjectSession.create(dir.resolve("p.afproj"))) {
            List<ImportProgress> seen = new ArrayList<>();
            ImportResult r = new ImportService().importInto(session, List.of(golden("json_outputs")), ImportOptions.defaults(),
                    seen::add, new CancelToken());
            assertThat(r.transcriptsAdded()).isEqualTo(2);
            assertThat(seen).isNotEmpty();
            assertThat(seen.get(seen.size() - 1).filesDone()).isEqualTo(2);
            assertThat(ImportService.summaryLines(r)).contains("transcripts added: 2", "duplicates:        0");

            ImportResult cancelled = new ImportService().importInto(session, List.of(golden("osaf_results.json")),
                    ImportOptions.defaults(), p -> { }, CancelToken.polling(() -> true));
            assertThat(cancelled.cancelled()).isTrue();
            assertThat(session.summary().transcripts()).isEqualTo(2);
            assertThat(ImportService.summaryLines(cancelled)).last().asString().startsWith("cancelled");
        }
    }

    @Test
    void aMissingInputCreatesNoProject() {
        Path p = dir.resolve("x.afproj");
        assertThatThrownBy(() -> new ImportService().importInto(p, List.of(dir.resolve("missing.json")),
                ImportOptions.defaults(), q -> { }, new CancelToken())).isInstanceOf(BadInputException.class);
        assertThat(Files.exists(p)).isFalse();
    }

    /** Another program creates the project, and writes to it, while this import of a new project runs. */
    private static void anotherProgramCreates(Path p) {
        try (org.afannotator.store.ProjectStore other = org.afannotator.store.ProjectStore.create(p)) {
            other.raters().getOrCreate("Ann", org.afannotator.domain.RaterRole.RATER);
        }
    }

    @Test
    void aRefusedImportOfANewProjectLeavesAProjectAnotherProgramMadeMeanwhile() throws Exception {
        Path p = dir.resolve("race.afproj");
        Path bad = dir.resolve("z-bad.jsonl");
        Files.writeString(bad, "{\"id\":\"a\",\"user_input\":\"hi\",\"scratchpad\":\"x\",\"output\":\"y\"}\n{\"id\":\"b\",");
        boolean[] once = {false};
        assertThatThrownBy(() -> new ImportService().importInto(p, List.of(bad), ImportOptions.defaults(), q -> {
            if (!once[0]) {
                once[0] = true;
                anotherProgramCreates(p);
            }
        }, new CancelToken())).isInstanceOf(BadInputException.class);
        // Regression: the refused import removed "its" new project, which by then was the other program's.
        assertThat(Files.exists(p)).isTrue();
        try (ProjectSession s = ProjectSession.open(p)) {
            assertThat(s.store().raters().byName("Ann")).isPresent();
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("race.afproj", "z-bad.jsonl");
        }
    }

    @Test
    void aNewProjectAppearsWhenTheImportEndsAndNeverReplacesOneMadeMeanwhile() throws Exception {
        Path p = dir.resolve("race.afproj");
        boolean[] once = {false};
        List<Boolean> visibleDuring = new ArrayList<>();
        ImportResult r = new ImportService().importInto(dir.resolve("first.afproj"), List.of(golden("json_outputs")),
                ImportOptions.defaults(), q -> visibleDuring.add(Files.exists(dir.resolve("first.afproj"))), new CancelToken());
        assertThat(r.transcriptsAdded()).isEqualTo(2);
        assertThat(visibleDuring).isNotEmpty().containsOnly(false);
        assertThat(Files.exists(dir.resolve("first.afproj"))).isTrue();

        assertThatThrownBy(() -> new ImportService().importInto(p, List.of(golden("json_outputs")), ImportOptions.defaults(),
                q -> {
                    if (!once[0]) {
                        once[0] = true;
                        anotherProgramCreates(p);
                    }
                }, new CancelToken())).hasMessageContaining("another program created").hasMessageContaining("kept in");
        try (ProjectSession s = ProjectSession.open(p)) {
            assertThat(s.store().raters().byName("Ann")).isPresent();
            assertThat(s.store().transcripts().count()).isZero();
        }
        // The work is kept in a visible project that nothing deletes (regression: a hidden file the next import removed).
        Path kept;
        try (var files = Files.list(dir)) {
            kept = files.filter(f -> f.getFileName().toString().startsWith("race.recovered-")).findFirst().orElseThrow();
        }
        try (ProjectSession s = ProjectSession.open(kept)) {
            assertThat(s.store().transcripts().count()).isEqualTo(2);
        }
    }

    @Test
    void theHiddenFileOfAnotherImportIsNeverTouchedAndALinkToNothingIsRefused() throws Exception {
        // Another import's file (another process, container or machine): its process may be alive
        // where this one cannot see it (regression: one such file was deleted as "stale" while written).
        Path other = dir.resolve(".afimport-0123456789abcdef01");
        Files.writeString(other, "another import's work");
        new ImportService().importInto(dir.resolve("new.afproj"), List.of(golden("json_outputs")), ImportOptions.defaults(),
                q -> { }, new CancelToken());
        assertThat(other).hasContent("another import's work");
        assertThat(dir.resolve("new.afproj")).exists();

        Path link = Files.createSymbolicLink(dir.resolve("link.afproj"), dir.resolve("gone/nowhere.afproj"));
        assertThatThrownBy(() -> new ImportService().importInto(link, List.of(golden("json_outputs")),
                ImportOptions.defaults(), q -> { }, new CancelToken()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is a link to");
    }
}
