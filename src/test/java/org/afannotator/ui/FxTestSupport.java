package org.afannotator.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import org.fxmisc.richtext.GenericStyledArea;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting on the FX thread and reading what a screen shows, for TestFX tests. */
public final class FxTestSupport {
    /** Generous: the build machines are shared and slow. */
    public static final int TIMEOUT_S = 60;

    private FxTestSupport() {
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting on the UI", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code c} on the FX thread and returns its value. */
    public static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(TIMEOUT_S), c);
    }

    public static void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** The folder screenshots go to: system property afannotator.screenshots, else target/screenshots. */
    public static java.nio.file.Path screenshotFolder() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("afannotator.screenshots", "target/screenshots"));
        java.nio.file.Files.createDirectories(dir);
        return dir;
    }

    /** Writes a PNG of the whole scene into the screenshot folder. */
    public static java.nio.file.Path screenshot(javafx.scene.Scene scene, String fileName) throws java.io.IOException {
        return writePng(fx(() -> scene.snapshot(null)), fileName);
    }

    /** Writes a PNG of one node, also the part scrolled out of view, into the screenshot folder. */
    public static java.nio.file.Path screenshot(Node node, String fileName) throws java.io.IOException {
        return writePng(fx(() -> node.snapshot(null, null)), fileName);
    }

    private static java.nio.file.Path writePng(javafx.scene.image.WritableImage image, String fileName)
            throws java.io.IOException {
        java.nio.file.Path file = screenshotFolder().resolve(fileName);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }

    /**
     * Every paragraph of a styled document as "paragraph classes | text | length:classes ...", one
     * string each, so two documents (or an area and a document) compare in one assertion.
     */
    public static List<String> paragraphs(
            org.fxmisc.richtext.model.StyledDocument<java.util.Collection<String>, String, java.util.Collection<String>> doc) {
        List<String> out = new ArrayList<>();
        for (var p : doc.getParagraphs()) {
            StringBuilder sb = new StringBuilder(String.join(",", p.getParagraphStyle())).append(" | ").append(p.getText())
                    .append(" |");
            for (var s : p.getStyleSpans()) {
                if (s.getLength() > 0) {
                    sb.append(' ').append(s.getLength()).append(':').append(String.join(",", s.getStyle()));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Every piece of text under {@code root}: labels, buttons, text nodes, text fields, text areas. */
    public static List<String> allText(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Labeled l && l.getTooltip() != null) {
            out.add(l.getTooltip().getText());
        }
        if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getText());
        }
        if (n instanceof GenericStyledArea<?, ?, ?> a) {
            out.add(a.getText());
        }
        if (n instanceof TitledPane p && p.getContent() != null) {
            collect(p.getContent(), out);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
