#!/usr/bin/env bash
# The servlet instrumentation's cost, whole process: a hello-world servlet (behind a pass-through
# filter) on embedded Tomcat 10.1 -- integration-tests/apps/tomcat10-app, GET /hello -- for three
# configurations, alternating round after round in the same session: no agent, metrics-agent
# (defaults: every instrumentation on), and the OpenTelemetry Java agent exporting metrics only.
# Per run: time from `java` to the first 200, a warm-up load, then a measured wrk load on
# loopback: throughput and the server JVM's CPU time per request (utime + stime from /proc, which
# moves less than throughput when other work shares the machine). Prints the medians and the
# ratios to "no agent". Latency: http-load.sh (wrk's own latencies do not add up on this machine).
#
# usage: benchmarks/scripts/http-server.sh [rounds] [warm-up seconds] [load seconds]   (defaults 5 10 15)
# needs: the agent and the app built (see docs/performance.md), wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
warmup_s=${2:-10}
load_s=${3:-15}
agent=${METRICS_AGENT_JAR:-agent/target/metrics-agent.jar}
app=integration-tests/apps/tomcat10-app/target/tomcat10-app.jar
otel_version=2.22.0
otel=benchmarks/target/otel/opentelemetry-javaagent-$otel_version.jar
out=benchmarks/target/http-server
mkdir -p "$out"
[ -f "$agent" ] && [ -f "$app" ] || { echo "build first: see docs/performance.md, section Servlet" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
if [ ! -f "$otel" ]; then
  mvn -B -q dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$otel_version \
    -DoutputDirectory=benchmarks/target/otel >/dev/null
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

jvm_args() {
  case $1 in
    none) ;;
    metrics-agent) echo "-javaagent:$agent=port=0" ;;
    otel) echo "-javaagent:$otel -Dotel.metrics.exporter=prometheus -Dotel.exporter.prometheus.port=$(free_port)" \
      "-Dotel.traces.exporter=none -Dotel.logs.exporter=none -Dotel.service.name=hello" ;;
  esac
}

# utime + stime of a process in clock ticks (/proc/<pid>/stat fields 14 and 15, counted from the
# closing parenthesis of the command name, which may hold spaces).
cpu_ticks() {
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}
ticks_per_second=$(getconf CLK_TCK)

# Prints "config startup_ms requests_per_s cpu_us_per_request" for one run, then stops the JVM.
run_once() {
  local config=$1 log=$2 fifo=$2.stdin
  local start port pid url first before after requests
  rm -f "$fifo"; mkfifo "$fifo"
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  java $(jvm_args "$config") -jar "$app" <"$fifo" >"$log" 2>&1 &
  pid=$!
  exec 3>"$fifo" # the app runs until its standard input closes
  until port=$(grep -o 'servlet app ready port=[0-9]*' "$log" | cut -d= -f2) && [ -n "$port" ]; do
    kill -0 $pid 2>/dev/null || { echo "the $config JVM died, see $log" >&2; exit 1; }
    sleep 0.01
  done
  url=http://127.0.0.1:$port/hello
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; do sleep 0.01; done
  first=$(( ($(date +%s%N) - start) / 1000000 ))
  wrk -t1 -c10 -d"${warmup_s}s" "$url" >"$log.warmup"
  before=$(cpu_ticks $pid)
  wrk -t1 -c10 -d"${load_s}s" "$url" >"$log.wrk"
  after=$(cpu_ticks $pid)
  exec 3>&-
  wait $pid 2>/dev/null || true
  if grep -q 'Non-2xx\|Socket errors' "$log.wrk"; then echo "errors in $log.wrk" >&2; exit 1; fi
  requests=$(awk '/requests in/ { print $1 }' "$log.wrk")
  echo "$config $first $(awk '/^Requests\/sec/ { print $2 }' "$log.wrk")" \
    "$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$requests" 'BEGIN { print t / hz * 1e6 / n }')"
}

results=$out/results.txt
: >"$results"
for round in $(seq 1 "$rounds"); do
  for config in none metrics-agent otel; do
    run_once "$config" "$out/$config-$round.log" | tee -a "$results"
  done
done

python3 - "$results" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    config, *values = line.split()
    runs.setdefault(config, []).append([float(v) for v in values])
med = {c: [statistics.median(r[i] for r in rs) for i in range(3)] for c, rs in runs.items()}
b = med["none"]
print("\n| configuration | first 200 | throughput | vs no agent | server CPU per request | vs no agent |")
print("|---|---|---|---|---|---|")
for c in ("none", "metrics-agent", "otel"):
    s, r, cpu = med[c]
    print(f"| {c} | {s:.0f} ms | {r:,.0f} req/s | {r / b[1]:.3f} | {cpu:.1f} µs | {cpu / b[2]:.3f} |")
print(f"\nMedians of {len(runs['none'])} rounds. Every run (req/s; CPU µs per request):")
for c, rs in runs.items():
    print(f"- {c}: " + ", ".join(f"{r[1]:,.0f}" for r in rs) + "; " + ", ".join(f"{r[2]:.1f}" for r in rs))
PY
