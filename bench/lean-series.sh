#!/usr/bin/env bash
# The lean-decision series: every path of the table in docs/benchmarks.md ("Lean decisions: each path beside its
# floor") measured beside its floor, one after the other in one run, on the working tree as it stands.
#   bench/lean-series.sh                 (about 35 minutes on a 2-core machine; needs wrk, psql, curl, python3, bc,
#                                         unzip, and PostgreSQL at 127.0.0.1:5432 trusting the user postgres)
# What it does, in order (each measuring step first waits up to 15 minutes for a quiet machine, bench/common.sh,
# then measures anyway with a warning in the log):
#   0. copies the tree (without target/, data/, .git) to $LEAN_DIR/h2 and $LEAN_DIR/pg and builds both with -Pbench
#      (the echo endpoint and JMH): h2 for the embedded database, pg for PostgreSQL (the database kind is fixed when
#      the jar is built); with BEFORE=<commit>, that commit is built too, for the digest comparison in step 1
#   1. DecisionDigest (golden corpus and 5,000 seeded cases, two threads), both rule models; with BEFORE, compared
#      byte for byte with the same digest of that commit
#   2. in process: DecisionBenchmark, portfolio mix, executable model, one thread and two (JMH)
#   3. HTTP beside the JSON echo (bench/http.sh): unrecorded and recorded in H2; recorded in PostgreSQL
#   4. file to file, COUNT generated cases, compact, full trace and the copying floor (bench/portfolio-score.sh file)
#   5. PostgreSQL to PostgreSQL, COUNT stored cases, every decision recorded, and the recording floor; then the decision
#      record's size per decision (pg_total_relation_size / count)
#   6. start-up: a first start that compiles, then three starts of the version compiled before (bench/startup.sh)
#   7. reload of an edited table in watch mode, six rounds, each rule model (bench/reload.sh)
# Everything each step printed is kept in $LEAN_DIR/out/; the lines that carry the figures are gathered in
# $LEAN_DIR/out/series.md (also printed at the end). The PostgreSQL databases it creates (bench_lean_*) are dropped
# at the end. Knobs: COUNT=1000000, LEAN_DIR=/tmp/lean-series (removed and made anew), BEFORE (a commit), FROM_STEP
# (1-7: go on from that step with the trees already built, adding to the summary).
set -euo pipefail

main() {
  src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  count="${COUNT:-1000000}"
  dir="$(realpath -m "${LEAN_DIR:-/tmp/lean-series}")"
  case "$dir" in
    /|/tmp|"$src"|"$src"/*|"$HOME") echo "refusing to use $dir as the series folder" >&2; exit 2 ;;
  esac
  if [[ -e "$dir" && ! -f "$dir/.lean-series" ]]; then
    echo "$dir exists and was not made by this script (no .lean-series marker); set LEAN_DIR" >&2; exit 2
  fi
  local tool
  for tool in wrk psql curl python3 bc unzip; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install -y $tool)" >&2; exit 1; }
  done
  pg=(psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt)
  "${pg[@]}" -d postgres -c 'select 1' >/dev/null

  from="${FROM_STEP:-0}"
  [[ "$from" =~ ^[0-7]$ ]] || { echo "FROM_STEP is a step number, 0 to 7, not '$from'" >&2; exit 2; }
  if ((from > 0)) && [[ ! -f "$dir/h2/target/quarkus-app/quarkus-run.jar" || ! -f "$dir/pg/target/quarkus-app/quarkus-run.jar" ]]; then
    echo "FROM_STEP=$from needs the trees a whole run built in $dir; run without FROM_STEP first" >&2; exit 2
  fi
  out="$dir/out"
  summary="$out/series.md"
  revision="$(git -C "$src" rev-parse --short HEAD) with $(git -C "$src" status --porcelain | wc -l) uncommitted paths"
  if ((from == 0)); then
    rm -rf "$dir" && mkdir -p "$out" && touch "$dir/.lean-series"
    for tree in h2 pg; do
      mkdir -p "$dir/$tree"
      (cd "$src" && tar --exclude=./target --exclude=./data --exclude=./.git -cf - .) | tar -xf - -C "$dir/$tree"
    done
  fi
  export BENCH_ROOT="$dir/h2" BENCH_OUT="$out"
  source "$dir/h2/bench/common.sh"
  trap 'drop_databases' EXIT

  if ((from == 0)); then
  step "building the H2 tree (-Pbench) and the PostgreSQL tree"
  (cd "$dir/h2" && ./mvnw -B -q -ntp -Pbench -DskipTests package) > "$out/build-h2.log" 2>&1
  (cd "$dir/pg" && ./mvnw -B -q -ntp -DskipTests package -Pbench -Dquarkus.datasource.db-kind=postgresql) > "$out/build-pg.log" 2>&1
  if [[ -n "${BEFORE:-}" ]]; then
    mkdir -p "$dir/before"
    git -C "$src" archive "$BEFORE" | tar -xf - -C "$dir/before"
    (cd "$dir/before" && ./mvnw -B -q -ntp -Pbench -DskipTests package) > "$out/build-before.log" 2>&1
  fi
  {
    echo "# Lean-decision series"
    echo
    machine_summary
    echo "- source: $revision; COUNT=$count"
    echo
  } > "$summary"
  fi
  cp_h2="$dir/h2/target/test-classes:$dir/h2/target/classes:$(cat "$dir/h2/target/bench-classpath.txt")"

  if ((from <= 1)); then
  step "1. decisions unchanged: DecisionDigest, both rule models"
  for model in EXECUTABLE CLASSIC; do
    (cd "$dir/h2" && java -Dlogging.initial-configurator.min-level=INFO -cp "$cp_h2" \
      org.autocollections.bench.DecisionDigest "$out/digest-$model.jsonl" "$model" 5000 2) > "$out/digest-$model.log" 2>&1
    line="digest $model: $(wc -l < "$out/digest-$model.jsonl") decisions"
    if [[ -n "${BEFORE:-}" ]]; then
      cp_before="$dir/before/target/test-classes:$dir/before/target/classes:$(cat "$dir/before/target/bench-classpath.txt")"
      (cd "$dir/before" && java -Dlogging.initial-configurator.min-level=INFO -cp "$cp_before" \
        org.autocollections.bench.DecisionDigest "$out/digest-before-$model.jsonl" "$model" 5000 2) > "$out/digest-before-$model.log" 2>&1
      # The ruleset version is taken out before comparing: it is a content hash of the policy files, so any edit
      # of one (the wording included) gives a new version while deciding every case alike.
      for f in digest digest-before; do
        sed -E 's/"rulesetVersion":"[0-9a-f]+"/"rulesetVersion":"-"/' \
          "$out/$f-$model.jsonl" > "$out/$f-$model.normalised.jsonl"
      done
      if cmp -s "$out/digest-$model.normalised.jsonl" "$out/digest-before-$model.normalised.jsonl"; then
        line+=", identical byte for byte to $BEFORE's but for the ruleset version"
      else
        differing=$(diff "$out/digest-$model.normalised.jsonl" "$out/digest-before-$model.normalised.jsonl" \
          | grep -c '^<' || true)   # diff exits 1 when the files differ: that is the answer, not a failure
        line+=", DIFFERENT from $BEFORE's ($differing lines differ)"
      fi
    fi
    echo "- $line" >> "$summary"
  done
  fi

  if ((from <= 2)); then
  step "2. in process: DecisionBenchmark, portfolio mix, one thread and two"
  for t in 1 2; do
    wait_quiet
    (cd "$dir/h2" && java -Dlogging.initial-configurator.min-level=INFO -cp "$cp_h2" org.openjdk.jmh.Main \
      'DecisionBenchmark.decide$' -p model=EXECUTABLE -p variant=portfolio -f 1 -wi 8 -w 2 -i 5 -r 2 -t "$t") \
      > "$out/jmh-t$t.txt" 2>&1
    result=$(grep -E '^DecisionBenchmark.decide ' "$out/jmh-t$t.txt" | awk '{print $(NF-3), $(NF-2), $(NF-1), "decisions/s"}') \
      || result="no result (see jmh-t$t.txt)"
    echo "- in process, $t thread(s): $result" >> "$summary"
  done
  fi

  if ((from <= 3)); then
  step "3. HTTP beside the echo: H2 unrecorded and recorded, PostgreSQL recorded"
  # Each database's run in a folder of its own: http.sh names its files by model and record mode only.
  RECORD_MODES="unrecorded recorded" WARMUP=20 DURATION=20 ATTEMPTS=1 ENDPOINTS="echo decisions" BENCH_OUT="$out/http-h2" \
    "$dir/h2/bench/http.sh" executable > "$out/http-h2.txt" 2>&1
  fresh_database bench_lean_http
  RECORD_MODES=recorded WARMUP=20 DURATION=20 ATTEMPTS=1 ENDPOINTS="echo decisions" BENCH_ROOT="$dir/pg" \
    BENCH_OUT="$out/http-pg" BENCH_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/bench_lean_http \
    JAVA_OPTS=-Dquarkus.datasource.username=postgres "$dir/pg/bench/http.sh" executable > "$out/http-pg.txt" 2>&1
  { echo; echo "HTTP, H2:"; echo; cat "$out/http-h2/http.md"; echo; echo "HTTP, PostgreSQL:"; echo; cat "$out/http-pg/http.md"; echo; } >> "$summary"
  fi

  if ((from <= 4)); then
  step "4. file to file, $count generated cases"
  wait_quiet
  (cd "$dir/h2" && BENCH_OUT="$out/file" bench/portfolio-score.sh "$count" file) > "$out/file.txt" 2>&1
  sed 's/^/- file to file: /' "$out/file.txt" >> "$summary"
  fi

  if ((from <= 5)); then
  step "5. PostgreSQL to PostgreSQL, $count stored cases, every decision recorded"
  fresh_database bench_lean_score
  wait_quiet
  (cd "$dir/pg" && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/bench_lean_score \
    QUARKUS_DATASOURCE_USERNAME=postgres BENCH_OUT="$out/stored" bench/portfolio-score.sh "$count" stored) > "$out/stored.txt" 2>&1
  sed 's/^/- PostgreSQL to PostgreSQL: /' "$out/stored.txt" >> "$summary"
  size=$("${pg[@]}" -d bench_lean_score -c "select round(pg_total_relation_size('decision_record')::numeric / nullif(count(*), 0))
    || ' bytes a record over ' || count(*) || ' records: the decisions of the run and the copies of its floor (table, TOAST and indexes)'
    from decision_record") || size="the query failed"
  echo "- decision record on PostgreSQL: $size" >> "$summary"
  fi

  if ((from <= 6)); then
  step "6. start-up: a first start that compiles, then three of the version compiled before"
  rm -rf "$out/start" && mkdir -p "$out/start" && cd "$out/start"   # an empty data/: the first start compiles
  wait_quiet
  echo "- $("$dir/h2/bench/startup.sh" "$dir/h2/target/quarkus-app/quarkus-run.jar" first)" >> "$summary"
  for n in 1 2 3; do
    wait_quiet
    echo "- $("$dir/h2/bench/startup.sh" "$dir/h2/target/quarkus-app/quarkus-run.jar" cached-$n)" >> "$summary"
  done
  cd "$dir"
  fi

  if ((from <= 7)); then
  step "7. reload of an edited table, six rounds, each rule model"
  for model in executable classic; do
    wait_quiet
    "$dir/h2/bench/reload.sh" 6 -Dcollections.policy.model=$model > "$out/reload-$model.txt" 2>&1
    rounds=$(grep '^round' "$out/reload-$model.txt" | tr '\n' ';' | sed 's/;$//') || rounds="no rounds (see reload-$model.txt)"
    echo "- reload, $model model: $rounds" >> "$summary"
  done
  fi

  echo >> "$summary"
  cat "$summary"
}

step() { log "== $*"; }

fresh_database() {
  "${pg[@]}" -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"
}

drop_databases() {
  for db in bench_lean_http bench_lean_score; do
    "${pg[@]}" -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  done
}

main "$@"
