# Sourced by the benchmark scripts: what every whole-process measurement does with its JVMs.
# Expects to run from the repository root.

otel_version=2.22.0
otel=benchmarks/target/otel/opentelemetry-javaagent-$otel_version.jar

# The OpenTelemetry Java agent from Maven Central, fetched once.
fetch_otel() {
  if [ ! -f "$otel" ]; then
    mvn -B -q dependency:copy -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$otel_version \
      -DoutputDirectory=benchmarks/target/otel >/dev/null
  fi
}

# Fails unless every file given exists: the jars a script measures are built, not fetched.
require_built() {
  local file
  for file in "$@"; do
    [ -f "$file" ] || { echo "$file is missing; build first: mvn -B package -DskipTests" >&2; exit 1; }
  done
}

# Fails unless wrk, the load generator, is installed.
require_wrk() {
  command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
}

# Fails when something already listens on a port: a result must never come from another
# engineer's or an earlier run's server.
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is in use; stop what listens there (ss -ltnp | grep $1)" >&2
    exit 1
  fi
}

# Waits for the first HTTP 200 from a URL, failing if the JVM dies first.
await_200() {
  local url=$1 pid=$2 log=$3
  until curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null | grep -q 200; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the JVM died, see $log" >&2; exit 1; fi
    sleep 0.005
  done
}

# Fails unless the JVM measured is the process listening on the port it was given.
require_listener() {
  local port=$1 pid=$2
  if ! ss -ltnpH "sport = :$port" | grep -q "pid=$pid,"; then
    echo "port $port is served by another process than JVM $pid: $(ss -ltnpH "sport = :$port")" >&2
    exit 1
  fi
}

# SIGTERM, then SIGKILL after 10 s, so that a hanging shutdown never stalls the suite.
stop_jvm() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  echo "JVM $pid did not stop on SIGTERM within 10 s; killed" >&2
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat; the command
# name in field 2 may hold spaces, so count from the closing parenthesis).
cpu_ticks() {
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# Resident set size of a process, KiB.
rss_kib() {
  awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

# Median seconds of 20 timed GETs after 10 unmeasured ones (which let the JIT compile the
# exposition code); extra arguments go to curl.
median_get_seconds() {
  local i
  for i in $(seq 1 10); do curl -s -o /dev/null "$@"; done
  for i in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done |
    sort -n | awk '{ t[NR] = $1 } END { print (t[10] + t[11]) / 2 }'
}

# Garbage collections of a JVM so far, "<count> <pause milliseconds>" (jstat's GC and GCT: every
# collector, young and old).
gc_count_and_ms() {
  jstat -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%d %d\n", $col["YGC"] + $col["FGC"] + $col["CGC"], ($col["GCT"]) * 1000 }'
}
