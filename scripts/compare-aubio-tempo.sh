#!/usr/bin/env bash
# Compares the tempo that `djia analyze` finds with `aubio tempo` on the same WAV files and prints both.
#
# Usage: scripts/compare-aubio-tempo.sh FILE.wav [FILE.wav ...]
#   DJIA=/path/to/launcher overrides the djia command (default: the ./djia launcher of this checkout).
#
# Installs nothing. aubio comes from the Debian/Ubuntu package aubio-tools
# (sudo apt-get install aubio-tools), from Homebrew (brew install aubio) or from pip (pip install aubio).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
djia="${DJIA:-$here/djia}"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.wav [FILE.wav ...]" >&2
  exit 2
fi
if ! command -v aubio >/dev/null 2>&1; then
  echo "aubio is not installed, so there is nothing to compare with." >&2
  echo "Install it with: sudo apt-get install aubio-tools   (Debian/Ubuntu)" >&2
  echo "             or: brew install aubio                 (macOS)" >&2
  echo "             or: pip install aubio                  (any platform with Python)" >&2
  exit 3
fi
if [ ! -x "$djia" ]; then
  echo "djia launcher not found at $djia; set DJIA=/path/to/djia" >&2
  exit 2
fi

printf '%-40s %10s %10s %9s  %s\n' "FILE" "DJIA BPM" "AUBIO BPM" "DIFF %" "NOTE"
status=0
for file in "$@"; do
  if [ ! -f "$file" ]; then
    printf '%-40s %s\n' "$file" "no such file"
    status=1
    continue
  fi
  ours="$("$djia" analyze --json "$file" 2>/dev/null | grep -o '"bpm" *: *[0-9.]*' | head -n 1 | grep -o '[0-9.]*$' || true)"
  theirs="$(aubio tempo "$file" 2>/dev/null | grep -o '^[0-9.]*' | head -n 1 || true)"
  if [ -z "$ours" ] || [ -z "$theirs" ]; then
    printf '%-40s %10s %10s %9s  %s\n' "$(basename "$file")" "${ours:--}" "${theirs:--}" "-" "one tool failed"
    status=1
    continue
  fi
  awk -v f="$(basename "$file")" -v a="$ours" -v b="$theirs" 'BEGIN {
    diff = (b > 0) ? 100 * (a - b) / b : 0
    ratio = (b > 0) ? a / b : 0
    note = ""
    if (ratio > 1.94 && ratio < 2.06) note = "djia reads double"
    else if (ratio > 0.485 && ratio < 0.515) note = "djia reads half"
    else if (ratio > 1.46 && ratio < 1.54) note = "3:2 apart"
    else if (ratio > 0.65 && ratio < 0.69) note = "2:3 apart"
    else if (diff < 1 && diff > -1) note = "agree within 1%"
    printf "%-40s %10.2f %10.2f %+9.2f  %s\n", f, a, b, diff, note
  }'
done
exit "$status"
