package org.afannotator.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.afannotator.app.ProjectSession;
import org.afannotator.app.QueueStatusFilter;
import org.afannotator.app.StartupTrace;
import org.afannotator.ui.adjudication.AdjudicationView;
import org.afannotator.ui.agreement.AgreementDashboardView;
import org.afannotator.ui.agreement.AgreementDashboardViewModel;
import org.afannotator.ui.agreement.AgreementSource;
import org.afannotator.ui.audit.AuditView;
import org.afannotator.ui.audit.AuditViewModel;
import org.afannotator.ui.common.FirstFrame;
import org.afannotator.ui.common.FxUiExecutor;
import org.afannotator.ui.common.Icons;
import org.afannotator.ui.common.Splash;
import org.afannotator.ui.exchange.ExchangeDialog;
import org.afannotator.ui.common.Theme;
import org.afannotator.ui.importer.ImportDialog;
import org.afannotator.ui.start.ResearchScreen;
import org.afannotator.ui.start.StartView;
import org.afannotator.ui.start.StartViewModel;
import org.afannotator.ui.workspace.RaterQueueViewModel;
import org.afannotator.ui.workspace.WorkspaceView;
import org.afannotator.ui.workspace.WorkspaceViewModel;

/**
 * The desktop app: the start screen, then the rater's workspace. Opens the most recent project,
 * or on first start the default project with the sample transcripts.
 */
public final class AfAnnotatorApp extends Application {
    public static final String TITLE = "AF Annotator";

    private final FxUiExecutor executor = new FxUiExecutor();
    private Stage stage;
    private Scene scene;
    private Theme theme = Theme.LIGHT;
    private StartViewModel startVm;
    private StartView startView;
    private WorkspaceViewModel work;
    private WorkspaceView workspaceView;
    private final List<Stage> researchWindows = new ArrayList<>();
    /** Leaving the workspace waits for its writes; meanwhile another way out is ignored. */
    private boolean leaving;

    public static void main(String[] args) {
        launch(AfAnnotatorApp.class, args);
    }

    @Override
    public void start(Stage primary) {
        StartupTrace.mark("Application.start (FX toolkit up)");
        this.stage = primary;
        // before the first control, or JavaFX loads its Modena stylesheet for nothing
        theme.applyUserAgentStylesheet();
        startVm = new StartViewModel(executor);
        startView = new StartView(startVm, this::toggleTheme, this::openImport, this::openResearch);
        StartupTrace.mark("start screen built");
        scene = new Scene(startView, 1280, 800);
        theme.apply(scene);
        StartupTrace.mark("theme set");
        if (StartupTrace.enabled()) {
            FirstFrame.afterLayout(scene, () -> StartupTrace.mark("first pulse laid out"));
        }
        stage.setScene(scene);
        stage.setTitle(TITLE);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        startVm.projectProperty().addListener((o, a, p) -> stage.setTitle(p == null ? TITLE : TITLE + " \u2014 " + p.getFileName()));
        startVm.setOnSignedIn(this::showWorkspace);
        // Research windows work on the session they were opened with; another project closes them.
        startVm.sessionProperty().addListener((o, a, b) -> List.copyOf(researchWindows).forEach(Stage::close));
        stage.setOnCloseRequest(e -> {
            if (!mayLeaveWorkspace("Close the window")) {
                e.consume();
                return;
            }
            shutdown();
        });
        Splash.closeAfterFirstPulse(scene);
        // The window's icons once the first frame is laid out: decoding them took 30-40 ms, and
        // a runLater from here would run before the first pulse, not after it.
        FirstFrame.afterLayout(scene, () -> Platform.runLater(() -> stage.getIcons().setAll(Icons.app())));
        stage.show();
        StartupTrace.mark("stage shown");
        startVm.init();
        startView.focusRater();
    }

    /** The scene's theme now. */
    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme t) {
        theme = t;
        theme.apply(scene);
    }

    /** The one worker all windows' jobs run on (for tests). */
    FxUiExecutor executor() {
        return executor;
    }

    /** The workspace's view model, once a rater has signed in (for tests). */
    public WorkspaceViewModel workspace() {
        return work;
    }

    public StartViewModel startViewModel() {
        return startVm;
    }

    private void toggleTheme() {
        setTheme(theme.toggled());
    }

    private void showWorkspace(StartViewModel.SignedIn in) {
        ProjectSession session = in.session();
        work = new WorkspaceViewModel(executor, session.raterWork(), in.rater(), () -> System.nanoTime() / 1_000_000);
        RaterQueueViewModel queue = new RaterQueueViewModel(executor, session.raterWork(), in.rater());
        workspaceView = new WorkspaceView(work, queue,
                new WorkspaceView.Actions(this::backToStart, this::openImport, this::toggleTheme));
        scene.setRoot(workspaceView);
        stage.setTitle(TITLE + " \u2014 " + session.path().getFileName() + " \u2014 " + in.rater().name());
        work.start();
        queue.setFilter(QueueStatusFilter.ALL);
    }

    private void backToStart() {
        if (!mayLeaveWorkspace("Go back to the start screen")) {
            return;
        }
        if (work != null) {
            work.leaveCurrent();
        }
        work = null;
        workspaceView = null;
        scene.setRoot(startView);
        startVm.refresh();
        stage.setTitle(TITLE + " \u2014 " + startVm.projectProperty().get().getFileName());
    }

    /**
     * Before the workspace goes: writes what is left (the note, the time spent), tries again what
     * waits, and, with changes the project still cannot take (the disk is full), asks before they
     * are given up; true to go on. The window stays live while the writes finish.
     */
    private boolean mayLeaveWorkspace(String action) {
        WorkspaceViewModel w = work;
        if (w == null) {
            return true;
        }
        if (leaving) {
            // A second way out (close, back to start) while the first waits for the writes: the first decides.
            return false;
        }
        leaving = true;
        try {
            Object key = new Object();
            boolean[] settled = {false};
            boolean[] waiting = {false};
            w.prepareToLeave(() -> {
                settled[0] = true;
                if (waiting[0]) {
                    Platform.exitNestedEventLoop(key, null);
                }
            });
            if (!settled[0]) {
                waiting[0] = true;
                Platform.enterNestedEventLoop(key);
            }
        } finally {
            leaving = false;
        }
        int n = w.unsavedProperty().get();
        if (n == 0) {
            return true;
        }
        ButtonType stay = new ButtonType("Keep working", ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType leave = new ButtonType(action + " and lose " + (n == 1 ? "it" : "them"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", stay, leave);
        alert.initOwner(stage);
        alert.setTitle(TITLE);
        alert.setHeaderText(n + (n == 1 ? " change is" : " changes are") + " not saved");
        alert.setContentText("The project could not take " + (n == 1 ? "it" : "them") + ": "
                + w.unsavedReason() + "\n\nFree some disk space and press Ctrl+S to write "
                + (n == 1 ? "it" : "them") + ", then close.");
        alert.getDialogPane().setId("unsaved-dialog");
        ((Button) alert.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(leave)).setDefaultButton(false);
        return alert.showAndWait().orElse(stay) == leave;
    }

    private void openImport() {
        ProjectSession s = startVm.sessionProperty().get();
        if (s != null) {
            ImportDialog.show(stage, executor, s, () -> {
                if (work == null) {
                    startVm.refresh();
                }
            });
        }
    }

    /** Opens a researcher's screen on the open project, in a window of its own. */
    public void openResearch(ResearchScreen screen) {
        ProjectSession s = startVm.sessionProperty().get();
        if (s == null) {
            return;
        }
        if (screen == ResearchScreen.EXCHANGE) {
            ExchangeDialog.show(stage, executor, s, theme, () -> {
                if (startVm.sessionProperty().get() == s) {
                    startVm.refresh(); // merged bundles change what the start screen counts
                }
            });
            return;
        }
        Parent root;
        switch (screen) {
            case AGREEMENT -> {
                AgreementDashboardViewModel vm = new AgreementDashboardViewModel(executor, AgreementSource.of(s));
                root = new AgreementDashboardView(vm);
                vm.recompute();
            }
            case AUDIT -> {
                AuditViewModel vm = new AuditViewModel(s, executor);
                root = new AuditView(vm);
                vm.load();
            }
            // Not the rater name typed on the start screen: gold labels would be put down to a rater.
            case ADJUDICATION -> root = new AdjudicationView(s, executor, "");
            default -> throw new IllegalArgumentException(screen.name());
        }
        Stage window = new Stage();
        window.initOwner(stage);
        window.getIcons().setAll(Icons.app());
        Scene sc = new Scene(root, 1280, 860);
        theme.apply(sc);
        window.setScene(sc);
        window.setTitle(TITLE + " — " + screen.title() + " — " + s.path().getFileName());
        researchWindows.add(window);
        window.setOnHidden(e -> researchWindows.remove(window));
        window.show();
    }

    /** The windows of research screens now open (for tests). */
    public List<Stage> researchWindows() {
        return List.copyOf(researchWindows);
    }

    /** Writes the time spent, lets the last saves finish and closes the project. */
    public void shutdown() {
        if (work != null) {
            work.leaveCurrent();
        }
        ProjectSession s = startVm.sessionProperty().get();
        if (s != null) {
            executor.submit(p -> {
                s.close();
                return null;
            }, r -> { }, e -> { });
        }
        executor.finish(5000);
    }

    @Override
    public void stop() {
        executor.close();
    }
}
