#!/usr/bin/env bash
# Proof under load and faults: the packaged service against a real database, correctness only (every answer counted,
# every decision matched to its record), not speed.
#   bench/soak.sh [load|cut|reload|run|all]...     (default: all; several phases may be named, run in that order)
# Phases:
#   load    wrk posts decisions for $DURATION s on $CONNECTIONS connections (each with a case id of its own, under
#           a prefix unique to the soak run): no socket error, only 200s, and as many new decision records as 200s.
#   cut     the same load, and $CUT_FOR s into it the TCP proxy between the service and the database is killed with
#           every connection through it, then restarted: only 200 or 503 problem+json with Retry-After, 200s again
#           after the cut without a restart, and as many records as 200s.
#   reload  the same load, and $RELOADS times during it a threshold is edited in the service's copy of the decision
#           tables and POST /api/v1/rulesets/reload is called: every reload 200, every decision names exactly one
#           ruleset version, every recorded version is one that was activated, and per version as many records as
#           200s naming it.
#   run     $CASES generated cases imported; `score --run soak-<stamp>` killed with SIGKILL mid-run and run again:
#           exactly one portfolio_decision and one decision_record per stored case in the run.
# The database: DB=postgresql (default; PGHOST/PGPORT/PGDATABASE/PGUSER, default 127.0.0.1:5432 test postgres,
# trust auth) in a schema of its own (soak_<stamp>, dropped at the end unless SOAK_KEEP=1), or DB=h2: an H2 TCP
# server on a file under /tmp. The service always reaches it through a socat proxy this script starts and kills.
# The application is built for the database kind into target/soak-$DB/quarkus-app (SOAK_BUILD=1 rebuilds it).
# Knobs: DURATION=300 CONNECTIONS=64 THREADS=2 CUT_AT (default: the cut is centred in the run) CUT_FOR=20 RELOADS=4
# CASES=20000 CHUNK=500 DRAIN=10 BODY=docs/examples/case-m2.json JAVA_OPTS=...
# Prints PASS/FAIL lines with the figures (also in target/bench/soak-<stamp>.md); exits 1 on any FAIL.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB="${DB:-postgresql}"
DURATION="${DURATION:-300}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
CUT_FOR="${CUT_FOR:-20}"
RELOADS="${RELOADS:-4}"
CASES="${CASES:-20000}"
CHUNK="${CHUNK:-500}"
DRAIN="${DRAIN:-10}"
BODY="${BODY:-$BENCH_ROOT/docs/examples/case-m2.json}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGDATABASE="${PGDATABASE:-test}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGDATABASE PGUSER
STAMP="${STAMP:-$(date -u +%Y%m%d-%H%M%S)}"
PREFIX="SOAK-$STAMP"
RUN_ID="soak-$STAMP"
SCHEMA="soak_${STAMP//-/_}"
((DURATION >= 3 * CUT_FOR)) || CUT_FOR=$((DURATION / 3))
CUT_AT="${CUT_AT:-$(((DURATION - CUT_FOR) / 2))}"

phases=("$@")
[[ ${#phases[@]} -gt 0 ]] || phases=(all)
[[ "${phases[*]}" == all ]] && phases=(load cut reload run)
for p in "${phases[@]}"; do
  [[ "$p" =~ ^(load|cut|reload|run)$ ]] || { echo "usage: bench/soak.sh [load|cut|reload|run|all]..." >&2; exit 2; }
done
[[ "$DB" =~ ^(postgresql|h2)$ ]] || { echo "DB must be postgresql or h2" >&2; exit 2; }
for tool in wrk socat curl setsid; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done
[[ "$DB" == h2 ]] || command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 1; }

RESULT="$BENCH_OUT/soak-$STAMP.md"
: > "$RESULT"
fails=0
report() { printf '%s\n' "$*" | tee -a "$RESULT"; }
# check phase "what, with figures" command...: PASS when the command succeeds.
check() {
  local phase="$1" what="$2"
  shift 2
  if "$@"; then report "PASS $phase: $what"; else report "FAIL $phase: $what"; fails=$((fails + 1)); fi
}

# --- The application, built for the database kind ------------------------------------------------------------------
APP="${SOAK_APP:-$BENCH_ROOT/target/soak-$DB/quarkus-app}"
if [[ "${SOAK_BUILD:-0}" == 1 || ! -f "$APP/quarkus-run.jar" ]]; then
  log "building for $DB: ./mvnw -q -B -DskipTests package -Dquarkus.datasource.db-kind=$DB"
  (cd "$BENCH_ROOT" && ./mvnw -q -B -DskipTests package -Dquarkus.datasource.db-kind="$DB" >&2)
  rm -rf "$APP" && mkdir -p "$(dirname "$APP")" && cp -r "$BENCH_ROOT/target/quarkus-app" "$APP"
fi
JAR="$APP/quarkus-run.jar"

work="$(mktemp -d /tmp/soak.XXXXXX)"
log "soak $STAMP: phases ${phases[*]}, $DB, work folder $work, results in $RESULT"

# --- The database, and a proxy in front of it ----------------------------------------------------------------------
h2_pid=""
if [[ "$DB" == h2 ]]; then
  H2_JAR="$(ls "$APP"/lib/main/com.h2database.h2-*.jar | head -n 1)"
  DB_PORT="$(PORT=29092 free_port)"
  mkdir -p "$work/h2"
  # the service's jar beside H2's: the database runs the trigger class that keeps decision records unchanged
  java -cp "$H2_JAR:$(ls "$APP"/app/*.jar | head -n 1)" org.h2.tools.Server -tcp -tcpPort "$DB_PORT" -baseDir "$work/h2" -ifNotExists \
    > "$work/h2-server.log" 2>&1 &
  h2_pid=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$DB_PORT") 2>/dev/null && break; sleep 0.2; done
  DIRECT_URL="jdbc:h2:tcp://127.0.0.1:$DB_PORT/soak"
  DB_USER=sa
  sql() {  # sql "query" -> rows, columns separated by a tab
    java -cp "$H2_JAR" org.h2.tools.Shell -url "$DIRECT_URL" -user sa -password "" -sql "$1" \
      | awk 'NR > 1 && !/^\([0-9]+ rows?, / { gsub(/ *\| */, "\t"); gsub(/^ +| +$/, ""); print }'
  }
else
  DB_PORT="$PGPORT"
  DIRECT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA"
  DB_USER="$PGUSER"
  psql -qAt -v ON_ERROR_STOP=1 -c "create schema $SCHEMA" >/dev/null
  sql() { PGOPTIONS="-c search_path=$SCHEMA" psql -qAt -F $'\t' -v ON_ERROR_STOP=1 -c "$1"; }
fi

PROXY_PORT="$(PORT=25432 free_port)"
proxy_pid=""
proxy_start() {
  # A process group of its own (pid = group id), so that killing it kills every forked connection with it.
  setsid socat "TCP-LISTEN:$PROXY_PORT,bind=127.0.0.1,fork,reuseaddr" "TCP:127.0.0.1:$DB_PORT" 2>> "$work/socat.log" &
  proxy_pid=$!
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PROXY_PORT") 2>/dev/null && return 0; sleep 0.1; done
  echo "the proxy did not listen on $PROXY_PORT" >&2
  exit 1
}
proxy_kill() {
  [[ -n "$proxy_pid" ]] || return 0
  local group
  group="$(ps -o pgid= -p "$proxy_pid" | tr -d ' ')"
  if [[ "$group" == "$proxy_pid" ]]; then
    kill -KILL -- "-$proxy_pid" 2>/dev/null || true
  else   # not a group leader after all: its connections' processes, then itself
    kill -STOP "$proxy_pid" 2>/dev/null || true
    pkill -KILL -P "$proxy_pid" 2>/dev/null || true
    kill -KILL "$proxy_pid" 2>/dev/null || true
  fi
  wait "$proxy_pid" 2>/dev/null || true
  proxy_pid=""
}
SERVICE_URL="${DIRECT_URL/:$DB_PORT\//:$PROXY_PORT/}"

# --- The service ---------------------------------------------------------------------------------------------------
svc_pid=""
wrk_pid=""
mkdir -p "$work/policy"
cp -r "$BENCH_ROOT/rules" "$BENCH_ROOT/decision-tables" "$work/policy/"
service_up() {
  local port
  port="$(PORT=18180 free_port)"
  proxy_start
  # shellcheck disable=SC2086
  (cd "$work" && exec java ${JAVA_OPTS:-} -Dcollections.policy.watch=off -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      -Dcollections.policy.rules-dir="$work/policy/rules" -Dcollections.policy.tables-dir="$work/policy/decision-tables" \
      -Dquarkus.datasource.jdbc.url="$SERVICE_URL" -Dquarkus.datasource.username="$DB_USER" \
      -jar "$JAR" serve > "$work/service.log" 2>&1) &
  svc_pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 240); do
    if curl -sf "$base/q/health/ready" >/dev/null 2>&1; then
      TOKEN="$(cd "$work" && java -jar "$JAR" token --role servicer 2>/dev/null)"
      APPROVER="$(cd "$work" && java -jar "$JAR" token --role approver 2>/dev/null)"
      export TOKEN
      log "service pid $svc_pid on $base, database $SERVICE_URL through the proxy on $PROXY_PORT"
      return 0
    fi
    kill -0 "$svc_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the service did not become ready in 120 s" >&2
  exit 1
}

cleanup() {
  set +e   # every step, whatever the one before it returned
  [[ -n "$wrk_pid" ]] && kill "$wrk_pid" 2>/dev/null
  if [[ -n "$svc_pid" ]] && kill -0 "$svc_pid" 2>/dev/null; then kill "$svc_pid"; wait "$svc_pid" 2>/dev/null; fi
  [[ -n "$svc_pid" ]] && cp "$work/service.log" "$BENCH_OUT/soak-$STAMP-service.log" 2>/dev/null
  proxy_kill
  if [[ -n "$h2_pid" ]]; then kill "$h2_pid" 2>/dev/null; wait "$h2_pid" 2>/dev/null; fi
  if [[ "$DB" == postgresql && "${SOAK_KEEP:-0}" != 1 ]]; then
    psql -qAt -c "drop schema $SCHEMA cascade" >/dev/null 2>&1
  fi
  [[ "${SOAK_KEEP:-0}" == 1 ]] || rm -rf "$work"
  true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Load with wrk ---------------------------------------------------------------------------------------------------
# wrk_soak prefix seconds [VAR=value...]: wrk posts decisions for the given seconds, then reads health for $DRAIN s so
# that nothing is in flight when it stops. Runs in the background (wrk_pid); wrk_result reads its figures into $f.
wrk_soak() {
  local prefix="$1" secs="$2"
  shift 2
  wrk_start=$(date +%s)
  env "$@" BODY_FILE="$BODY" CASE_PREFIX="$prefix" STOP_AT=$((wrk_start + secs)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((secs + DRAIN))s" --timeout 30s -s "$BENCH_ROOT/bench/soak.lua" \
    "$base/api/v1/decisions" > "$work/wrk-$prefix.txt" 2> "$work/wrk-$prefix.err" &
  wrk_pid=$!
}
declare -A f
wrk_result() {
  local prefix="$1" k v rest
  wait "$wrk_pid" || { cat "$work/wrk-$prefix.err" >&2; echo "wrk failed" >&2; exit 1; }
  wrk_pid=""
  cp "$work/wrk-$prefix.txt" "$BENCH_OUT/soak-$STAMP-wrk-${prefix##*-}.txt"
  f=()
  versions=()
  while read -r _ k v rest; do
    if [[ "$k" == version ]]; then versions+=("$v $rest"); else f[$k]="$v"; fi
  done < <(grep '^soak ' "$work/wrk-$prefix.txt")
}
in_doubt() {  # commits that failed on a dropped connection so far, as the service logged them
  grep -c 'ARJUNA016039: onePhaseCommit' "$work/service.log" || true
}
records() {  # records whose case id starts with the prefix
  sql "select count(*) from decision_record where case_id like '$1%'"
}

load_checks() {  # phase prefix: the checks every load phase makes
  local phase="$1" prefix="$2" n
  n="$(records "$prefix")"
  recorded="$n"
  report "     $phase: 200: ${f[s200]}, 503: ${f[s503]}, other: ${f[other]}, socket errors: ${f[socket_errors]} (${f[socket_detail]}), records: $n, requests: ${f[requests]} (of which health reads while draining: ${f[drain]})"
  check "$phase" "no socket error (${f[socket_detail]})" test "${f[socket_errors]}" -eq 0
  check "$phase" "no answer other than 200 or 503 (${f[other]})" test "${f[other]}" -eq 0
  check "$phase" "every 200 is a decision naming exactly one ruleset version (${f[s200_bad]} not)" test "${f[s200_bad]}" -eq 0
  [[ "$phase" == cut ]] || check "$phase" "decision records = 200s ($n = ${f[s200]})" test "$n" -eq "${f[s200]}"
  check "$phase" "decisions were given (${f[s200]})" test "${f[s200]}" -gt 0
}

phase_load() {
  local prefix="$PREFIX-L-"
  log "load: $DURATION s at $CONNECTIONS connections"
  wrk_soak "$prefix" "$DURATION"
  wrk_result "$prefix"
  load_checks load "$prefix"
  check load "no 503 with the database up (${f[s503]})" test "${f[s503]}" -eq 0
}

phase_cut() {
  local prefix="$PREFIX-C-" cut_start cut_end probe pid_before="$svc_pid" last in_doubt_before in_doubt surplus
  in_doubt_before="$(in_doubt)"
  log "cut: $DURATION s at $CONNECTIONS connections; the database cut from $CUT_AT s for $CUT_FOR s"
  cut_start=$(($(date +%s) + CUT_AT))
  cut_end=$((cut_start + CUT_FOR))
  wrk_soak "$prefix" "$DURATION" CUT_END="$cut_end"
  sleep $((cut_start - $(date +%s)))
  proxy_kill
  log "cut: proxy killed; every database connection dropped"
  sleep 5
  probe="$(curl -s -D "$work/probe.headers" -o "$work/probe.body" -w '%{http_code}' -X POST "$base/api/v1/decisions" \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
      --data-binary "$(sed "s/\"CASE-1\"/\"${prefix}probe\"/" "$BODY")")"
  local ctype retry
  ctype="$(awk -F': ' 'tolower($1) == "content-type" {print $2}' "$work/probe.headers" | tr -d '\r')"
  retry="$(awk -F': ' 'tolower($1) == "retry-after" {print $2}' "$work/probe.headers" | tr -d '\r')"
  sleep $((cut_end - $(date +%s)))
  proxy_start
  log "cut: proxy back"
  wrk_result "$prefix"
  load_checks cut "$prefix"
  # A decision whose COMMIT was on the wire when the connection dropped may be recorded or not: the service looks
  # on a new connection; if the record is there it gives the decision (a 200), if it cannot tell (the database is
  # still away) it answers 503 and logs the decision ids. So: records = 200s + those of the logged ids recorded.
  in_doubt=$(($(in_doubt) - in_doubt_before))
  surplus=$((recorded - f[s200]))
  local ids unknown=0 unknown_recorded=0 resolved
  ids="$(grep 'commit outcome unknown' "$work/service.log" | sed -E 's/.*Decisions \[([^]]*)\].*/\1/' | tr ',' '\n' \
    | tr -d ' ' | grep -v '^$' || true)"
  if [[ -n "$ids" ]]; then
    unknown="$(wc -l <<< "$ids")"
    unknown_recorded="$(sql "select count(*) from decision_record where decision_id in ($(sed "s/.*/'&'/" <<< "$ids" | paste -sd,))")"
  fi
  resolved="$(grep -c 'the records are committed, so the decisions are given' "$work/service.log" || true)"
  report "     cut: commits cut in flight (ARJUNA016039): $in_doubt; found committed on a new connection and given: $resolved; answered 503 with the outcome unknown: $unknown, of which recorded: $unknown_recorded; records - 200s: $surplus"
  check cut "no 200 without its record: records - 200s = $surplus >= 0" test "$surplus" -ge 0
  check cut "decision records = 200s + recorded decisions answered 503 with their commit outcome unknown and logged ($recorded = ${f[s200]} + $unknown_recorded)" \
    test "$recorded" -eq $((f[s200] + unknown_recorded))
  check cut "the cut was felt: 503s during it (${f[s503]})" test "${f[s503]}" -gt 0
  check cut "every 503 is problem+json database-unavailable with Retry-After (${f[s503_bad]} not)" test "${f[s503_bad]}" -eq 0
  check cut "a decision asked during the cut: $probe, $ctype, Retry-After: ${retry:-none}" \
    test "$probe" == 503 -a "$ctype" == application/problem+json -a -n "$retry"
  check cut "no record of the probe asked during the cut ($(records "${prefix}probe"))" test "$(records "${prefix}probe")" -eq 0
  last="${f[last_503]}"
  check cut "200s after the database returned, same service process (${f[s200_after_cut]}; the last 503 at $((last > 0 ? last - cut_end : 0)) s from its return)" \
    test "${f[s200_after_cut]}" -gt 0 -a "$svc_pid" == "$pid_before"
  kill -0 "$svc_pid" 2>/dev/null || { report "FAIL cut: the service died"; fails=$((fails + 1)); }
}

phase_reload() {
  local prefix="$PREFIX-R-" i t0 at code version failures=0 activated=() n bad table in_time=0
  table="$work/policy/decision-tables/legal-escalation.drl.csv"
  log "reload: $DURATION s at $CONNECTIONS connections; $RELOADS reloads during it"
  activated+=("$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/rulesets/active" | grep -o '"version":"[^"]*"' | head -n 1 | cut -d'"' -f4)")
  wrk_soak "$prefix" "$DURATION"
  t0="$wrk_start"
  for i in $(seq 1 "$RELOADS"); do
    # spread over the first two thirds of the load: a reload compiles the whole ruleset on cores the load keeps busy
    at=$((t0 + i * DURATION * 2 / 3 / RELOADS))
    sleep $((at - $(date +%s) > 0 ? at - $(date +%s) : 0))
    local asked=$(date +%s)
    # a threshold changed: days a demand notice is given before the next step, 15 -> 15 + i
    sed -i -E "s/^legal\.stepWaitDays,[0-9]+,/legal.stepWaitDays,$((15 + i)),/" "$table"
    code="$(curl -s -o "$work/reload-$i.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $APPROVER" \
      "$base/api/v1/rulesets/reload")"
    version="$(grep -o '"version":"[^"]*"' "$work/reload-$i.json" | head -n 1 | cut -d'"' -f4 || true)"
    log "reload $i: $code, version ${version:-none}, asked at +$((asked - t0)) s, answered after $(($(date +%s) - asked)) s"
    if [[ "$code" == 200 && -n "$version" ]]; then activated+=("$version"); else failures=$((failures + 1)); fi
    (($(date +%s) < t0 + DURATION)) && in_time=$((in_time + 1))
  done
  wrk_result "$prefix"
  load_checks reload "$prefix"
  check reload "no 503 with the database up (${f[s503]})" test "${f[s503]}" -eq 0
  check reload "every reload answered 200 with a version ($failures failed; $in_time of $RELOADS answered while the load ran; versions ${activated[*]})" test "$failures" -eq 0
  local in_list
  in_list="$(printf "'%s'," "${activated[@]}")"; in_list="${in_list%,}"
  n="$(sql "select count(distinct ruleset_version) from decision_record where case_id like '$prefix%'")"
  check reload "the decisions name $n ruleset versions: more than one, so versions were swapped under load" test "$n" -gt 1
  bad="$(sql "select count(*) from decision_record where case_id like '$prefix%' and ruleset_version not in ($in_list)")"
  check reload "every record names a version this phase activated ($bad do not)" test "$bad" -eq 0
  bad="$(sql "select count(*) from decision_record d where case_id like '$prefix%' and (
      not exists (select 1 from ruleset_activation a where a.version = d.ruleset_version)
      or not exists (select 1 from ruleset_version v where v.version = d.ruleset_version))")"
  check reload "every recorded version is in ruleset_activation and in the ruleset_version archive ($bad are not)" test "$bad" -eq 0
  # per version: the 200s naming it (from the answers) = the records naming it
  local v count recorded mismatches=0 table_rows=""
  for line in "${versions[@]}"; do
    read -r v count <<< "$line"
    recorded="$(sql "select count(*) from decision_record where case_id like '$prefix%' and ruleset_version = '$v'")"
    table_rows+=" $v: $count answered / $recorded recorded;"
    [[ "$recorded" == "$count" ]] || mismatches=$((mismatches + 1))
  done
  check reload "per version, 200s naming it = records naming it:${table_rows%;}" test "$mismatches" -eq 0
}

phase_run() {
  local stored committed code n distinct errors status java_db=(-Dquarkus.datasource.jdbc.url="$DIRECT_URL" -Dquarkus.datasource.username="$DB_USER")
  log "run: $CASES cases generated and imported"
  (cd "$work" && java -jar "$JAR" generate --cases "$CASES" --out portfolio.jsonl 2> generate.err)
  (cd "$work" && java "${java_db[@]}" -Dcollections.policy.rules-dir="$work/policy/rules" \
      -Dcollections.policy.tables-dir="$work/policy/decision-tables" -jar "$JAR" import --file portfolio.jsonl --no-progress \
      > import.out 2> import.err) || { cat "$work/import.err" >&2; report "FAIL run: import"; fails=$((fails + 1)); return; }
  stored="$(sql "select count(*) from collection_case")"
  log "run: $stored cases stored; score --run $RUN_ID, to be killed mid-run"
  (cd "$work" && exec java "${java_db[@]}" -Dcollections.policy.rules-dir="$work/policy/rules" \
      -Dcollections.policy.tables-dir="$work/policy/decision-tables" -jar "$JAR" score --run "$RUN_ID" --chunk "$CHUNK" \
      --no-progress > score-killed.out 2> score-killed.err) &
  local score_pid=$! done_now=-1 deadline=$((SECONDS + 600))
  while kill -0 "$score_pid" 2>/dev/null && ((SECONDS < deadline)); do
    done_now="$(sql "select scored + failed from portfolio_run_shard where run_id = '$RUN_ID'" 2>/dev/null || true)"
    ((${done_now:-0} >= stored / 4)) && break
    sleep 0.2
  done
  if kill -0 "$score_pid" 2>/dev/null; then
    kill -KILL "$score_pid"
    wait "$score_pid" 2>/dev/null || true
    committed="$(sql "select scored + failed from portfolio_run_shard where run_id = '$RUN_ID'")"
    log "run: killed with SIGKILL at $done_now cases seen; $committed committed"
  else
    wait "$score_pid" 2>/dev/null || true
    committed="$stored"
  fi
  check run "killed mid-run: $committed of $stored cases committed when the process was killed" \
    test "$committed" -gt 0 -a "$committed" -lt "$stored"
  code=0
  (cd "$work" && java "${java_db[@]}" -Dcollections.policy.rules-dir="$work/policy/rules" \
      -Dcollections.policy.tables-dir="$work/policy/decision-tables" -jar "$JAR" score --run "$RUN_ID" --chunk "$CHUNK" \
      --no-progress > score-resumed.out 2> score-resumed.err) || code=$?
  cp "$work/score-resumed.err" "$BENCH_OUT/soak-$STAMP-score-resumed.err"
  check run "the same command again exits 0 ($code) and says it resumes after $committed cases" \
    grep -q "resuming after $committed cases" "$work/score-resumed.err"
  [[ "$code" == 0 ]] || { report "FAIL run: exit code $code"; fails=$((fails + 1)); }
  status="$(sql "select status from portfolio_run where run_id = '$RUN_ID'")"
  check run "the run is COMPLETED ($status)" test "$status" == COMPLETED
  read -r n distinct errors < <(sql "select count(*), count(distinct case_id), count(error) from portfolio_decision where run_id = '$RUN_ID'")
  check run "portfolio_decision: $n rows, $distinct distinct cases, $errors failed = $stored stored cases" \
    test "$n" -eq "$stored" -a "$distinct" -eq "$stored" -a "$errors" -eq 0
  read -r n distinct < <(sql "select count(*), count(distinct case_id) from decision_record where run_id = '$RUN_ID'")
  check run "decision_record: $n rows, $distinct distinct cases = $stored stored cases" \
    test "$n" -eq "$stored" -a "$distinct" -eq "$stored"
  n="$(sql "select count(*) from portfolio_decision p where run_id = '$RUN_ID' and not exists
      (select 1 from decision_record d where d.decision_id = p.decision_id and d.run_id = p.run_id)")"
  check run "every portfolio_decision has its decision_record ($n without)" test "$n" -eq 0
}

{
  echo "soak $STAMP: bench/soak.sh ${phases[*]}; DB=$DB DURATION=$DURATION CONNECTIONS=$CONNECTIONS THREADS=$THREADS" \
    "CUT_AT=$CUT_AT CUT_FOR=$CUT_FOR RELOADS=$RELOADS CASES=$CASES CHUNK=$CHUNK"
  machine_summary
} | tee -a "$RESULT"
for p in "${phases[@]}"; do
  if [[ "$p" != run && -z "$svc_pid" ]]; then service_up; fi
  "phase_$p"
done
if [[ -n "$svc_pid" ]]; then
  report "     service: $(grep -c ' ERROR ' "$work/service.log" || true) ERROR lines, $(grep -c 'database-unavailable\|The database is unavailable' "$work/service.log" || true) database-unavailable warnings in its log"
fi
if ((fails > 0)); then report "soak $STAMP: $fails FAIL"; exit 1; fi
report "soak $STAMP: all PASS"
