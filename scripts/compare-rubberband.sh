#!/usr/bin/env bash
# Compares djia-stretch with the Rubber Band command-line tool on the same audio.
#
#   scripts/compare-rubberband.sh IN.wav RATIO REFERENCE.wav [--fine] [--r3]
#       Stretches IN.wav by RATIO (output length / input length) with both, and prints for each the CPU time
#       and the log-spectral distance to REFERENCE.wav (the same music rendered at the target tempo).
#   scripts/compare-rubberband.sh --demo [DIR]
#       Renders four synthetic loops (drums, bass, pad, mix; 8 bars) at 120 and 100 BPM into DIR (default: a
#       temporary folder) and compares both directions, 120 -> 100 (ratio 1.2) and 100 -> 120 (ratio 0.8333).
#
# CPU time is user + system time of each whole process, as the shell's `time` reports it (for djia that
# includes starting the JVM, loading classes and compiling the code; the JVM runs with the flags in one_shot),
# plus, for djia, the thread CPU time of the stretch alone, cold.
# The Rubber Band engine is its default (R2, "faster"); --r3 adds a run of its R3 ("finer") engine.
# Nothing is built or installed: the script stops and says what to run when something is missing.
# DJIA_JAR overrides the jar's location (default djia-cli/target/djia.jar).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${DJIA_JAR:-$here/djia-cli/target/djia.jar}"
tool=io.djia.stretch.tools.ComparisonTool
# A one-shot run: the quick C1 compiler only and the serial collector, which halve the JVM's own CPU time
# (the stretch itself costs about the same either way).
one_shot="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

usage() {
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

if [ ! -f "$jar" ]; then
  echo "compare-rubberband: $jar is missing; build it first with:" >&2
  echo "  (cd \"$here\" && mvn -B -q -DskipTests -pl djia-cli -am package)" >&2
  exit 1
fi
if ! command -v java >/dev/null 2>&1; then
  echo "compare-rubberband: java (17 or newer) is not on the PATH" >&2
  exit 1
fi
have_rubberband=1
if ! command -v rubberband >/dev/null 2>&1; then
  have_rubberband=0
  echo "compare-rubberband: the rubberband command is not installed, so only djia is measured." >&2
  echo "  Install it with:  sudo apt-get install rubberband-cli   (macOS: brew install rubberband)" >&2
fi

fine=""
r3=0
demo=0
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fine) fine="fine" ;;
    --r3) r3=1 ;;
    --demo) demo=1 ;;
    -h|--help) usage ;;
    *) positional+=("$1") ;;
  esac
  shift
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs a command and prints "user+sys" seconds; its stdout goes to $work/stdout, its stderr to $work/stderr.
cpu_seconds() {
  local t
  t=$( { TIMEFORMAT='%U %S'; time "$@" >"$work/stdout" 2>"$work/stderr"; } 2>&1 ) || {
    cat "$work/stderr" >&2
    return 1
  }
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%.2f", a[1] + a[2] }'
}

value() {
  sed -n "s/^$1=//p" "$work/stdout"
}

distance() {
  java -cp "$jar" "$tool" distance "$1" "$2" >"$work/stdout"
  value lsd_db
}

compare() {
  local input="$1" ratio="$2" reference="$3" label="$4"
  local ours="$work/ours.wav" theirs="$work/rubberband.wav"
  local process stretch lsd
  process=$(cpu_seconds java $one_shot -cp "$jar" "$tool" stretch "$input" "$ours" "$ratio" $fine)
  stretch=$(awk -v ms="$(value cpu_ms)" 'BEGIN { printf "%.2f", ms / 1000 }')
  lsd=$(distance "$ours" "$reference")
  printf "%-14s %-7s %-26s %12s %12s %9s\n" "$label" "$ratio" "djia (${fine:-standard})" "$process" "$stretch" "$lsd"
  if [ "$have_rubberband" = 1 ]; then
    process=$(cpu_seconds rubberband -q -t "$ratio" "$input" "$theirs")
    lsd=$(distance "$theirs" "$reference")
    printf "%-14s %-7s %-26s %12s %12s %9s\n" "$label" "$ratio" "rubberband (default, R2)" "$process" "-" "$lsd"
    if [ "$r3" = 1 ]; then
      process=$(cpu_seconds rubberband -q -3 -t "$ratio" "$input" "$theirs")
      lsd=$(distance "$theirs" "$reference")
      printf "%-14s %-7s %-26s %12s %12s %9s\n" "$label" "$ratio" "rubberband (R3, finer)" "$process" "-" "$lsd"
    fi
  fi
}

header() {
  printf "%-14s %-7s %-26s %12s %12s %9s\n" "input" "ratio" "engine" "cpu_total_s" "cpu_stretch_s" "lsd_db"
}

if [ "$demo" = 1 ]; then
  dir="${positional[0]:-$work/loops}"
  mkdir -p "$dir/120-100" "$dir/100-120"
  java -cp "$jar" "$tool" loops "$dir/120-100" 120 100 8 >/dev/null
  java -cp "$jar" "$tool" loops "$dir/100-120" 100 120 8 >/dev/null
  header
  for pair in "120-100 1.2" "100-120 0.8333333333"; do
    set -- $pair
    for kind in drums bass pad mix; do
      compare "$dir/$1/$kind-source.wav" "$2" "$dir/$1/$kind-target.wav" "$kind"
    done
  done
  exit 0
fi

if [ "${#positional[@]}" -ne 3 ]; then
  usage
fi
input="${positional[0]}"
ratio="${positional[1]}"
reference="${positional[2]}"
for f in "$input" "$reference"; do
  if [ ! -f "$f" ]; then
    echo "compare-rubberband: no such file: $f" >&2
    exit 2
  fi
done
header
compare "$input" "$ratio" "$reference" "$(basename "$input" .wav | cut -c1-14)"
