-- wrk script: prints one tab-separated line after the run: requests per second, p50 and p99 latency in
-- milliseconds, responses with a status of 400 or more, socket errors (connect, read, write, timeout).
-- Loaded by post.lua, or alone for the GET anchors.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT\t%.0f\t%.1f\t%.1f\t%d\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, summary.requests))
end
