#!/usr/bin/env bash
# In-process benchmarks with JMH 1.37.
#   bench/jmh.sh decisions   (a) decisions/s on one thread, CLASSIC and EXECUTABLE x five case variants (four cases
#                            and a portfolio of 1,000 varied ones; 10 JMH runs of about 1.5 min each); THREADS=2
#                            runs them with two threads sharing the engine, as the portfolio run does
#   bench/jmh.sh compile     (c) ruleset compile time, cold (fresh JVM) and warm, both models (4 JMH runs)
#   bench/jmh.sh all         both
#   bench/jmh.sh report      only print the tables again from the results in target/bench/jmh (e.g. after
#                            rerunning a few parts with MODELS=... VARIANTS=...)
# Each model/variant (and, for compile, each model and mode) is its own JMH run, started once the machine is quiet;
# a run during which another process took CPU is repeated, up to ATTEMPTS times (default 3); the least disturbed
# attempt is kept, and reported if none ran undisturbed. MODELS and VARIANTS narrow the runs (e.g. VARIANTS=m2);
# extra arguments go to org.openjdk.jmh.Main (e.g. -f 1). Results: target/bench/jmh/*.json and *.log, Markdown
# tables on stdout.
# BENCH_ROOT picks the tree (default: this script's repository).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

what="${1:-all}"
shift || true
case "$what" in decisions|compile|all|report) ;; *) echo "usage: $0 decisions|compile|all|report [JMH args]" >&2; exit 2 ;; esac
MODELS="${MODELS:-CLASSIC EXECUTABLE}"
VARIANTS="${VARIANTS:-current m1 m2 m5 portfolio}"
THREADS="${THREADS:-1}"
ATTEMPTS="${ATTEMPTS:-3}"

bench_build
cp_="$(bench_classpath)"
parts="$BENCH_OUT/jmh"
mkdir -p "$parts"
cd "$BENCH_ROOT"   # the benchmarks read the shipped policy from ./rules and ./decision-tables
trap monitor_stop EXIT

results=()
disturbed=()
run_part() {  # name, benchmark regexp, JMH args...
  local name="$1" regexp="$2" attempt busy best="" best_busy="" best_total=""
  shift 2
  for attempt in $(seq 1 "$ATTEMPTS"); do
    wait_quiet
    log "JMH $name (attempt $attempt): $regexp $*"
    monitor_start
    if ! java -cp "$cp_" org.openjdk.jmh.Main "$regexp" -rf json -rff "$parts/$name.$attempt.json" "$@" \
        > "$parts/$name.$attempt.log" 2>&1; then
      monitor_stop
      tail -n 40 "$parts/$name.$attempt.log" >&2
      exit 1
    fi
    monitor_stop
    grep -o '\[bench\].*' "$parts/$name.$attempt.log" | sort -u >&2 || true
    cp "$BENCH_OUT/monitor.log" "$parts/$name.$attempt.monitor.log"
    busy="$(busy_samples "$BENCH_OUT/monitor.log")"
    # Keep the attempt that other processes disturbed least (the later one on a tie).
    if [[ -z "$best" ]] || ((busy <= best_busy)); then
      best="$attempt"
      best_busy="$busy"
      best_total="$(grep -c '^# sample' "$BENCH_OUT/monitor.log" || true)"
    fi
    ((busy == 0)) && break
  done
  cp "$parts/$name.$best.json" "$parts/$name.json"
  cp "$parts/$name.$best.log" "$parts/$name.log"
  cp "$parts/$name.$best.monitor.log" "$parts/$name.monitor.log"
  results+=("$parts/$name.json")
  if ((best_busy > 0)); then
    disturbed+=("$name: other processes busy at $best_busy of $best_total samples")
  fi
}

if [[ "$what" == decisions || "$what" == all ]]; then
  for model in $MODELS; do
    for variant in $VARIANTS; do
      if ((THREADS > 1)); then
        run_part "decisions-$model-$variant-t$THREADS" 'DecisionBenchmark.decide' -prof gc -t "$THREADS" -p model="$model" -p variant="$variant" "$@"
      else
        run_part "decisions-$model-$variant" 'DecisionBenchmark.decide' -prof gc -p model="$model" -p variant="$variant" "$@"
      fi
    done
  done
fi
if [[ "$what" == compile || "$what" == all ]]; then
  for model in $MODELS; do
    run_part "compile-cold-$model" 'CompileBenchmark.cold' -p model="$model" "$@"
    run_part "compile-warm-$model" 'CompileBenchmark.warm' -p model="$model" "$@"
  done
fi
trap - EXIT

if [[ "$what" == report ]]; then
  for f in "$parts"/*.json; do
    [[ "$f" =~ \.[0-9]+\.json$ ]] || results+=("$f")
  done
  [[ ${#results[@]} -gt 0 ]] || { echo "no results in $parts" >&2; exit 1; }
  for f in "${results[@]}"; do
    name="$(basename "$f" .json)"
    if [[ -f "$parts/$name.monitor.log" ]] && (( $(busy_samples "$parts/$name.monitor.log") > 0 )); then
      disturbed+=("$name: other processes busy at $(busy_samples "$parts/$name.monitor.log") of $(grep -c '^# sample' "$parts/$name.monitor.log" || true) samples")
    fi
  done
fi
java -cp "$cp_" org.autocollections.bench.Report "${results[@]}"
if ((${#disturbed[@]} > 0)); then
  echo "Other processes took CPU in every attempt of these runs (the least disturbed attempt is kept; wall-clock"
  echo "figures of these are low, CPU-time figures much less affected):"
  printf -- '- %s\n' "${disturbed[@]}"
else
  echo "No other process took CPU during any of these runs."
fi
