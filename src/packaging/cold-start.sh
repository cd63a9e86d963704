#!/usr/bin/env bash
# Cold start to first frame: time from launching the app until its window is mapped on the (virtual)
# display, polled every 10 ms with xdotool, and the CPU time (user + sys, all threads) the process
# has used by then, which varies less than wall time on a shared machine. Also the time until the
# launcher's splash image (decision 0096; the packaged app only) is mapped: the first thing on screen. Starts each way N times,
# interleaved, under one Xvfb server, on one data folder that a first (unmeasured) start fills with
# the default project. Default ways:
#   image+cds   the packaged app image with its AppCDS archive (mvn -Pinstaller package)
#   image       the same image with the archive moved away
#   jar         java -jar target/af-annotator.jar (the JDK's default CDS archive only)
# Other ways: NAME=COMMAND arguments after N (the command must start the app and nothing else).
# TRACE=1 also turns on the app's start-up trace (AFANNOTATOR_STARTUP_TRACE) and prints the median
# of each phase (ms since the process started).
# Needs xvfb-run, xdotool, libgtk-3-0. Usage: src/packaging/cold-start.sh [N] [NAME=COMMAND...]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-5}
shift || true
image=$PWD/target/jpackage/app/af-annotator
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -eq 0 ]; then
    set -- "image+cds=$image/bin/af-annotator" \
        "image=JSA_OFF $image/bin/af-annotator" \
        "jar=java -jar $PWD/target/af-annotator.jar"
fi
for way in "$@"; do printf '%s\t%s\n' "${way%%=*}" "${way#*=}" >> "$work/ways"; done
jsa=$image/lib/app/af-annotator.jsa

cat > "$work/run.sh" <<'INNER'
set -u
# start ONE command; print "<wall ms> <cpu ms> <splash ms>" when its window is mapped (nothing
# after 30 s); splash ms is -1 when no splash was seen before the window (the splash window is
# the launcher's, named "Java")
start() {
    local log=$1; shift
    local t0 t1 pid i=0 splash=-1
    t0=$(date +%s%N)
    bash -c "exec $*" > "$log" 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --name 'AF Annotator' >/dev/null 2>&1; do
        if [ "$splash" -lt 0 ] && xdotool search --onlyvisible --name '^Java$' >/dev/null 2>&1; then
            splash=$(( ($(date +%s%N) - t0) / 1000000 ))
        fi
        sleep 0.01; i=$((i + 1)); [ $i -gt 3000 ] && break
    done
    t1=$(date +%s%N)
    local cpu
    cpu=$(awk '{ print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"' }' "/proc/$pid/stat")
    [ $i -le 3000 ] && echo "$(( (t1 - t0) / 1000000 )) $cpu $splash"
    # let the start screen get its project before the next start
    for i in $(seq 60); do grep -q 'start screen filled in' "$log" && break; sleep 0.05; done
    sleep 0.5
    kill $pid 2>/dev/null; wait $pid 2>/dev/null
    sleep 0.3
}
run_way() {
    local name=$1 cmd=$2 log=$3
    if [[ $cmd == JSA_OFF* ]]; then
        mv "$JSA" "$JSA.off"; start "$log" "${cmd#JSA_OFF }"; mv "$JSA.off" "$JSA"
    else
        start "$log" "$cmd"
    fi
}
IFS=$'\t' read -r name cmd < "$WORK/ways"
run_way "$name" "$cmd" "$WORK/warm-up.log" > /dev/null
for i in $(seq "$N"); do
    while IFS=$'\t' read -r name cmd; do
        r=$(run_way "$name" "$cmd" "$WORK/$name.$i.log")
        [ -n "$r" ] && echo "$name $r"
    done < "$WORK/ways"
done
INNER

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
AFANNOTATOR_STARTUP_TRACE=${TRACE:-0} XDG_DATA_HOME=$work/data N=$n WORK=$work JSA=$jsa \
    xvfb-run -a bash "$work/run.sh" > "$work/times.txt"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" <<'PY'
import collections, glob, os, statistics, sys
work = sys.argv[1]
ways = [l.split('\t')[0] for l in open(os.path.join(work, 'ways'))]
wall, cpu, splash = collections.defaultdict(list), collections.defaultdict(list), collections.defaultdict(list)
for line in open(os.path.join(work, 'times.txt')):
    name, w, c, s = line.split()
    wall[name].append(int(w)); cpu[name].append(float(c))
    if int(s) >= 0:
        splash[name].append(int(s))
print("window mapped:")
print("%-12s %8s %8s %8s %12s %4s" % ("way", "median", "best", "mean", "cpu median", "n"))
for k in ways:
    if wall[k]:
        print("%-12s %6d ms %6d ms %6d ms %9d ms %4d" % (k, statistics.median(wall[k]), min(wall[k]),
              statistics.mean(wall[k]), statistics.median(cpu[k]), len(wall[k])))
if splash:
    print("splash mapped (the starts in which it was seen before the window):")
    for k in ways:
        if splash[k]:
            print("%-12s %6d ms %6d ms %6d ms %12s %4d" % (k, statistics.median(splash[k]), min(splash[k]),
                  statistics.mean(splash[k]), "", len(splash[k])))
for k in ways:
    phases = collections.defaultdict(list)
    for f in glob.glob(os.path.join(work, k + '.*.log')):
        for line in open(f):
            if line.startswith('startup '):
                ms, rest = line.split(None, 3)[1], line.split('] ', 1)[1].strip()
                phases[rest].append(int(ms))
    if phases:
        print("phases of %s (median ms since the process started):" % k)
        for p, v in sorted(phases.items(), key=lambda kv: statistics.median(kv[1])):
            print("  %6d  %s" % (statistics.median(v), p))
PY
