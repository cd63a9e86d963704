#!/usr/bin/env bash
# write_launcher IMAGE NAME: replaces IMAGE/bin/NAME, jpackage's native launcher, with a POSIX sh
# script that starts IMAGE/lib/runtime/bin/java with the launcher's own IMAGE/lib/app/NAME.cfg
# (decision 0108: the native launcher asks the package manager which package owns it, rpm -qf,
# dpkg -S and dpkg -L, twice, at every start). The options stay written once, in the jpackage call;
# the JVM gets the same arguments as from jpackage's launcher, -Djpackage.app-path included.
# Sourced by build-installer.sh; run by LauncherScriptTest.
write_launcher() { # image name
    local name=$2 cfg="$1/lib/app/$2.cfg" script="$1/bin/$2"
    local classpath mainclass opts=() line opt
    classpath=$(sed -n 's/^app\.classpath=//p' "$cfg")
    mainclass=$(sed -n 's/^app\.mainclass=//p' "$cfg")
    while IFS= read -r line; do
        for opt in $line; do # one option per word: none of ours holds a space
            case "${opt//\$APPDIR/}" in
                *[\"\\\`\$]*) echo "build-installer: cannot quote option $opt of $cfg" >&2; return 1 ;;
            esac
            opts+=("$opt")
        done
    done < <(sed -n 's/^java-options=//p' "$cfg")
    [[ $classpath == '$APPDIR/'* && -n $mainclass && ${#opts[@]} -gt 0 ]] \
        || { echo "build-installer: unexpected $cfg" >&2; return 1; }
    {
        echo '#!/bin/sh'
        echo "# Starts AF Annotator ($name) on its own Java runtime. Made by build-installer.sh from"
        echo "# lib/app/$name.cfg (decision 0108)."
        echo 'bin=$(dirname "$(readlink -f "$0")")'
        echo 'root=$(dirname "$bin")'
        echo 'APPDIR="$root/lib/app"'
        echo 'exec "$root/lib/runtime/bin/java" \'
        for opt in "${opts[@]}"; do
            echo "    \"$opt\" \\"
        done
        echo "    \"-Djpackage.app-path=\$bin/$name\" \\"
        echo "    -cp \"$classpath\" $mainclass \"\$@\""
    } > "$script"
    chmod 755 "$script"
}
