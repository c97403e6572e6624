#!/usr/bin/env bash
# The whole benchmark suite in one command: builds what is missing or stale, then runs every
# whole-process figure for no agent, metrics-agent and the OpenTelemetry agent (interleaved
# rounds: startup.sh, http-load.sh; scrape.sh for metrics-agent alone), the JMH suites with
# -prof gc, and writes benchmarks/target/results/results.md: the budget table, each figure's
# table, the machine and the commands, ready to paste into docs/performance.md.
#
# usage: benchmarks/scripts/run-all.sh [--quick]
#   full:    startup 7 rounds; load 5 rounds of 15 s warm-up + 30 s + 15 s of latency;
#            scrape 3 JVMs per shape;
#            JMH 2 forks x (5 x 2 s warm-up + 5 x 2 s)                      (30-40 min)
#   --quick: startup 2 rounds; load 2 rounds of 2 s + 3 s + 2 s; scrape 1 JVM, counter only;
#            JMH 1 fork x (1 x 1 s + 2 x 1 s)                                  (about 5 min)
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=full
case "${1:-}" in
  --quick) mode=quick ;;
  "") ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac
if [ $mode = quick ]; then
  startup_args=(2); load_args=(2 2 3 2); scrape_args=(1 counter)
  jmh_args=(-f 1 -wi 1 -i 2 -w 1s -r 1s)
else
  startup_args=(7); load_args=(5 15 30 15); scrape_args=(3)
  jmh_args=(-f 2 -wi 5 -i 5 -w 2s -r 2s)
fi
results=benchmarks/target/results
# Every tool the steps below need, checked before the first one starts rather than minutes in.
source benchmarks/scripts/jvm-runs.sh
require_wrk
for tool in curl python3; do
  command -v $tool >/dev/null || { echo "$tool not found: apt-get install $tool" >&2; exit 1; }
done
jars=(agent/target/metrics-agent.jar examples/demo/target/demo.jar benchmarks/target/benchmarks.jar)

# Stale when a jar is missing or any source or pom of what goes into them is newer.
needs_build() {
  local jar
  for jar in "${jars[@]}"; do
    [ -f "$jar" ] || return 0
    if [ -n "$(find pom.xml bootstrap config instrumentation agent examples/demo benchmarks \
        \( -path '*/target' -prune \) -o \( -name '*.java' -o -name pom.xml -o -path '*/resources/*' \) \
        -newer "$jar" -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}

started=$(date +%s)
step() { echo; echo "== $1 ($(( $(date +%s) - started )) s)"; }

if needs_build; then
  step "build"
  mvn -B -q install -DskipTests -pl agent -am
  mvn -B -q package -DskipTests -pl examples/demo,benchmarks
fi
rm -rf "$results"
mkdir -p "$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

step "startup: benchmarks/scripts/startup.sh ${startup_args[*]}"
benchmarks/scripts/startup.sh "${startup_args[@]}"
step "load: benchmarks/scripts/http-load.sh ${load_args[*]}"
benchmarks/scripts/http-load.sh "${load_args[@]}"
step "scrape: benchmarks/scripts/scrape.sh ${scrape_args[*]}"
benchmarks/scripts/scrape.sh "${scrape_args[@]}"
step "JMH: java -jar benchmarks/target/benchmarks.jar -prof gc ${jmh_args[*]}"
java -jar benchmarks/target/benchmarks.jar -prof gc "${jmh_args[@]}" -rf json -rff "$results/jmh.json" |
  tee "$results/jmh.log" | grep -E '^(# Benchmark:|Benchmark|[A-Za-z].*(ns/op|ops/|us/op|ms/op))' || true
elapsed=$(( $(date +%s) - started ))

{
  echo "## Results ($mode mode, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' with uncommitted changes');" \
    "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)," \
    "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); load average $load_before before," \
    "$(cut -d' ' -f1-3 /proc/loadavg) after; the suite took $elapsed s."
  echo
  echo "\`benchmarks/scripts/run-all.sh${1:+ $1}\`, which ran:"
  echo
  echo '```'
  echo "benchmarks/scripts/startup.sh ${startup_args[*]}"
  echo "benchmarks/scripts/http-load.sh ${load_args[*]}"
  echo "benchmarks/scripts/scrape.sh ${scrape_args[*]}"
  echo "java -jar benchmarks/target/benchmarks.jar -prof gc ${jmh_args[*]} -rf json -rff $results/jmh.json"
  echo '```'
  echo
  python3 benchmarks/scripts/report.py all benchmarks/target
} >"$results/results.md"
step "done: $results/results.md"
cat "$results/results.md"
