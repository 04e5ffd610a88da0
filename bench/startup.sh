#!/usr/bin/env bash
# Start-up: time from the JVM's start to ready (/q/health/ready answers 200) of the packaged service, and the CPU the
# JVM used until then (from /proc, steadier than wall time on a shared machine). Run it from the folder whose data/
# the service should use (database, keys, data/rulesets); docs/benchmarks.md, "Start-up and reload".
#   bench/startup.sh JAR LABEL [java options...]
#   e.g. bench/startup.sh target/quarkus-app/quarkus-run.jar before -Dcollections.policy.cache-versions=0
set -euo pipefail
JAR=$(realpath "$1"); LABEL=$2; shift 2
PORT=${PORT:-18391}
t0=$(date +%s.%N)
java "$@" -Dquarkus.http.port="$PORT" -jar "$JAR" > "$LABEL.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  sleep 0.05
  kill -0 $PID 2>/dev/null || { echo "$LABEL: the service stopped, see $LABEL.log"; exit 1; }
done
t1=$(date +%s.%N)
ticks=$(awk '{print $14+$15}' /proc/$PID/stat)
printf "%s: ready %.2f s after JVM start, %.1f s CPU (load %s); %s\n" "$LABEL" "$(echo "$t1 - $t0" | bc)" \
  "$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)" \
  "$(grep -o 'Ruleset [0-9a-f]* active.*' "$LABEL.log" || true)"
kill $PID; wait $PID 2>/dev/null || true
