# Sourced by bench/*.sh: locate the repository, and build the bench artefacts when they are missing or asked for.
set -euo pipefail

BENCH_ROOT="${BENCH_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCH_OUT="${BENCH_OUT:-$BENCH_ROOT/target/bench}"
mkdir -p "$BENCH_OUT"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ./mvnw -Pbench -DskipTests package: the service jar (target/quarkus-app) with the benchmark hooks of
# src/bench/service (the echo endpoint, decisions unrecorded on request), the JMH benchmarks compiled into
# target/test-classes and their class path in target/bench-classpath.txt. Skipped when they exist, unless
# BENCH_BUILD=1 (run-all.sh sets it after copying a fresh tree).
# With the argument "jar", only the service jar is required (bench/http.sh).
bench_build() {
  local missing=0
  [[ -f "$BENCH_ROOT/target/quarkus-app/quarkus-run.jar" ]] || missing=1
  if [[ "${1:-}" != jar ]]; then
    [[ -f "$BENCH_ROOT/target/bench-classpath.txt" && -f "$BENCH_ROOT/target/test-classes/META-INF/BenchmarkList" ]] || missing=1
  fi
  if [[ "${BENCH_BUILD:-0}" == 1 || "$missing" == 1 ]]; then
    log "building in $BENCH_ROOT: ./mvnw -q -Pbench -DskipTests package"
    (cd "$BENCH_ROOT" && ./mvnw -q -B -Pbench -DskipTests package >&2)   # errors to stderr, not into result files
    export BENCH_BUILD=0
  fi
}

# Fails unless the service jar carries the benchmark hooks, which only a -Pbench build compiles into it. A jar built
# without them (by hand, perhaps with other options such as the database kind) is not silently rebuilt over.
require_bench_hooks() {
  local app   # grep reads the whole listing (no -q): an early exit would fail the pipeline with SIGPIPE under pipefail
  for app in "$BENCH_ROOT"/target/quarkus-app/app/*.jar; do
    [[ -f "$app" ]] && unzip -l "$app" 2>/dev/null | grep 'org/autocollections/http/EchoResource.class' > /dev/null && return 0
  done
  echo "target/quarkus-app was built without -Pbench, so it has no echo endpoint and always records decisions:" \
    "build it with ./mvnw -Pbench -DskipTests package (and the options it was built with), or set BENCH_BUILD=1" >&2
  exit 1
}

bench_classpath() {
  echo "$BENCH_ROOT/target/test-classes:$BENCH_ROOT/target/classes:$(cat "$BENCH_ROOT/target/bench-classpath.txt")"
}

machine_summary() {
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- cores (nproc): $(nproc); memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "- cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "- java: $(java -version 2>&1 | head -n 2 | tail -n 1)"
  echo "- kernel: $(uname -r)"
}

# --- Noise control: the benchmarks want the machine to themselves. ------------------------------------------------
# busy_pct: whole-machine CPU busy % over one second, from /proc/stat.
busy_pct() {
  local a b
  a=($(awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)); sleep 1
  b=($(awk '/^cpu / {print $2+$3+$4+$6+$7+$8, $5}' /proc/stat))
  awk -v db="$((b[0] - a[0]))" -v di="$((b[1] - a[1]))" 'BEGIN { t = db + di; printf "%.0f", t ? 100 * db / t : 0 }'
}

# wait_quiet: waits (up to QUIET_WAIT seconds, default 900) until the machine is below QUIET_MAX % busy (default 10)
# for three seconds running, so that another build on the machine does not end up in the figures. Then goes on
# regardless, with a warning.
wait_quiet() {
  local max="${QUIET_MAX:-10}" deadline=$((SECONDS + ${QUIET_WAIT:-900})) quiet=0 b said=-60
  while ((SECONDS < deadline)); do
    b="$(busy_pct)"
    if ((b < max)); then quiet=$((quiet + 1)); else quiet=0; fi
    ((quiet >= 3)) && return 0
    if ((quiet == 0 && SECONDS - said >= 60)); then
      log "machine is ${b}% busy; waiting for it to be quiet before measuring"
      said=$SECONDS
    fi
  done
  log "WARNING: the machine did not get quiet; measuring anyway (see $BENCH_OUT/monitor.log)"
}

# monitor_start / monitor_stop: every 5 s, note processes using over 20 % CPU that are not part of this benchmark
# (their command line does not mention $BENCH_ROOT, and they are not wrk). monitor_stop sets $monitor_verdict.
monitor_pid=""
monitor_start() {
  local file="$BENCH_OUT/monitor.log"
  : > "$file"
  (
    while true; do
      echo "# sample $(date +%H:%M:%S)" >> "$file"
      top -b -n 2 -d 1 -w 512 -c 2>/dev/null | awk -v root="$BENCH_ROOT" -v now="$(date +%H:%M:%S)" '
        /^top -/ { frame++ } frame == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 > 20 {
          cmd = ""; for (i = 12; i <= NF; i++) cmd = cmd " " $i
          if (index(cmd, root) == 0 && cmd !~ /<defunct>/ && cmd !~ /(^| |\/)(wrk|top)( |$)/) printf "%s pid %s %s%% %s\n", now, $1, $9, substr(cmd, 1, 160)
        }' >> "$file"
      sleep 4
    done
  ) &
  monitor_pid=$!
}
monitor_verdict=""
busy_samples() {  # monitor log -> number of samples at which some other process was busy
  { grep -v '^#' "$1" || true; } | awk '{print $1}' | sort -u | wc -l
}
monitor_stop() {
  [[ -n "$monitor_pid" ]] || return 0
  kill "$monitor_pid" 2>/dev/null || true
  wait "$monitor_pid" 2>/dev/null || true
  monitor_pid=""
  local file="$BENCH_OUT/monitor.log" n total
  n="$(busy_samples "$file")"
  total="$(grep -c '^# sample' "$file" || true)"
  if ((n > 0)); then
    log "WARNING: other processes used CPU during the run at $n of $total samples; see $file"
    monitor_verdict="interference: other processes busy at $n of $total samples (see $file)"
  else
    monitor_verdict="interference: none seen (no other process over 20 % CPU in any of $total samples)"
  fi
}

# --- The packaged service on a free loopback port --------------------------------------------------------------------
free_port() {
  local p="${PORT:-18080}"
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# service_start model [extra JVM options...]: starts target/quarkus-app/quarkus-run.jar (a -Pbench build) with the
# echo endpoint on, the given rule model, the tree's rules/ and decision-tables/, and a fresh H2 database in a new
# folder under /tmp ($work, which also holds service.log); waits until it is ready. Sets $pid, $base, $work, $service_started.
# JAVA_OPTS are passed to the JVM too; BENCH_JDBC_URL replaces the H2 database (e.g. a PostgreSQL build and URL).
pid=""
service_start() {
  local model="$1" port
  shift
  require_bench_hooks
  port="$(free_port)"
  work="$(mktemp -d /tmp/bench-http.XXXXXX)"
  # shellcheck disable=SC2086
  (cd "$work" && exec java ${JAVA_OPTS:-} "$@" \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      -Dcollections.bench.echo-enabled=true \
      -Dcollections.policy.model="$model" \
      -Dcollections.policy.rules-dir="$BENCH_ROOT/rules" \
      -Dcollections.policy.tables-dir="$BENCH_ROOT/decision-tables" \
      "-Dquarkus.datasource.jdbc.url=${BENCH_JDBC_URL:-jdbc:h2:file:$work/collections;AUTO_SERVER=FALSE}" \
      -jar "$BENCH_ROOT/target/quarkus-app/quarkus-run.jar" > "$work/service.log" 2>&1) &
  pid=$!
  service_started=$SECONDS
  base="http://127.0.0.1:$port"
  log "service pid $pid on $base, $model model (H2 and log in $work)"
  for _ in $(seq 1 240); do
    if curl -sf "$base/q/health/ready" >/dev/null 2>&1; then
      # A servicer's token, signed with the key the service made in its folder on first start.
      TOKEN="$(cd "$work" && java -jar "$BENCH_ROOT/target/quarkus-app/quarkus-run.jar" token --role servicer 2>/dev/null)"
      export TOKEN
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the service did not become ready in 120 s" >&2
  cat "$work/service.log" >&2
  exit 1
}

# service_stop: stops the service service_start started (and the CPU monitor, if running).
service_stop() {
  monitor_stop
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pid=""
}
