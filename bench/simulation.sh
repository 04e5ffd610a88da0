#!/usr/bin/env bash
# Ruleset simulation benchmark: COUNT generated cases imported into a fresh embedded database; the packaged service
# then simulates a candidate (the shipped tables with one threshold moved: M2 ends at day 44, days 45-90 are M3)
# against the shipped ruleset, each stored case decided by both.
#
#   bench/simulation.sh [COUNT=50000] [JAR=target/quarkus-app/quarkus-run.jar]
#
# The rate is cases per second over the simulation itself (its durationSeconds: start-up, the import and the
# candidate's compile excluded); each case is two decisions. HEAP (default -Xmx1g) sets the service's heap, PORT its
# port (default 18088), THREADS the simulation's deciding threads (default: one per core).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-50000}"
JAR="${2:-$ROOT/target/quarkus-app/quarkus-run.jar}"
OUT="${BENCH_OUT:-$ROOT/target/bench}/simulation"
HEAP="${HEAP:--Xmx1g}"
PORT="${PORT:-18088}"
mkdir -p "$OUT"
FILE="$OUT/portfolio-$COUNT.jsonl"
cd "$OUT"
rm -rf data rules decision-tables
[[ -f "$FILE" ]] || java -jar "$JAR" generate --cases "$COUNT" --out "$FILE" --as-of "${AS_OF:-2026-11-29}"
# shellcheck disable=SC2086
java $HEAP -jar "$JAR" import --file "$FILE" --no-progress >import.json 2>import.err \
  || { echo "import failed:"; tail -20 import.err; exit 1; }

# The service reads ./rules and ./decision-tables: a copy an analyst can edit.
cp -r "$ROOT/rules" "$ROOT/decision-tables" .
threads=()
[[ -n "${THREADS:-}" ]] && threads=("-Dcollections.simulation.threads=$THREADS")
# shellcheck disable=SC2086
java $HEAP "${threads[@]}" -Dquarkus.http.port="$PORT" -jar "$JAR" >service.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do
  curl -sf "$base/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -30 service.log; exit 1; }
  sleep 0.5
done
ANALYST="$(java -jar "$JAR" token --role analyst 2>/dev/null)"
APPROVER="$(java -jar "$JAR" token --role approver 2>/dev/null)"
shipped=$(curl -sf -H "Authorization: Bearer $ANALYST" "$base/api/v1/rulesets/active" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')

# The candidate: one threshold moved, reloaded (so it is kept in the archive), then the shipped files put back.
sed -i 's/^31,60,M2$/31,44,M2/; s/^61,90,M3$/45,90,M3/' decision-tables/overdue-buckets.drl.csv
candidate=$(curl -sf -X POST -H "Authorization: Bearer $APPROVER" "$base/api/v1/rulesets/reload" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
cp "$ROOT/decision-tables/overdue-buckets.drl.csv" decision-tables/
curl -sf -X POST -H "Authorization: Bearer $APPROVER" "$base/api/v1/rulesets/reload" >/dev/null
echo "portfolio: $COUNT cases, $(nproc) cores, $HEAP; baseline $shipped, candidate $candidate"

# The service's own CPU time over the simulation: a figure that holds when other work shares the machine.
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
cpu_before=$(cpu)
id=$(curl -sf -X POST -H "Authorization: Bearer $ANALYST" -H 'Content-Type: application/json' \
  -d "{\"candidate\":\"$candidate\",\"asOf\":\"2026-11-29T02:00:00Z\"}" "$base/api/v1/rulesets/simulations" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["simulationId"])')
while :; do
  curl -sf -H "Authorization: Bearer $ANALYST" "$base/api/v1/rulesets/simulations/$id" >status.json
  python3 -c 'import json,sys; sys.exit(0 if json.load(open("status.json"))["status"] != "RUNNING" else 1)' status.json && break
  sleep 2
done
cpu_after=$(cpu)
curl -sf -H "Authorization: Bearer $ANALYST" "$base/api/v1/rulesets/simulations/$id/changes?format=csv" >changes.csv
CPU_SECONDS=$(python3 -c "import os; print(($cpu_after - $cpu_before) / os.sysconf('SC_CLK_TCK'))") python3 - <<'PY'
import json, os
s = json.load(open("status.json"))
cpu = float(os.environ["CPU_SECONDS"])
r = s.get("report") or {}
d = s["durationSeconds"]
print(f"{s['status']}: {s['done']:,} cases ({2 * s['done']:,} decisions) in {d:.1f} s: {s['done'] / d:,.0f} cases/s; "
      f"{r.get('changed', 0):,} changed, {r.get('failed', 0)} failed; service CPU {cpu:.1f} s, "
      f"{cpu * 1e6 / max(1, s['done']):,.0f} µs per case ({cpu * 1e6 / max(1, 2 * s['done']):,.0f} per decision), "
      f"{s['done'] / max(cpu, 1e-9):,.0f} cases per CPU-second; load average {os.getloadavg()[0]:.1f}")
PY
echo "changed cases: $(($(wc -l <changes.csv) - 1)) rows in $OUT/changes.csv"
