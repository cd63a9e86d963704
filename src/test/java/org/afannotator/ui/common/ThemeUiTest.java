package org.afannotator.ui.common;

import static org.afannotator.ui.FxTestSupport.fx;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** ControlsFX controls follow the AtlantaFX theme instead of keeping their own light colours. */
@ExtendWith(ApplicationExtension.class)
class ThemeUiTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void backToLight() {
        fx(() -> {
            Theme.LIGHT.applyUserAgentStylesheet();
            return null;
        });
    }

    @Test
    void statusBarFrameIsDarkInTheDarkTheme() {
        // ControlsFX draws a 'lightgray' frame around its status bar: a white box on the dark theme.
        assertThat(fx(() -> fills(Theme.DARK))).allSatisfy(c -> assertThat(c.getBrightness()).as(c.toString()).isLessThan(0.5));
        assertThat(fx(() -> fills(Theme.LIGHT))).allSatisfy(c -> assertThat(c.getBrightness()).as(c.toString()).isGreaterThan(0.5));
    }

    /** The colours of the status bar's background fills under {@code theme}. */
    private java.util.List<Color> fills(Theme theme) {
        StatusBar bar = new StatusBar();
        Scene scene = new Scene(new BorderPane(null, null, null, bar, null), 400, 100);
        theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Region r = bar;
        return r.getBackground().getFills().stream().map(f -> (Color) f.getFill()).toList();
    }
}
