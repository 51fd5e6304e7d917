-- POST /api/v1/reports/{code}/actions/forward as the national admin, each request on a report
-- created by create.lua that no other request touches (codes-<thread>.txt, one file per thread).
local thread_id = 0
local codes = {}
local index = 0
local token = os.getenv("BENCH_TOKEN")

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  for line in io.lines((os.getenv("BENCH_DIR") or ".") .. "/codes-" .. tid .. ".txt") do
    codes[#codes + 1] = line
  end
end

function request()
  index = index + 1
  if index > #codes then
    -- out of fresh reports: keep the connection busy with a read of the last one
    return wrk.format("GET", "/api/v1/reports/" .. codes[#codes], { ["Authorization"] = "Bearer " .. token })
  end
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["Authorization"] = "Bearer " .. token
  return wrk.format("POST", "/api/v1/reports/" .. codes[index] .. "/actions/forward", headers,
    '{"jurisdiction":"JAMBI","note":"Diteruskan ke Admin Koordinator"}')
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx: %d, errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
