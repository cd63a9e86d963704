package org.afannotator.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged app's splash: its launcher shows the image and sets the property that makes the app
 * close it; every other start leaves AWT alone, and closing never fails the app.
 */
class SplashTest {
    @AfterEach
    void clear() {
        System.clearProperty(Splash.PROPERTY);
    }

    @Test
    void onlyAStartThatAskedForTheSplashTouchesIt() {
        assertThat(Splash.requested()).isFalse();
        System.setProperty(Splash.PROPERTY, "true");
        assertThat(Splash.requested()).isTrue();
    }

    @Test
    void theInstallerShowsTheCheckedInImageAndSetsTheProperty() throws Exception {
        String script = Files.readString(Path.of("src/packaging/build-installer.sh"));
        assertThat(script).contains("'-splash:$APPDIR/splash.png'")
                .contains("'-D" + Splash.PROPERTY + "=true'")
                .contains("src/packaging/splash.png \"$out/input/\"");
        BufferedImage image = ImageIO.read(Path.of("src/packaging/splash.png").toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isBetween(400, 800);
        assertThat(image.getHeight()).isBetween(200, 500);
    }
}
