package org.afannotator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app's launchers (decision 0108): {@code src/packaging/write-launcher.sh} turns a
 * jpackage launcher's {@code .cfg} into a shell script. Run here on an app image whose "java"
 * prints the arguments it gets, in a folder whose name holds a space, through a link.
 */
class LauncherScriptTest {
    static final String CFG = """
            [Application]
            app.classpath=$APPDIR/af-annotator.jar
            app.classpath=$APPDIR/more.jar
            app.mainclass=org.afannotator.Launcher

            [JavaOptions]
            java-options=-Djpackage.app-version=0.1.0
            java-options=-XX:SharedArchiveFile=$APPDIR/af-annotator.jsa
            java-options=-Xshare:auto
            java-options=-Dafannotator.note=one option with spaces
            java-options=-Dafannotator.suffix=$APPDIRx
            java-options=-splash:$APPDIR/splash.png
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    static Run run(Path cwd, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    Path image(String cfg) throws IOException {
        Path image = dir.resolve("app image/af-annotator");
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app"));
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        Files.writeString(image.resolve("lib/app/af-annotator-cli.cfg"), cfg);
        Files.writeString(image.resolve("bin/af-annotator-cli"), "jpackage's launcher");
        // A "java" that prints each argument on a line of its own and exits 7.
        Path java = image.resolve("lib/runtime/bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\nexit 7\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        return image;
    }

    Run writeLauncher(Path image) throws IOException, InterruptedException {
        Path project = Path.of("").toAbsolutePath();
        return run(project, "bash", "-c", "set -euo pipefail; source src/packaging/write-launcher.sh;"
                + " write_launcher \"$0\" af-annotator-cli", image.toString());
    }

    @Test
    void theScriptStartsTheBundledJavaWithTheCfgsArgumentsAndPassesEveryArgumentAsItIs() throws Exception {
        Path image = image(CFG);
        assertThat(writeLauncher(image).exit()).isZero();
        Path script = image.resolve("bin/af-annotator-cli");
        assertThat(Files.readString(script)).startsWith("#!/bin/sh\n");
        // Started through a link in another folder, as from /usr/local/bin.
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("links")).resolve("afa"), script);
        Run r = run(dir, link.toString(), "info", "--project", "my project.afproj", "$HOME", "*", "");

        Path real = image.toRealPath();
        String app = real.resolve("lib/app").toString();
        assertThat(r.exit()).as("the JVM's exit code").isEqualTo(7);
        assertThat(r.out().split("\n", -1)).containsExactly(
                "-Djpackage.app-version=0.1.0",
                "-XX:SharedArchiveFile=" + app + "/af-annotator.jsa",
                "-Xshare:auto",
                "-Dafannotator.note=one option with spaces",
                "-Dafannotator.suffix=" + app + "x",
                "-splash:" + app + "/splash.png",
                "-Djpackage.app-path=" + real.resolve("bin/af-annotator-cli"),
                "-cp", app + "/af-annotator.jar:" + app + "/more.jar",
                "org.afannotator.Launcher",
                "info", "--project", "my project.afproj", "$HOME", "*", "",
                "");
    }

    @Test
    void runAsAnArgumentOfTheShellFoundOnThePathItStillFindsItsImage() throws Exception {
        Path image = image(CFG);
        assertThat(writeLauncher(image).exit()).isZero();
        Run r = run(dir, "env", "PATH=" + image.resolve("bin") + ":" + System.getenv("PATH"), "bash", "af-annotator-cli", "x");
        assertThat(r.exit()).isEqualTo(7);
        assertThat(r.out()).contains("-cp\n" + image.toRealPath().resolve("lib/app") + "/af-annotator.jar:").endsWith("\nx\n");
    }

    @Test
    void aCfgWithWindowsLineEndsGivesTheSameLauncher() throws Exception {
        Path image = image(CFG);
        assertThat(writeLauncher(image).exit()).isZero();
        String unix = Files.readString(image.resolve("bin/af-annotator-cli"));
        Files.writeString(image.resolve("lib/app/af-annotator-cli.cfg"), CFG.replace("\n", "\r\n"));
        assertThat(writeLauncher(image).exit()).isZero();
        assertThat(Files.readString(image.resolve("bin/af-annotator-cli"))).isEqualTo(unix);
    }

    @Test
    void aValueTheScriptCouldNotQuoteStopsTheBuild() throws Exception {
        for (String bad : List.of("java-options=-Dx=\"quoted\"", "java-options=-Dx=$HOME", "java-options=-Dx=`id`",
                "java-options=-Dx=a\\b", "app.mainclass=org.afannotator.Launcher$Inner", "app.mainclass=$APPDIRx.Main")) {
            Path image = image(CFG + bad + "\n");
            Run r = writeLauncher(image);
            assertThat(r.exit()).as(bad).isNotZero();
            assertThat(r.out()).contains("af-annotator-cli.cfg: cannot quote " + bad);
            assertLeftAsItWas(image);
        }
    }

    @Test
    void aCfgOfAnotherShapeStopsTheBuild() throws Exception {
        Map<String, String> shapes = Map.of(
                CFG.replace("app.mainclass=org.afannotator.Launcher", ""), "no app.classpath or app.mainclass",
                CFG + "[ArgOptions]\narguments=--open\n", "unexpected setting arguments",
                CFG + "just words\n", "unexpected line: just words");
        for (var shape : shapes.entrySet()) {
            Path image = image(shape.getKey());
            Run r = writeLauncher(image);
            assertThat(r.exit()).isNotZero();
            assertThat(r.out()).contains("af-annotator-cli.cfg: " + shape.getValue());
            assertLeftAsItWas(image);
        }
        // An image made without the runtime's java command (jpackage's default strips it).
        Path image = image(CFG);
        Files.delete(image.resolve("lib/runtime/bin/java"));
        Run r = writeLauncher(image);
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("no lib/runtime/bin/java in the image");
        assertLeftAsItWas(image);
    }

    static void assertLeftAsItWas(Path image) throws IOException {
        assertThat(Files.readString(image.resolve("bin/af-annotator-cli"))).as("launcher left as it was").isEqualTo("jpackage's launcher");
        try (var files = Files.list(image.resolve("bin"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("af-annotator-cli");
        }
    }
}
