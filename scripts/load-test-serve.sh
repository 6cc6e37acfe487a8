#!/usr/bin/env bash
# Load test of `djia serve` on loopback: requests per second and latency percentiles (p50, p90, p99, max) for
# GET /health and for POST /generate with the procedural generator, with the count of 5xx replies. Fails (exit 1)
# on any 5xx, connection error or malformed loop.
#
# Usage: scripts/load-test-serve.sh [--seconds N] [--workers W] [--health-concurrency C] [--generate-concurrency C]
#   --seconds N                each phase runs N seconds (default 10); the whole run is bounded by a timeout
#   --workers W                the server's generation threads (default 2)
#   --health-concurrency C     client threads for /health (default 8)
#   --generate-concurrency C   client threads for /generate (default 4; keep it <= workers + queue to see no 429)
#   DJIA_URL=http://127.0.0.1:PORT/api/v1 targets a server already running on loopback instead of starting one
#   (with DJIA_API_KEY set if it has a key).
#
# Needs: a JDK 17+ (java) and Maven 3.8+ (mvn) on PATH; Maven downloads the project's dependencies on first use.
# Installs nothing. Builds djia.jar and the test classes into djia-*/target-loadtest so it does not disturb other
# builds, runs the server from that jar on 127.0.0.1 on a free port with a throwaway API key, and stops it
# (gracefully) at the end. Loopback only.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds=10
workers=2
health_c=8
generate_c=4
while [ "$#" -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --health-concurrency) health_c="$2"; shift 2 ;;
    --generate-concurrency) generate_c="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$seconds" in ''|*[!0-9]*) echo "--seconds must be a whole number, got $seconds" >&2; exit 2 ;; esac
if [ "$seconds" -lt 1 ] || [ "$seconds" -gt 300 ]; then
  echo "--seconds must be 1..300, got $seconds" >&2
  exit 2
fi
for tool in java mvn timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is not on PATH. This script needs a JDK 17+ (java), Maven 3.8+ (mvn) and coreutils (timeout);" >&2
    echo "install them with your package manager (e.g. sudo apt-get install openjdk-17-jdk maven)." >&2
    exit 3
  fi
done

target=target-loadtest
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 150); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "building djia.jar and the test classes into djia-*/$target (first run downloads dependencies)..." >&2
(cd "$here" && timeout 900 mvn -q -B -Ddjia.target="$target" -DskipTests -pl djia-cli -am package \
    >"$work/build.log" 2>&1) || {
  echo "build failed; last lines of the Maven log:" >&2
  tail -n 30 "$work/build.log" >&2
  exit 1
}
cp="$here/djia-cli/$target/djia.jar:$here/djia-cli/$target/test-classes"

if [ -n "${DJIA_URL:-}" ]; then
  url="$DJIA_URL"
else
  DJIA_API_KEY="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export DJIA_API_KEY
  java -Xmx1g -cp "$here/djia-cli/$target/djia.jar" io.djia.cli.Main serve --host 127.0.0.1 --port 0 --workers "$workers" --queue 16 --quiet \
      >"$work/server.log" 2>&1 &
  server_pid=$!
  url=""
  for _ in $(seq 1 600); do
    url="$(grep -o 'listening on http://[^ ]*' "$work/server.log" 2>/dev/null | head -n 1 | sed 's/listening on //' || true)"
    [ -n "$url" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "the server did not start:" >&2
      cat "$work/server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "the server did not report its address within 60 s:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  echo "server: $url ($workers workers, procedural generator, rule brain)" >&2
fi

status=0
timeout $((2 * seconds + 90)) java -Xmx1g -cp "$cp" io.djia.app.serve.LoadTestMain --url "$url" --seconds "$seconds" \
    --health-concurrency "$health_c" --generate-concurrency "$generate_c" || status=$?
if [ "$status" -eq 124 ]; then
  echo "the load test ran past its time limit" >&2
fi
exit "$status"
