package org.afannotator.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark themes: AtlantaFX Primer as user-agent stylesheet plus the app's own CSS. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private static final String CSS_ROOT = "/org/afannotator/assets/css/";
    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    /** Applies the theme to the whole application and adds the app's stylesheets to {@code scene}. */
    public void apply(Scene scene) {
        applyUserAgentStylesheet();
        List<String> own = stylesheets();
        scene.getStylesheets().removeAll(own);
        scene.getStylesheets().addAll(own);
    }

    /**
     * Makes this theme the application's user-agent stylesheet. Call it before the first control is
     * made: the first {@code Control} otherwise loads JavaFX's own Modena stylesheet, which the theme
     * then replaces (a wasted parse of 150 KB of CSS at every start).
     */
    public void applyUserAgentStylesheet() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The bridge that lets ControlsFX read AtlantaFX colours, then the app's styles. */
    public static List<String> stylesheets() {
        return List.of(resource("controlsfx-bridge.css"), resource("app.css"));
    }

    private static String resource(String name) {
        return Objects.requireNonNull(Theme.class.getResource(CSS_ROOT + name), "missing stylesheet " + name).toExternalForm();
    }
}
