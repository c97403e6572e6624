#!/usr/bin/env bash
# Scrape cost: the time of GET /metrics when the agent holds 10,000 label combinations of one
# metric, created the way an application would: a method rule with an {arg0} label, called with
# 10,000 distinct arguments (HelloWorldServer's /series). Two shapes, one JVM each:
#   counter: a counter rule, 10,000 series (plus the default JVM, HTTP and agent metrics);
#   timer:   a timer rule, 10,000 histograms of 17 series each (14 buckets, +Inf, _count, _sum).
# Each scrape is timed by curl on loopback, in the text format (curl's default Accept) and as
# Prometheus asks by default (OpenMetrics, gzip); medians of 20 after 10 unmeasured scrapes.
# metrics-agent only: without an agent there is nothing to scrape, and the OpenTelemetry agent
# has no rule that labels a metric by a method argument.
#
# usage: benchmarks/scripts/scrape.sh [rounds] [shapes]     (defaults 3 "counter timer";
#        needs `mvn -B package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/jvm-runs.sh
rounds=${1:-3}
shapes=${2:-counter timer}
agent=agent/target/metrics-agent.jar
server=benchmarks/target/benchmarks.jar
out=benchmarks/target/scrape
rm -rf "$out"
mkdir -p "$out"
require_built "$agent" "$server"

keys=10000
app_port=18381
metrics_port=19664
metrics_url=http://127.0.0.1:$metrics_port/metrics
openmetrics_accept='application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.2,*/*;q=0.1'

for shape in $shapes; do
  method=$([ $shape = counter ] && echo counted || echo timed)
  cat >"$out/$shape.yaml" <<YAML
cardinality_limit: 20000
rules:
  - metric: bench_keys
    type: $shape
    select: com.example.bench.SeriesSource#$method
    code_labels: false
    labels: {key: '{arg0}'}
YAML
done

# Prints one tab-separated result line for a shape, then stops its JVM.
run_once() {
  local shape=$1 log=$2
  local pid text openmetrics samples bytes
  require_free_port $app_port
  java -javaagent:"$agent=port=$metrics_port,config=$out/$shape.yaml" \
    -cp "$server" dev.metricsagent.benchmarks.server.HelloWorldServer $app_port "$out/tomcat-$shape" >"$log" 2>&1 &
  pid=$!
  trap "stop_jvm $pid" EXIT
  await_200 "http://127.0.0.1:$app_port/hello" $pid "$log"
  require_listener $app_port $pid
  curl -sf -o /dev/null "http://127.0.0.1:$app_port/series?count=$keys"
  curl -s "$metrics_url" >"$out/$shape.txt"
  if [ "$(grep -c '^bench_keys' "$out/$shape.txt")" -lt $keys ]; then
    echo "the $shape rule did not record $keys keys, see $log and $out/$shape.txt" >&2; exit 1
  fi
  text=$(median_get_seconds "$metrics_url")
  openmetrics=$(median_get_seconds --compressed -H "Accept: $openmetrics_accept" "$metrics_url")
  stop_jvm $pid
  trap - EXIT
  samples=$(grep -vc '^#' "$out/$shape.txt")
  bytes=$(wc -c <"$out/$shape.txt")
  echo -e "$shape\t$samples\t$bytes\t$text\t$openmetrics"
}

results=$out/results.tsv
echo -e "round\tshape\tsamples\ttext_bytes\ttext_s\topenmetrics_gzip_s" >"$results"
for round in $(seq 1 "$rounds"); do
  for shape in $shapes; do
    line=$(run_once $shape "$out/$shape-$round.log")
    echo -e "$round\t$line" | tee -a "$results"
  done
done

echo
python3 benchmarks/scripts/report.py scrape "$results" | tee "$out/summary.md"
