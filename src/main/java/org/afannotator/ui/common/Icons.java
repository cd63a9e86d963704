package org.afannotator.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icons from the Material Design 2 pack, at the app's sizes; and the app's own icon for its windows. */
public final class Icons {
    private static java.util.List<javafx.scene.image.Image> app;

    private Icons() {
    }

    /**
     * The app's icon in the sizes a window manager picks from (32, 64, 256 px; drawn by
     * src/packaging/make-icon.sh). FX thread.
     */
    public static java.util.List<javafx.scene.image.Image> app() {
        if (app == null) {
            java.util.List<javafx.scene.image.Image> all = new java.util.ArrayList<>();
            for (int size : new int[] {32, 64, 256}) {
                var url = Icons.class.getResource("/org/afannotator/assets/icons/af-annotator-" + size + ".png");
                if (url != null) {
                    all.add(new javafx.scene.image.Image(url.toExternalForm()));
                }
            }
            app = java.util.List.copyOf(all);
        }
        return app;
    }

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = FontIcon.of(ikon, 16);
        icon.getStyleClass().add("app-icon");
        return icon;
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = FontIcon.of(ikon, size);
        icon.getStyleClass().add("app-icon");
        return icon;
    }
}
