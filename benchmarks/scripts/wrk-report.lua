-- wrk's done() hook: the figures benchmarks/scripts/http-load.sh needs, one "name value" per
-- line, exact (wrk's own summary rounds). Latencies come from LatencyLoad instead: on this
-- project's machine wrk's do not add up (docs/performance.md, "Latency under load").
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("duration_us %d\n", summary.duration))
  io.write(string.format("errors %d\n",
    errors.connect + errors.read + errors.write + errors.timeout + errors.status))
end
