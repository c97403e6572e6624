#!/usr/bin/env bash
# Startup cost, whole process: time from `java` launch to the first HTTP 200 from the demo
# service (embedded Tomcat + H2), for five configurations run interleaved in the same session:
# no agent; metrics-agent's first start (an empty class cache, as in a fresh container);
# its first start from a prepared image (`prepare-cache` run, unmeasured, before each start);
# its later starts (the class cache filled by an unmeasured start before the rounds); and the
# OpenTelemetry Java agent exporting metrics only (Prometheus).
# Also reports the JVM's CPU time (all threads, JIT included) up to that first 200, which a
# shared machine disturbs far less than the wall-clock time, metrics-agent's own launch-to-ready
# time (from its startup line; premain returns before the /metrics server is up) and the number
# of classes loaded.
#
# usage: benchmarks/scripts/startup.sh [rounds]      (default 7; needs `mvn -B package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/jvm-runs.sh
rounds=${1:-7}
agent=agent/target/metrics-agent.jar
demo=examples/demo/target/demo.jar
out=benchmarks/target/startup
rm -rf "$out"
mkdir -p "$out"
require_built "$agent" "$demo"
fetch_otel

app_port=18181
declare -A jvm_args=(
  [none]=""
  [metrics-agent]="-javaagent:$agent=port=19464,class_cache.directory=$out/first-start-cache"
  [metrics-agent-prepared]="-javaagent:$agent=port=19467,class_cache.directory=$out/prepared-cache"
  [metrics-agent-cached]="-javaagent:$agent=port=19466,class_cache.directory=$out/class-cache"
  [otel]="-javaagent:$otel -Dotel.metrics.exporter=prometheus -Dotel.exporter.prometheus.port=19465 -Dotel.traces.exporter=none -Dotel.logs.exporter=none -Dotel.service.name=demo"
)
configs=(none metrics-agent metrics-agent-prepared metrics-agent-cached otel)

# Prints the milliseconds from launch to the first 200 on /owners/1 and the CPU milliseconds the
# JVM had used by then, then stops the JVM.
run_once() {
  local config=$1 log=$2
  local start end pid cpu
  require_free_port $app_port
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java -Xlog:class+load:file="$log.classes" ${jvm_args[$config]} -jar "$demo" --port $app_port --no-traffic >"$log" 2>&1 &
  pid=$!
  trap "stop_jvm $pid" EXIT
  await_200 "http://127.0.0.1:$app_port/owners/1" $pid "$log"
  end=$(date +%s%N)
  cpu=$(cpu_ticks $pid)
  require_listener $app_port $pid
  stop_jvm $pid
  trap - EXIT
  echo -e "$(( (end - start) / 1000000 ))\t$(( cpu * 1000 / $(getconf CLK_TCK) ))"
}

results=$out/results.tsv
run_once metrics-agent-cached "$out/class-cache-fill.log" >/dev/null
echo -e "round\tconfig\tfirst_200_ms\tcpu_ms\tagent_ready_ms\tclasses" >"$results"
for round in $(seq 1 "$rounds"); do
  for config in "${configs[@]}"; do
    log=$out/$config-$round.log
    rm -rf "$out/first-start-cache" "$out/prepared-cache"
    if [ "$config" = metrics-agent-prepared ]; then
      java -jar "$agent" prepare-cache --classpath "$demo" \
        --agent-args "port=19467,class_cache.directory=$out/prepared-cache" >"$log.prepare" 2>&1
      sync # an image is built long before it starts: its files are not being written back then
    fi
    times=$(run_once "$config" "$log")
    ready=$(grep -o 'started in [0-9]*' "$log" | grep -o '[0-9]*$' || echo -)
    classes=$(grep -c ' source: ' "$log.classes" || true)
    echo -e "$round\t$config\t$times\t$ready\t$classes" | tee -a "$results"
  done
done

echo
python3 benchmarks/scripts/report.py startup "$results" | tee "$out/summary.md"
