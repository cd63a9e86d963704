#!/usr/bin/env bash
# Called by `mvn -Pinstaller package` after the shaded jar is built. Makes, under target/jpackage:
#   app/af-annotator/      an app image with a trimmed Java runtime and an AppCDS archive
#   installer/*.deb        a Debian package of the same image (depends on libgtk-3-0), whose
#                          postinst makes the AppCDS archive at the installed path
# Needs JDK 17's jpackage and jlink on PATH (or JAVA_HOME) and, for the .deb, dpkg-deb and fakeroot.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:?version}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
out=target/jpackage
rm -rf "$out"
mkdir -p "$out/input"
cp target/af-annotator.jar src/packaging/classes.lst src/packaging/splash.png "$out/input/"

# Native libraries unpacked beside the jar, so that no start copies them out of it: JavaFX looks
# for its libraries in the jar's folder first (else it checks and copies them into
# ~/.openjfx/cache), and SQLite loads from org.sqlite.lib.path (else it copies its library to
# /tmp and compares it byte by byte at every start).
case "$(uname -m)" in
    x86_64|amd64) sqlite_arch=x86_64 ;;
    aarch64|arm64) sqlite_arch=aarch64 ;;
    *) sqlite_arch=$(uname -m) ;;
esac
natives=$("${bin}jar" tf target/af-annotator.jar | grep -E "^[^/]+\.so$|^org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc\.so$")
mkdir -p "$out/natives"
(cd "$out/natives" && "${bin}jar" xf "$OLDPWD/target/af-annotator.jar" $natives)
find "$out/natives" -name '*.so' -exec mv {} "$out/input/" \;
rm -rf "$out/natives"

# Java options (decision 0090): the archive; ten times the default thresholds for C2 compilation,
# so that C2 does not spend start-up on code that runs a few thousand times and is done with (long
# computations still reach C2 within their first second); SQLite's unpacked library. The splash
# image (decision 0096), which the launcher shows before the JVM starts; the property tells the
# app to close it once its window has laid out. A second launcher, af-annotator-cli, runs commands
# without the splash image (decision 0102, cli-launcher.properties).
# The modules the app needs (jdeps on the jar, plus the ones JavaFX and SQLite load by reflection).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs

"${bin}jpackage" --type app-image --dest "$out/app" --input "$out/input" \
    --name af-annotator --app-version "$version" --vendor "AF Annotator" \
    --icon src/packaging/icon.png \
    --main-jar af-annotator.jar --main-class org.afannotator.Launcher \
    --add-modules "$modules" \
    --jlink-options "--strip-debug --no-man-pages --no-header-files" \
    --java-options '-XX:SharedArchiveFile=$APPDIR/af-annotator.jsa' \
    --java-options '-Xshare:auto' \
    --java-options '-XX:Tier4InvocationThreshold=50000' \
    --java-options '-XX:Tier4MinInvocationThreshold=6000' \
    --java-options '-XX:Tier4CompileThreshold=150000' \
    --java-options '-XX:Tier4BackEdgeThreshold=400000' \
    --java-options '-Dorg.sqlite.lib.path=$APPDIR' \
    --java-options '-Dorg.sqlite.lib.name=libsqlitejdbc.so' \
    --java-options '-splash:$APPDIR/splash.png' \
    --java-options '-Dafannotator.splash=true' \
    --add-launcher af-annotator-cli=src/packaging/cli-launcher.properties

# Shell launchers in place of jpackage's (decision 0108): its native launcher asks the package
# manager which package owns it at every start, 0.1-0.3 s before Java starts.
source src/packaging/write-launcher.sh
write_launcher "$out/app/af-annotator" af-annotator
write_launcher "$out/app/af-annotator" af-annotator-cli
rm "$out/app/af-annotator/lib/libapplauncher.so" # the native launchers' library, used by nothing now

"${bin}jpackage" --type deb --dest "$out/installer" --app-image "$out/app/af-annotator" \
    --name af-annotator --app-version "$version" --vendor "AF Annotator" \
    --description "Human annotation and agreement statistics for alignment-faking transcripts" \
    --icon src/packaging/icon.png \
    --linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Science \
    --resource-dir src/packaging/linux

# The archive of the app image, made after the .deb so the package does not carry one made for
# this path (the package makes its own when installed).
image="$out/app/af-annotator"
"$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$image/lib/app/classes.lst" \
    -XX:SharedArchiveFile="$PWD/$image/lib/app/af-annotator.jsa" -cp "$PWD/$image/lib/app/af-annotator.jar" \
    > "$out/cds-dump.log" 2>&1
du -sh "$image" "$image/lib/runtime" "$image/lib/app/af-annotator.jsa" "$out"/installer/*.deb
