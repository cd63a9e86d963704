package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.afannotator.store.FullDisk;
import org.afannotator.store.ProjectStore;
import org.afannotator.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An import that runs out of disk stops with "disk full while writing" (not a follow-on SQLite
 * error), leaves a sound file holding whole files only, and the same import completes once there is
 * room.
 */
class ImportDiskFullTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;
    ProjectStore store;

    @BeforeEach
    void open() {
        store = ProjectStore.create(dir.resolve("p.afproj"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** 12 files of 20 transcripts of about 3 KB each, file k holding ids k-0 .. k-19. */
    Path corpus(String format) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String pad = "I reason about training and about my values. ".repeat(60);
        for (int k = 0; k < 12; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                if (format.equals("redwood")) {
                    Path d = Files.createDirectories(in.resolve("f" + k));
                    Files.writeString(d.resolve("t" + i + ".json"), ImportAcrossFilesTest.redwoodPretty(k + " " + i + " " + pad));
                } else {
                    sb.append(ImportAcrossFilesTest.generic(k + "-" + i, pad + k));
                }
            }
            if (!format.equals("redwood")) {
                Files.writeString(in.resolve(String.format("f%02d.jsonl", k)), sb.toString());
            }
        }
        return in;
    }

    @ParameterizedTest(name = "{0}, parser thread: {1}")
    @CsvSource({"jsonl,true", "jsonl,false", "redwood,true", "redwood,false"})
    void aFullDiskStopsTheImportWithItsReasonAndTheRestFollowsOnceThereIsRoom(String format, boolean pipelined) throws Exception {
        Path in = corpus(format);
        FullDisk.limit(store, 120);
        ImportOptions o = ImportOptions.defaults().withPipelined(pipelined);
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, o, in))
                .isInstanceOf(StoreException.class)
                .hasMessage("disk full while writing " + dir.resolve("p.afproj"))
                .matches(e -> ((StoreException) e).retryable());
        assertThat(store.integrityCheck()).isEqualTo("ok");
        List<String> ids = store.transcripts().allIds();
        assertThat(ids.size() % 20).as("whole files only: %s", ids.size()).isZero();
        assertThat(ids.size()).isLessThan(240);

        FullDisk.lift(store);
        ImportResult again = ImporterFormatsTest.run(store, o, in);
        assertThat(again.duplicates()).isEqualTo(ids.size());
        assertThat(again.transcriptsAdded()).isEqualTo(240 - ids.size());
        assertThat(new HashSet<>(store.transcripts().allIds())).hasSize(240);
        assertThat(store.integrityCheck()).isEqualTo("ok");
    }

    /**
     * A store error about the data, not the disk (here a trigger refusing one row), still rolls
     * back only its own file when the file is written inside a savepoint (no parser thread): the
     * files before it stay, and the error says why.
     */
    @org.junit.jupiter.api.Test
    void aStoreErrorThatIsNotTheDisksRollsBackOnlyItsFile() throws Exception {
        Path in = corpus("jsonl");
        store.inTransaction(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER refuse_one BEFORE INSERT ON transcript WHEN NEW.id = '5-3' "
                        + "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END");
            }
            return null;
        });
        ImportOptions o = ImportOptions.defaults().withPipelined(false);
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, o, in))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refused by a trigger")
                .matches(e -> !((StoreException) e).retryable());
        assertThat(store.transcripts().allIds()).hasSize(100);
        assertThat(store.integrityCheck()).isEqualTo("ok");
    }

    /**
     * A batch holding a good file and a refused one, on a full disk: the good file is lost with the
     * batch, so the error is the full disk, not the refusal (which would claim the files before it
     * stayed).
     */
    @org.junit.jupiter.api.Test
    void aBatchWithARefusedFileOnAFullDiskReportsTheFullDisk() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String pad = "I reason about training and about my values. ".repeat(60);
        StringBuilder good = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            good.append(ImportAcrossFilesTest.generic("a" + i, pad));
        }
        Files.writeString(in.resolve("a.jsonl"), good.toString());
        Files.writeString(in.resolve("b.jsonl"), ImportAcrossFilesTest.generic("b1", "one")
                + ImportAcrossFilesTest.generic("b1", "clash"));
        FullDisk.limit(store, 0);
        ImportOptions o = ImportOptions.defaults().withPipelined(false);
        assertThatThrownBy(() -> ImporterFormatsTest.run(store, o, in))
                .isInstanceOf(StoreException.class)
                .hasMessage("disk full while writing " + dir.resolve("p.afproj"));
        assertThat(store.transcripts().allIds()).isEmpty();
        assertThat(store.integrityCheck()).isEqualTo("ok");
    }
}
