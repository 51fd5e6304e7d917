-- POST /api/v1/reports with a unique Idempotency-Key per request, as the mobile app sends it.
-- Writes every tracking code it gets back to codes-<thread>.txt for the transition benchmark.
local counter = 0
local thread_id = 0
local out

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  out = io.open((os.getenv("BENCH_DIR") or ".") .. "/codes-" .. tid .. ".txt", "w")
end

local body = [[{"type":"COMPLAINT","title":"Jalan berlubang di Jl. Sudirman","description":"Sejak dua minggu jalan berlubang dan membahayakan pengendara motor di depan pasar.","category":"JALAN_JEMBATAN","occurredOn":"2026-11-20","location":{"address":"Jl. Sudirman","regency":"Kota Jambi","latitude":-1.61,"longitude":103.61},"anonymous":false,"confidential":false,"reporter":{"name":"Budi","email":"budi@example.com","phone":"0812-3456-7890"}}]]

function request()
  counter = counter + 1
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "bench-" .. tid .. "-" .. counter .. "-" .. os.time()
  return wrk.format("POST", "/api/v1/reports", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    local code = string.match(body, '"trackingCode":"([%d-]+)"')
    if code then out:write(code, "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx: %d, errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
