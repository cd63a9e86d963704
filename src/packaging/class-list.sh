#!/usr/bin/env bash
# Refreshes src/packaging/classes.lst, the classes the AppCDS archive of the installer holds: starts
# the app from the shaded jar under a virtual display (xvfb-run, xdotool, libgtk-3-0) on a fresh
# data folder (so the first start's seeding of the default project is in it too), waits until the
# start screen has its project, then ends it. Run after `mvn package` when start-up code changed
# much; a stale list still works (missing classes and lambdas are loaded as usual).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$PWD/target/af-annotator.jar
out=$PWD/src/packaging/classes.lst
data=$(mktemp -d)
AFANNOTATOR_STARTUP_TRACE=1 xvfb-run -a bash -c "
  java -XX:DumpLoadedClassList=$out.tmp -Dafannotator.data=$data -jar $jar 2> $data/trace &
  pid=\$!
  for i in \$(seq 600); do grep -q 'start screen filled in' $data/trace && break; sleep 0.05; done
  sleep 1
  kill \$pid; wait \$pid || true"
# Keep the classes of the JDK and the jar, and the @lambda-proxy / @lambda-form-invoker lines (the
# dump archives the lambdas' classes too); dynamic proxies are made at run time under other names.
grep -v -E '/\$Proxy[0-9]+$' "$out.tmp" > "$out"
rm -f "$out.tmp"; rm -rf "$data"
wc -l "$out"
