#!/usr/bin/env bash
# Where the agent's per-request cost goes: the hello-world server of http-load.sh under the same
# wrk load, without and with metrics-agent, each sampled by JFR at its highest rate (1 ms, where
# the default profile takes 10 ms: a cost of a microsecond or two per request needs thousands of
# samples to show). Prints which methods the request threads spend more of their samples in
# with the agent (self time), and the agent's own frames (inclusive).
#
# usage: benchmarks/scripts/profile-load.sh [warm-up s] [load s]   (default 15 40; needs
#        `mvn -B package -DskipTests` and wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/jvm-runs.sh
warmup_s=${1:-15}
load_s=${2:-40}
agent=agent/target/metrics-agent.jar
server=benchmarks/target/benchmarks.jar
out=benchmarks/target/profile-load
rm -rf "$out"
mkdir -p "$out"
require_built "$agent" "$server"
require_wrk

# The JDK's profile settings with Java method sampling every 1 ms (the JVM reads each event's
# setting as written; the selections above them are for tools).
sed 's|control="method-sampling-java-interval">[^<]*<|control="method-sampling-java-interval">1 ms<|' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >"$out/sampling.jfc"

app_port=18281
hello=http://127.0.0.1:$app_port/hello
declare -A jvm_args=([none]="" [metrics-agent]="-javaagent:$agent=port=19564")
for config in none metrics-agent; do
  require_free_port $app_port
  # shellcheck disable=SC2086
  java -Xms256m -Xmx256m ${jvm_args[$config]} -cp "$server" dev.metricsagent.benchmarks.server.HelloWorldServer \
    $app_port "$out/tomcat-$config" >"$out/$config.log" 2>&1 &
  pid=$!
  trap "stop_jvm $pid" EXIT
  await_200 "$hello" $pid "$out/$config.log"
  require_listener $app_port $pid
  wrk -t1 -c10 -d"${warmup_s}s" "$hello" >/dev/null
  jcmd $pid JFR.start name=profile-load settings="$PWD/$out/sampling.jfc" filename="$PWD/$out/$config.jfr" >/dev/null
  echo "$config: $(wrk -t1 -c10 -d"${load_s}s" "$hello" | grep Requests/sec)"
  jcmd $pid JFR.stop name=profile-load >/dev/null
  stop_jvm $pid
  trap - EXIT
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$out/$config.jfr" >"$out/$config.samples"
done
python3 benchmarks/scripts/jfr-compare.py "$out/none.samples" "$out/metrics-agent.samples"
