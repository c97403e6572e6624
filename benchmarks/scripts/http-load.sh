#!/usr/bin/env bash
# Cost under load, whole process: a hello-world servlet on embedded Tomcat 10.1
# (dev.metricsagent.benchmarks.server.HelloWorldServer) driven by wrk on loopback, for
# configurations run interleaved in the same session: no agent, metrics-agent (all
# instrumentations on, the defaults), the OpenTelemetry Java agent exporting metrics only, and
# no agent again as a control.
# Per run: a warm-up load, then a measured load of the same shape, and around it the server
# JVM's CPU time (/proc/<pid>/stat utime+stime), so CPU per request = CPU time / requests served.
# Also throughput (wrk, read exactly through a Lua done() hook), p50/p99 latency from a second
# load of the same shape by LatencyLoad (benchmarks/.../load; wrk's own latencies do not add up
# on this machine, see docs/performance.md), resident
# memory after the load with a fixed, pre-touched heap, the time of one /metrics scrape, and the
# garbage collections during the measured load (count and pause time, from jstat).
#
# usage: benchmarks/scripts/http-load.sh [rounds] [warmup seconds] [load seconds] [latency seconds]
#        (defaults 5 15 30 15; needs `mvn -B package -DskipTests`, wrk (Debian package) and curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/jvm-runs.sh
rounds=${1:-5}
warmup_s=${2:-15}
load_s=${3:-30}
latency_s=${4:-15}
latency_warmup_s=$(( latency_s < 5 ? 1 : 2 )) # the client's own JIT; the server is warm by then
agent=agent/target/metrics-agent.jar
server=benchmarks/target/benchmarks.jar
out=benchmarks/target/http-load
rm -rf "$out"
mkdir -p "$out"
require_built "$agent" "$server"
require_wrk
fetch_otel

# One wrk thread, so the load generator takes at most one of the two cores; 10 connections keep
# Tomcat's worker threads busy. The same shape for the warm-up and the measured load.
connections=10
wrk_shape=(-t1 -c$connections)
# The same fixed heap for every configuration, touched up front so that resident memory shows
# what each configuration adds outside the Java heap, not how much of the heap GC reached.
heap=(-Xms256m -Xmx256m -XX:+AlwaysPreTouch)
app_port=18281
hello=http://127.0.0.1:$app_port/hello
# none-again runs no agent a second time, last in each round: how far two runs of the same
# configuration differ on this machine, the yardstick for every difference to no agent.
declare -A jvm_args=(
  [none]=""
  [none-again]=""
  [metrics-agent]="-javaagent:$agent=port=19564"
  [otel]="-javaagent:$otel -Dotel.metrics.exporter=prometheus -Dotel.exporter.prometheus.port=19565 -Dotel.traces.exporter=none -Dotel.logs.exporter=none -Dotel.service.name=hello"
)
declare -A metrics_url=(
  [none]=""
  [none-again]=""
  [metrics-agent]="http://127.0.0.1:19564/metrics"
  [otel]="http://127.0.0.1:19565/metrics"
)
configs=(none metrics-agent otel none-again)
ticks_per_second=$(getconf CLK_TCK)

# Prints one tab-separated result line for a configuration, then stops its JVM.
run_once() {
  local config=$1 log=$2
  local pid before after gc_before gc_after rss scrape=- samples=-
  require_free_port $app_port
  # shellcheck disable=SC2086
  java "${heap[@]}" ${jvm_args[$config]} -cp "$server" dev.metricsagent.benchmarks.server.HelloWorldServer \
    $app_port "$out/tomcat-$config" >"$log" 2>&1 &
  pid=$!
  trap "stop_jvm $pid" EXIT
  await_200 "$hello" $pid "$log"
  require_listener $app_port $pid
  wrk "${wrk_shape[@]}" -d"${warmup_s}s" "$hello" >"$log.warmup"
  gc_before=$(gc_count_and_ms $pid)
  before=$(cpu_ticks $pid)
  wrk "${wrk_shape[@]}" -d"${load_s}s" -s benchmarks/scripts/wrk-report.lua "$hello" >"$log.wrk"
  after=$(cpu_ticks $pid)
  gc_after=$(gc_count_and_ms $pid)
  java -Xmx128m -cp "$server" dev.metricsagent.benchmarks.load.LatencyLoad "$hello" $connections \
    $latency_warmup_s "$latency_s" \
    >"$log.latency"
  rss=$(rss_kib $pid)
  if [ -n "${metrics_url[$config]}" ]; then
    scrape=$(median_get_seconds "${metrics_url[$config]}")
    samples=$(curl -s "${metrics_url[$config]}" | grep -vc '^#' || true)
  fi
  stop_jvm $pid
  trap - EXIT
  local figure
  for figure in requests duration_us errors; do
    local "$figure=$(awk -v f=$figure '$1 == f { print $2 }' "$log.wrk")"
  done
  if [ "$errors" != 0 ]; then echo "the $config run had $errors failed requests, see $log.wrk" >&2; exit 1; fi
  for figure in p50_us p99_us errors; do
    local "$figure=$(awk -v f=$figure '$1 == f { print $2 }' "$log.latency")"
  done
  if [ "$errors" != 0 ]; then echo "the $config latency run had $errors failed connections, see $log.latency" >&2; exit 1; fi
  echo -e "$config\t$requests\t$duration_us\t$(( (after - before) * 1000000 / ticks_per_second ))\t$p50_us\t$p99_us\t$rss\t$scrape\t$samples\t$(( ${gc_after% *} - ${gc_before% *} ))\t$(( ${gc_after#* } - ${gc_before#* } ))"
}

results=$out/results.tsv
echo -e "round\tconfig\trequests\tduration_us\tcpu_us\tp50_us\tp99_us\trss_kib\tscrape_s\tsamples\tgc_count\tgc_ms" >"$results"
for round in $(seq 1 "$rounds"); do
  for config in "${configs[@]}"; do
    line=$(run_once "$config" "$out/$config-$round.log")
    echo -e "$round\t$line" | tee -a "$results"
  done
done

echo
python3 benchmarks/scripts/report.py http-load "$results" | tee "$out/summary.md"
