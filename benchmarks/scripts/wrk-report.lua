-- wrk's done() hook: the figures benchmarks/scripts/http-load.sh needs, one "name value" per
-- line, in exact units (wrk's own summary rounds and switches between us, ms and s).
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("duration_us %d\n", summary.duration))
  io.write(string.format("p50_us %d\n", latency:percentile(50)))
  io.write(string.format("p99_us %d\n", latency:percentile(99)))
  io.write(string.format("errors %d\n",
    errors.connect + errors.read + errors.write + errors.timeout + errors.status))
end
