-- GET one path with optional headers (BENCH_PATH, BENCH_AUTH bearer token, BENCH_COOKIE), and print
-- the percentiles wrk does not print by itself, p95 among them.
local path = os.getenv("BENCH_PATH") or "/"
local auth = os.getenv("BENCH_AUTH")
local cookie = os.getenv("BENCH_COOKIE")

function request()
  local headers = {}
  if auth and auth ~= "" then headers["Authorization"] = "Bearer " .. auth end
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("requests %d, %.0f/s, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.requests / (summary.duration / 1e6), errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
