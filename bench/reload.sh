#!/usr/bin/env bash
# Reload of an edited table: the packaged service in a working folder of its own (a copy of rules/ and
# decision-tables/, a fresh H2 database) in watch mode `activate`; each round appends an empty line to a table (a new
# version, so nothing can come from the ruleset cache) and times from the save until /q/health/ready names the new
# version. docs/benchmarks.md, "Start-up and reload".
#   bench/reload.sh [rounds] [java options...]      (default 5 rounds; e.g. -Dcollections.policy.model=classic)
# Knobs: TABLE=risk-rating.drl.csv (the table edited), PORT=18392 (the first port tried; the next free one is used).
# The folder is removed at the end.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT="$BENCH_ROOT"
ROUNDS=5
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then ROUNDS=$1; shift; fi
TABLE="${TABLE:-risk-rating.drl.csv}"
PORT="$(PORT="${PORT:-18392}" free_port)"
work="$(mktemp -d /tmp/bench-reload.XXXXXX)"
cp -r "$ROOT/rules" "$ROOT/decision-tables" "$work/"
cd "$work"
java "$@" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dcollections.policy.watch=activate \
  -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
version() { curl -sf --max-time 2 "http://127.0.0.1:$PORT/q/health/ready" | grep -o '"version" *: *"[0-9a-f]*"' | grep -o '[0-9a-f]\{16\}' || true; }
for _ in $(seq 1 600); do
  [[ -n "$(version)" ]] && break
  sleep 0.2
  kill -0 $pid 2>/dev/null || { cat service.log >&2; echo "the service stopped" >&2; exit 1; }
done
[[ -n "$(version)" ]] || { echo "the service was not ready within 2 minutes" >&2; exit 1; }
sleep 5 # let the start's own work settle
echo "reload of an edited table ($TABLE), watch mode activate, $(nproc) cores"
for round in $(seq 1 "$ROUNDS"); do
  before="$(version)"
  t0=$(date +%s%N)
  echo "" >> "decision-tables/$TABLE"
  while [[ "$(version)" == "$before" || -z "$(version)" ]]; do
    sleep 0.02
    (( ($(date +%s%N) - t0) / 1000000 < 60000 )) || { echo "no new version within 60 s" >&2; exit 1; }
  done
  t1=$(date +%s%N)
  printf "round %d: %s -> %s in %d ms (load %s)\n" "$round" "$before" "$(version)" $(( (t1 - t0) / 1000000 )) \
    "$(cut -d' ' -f1 /proc/loadavg)"
  sleep 3
done
