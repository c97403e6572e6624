#!/usr/bin/env bash
# Startup cost, whole process: time from `java` launch to the first HTTP 200 from the demo
# service (embedded Tomcat + H2), for three configurations run interleaved in the same session:
# no agent, metrics-agent, and the OpenTelemetry Java agent exporting metrics only (Prometheus).
# Also reports metrics-agent's own premain-to-ready time (from its startup line) and the
# number of classes loaded.
#
# usage: benchmarks/scripts/startup.sh [rounds]      (default 7; needs `mvn -B package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-7}
agent=agent/target/metrics-agent.jar
demo=examples/demo/target/demo.jar
otel_version=2.22.0
otel=benchmarks/target/otel/opentelemetry-javaagent-$otel_version.jar
out=benchmarks/target/startup
mkdir -p "$out"
[ -f "$agent" ] && [ -f "$demo" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
if [ ! -f "$otel" ]; then
  mvn -B -q dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$otel_version \
    -DoutputDirectory=benchmarks/target/otel >/dev/null
fi

app_port=18181
declare -A jvm_args=(
  [none]=""
  [metrics-agent]="-javaagent:$agent=port=19464"
  [otel]="-javaagent:$otel -Dotel.metrics.exporter=prometheus -Dotel.exporter.prometheus.port=19465 -Dotel.traces.exporter=none -Dotel.logs.exporter=none -Dotel.service.name=demo"
)
configs=(none metrics-agent otel)

# Prints the milliseconds from launch to the first 200 on /owners/1, then stops the JVM.
run_once() {
  local config=$1 log=$2
  local start end pid
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java -Xlog:class+load:file="$log.classes" ${jvm_args[$config]} -jar "$demo" --port $app_port --no-traffic >"$log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_port/owners/1" 2>/dev/null | grep -q 200; do
    if ! kill -0 $pid 2>/dev/null; then echo "the $config JVM died, see $log" >&2; exit 1; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

results=$out/results.tsv
echo -e "round\tconfig\tfirst_200_ms\tagent_ready_ms\tclasses" >"$results"
for round in $(seq 1 "$rounds"); do
  for config in "${configs[@]}"; do
    log=$out/$config-$round.log
    ms=$(run_once "$config" "$log")
    ready=$(grep -o 'started in [0-9]*' "$log" | grep -o '[0-9]*$' || echo -)
    classes=$(grep -c ' source: ' "$log.classes" || true)
    echo -e "$round\t$config\t$ms\t$ready\t$classes" | tee -a "$results"
  done
done

python3 - "$results" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by = {}
for r in rows:
    by.setdefault(r["config"], []).append(r)
base = statistics.median(int(r["first_200_ms"]) for r in by["none"])
print()
print("| configuration | first 200, median ms | added over no agent | agent ready, median ms | classes loaded |")
print("|---|---|---|---|---|")
for config, rs in by.items():
    first = statistics.median(int(r["first_200_ms"]) for r in rs)
    ready = [int(r["agent_ready_ms"]) for r in rs if r["agent_ready_ms"] != "-"]
    classes = statistics.median(int(r["classes"]) for r in rs)
    print(f"| {config} | {first:.0f} | {first - base:+.0f} ms | {statistics.median(ready):.0f} |" if ready
          else f"| {config} | {first:.0f} | {first - base:+.0f} ms | - |", f" {classes:.0f} |")
PY
