#!/usr/bin/env bash
# Reruns every benchmark of docs/benchmarks.md and prints the figures:
#   (a) in-process decisions/s on one thread, JMH, CLASSIC and EXECUTABLE,
#       four cases and a 1,000-case portfolio                                 (bench/jmh.sh decisions, ~14 min)
#   (c) ruleset compile time, cold and warm, both models                      (bench/jmh.sh compile,   ~5 min)
#   (b) HTTP decisions vs JSON echo, wrk -t2 -c32, both models, decisions
#       recorded and unrecorded                                               (bench/http.sh,          ~10 min)
#   and where a decision request's CPU goes, JFR, default model               (bench/profile.sh,       ~2 min)
# By default the working tree (with uncommitted changes; without target/, data/ and .git) is copied to
# $BENCH_COPY (default /tmp/benchcopy) and built there with ./mvnw -Pbench -DskipTests package, so that the
# repository's own target/ is left alone. BENCH_SOURCE=head copies the last commit instead (plus the working tree's
# bench/ and src/bench/), for when unfinished edits keep the working tree from compiling. BENCH_IN_PLACE=1 builds
# and runs in the repository itself.
# Each step waits for the machine to be quiet first (QUIET_MAX, QUIET_WAIT; see bench/common.sh) and reports any
# other process that took CPU while it ran. The summary is also written to $BENCH_OUT/summary.md.
set -euo pipefail

# All of it in one function, which bash reads whole before running: editing this file while it runs is safe.
main() {

  src_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  revision="$(git -C "$src_root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  changes="$(git -C "$src_root" status --porcelain 2>/dev/null | wc -l)"
  if [[ "${BENCH_IN_PLACE:-0}" == 1 ]]; then
    export BENCH_ROOT="$src_root"
    source_note="working tree of commit $revision with $changes uncommitted changed or new paths, built in place"
  else
    copy="${BENCH_COPY:-/tmp/benchcopy}"
    copy="$(realpath -m "$copy")"
    case "$copy" in
      /|/tmp|"$src_root"|"$src_root"/*|"$HOME") echo "refusing to use $copy as the benchmark copy" >&2; exit 2 ;;
    esac
    if [[ -e "$copy" && ! -f "$copy/.bench-copy" ]]; then
      echo "$copy exists and is not a benchmark copy (no .bench-copy marker); choose another BENCH_COPY" >&2
      exit 2
    fi
    rm -rf "$copy"
    mkdir -p "$copy"
    if [[ "${BENCH_SOURCE:-worktree}" == head ]]; then
      # The last commit, plus the benchmark harness as it is in the working tree: for when others' unfinished
      # edits keep the working tree from compiling.
      git -C "$src_root" archive HEAD | tar -xf - -C "$copy"
      (cd "$src_root" && tar -cf - bench src/bench) | tar -xf - -C "$copy"
      source_note="commit $revision (git archive HEAD) with the working tree's bench/ and src/bench/"
    else
      (cd "$src_root" && tar --exclude=./target --exclude=./data --exclude=./.git -cf - .) | tar -xf - -C "$copy"
      source_note="working tree of commit $revision with $changes uncommitted changed or new paths"
    fi
    touch "$copy/.bench-copy"
    export BENCH_ROOT="$copy"
    export BENCH_BUILD=1
  fi
  source "$BENCH_ROOT/bench/common.sh"

  log "benchmarks in $BENCH_ROOT, results in $BENCH_OUT"
  bench_build
  export BENCH_BUILD=0

  "$BENCH_ROOT/bench/jmh.sh" decisions > "$BENCH_OUT/decisions.md"
  "$BENCH_ROOT/bench/jmh.sh" compile > "$BENCH_OUT/compile.md"
  "$BENCH_ROOT/bench/http.sh" classic executable > /dev/null   # writes $BENCH_OUT/http.md
  "$BENCH_ROOT/bench/profile.sh" executable > /dev/null       # writes $BENCH_OUT/profile-executable-recorded.md

  {
    echo "# Benchmark results"
    echo
    machine_summary
    echo "- source: $source_note"
    echo "- ruleset: $(cd "$BENCH_ROOT" && ls rules decision-tables | grep -c '\.drl') files in rules/ and decision-tables/"
    echo
    echo "## (a) In-process decisions, one thread"
    echo
    cat "$BENCH_OUT/decisions.md"
    echo
    echo "## (b) HTTP, decisions vs echo"
    echo
    cat "$BENCH_OUT/http.md"
    echo
    echo "## (c) Ruleset compile time"
    echo
    cat "$BENCH_OUT/compile.md"
    echo
    echo "## Where a decision request's CPU goes"
    echo
    cat "$BENCH_OUT/profile-executable-recorded.md"
  } > "$BENCH_OUT/summary.md"
  cat "$BENCH_OUT/summary.md"
}

main "$@"
exit
