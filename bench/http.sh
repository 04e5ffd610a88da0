#!/usr/bin/env bash
# (b) HTTP throughput and latency on loopback: the decision endpoint side by side with a JSON echo endpoint, in the
# same service run, for each rule model.
#   bench/http.sh [classic] [executable]        (default: both; about 2.5 minutes per model and record mode)
# Per model (and record mode): start target/quarkus-app/quarkus-run.jar with -Dcollections.bench.echo-enabled=true
# and -Dcollections.policy.model=<model> on a free loopback port with an H2 database under /tmp; check every endpoint
# answers 200; warm each up; measure each with wrk in turn; stop the service. Prints a Markdown table at the end
# (also in target/bench/http.md; raw wrk output in target/bench/wrk-*.txt).
# Endpoints, in the order measured:
#   echo        POST /bench/echo with $BODY (default the M2 case, docs/examples/case-m2.json)
#   decisions   POST /api/v1/decisions with the same $BODY
#   echo-large  POST /bench/echo with this model's decision for $BODY as the body: an echo that reads and writes as
#               many bytes as the decision endpoint writes (its reply is far larger than the case it reads)
# The ratio reported is decisions / echo. Each model is run with decisions recorded as the service does
# (RECORD_MODES=recorded: one decision-record row per decision, in H2 under /tmp here) and unrecorded
# (-Dcollections.bench.skip-audit=true), to show what the record costs; RECORD_MODES narrows this.
# Knobs (environment): WARMUP=10 DURATION=30 THREADS=2 CONNECTIONS=32 PORT=18080 BODY=... ENDPOINTS="echo decisions
# echo-large" ATTEMPTS=3 JAVA_OPTS=...
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-30}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
BODY="${BODY:-$BENCH_ROOT/docs/examples/case-m2.json}"
ENDPOINTS="${ENDPOINTS:-echo decisions echo-large}"
RECORD_MODES="${RECORD_MODES:-recorded unrecorded}"
models=("$@")
[[ ${#models[@]} -gt 0 ]] || models=(classic executable)

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed: apt-get install -y curl" >&2; exit 1; }
bench_build jar
LUA="$BENCH_ROOT/bench/post.lua"
HZ="$(getconf CLK_TCK)"

trap service_stop EXIT
trap 'exit 130' INT TERM

cpu_ticks() {  # utime + stime of the service process
  awk '{print $14 + $15}' "/proc/$1/stat"
}

to_ms() {  # wrk time (850.00us, 1.23ms, 2.01s, 1.00m) -> milliseconds
  awk -v t="$1" 'BEGIN {
    v = t + 0; u = t; sub(/^[0-9.]+/, "", u)
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000
    printf "%.2f", v }'
}

# wrk_run label url seconds body -> prints "rps p50 p90 p99 requests non2xx errors cpu_us_per_req service_cores"
wrk_run() {
  local label="$1" url="$2" secs="$3" body="$4" out="$BENCH_OUT/wrk-$model-$record-$1.txt"
  local c0 c1 t0 t1
  c0="$(cpu_ticks "$pid")"; t0="$(date +%s.%N)"
  BODY_FILE="$body" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency -s "$LUA" "$url" > "$out"
  c1="$(cpu_ticks "$pid")"; t1="$(date +%s.%N)"
  local rps p50 p90 p99 reqs non2xx errs
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  p90="$(to_ms "$(awk '$1 == "90%" {print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  reqs="$(awk '/requests in/ {print $1}' "$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")"; non2xx="${non2xx:-0}"
  errs="$(awk '/Socket errors:/ {n = 0; for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0; print n}' "$out")"; errs="${errs:-0}"
  awk -v rps="$rps" -v p50="$p50" -v p90="$p90" -v p99="$p99" -v reqs="$reqs" -v non="$non2xx" -v errs="$errs" \
      -v dc="$((c1 - c0))" -v hz="$HZ" -v t0="$t0" -v t1="$t1" \
      'BEGIN { cpu = dc / hz; printf "%s %s %s %s %s %s %s %.0f %.2f\n", rps, p50, p90, p99, reqs, non, errs, cpu * 1e6 / reqs, cpu / (t1 - t0) }'
}

summary="$BENCH_OUT/http.md"
{
  echo "HTTP on loopback, wrk -t$THREADS -c$CONNECTIONS, ${WARMUP} s warm-up per endpoint, ${DURATION} s measured per endpoint;"
  echo "body $(basename "$BODY") ($(wc -c < "$BODY") bytes) posted to echo and decisions; echo-large posts the decision"
  echo "reply for that body. wrk runs on the same $(nproc) cores as the service."
  echo
  echo "| model | decisions | endpoint | requests/s | p50 ms | p90 ms | p99 ms | requests | non-2xx | socket errors | service CPU µs/request | service CPU cores | request bytes | response bytes |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$summary"
ratios=()
verdicts=()
startups=()

# One service run for one model and record mode, every endpoint in turn. Sets $rows to $rows and sets $ratio, $startup.
run_model() {
  local model="$1" record="$2" shown="$2" extra="" started compiled ep url code size rps p50 p90 p99 reqs non2xx errs cpu_us cores
  local -A bytes=() rps_of=() url_of=() body_of=()
  rows=""
  [[ "$record" == unrecorded ]] && extra="-Dcollections.bench.skip-audit=true"
  log "$model ($record): starting the service"
  service_start "$model" $extra
  started=$service_started
  # A version compiled by an earlier start is loaded from data/rulesets instead (docs/benchmarks.md, start-up).
  compiled="$(grep -oE '(compiled|loaded as compiled before) in [0-9]* ms' "$work/service.log" | head -n 1 | sed 's/ ms$//' || echo '?')"
  if [[ "$record" == unrecorded ]] && ! grep -q 'NOT recorded' "$work/service.log"; then
    log "WARNING: the service did not confirm collections.bench.skip-audit; decisions may still be recorded"
    shown="unrecorded (not confirmed by the service)"
  fi
  startup="- $model, $shown: service ready $((SECONDS - started)) s after launch; the ruleset $compiled ms at startup"

  url_of=([echo]="$base/bench/echo" [decisions]="$base/api/v1/decisions" [echo-large]="$base/bench/echo")
  body_of=([echo]="$BODY" [decisions]="$BODY" [echo-large]="$BENCH_OUT/response-$model-$record-decisions.json")
  for ep in decisions echo echo-large; do   # decisions first: its reply is echo-large's body
    read -r code size < <(curl -s -o "$BENCH_OUT/response-$model-$record-$ep.json" -w '%{http_code} %{size_download}\n' \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" --data-binary "@${body_of[$ep]}" "${url_of[$ep]}")
    [[ "$code" == 200 ]] || { echo "$ep answered $code:" >&2; cat "$BENCH_OUT/response-$model-$record-$ep.json" >&2; exit 1; }
    bytes[$ep]="$(wc -c < "${body_of[$ep]}") | $size"
  done

  monitor_start
  log "$model ($record): warming up, ${WARMUP} s per endpoint"
  for ep in $ENDPOINTS; do
    wrk_run "warmup-$ep" "${url_of[$ep]}" "$WARMUP" "${body_of[$ep]}" > /dev/null
  done
  for ep in $ENDPOINTS; do
    log "$model ($record): measuring $ep for ${DURATION} s"
    read -r rps p50 p90 p99 reqs non2xx errs cpu_us cores < <(wrk_run "$ep" "${url_of[$ep]}" "$DURATION" "${body_of[$ep]}")
    rps_of[$ep]="$rps"
    rows+="$(printf '| %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$model" "$shown" "$ep" \
      "$rps" "$p50" "$p90" "$p99" "$reqs" "$non2xx" "$errs" "$cpu_us" "$cores" "${bytes[$ep]}")"$'\n'
    if [[ "$non2xx" != 0 || "$errs" != 0 ]]; then
      log "WARNING: $model $ep had $non2xx non-2xx responses and $errs socket errors (see $BENCH_OUT/wrk-$model-$record-$ep.txt)"
    fi
  done
  monitor_stop
  ratio="$(awk -v d="${rps_of[decisions]:-0}" -v e="${rps_of[echo]:-0}" -v l="${rps_of[echo-large]:-0}" -v m="$model" \
    -v r="$shown" 'BEGIN { printf "- %s, %s: decisions / echo = %.0f %% of echo throughput", m, r, e ? 100 * d / e : 0
             if (l) printf " (decisions / echo-large = %.0f %%)", 100 * d / l }')"
  service_stop
  cp "$work/service.log" "$BENCH_OUT/service-$model-$record.log"
  rm -rf "$work"
}

# A model whose run another process disturbed is run again, up to ATTEMPTS times (default 3).
for model in "${models[@]}"; do
  for record in $RECORD_MODES; do
    for attempt in $(seq 1 "${ATTEMPTS:-3}"); do
      wait_quiet
      run_model "$model" "$record"
      [[ "$monitor_verdict" == *"none seen"* ]] && break
      cp "$BENCH_OUT/monitor.log" "$BENCH_OUT/monitor-http-$model-$record-$attempt.log"
      log "$model ($record): another process took CPU during the run (attempt $attempt)"
    done
    printf '%s' "$rows" >> "$summary"
    ratios+=("$ratio")
    startups+=("$startup")
    verdicts+=("- $model, $record: $monitor_verdict")
  done
done

{ echo; printf '%s\n' "${ratios[@]}"; echo; printf '%s\n' "${startups[@]}"; echo; printf '%s\n' "${verdicts[@]}"; } >> "$summary"
cat "$summary"
