#!/usr/bin/env bash
# Portfolio import benchmark: generates COUNT synthetic cases with the packaged jar's `generate` command, imports them
# with its `import` command, imports them again (every case unchanged), and reports the rate from the
# progress line and the peak heap from a GC log.
#
#   bench/portfolio-import.sh [COUNT=1000000] [jsonl|csv] [JAR=target/quarkus-app/quarkus-run.jar]
#
# The portfolio is dated AS_OF (default 2026-11-01) and kept under target/bench, so every run imports the same file.
#
# For PostgreSQL, build the jar for it (the database kind is fixed at build time; do it in a copy of the tree) and
# point it at the database, e.g.:
#   ./mvnw -B -DskipTests package -Dquarkus.datasource.db-kind=postgresql
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/test QUARKUS_DATASOURCE_USERNAME=postgres \
#     HEAP=-Xmx256m bench/portfolio-import.sh 1000000
# The cases are named SYN-0000001 ...; delete them afterwards: delete from collection_case where case_id like 'SYN-%'
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-1000000}"
FORMAT="${2:-jsonl}"
JAR="${3:-$ROOT/target/quarkus-app/quarkus-run.jar}"
OUT="${BENCH_OUT:-$ROOT/target/bench}/portfolio"
mkdir -p "$OUT"
FILE="$OUT/portfolio-$COUNT.$FORMAT"

[[ -f "$FILE" ]] || java -jar "$JAR" generate --cases "$COUNT" --out "$FILE" --as-of "${AS_OF:-2026-11-01}"
echo "file: $FILE ($(du -hL "$FILE" | cut -f1))"

for pass in first again; do
  gc="$OUT/gc-$pass.log"
  # shellcheck disable=SC2086
  java ${HEAP:-} -Xlog:gc:file="$gc" -jar "$JAR" import --file "$FILE" >"$OUT/summary-$pass.json" 2>"$OUT/stderr-$pass.txt" \
    || { code=$?; [[ $code == 2 ]] || { echo "import failed ($code):"; tail -20 "$OUT/stderr-$pass.txt"; exit $code; }; }
  summary=$(tr -d ' \n' <"$OUT/summary-$pass.json" | grep -o '"imported".*"failed":[0-9]*')
  rate=$(grep 'import:' "$OUT/stderr-$pass.txt" | tail -1 || true)
  peak=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$gc" | awk -F'[M>()-]+' \
    '{ if ($1>b) b=$1; if ($2>a) a=$2; if ($3>c) c=$3 } END { print "heap before GC at most " b " MB, live after GC at most " a " MB, committed at most " c " MB" }')
  echo "$pass: $summary"
  echo "  ${rate:-no progress line (the import took under 10 s)}"
  echo "  $peak"
done
