#!/usr/bin/env bash
# write_launcher IMAGE NAME: replaces IMAGE/bin/NAME, jpackage's native launcher, with a POSIX sh
# script that starts IMAGE/lib/runtime/bin/java with the launcher's own IMAGE/lib/app/NAME.cfg
# (decision 0108: the native launcher asks the package manager which package owns it, rpm -qf,
# dpkg -S and dpkg -L, twice, at every start). The options stay written once, in the jpackage call;
# the JVM gets the same arguments as from jpackage's launcher, -Djpackage.app-path included.
# Anything in the .cfg the script would not reproduce exactly stops it, the launcher left as it was.
# Sourced by build-installer.sh; run by LauncherScriptTest.
write_launcher() { # image name
    local name=$2 cfg="$1/lib/app/$2.cfg" script="$1/bin/$2"
    local line key value classpath="" mainclass="" opts=() opt
    wl_fail() { echo "build-installer: $cfg: $*" >&2; return 1; }
    # A value goes into the script inside double quotes, with $APPDIR written as ${APPDIR}: it
    # must hold nothing else the shell would expand or unquote.
    wl_quotable() { case "${1//\$APPDIR/}" in *[\"\\\`\$]*) return 1 ;; esac; }
    [ -f "$cfg" ] || wl_fail "missing" || return 1
    [ -x "$1/lib/runtime/bin/java" ] || wl_fail "no lib/runtime/bin/java in the image" || return 1
    while IFS= read -r line || [ -n "$line" ]; do
        line=${line%$'\r'} # a .cfg with Windows line ends
        case "$line" in
            ''|'['*']') continue ;; # blank lines, section headers
        esac
        key=${line%%=*}
        value=${line#*=}
        [ "$key" != "$line" ] || wl_fail "unexpected line: $line" || return 1
        wl_quotable "$value" || wl_fail "cannot quote $key=$value" || return 1
        case "$key" in
            app.classpath) classpath=${classpath:+$classpath:}$value ;; # one line per jar
            app.mainclass) mainclass=$value ;;
            java-options) opts+=("$value") ;; # jpackage writes one option per line
            *) wl_fail "unexpected setting $key (the script would leave it out)" || return 1 ;;
        esac
    done < "$cfg"
    [ -n "$classpath" ] && [ -n "$mainclass" ] || wl_fail "no app.classpath or app.mainclass" || return 1
    case "$mainclass" in *'$'*) wl_fail "cannot quote app.mainclass=$mainclass" || return 1 ;; esac
    {
        echo '#!/bin/sh'
        echo "# Starts AF Annotator ($name) on its own Java runtime. Made by build-installer.sh from"
        echo "# lib/app/$name.cfg (decision 0108)."
        echo 'self=$0'
        echo '# "bash NAME" run from another folder: bash found NAME on the PATH'
        echo 'case $self in */*) ;; *) [ -e "$self" ] || self=$(command -v -- "$self") ;; esac'
        echo 'bin=$(dirname -- "$(readlink -f -- "$self")")'
        echo 'root=$(dirname -- "$bin")'
        echo 'APPDIR="$root/lib/app"'
        echo 'exec "$root/lib/runtime/bin/java" \'
        for opt in "${opts[@]}"; do
            echo "    \"${opt//\$APPDIR/\$\{APPDIR\}}\" \\"
        done
        echo "    \"-Djpackage.app-path=\$bin/$name\" \\"
        echo "    -cp \"${classpath//\$APPDIR/\$\{APPDIR\}}\" \"$mainclass\" \"\$@\""
    } > "$script.new" && chmod 755 "$script.new" && mv "$script.new" "$script"
}
