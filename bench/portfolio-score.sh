#!/usr/bin/env bash
# Portfolio scoring benchmark: COUNT generated cases scored by the packaged jar's `score` command, and beside it, in
# the same run, the floor: the same pipeline with each decision replaced by a copy of the input (`--floor`).
#
#   bench/portfolio-score.sh [COUNT=1000000] [file|stored] [JAR=target/quarkus-app/quarkus-run.jar]
#
# file:   cases.jsonl -> decisions.jsonl (no database work but one checkpoint row per chunk); compact decisions, also with --trace=full.
# stored: the cases are imported first (unless already there), then every stored case is scored and its decision
#         recorded. For PostgreSQL, build the jar for it and point it at the database:
#   ./mvnw -B -DskipTests package -Dquarkus.datasource.db-kind=postgresql
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/test QUARKUS_DATASOURCE_USERNAME=postgres \
#     bench/portfolio-score.sh 1000000 stored
# Rates are cases per second over the run itself (from the summary's durationSeconds: start-up and ruleset compile
# excluded); the peak heap comes from a GC log. HEAP (default -Xmx1g) sets the JVM's heap.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-1000000}"
MODE="${2:-file}"
JAR="${3:-$ROOT/target/quarkus-app/quarkus-run.jar}"
OUT="${BENCH_OUT:-$ROOT/target/bench}/score"
HEAP="${HEAP:--Xmx1g}"
mkdir -p "$OUT"
FILE="$OUT/portfolio-$COUNT.jsonl"
STAMP=$(date +%H%M%S)

# Every command runs in $OUT: the embedded H2 database (when no QUARKUS_DATASOURCE_JDBC_URL is given) and the token
# key live there, fresh for each benchmark.
cd "$OUT"
[[ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]] || rm -rf "$OUT/data"
[[ -f "$FILE" ]] || java -jar "$JAR" generate --cases "$COUNT" --out "$FILE" --as-of "${AS_OF:-2026-11-29}"
echo "portfolio: $FILE ($(du -hL "$FILE" | cut -f1)), $(nproc) cores, $HEAP"

if [[ "$MODE" == stored ]]; then
  # shellcheck disable=SC2086
  java $HEAP -jar "$JAR" import --file "$FILE" --no-progress >"$OUT/import.json" 2>"$OUT/import.err" \
    || { echo "import failed:"; tail -20 "$OUT/import.err"; exit 1; }
fi

report() {  # name, stdout json, gc log
  local rate heap
  rate=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; d=s['durationSeconds']; \
print(f\"{s['decided']:,} cases in {d:.1f} s: {s['decided']/d:,.0f} cases/s\")" "$2")
  heap=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$3" | awk -F'[M>()-]+' \
    '{ if ($1>b) b=$1; if ($2>a) a=$2; if ($3>c) c=$3 } END { print "heap before GC at most " b " MB, live after GC at most " a " MB, committed at most " c " MB" }')
  echo "$1: $rate; $heap"
}

passes=(decide floor)
[[ "$MODE" == file ]] && passes=(decide full-trace floor)
for pass in "${passes[@]}"; do
  args=(score --run "bench-$MODE-$pass-$STAMP" --no-progress)
  [[ "$MODE" == file ]] && args+=(--in "$FILE" --out "$OUT/decisions-$pass.jsonl")
  [[ "$pass" == floor ]] && args+=(--floor)
  [[ "$pass" == full-trace ]] && args+=(--trace=full)
  # shellcheck disable=SC2086
  java $HEAP -Xlog:gc:file="$OUT/gc-$MODE-$pass.log" -jar "$JAR" "${args[@]}" >"$OUT/$MODE-$pass.json" 2>"$OUT/$MODE-$pass.err" \
    || { code=$?; [[ $code == 2 ]] || { echo "score failed ($code):"; tail -20 "$OUT/$MODE-$pass.err"; exit $code; }; }
  report "$MODE $pass" "$OUT/$MODE-$pass.json" "$OUT/gc-$MODE-$pass.log"
done
if [[ "$MODE" == file ]]; then
  echo "output: $(du -h "$OUT/decisions-decide.jsonl" | cut -f1) of compact decisions, $(du -h "$OUT/decisions-full-trace.jsonl" | cut -f1) with the full trace, $(du -h "$OUT/decisions-floor.jsonl" | cut -f1) of copies"
  rm -f "$OUT"/decisions-*.jsonl   # gigabytes for a million cases
fi
