package org.afannotator.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.RecentProjects;
import org.afannotator.ui.UiFixtures;
import org.afannotator.ui.common.SyncUiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartViewModelTest {
    @TempDir
    Path dir;
    final List<StartViewModel.SignedIn> signedIn = new ArrayList<>();

    StartViewModel vm() {
        Path recent = dir.resolve("recent.json");
        StartViewModel vm = new StartViewModel(new SyncUiExecutor(), () -> RecentProjects.load(recent),
                () -> ProjectSession.open(ensure(dir.resolve("default.afproj"))), ProjectSession::open, ProjectSession::create);
        vm.setOnSignedIn(signedIn::add);
        return vm;
    }

    static Path ensure(Path p) {
        if (!Files.exists(p)) {
            UiFixtures.project(p, 6);
        }
        return p;
    }

    @AfterEach
    void close() {
        signedIn.forEach(s -> s.session().close());
    }

    @Test
    void firstStartOpensTheDefaultProject() {
        StartViewModel vm = vm();
        vm.init();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.projectProperty().get()).isEqualTo(dir.resolve("default.afproj"));
        assertThat(vm.projectInfoProperty().get()).startsWith("6 transcripts");
        assertThat(vm.blindingProperty().get()).isTrue();
        assertThat(vm.recent()).as("the project open now is a recent one").containsExactly(
                dir.resolve("default.afproj").toAbsolutePath());
        vm.sessionProperty().get().close();
    }

    /** Regression: the list only changed at the next start, and only for projects someone rated in. */
    @Test
    void aProjectOpenedOrCreatedJoinsTheRecentListAtOnce() {
        StartViewModel vm = vm();
        vm.init();
        Path other = ensure(dir.resolve("other.afproj"));
        vm.open(other);
        assertThat(vm.recent()).containsExactly(other.toAbsolutePath(), dir.resolve("default.afproj").toAbsolutePath());
        Path fresh = dir.resolve("fresh.afproj");
        vm.create(fresh);
        assertThat(vm.recent()).first().isEqualTo(fresh.toAbsolutePath());
        assertThat(vm.recent()).hasSize(3);
        vm.sessionProperty().get().close();
    }

    @Test
    void projectLineCountsImportedLabelSetsApartFromRaters() {
        String before = System.getProperty("afannotator.data");
        System.setProperty("afannotator.data", dir.resolve("data").toString());
        try {
            StartViewModel vm = new StartViewModel(new SyncUiExecutor(),
                    () -> RecentProjects.load(dir.resolve("recent.json")), ProjectSession::openDefault,
                    ProjectSession::open, ProjectSession::create);
            vm.init();
            // The sample project: Amara, Ben and Chen rate; the published human labels come in as one
            // EXTERNAL rater, which the picker does not offer and the project line must not call a rater.
            assertThat(vm.raters()).containsExactlyInAnyOrder("Amara", "Ben", "Chen");
            assertThat(vm.projectInfoProperty().get())
                    .isEqualTo("35 transcripts \u00b7 3 raters \u00b7 1 imported label set \u00b7 106 annotations");
            vm.sessionProperty().get().close();
        } finally {
            if (before == null) {
                System.clearProperty("afannotator.data");
            } else {
                System.setProperty("afannotator.data", before);
            }
        }
    }

    @Test
    void openingAProjectOfAnOlderSchemaSaysItIsUpgradedOnce() throws Exception {
        // An AF Annotator file at schema version 0: opening it runs every migration (and keeps a backup).
        Path old = dir.resolve("old.afproj");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA application_id = " + org.afannotator.store.ProjectStore.APPLICATION_ID);
        }
        Path current = dir.resolve("current.afproj");
        ProjectSession.create(current).close();
        assertThat(ProjectSession.olderSchemaVersion(old)).hasValue(0);
        assertThat(ProjectSession.olderSchemaVersion(current)).isEmpty();
        assertThat(ProjectSession.olderSchemaVersion(dir.resolve("missing.afproj"))).isEmpty();

        StartViewModel vm = vm();
        vm.init();
        List<String> shown = new ArrayList<>();
        vm.statusProperty().addListener((o, a, b) -> shown.add(b));
        vm.open(current);
        assertThat(shown).isEmpty();
        vm.open(old);
        assertThat(vm.projectProperty().get()).isEqualTo(old);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0)).startsWith("Upgrading old.afproj").contains("once").contains("old.afproj.bak-v0");
        assertThat(shown.get(1)).isEmpty();
        assertThat(ProjectSession.olderSchemaVersion(old)).isEmpty();
        assertThat(dir.resolve("old.afproj.bak-v0")).exists();
        vm.sessionProperty().get().close();
    }

    @Test
    void signingInHandsOnTheProjectAndRemembersTheRater() {
        StartViewModel vm = vm();
        vm.init();
        vm.raterNameProperty().set("  Ann ");
        vm.signIn();
        assertThat(signedIn).hasSize(1);
        assertThat(signedIn.get(0).rater().name()).isEqualTo("Ann");
        StartViewModel again = vm();
        again.init();
        assertThat(again.raterNameProperty().get()).isEqualTo("Ann");
        assertThat(again.raters()).containsExactly("Ann");
        assertThat(again.recent()).containsExactly(dir.resolve("default.afproj").toAbsolutePath());
        again.sessionProperty().get().close();
    }

    @Test
    void anImportedLabelSetCannotSignInAndTheMessageSaysWhy() {
        StartViewModel vm = vm();
        vm.init();
        vm.sessionProperty().get().store().raters().getOrCreate("human_labels", org.afannotator.domain.RaterRole.EXTERNAL);
        vm.raterNameProperty().set("human_labels");
        vm.signIn();
        assertThat(signedIn).isEmpty();
        assertThat(vm.messageProperty().get()).contains("'human_labels'").contains("imported label set")
                .contains("another name");
        vm.sessionProperty().get().close();
    }

    @Test
    void aBlankNameIsRefusedWithAMessage() {
        StartViewModel vm = vm();
        vm.init();
        vm.raterNameProperty().set(" ");
        vm.signIn();
        assertThat(signedIn).isEmpty();
        assertThat(vm.messageProperty().get()).contains("name");
        vm.sessionProperty().get().close();
    }

    @Test
    void openingAFileThatIsNotAProjectSaysWhyAndKeepsTheOpenProject() throws Exception {
        StartViewModel vm = vm();
        vm.init();
        Path bogus = Files.writeString(dir.resolve("notes.afproj"), "hello");
        vm.open(bogus);
        assertThat(vm.messageProperty().get()).contains("notes.afproj").contains("not an AF Annotator project");
        assertThat(vm.projectProperty().get()).isEqualTo(dir.resolve("default.afproj"));
        vm.sessionProperty().get().close();
    }

    @Test
    void blindingCanBeSwitchedOffForTheProject() {
        StartViewModel vm = vm();
        vm.init();
        vm.setBlinding(false);
        assertThat(vm.blindingProperty().get()).isFalse();
        assertThat(vm.sessionProperty().get().raterWork().blinding()).isFalse();
        vm.sessionProperty().get().close();
    }
}
