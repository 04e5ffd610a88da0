#!/usr/bin/env bash
# What a running experiment costs a decision, in process (JMH, ExperimentRoutingBenchmark): the portfolio mix decided
# with no experiment running, with one experiment over every case whose challenger is the champion's own version (the
# routing alone), and with a challenger of another version taking 15 % of the cases (those are decided twice).
#
#   bench/experiment-routing.sh [ROUNDS=5] [JMH args]
#   METHOD=route bench/experiment-routing.sh 3 -wi 5 -w 1 -i 5 -r 1    the routing alone, given the champion's decision
#
# The machine is shared, so the three take turns: each round runs one JMH fork of each, in an order rotated every
# round, and the figures are the medians over the rounds of the benchmark thread's CPU time a decision (what other
# processes take from the machine changes wall-clock throughput much more than the CPU a decision costs). The load
# average before each fork is printed beside it. Results: target/bench/experiment-routing/*.json.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ROUNDS="${1:-5}"
METHOD="${METHOD:-decide}"
shift || true
bench_build
cp_="$(bench_classpath)"
out="$BENCH_OUT/experiment-routing-$METHOD"
rm -rf "$out"
mkdir -p "$out"
cd "$BENCH_ROOT"   # the benchmark reads the shipped policy from ./rules and ./decision-tables

variants=(none same challenger)
for round in $(seq 1 "$ROUNDS"); do
  for i in 0 1 2; do
    v="${variants[$(((i + round) % 3))]}"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    log "round $round: $v (load $load)"
    echo "$load" >"$out/$v.$round.load"
    java ${JMH_JAVA_OPTS:-} -cp "$cp_" org.openjdk.jmh.Main "ExperimentRoutingBenchmark.$METHOD\$" -p routing="$v" -f 1 \
      -rf json -rff "$out/$v.$round.json" "$@" >"$out/$v.$round.log" 2>&1 \
      || { tail -n 40 "$out/$v.$round.log" >&2; exit 1; }
    grep -o '\[bench\].*' "$out/$v.$round.log" | sort -u >&2 || true
  done
done

python3 - "$out" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
rows = {}
for v in ("none", "same", "challenger"):
    cpu, ops, loads = [], [], []
    for r in range(1, rounds + 1):
        m = json.load(open(f"{out}/{v}.{r}.json"))[0]
        sec = m["secondaryMetrics"]
        cpu.append(sec["threadCpuNanos"]["score"] / sec["calls"]["score"] / 1000)
        ops.append(m["primaryMetric"]["score"])
        loads.append(float(open(f"{out}/{v}.{r}.load").read()))
    rows[v] = (statistics.median(cpu), statistics.median(ops), cpu, loads)
base = rows["none"][0]
print("| routing | median µs of thread CPU a call | against none | median decisions/s | per round (µs) | load before each fork |")
print("|---|---:|---:|---:|---|---|")
for v, (c, o, cs, ls) in rows.items():
    print(f"| {v} | {c:.2f} | {100 * c / base:.1f} % | {o:,.0f} | {', '.join(f'{x:.0f}' for x in cs)} | {', '.join(f'{x:.1f}' for x in ls)} |")
PY
