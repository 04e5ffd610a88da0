#!/usr/bin/env bash
# Where a decision request's CPU goes: the service under wrk load on POST /api/v1/decisions, recorded with Java
# Flight Recorder, broken down by stage (HTTP, JSON, case reading, rules, decision record, response).
#   bench/profile.sh [classic|executable]     (default: executable, the service default; ~1.5 min)
# Knobs: WARMUP=20 (s of load before recording) DURATION=30 (s recorded) RECORD=recorded|unrecorded THREADS=2
# CONNECTIONS=32 BODY=... JAVA_OPTS=... Output: target/bench/profile-<model>-<record>.jfr and .md.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

model="${1:-executable}"
WARMUP="${WARMUP:-20}"
DURATION="${DURATION:-30}"
RECORD="${RECORD:-recorded}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
BODY="${BODY:-$BENCH_ROOT/docs/examples/case-m2.json}"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
bench_build
trap service_stop EXIT
trap 'exit 130' INT TERM

jfr="$BENCH_OUT/profile-$model-$RECORD.jfr"
rm -f "$jfr"
extra=()
[[ "$RECORD" == unrecorded ]] && extra+=(-Dcollections.bench.skip-audit=true)
wait_quiet
service_start "$model" "${extra[@]}" \
  "-XX:StartFlightRecording=filename=$jfr,settings=profile,delay=${WARMUP}s,duration=${DURATION}s"
log "load for $((WARMUP + DURATION + 3)) s; JFR records the last $DURATION s"
BODY_FILE="$BODY" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP + DURATION + 3))s" --latency -s "$BENCH_ROOT/bench/post.lua" \
  "$base/api/v1/decisions" > "$BENCH_OUT/profile-$model-$RECORD.wrk.txt"
for _ in $(seq 1 60); do [[ -s "$jfr" ]] && break; sleep 1; done
sleep 2
service_stop
[[ -s "$jfr" ]] || { echo "no JFR recording was written" >&2; exit 1; }
{
  echo "Decision requests, $model model, decisions $RECORD; wrk -t$THREADS -c$CONNECTIONS; $DURATION s recorded after $WARMUP s of load."
  echo "$(awk '/^Requests\/sec:/ {print "wrk: " $2 " requests/s over the whole run"}' "$BENCH_OUT/profile-$model-$RECORD.wrk.txt")"
  echo
  java -cp "$(bench_classpath)" org.autocollections.bench.JfrBreakdown "$jfr"
} > "$BENCH_OUT/profile-$model-$RECORD.md"
cat "$BENCH_OUT/profile-$model-$RECORD.md"
