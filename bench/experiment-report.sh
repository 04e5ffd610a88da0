#!/usr/bin/env bash
# Experiment report benchmark: COUNT synthetic cases (default 1,000,000), all assigned by one experiment (champion 50 %,
# "sms-first" 50 %), with the simulated weeks after the decision of each overdue case (contacts, promises, payments:
# docs/portfolio-generator.md) stored in the logs; the packaged service, with a small heap, then answers
# GET /api/v1/experiments/1/report over them, and the script prints the time of the answer, the service's CPU
# time for it, the heap (from a GC log) and the machine's load.
#
#   bench/experiment-report.sh [COUNT=1000000] [JAR=target/quarkus-app/quarkus-run.jar]
#
# HEAP (default -Xmx512m) sets the service's heap; REPEAT (default 2) how many times the report is asked (the first
# includes the JIT's warm-up); JFR=1 records a flight recording of the service (target/bench/experiment-report/*.jfr).
# The data are stored once per COUNT and kept (about 1 GB for a million cases in H2); the H2 file database is under
# target/bench/experiment-report/COUNT. For PostgreSQL, build the jar for it (in a copy of the tree) and name a fresh
# database:
#   ./mvnw -B -Pbench -DskipTests package -Dquarkus.datasource.db-kind=postgresql
#   createdb -h 127.0.0.1 -U postgres exp_bench
#   DB_URL=jdbc:postgresql://127.0.0.1:5432/exp_bench DB_USER=postgres bench/experiment-report.sh 1000000
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
COUNT="${1:-1000000}"
JAR="${2:-$BENCH_ROOT/target/quarkus-app/quarkus-run.jar}"
HEAP="${HEAP:--Xmx512m}"
PORT="${PORT:-18089}"
REPEAT="${REPEAT:-2}"
DECIDED_ON="${DECIDED_ON:-2026-06-01}"   # decided at noon UTC; 60 days of follow-up; the report is read 61 days on
AS_OF="${AS_OF:-2026-08-01T12:00:00Z}"
bench_build
OUT="$BENCH_OUT/experiment-report/$COUNT"
mkdir -p "$OUT"
cd "$OUT"
DB_URL="${DB_URL:-jdbc:h2:file:$OUT/data/collections;AUTO_SERVER=FALSE;WRITE_DELAY=0}"
DB_USER="${DB_USER:-sa}"
DB_PASSWORD="${DB_PASSWORD:-}"
db=(-Dquarkus.datasource.jdbc.url="$DB_URL" -Dquarkus.datasource.username="$DB_USER" -Dquarkus.datasource.password="$DB_PASSWORD")

if [[ ! -f "stored-$(echo "$DB_URL" | md5sum | cut -c1-8)" ]]; then
  log "storing $COUNT cases, their assignments and their weeks after the decision in $DB_URL"
  java -Xmx1g -cp "$(bench_classpath)" org.autocollections.bench.ExperimentHistory "$DB_URL" "$DB_USER" "$DB_PASSWORD" \
    "$COUNT" "$DECIDED_ON" 60 2>&1 | grep '\[bench\]' >&2
  touch "stored-$(echo "$DB_URL" | md5sum | cut -c1-8)"
fi

rm -rf rules decision-tables
cp -r "$BENCH_ROOT/rules" "$BENCH_ROOT/decision-tables" .   # the service reads ./rules and ./decision-tables
jfr=()
[[ "${JFR:-0}" == 1 ]] && jfr=(-XX:StartFlightRecording=filename="$OUT/report.jfr",settings=profile)
# shellcheck disable=SC2086
java $HEAP -Xlog:gc:file="$OUT/gc.log" "${jfr[@]}" "${db[@]}" -Dquarkus.datasource.jdbc.acquisition-timeout=120S \
  -Dcollections.policy.watch=off -Dquarkus.http.port="$PORT" \
  -jar "$JAR" >service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do
  curl -sf "$base/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -30 service.log; exit 1; }
  sleep 0.5
done
ANALYST="$(java -jar "$JAR" token --role analyst 2>/dev/null)"
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
echo "cases: $COUNT (experiment 1, two arms), service heap $HEAP, $(nproc) cores, database $DB_URL"
for run in $(seq 1 "$REPEAT"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  before=$(cpu)
  start=$(date +%s.%N)
  curl -sf -H "Authorization: Bearer $ANALYST" -o "report-$run.json" \
    "$base/api/v1/experiments/1/report?window=P60D&asOf=$AS_OF&liftPoints=4" || { tail -30 service.log; exit 1; }
  end=$(date +%s.%N)
  after=$(cpu)
  echo "report $run: $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s," \
    "service CPU $(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }') s," \
    "load average before $load"
done
python3 - "report-$REPEAT.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for a in r["arms"]:
    print("  arm", a.get("arm"), {k: v for k, v in a.items() if k in ("assigned", "observed", "cureRate")})
for c in r["challengers"]:
    print("  ", c["verdict"]["en"])
PY
cmp -s report-1.json "report-$REPEAT.json" && echo "the same report every time" || echo "WARNING: the reports differ"
grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' gc.log | awk -F'[M>()-]+' \
  '{ if ($1>b) b=$1; if ($2>a) a=$2; if ($3>c) c=$3 } END { print "heap: before GC at most " b " MB, live after GC at most " a " MB, committed at most " c " MB" }'
grep -c 'Pause' gc.log | xargs -I{} echo "GC pauses: {}"
