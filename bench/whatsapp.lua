-- POST /webhooks/whatsapp: each request one WhatsApp Cloud API delivery, signed with
-- X-Hub-Signature-256, from a sender of its own (so every message is one new report).
-- The bodies and signatures are made beforehand by bench/whatsapp.sh (wrk's Lua has no HMAC):
-- wa-<thread>.txt holds "signature<TAB>body" lines; a thread never sends a line twice.
local thread_id = 0
local lines = {}
local next_line = 1

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  local file = (os.getenv("BENCH_DIR") or ".") .. "/" .. (os.getenv("BENCH_SET") or "wa") .. "-" .. tid .. ".txt"
  for line in io.lines(file) do
    lines[#lines + 1] = line
  end
end

function request()
  local line = lines[next_line]
  if line == nil then
    error("out of prepared messages: make more (MESSAGES)")
  end
  next_line = next_line + 1
  local tab = string.find(line, "\t", 1, true)
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["X-Hub-Signature-256"] = string.sub(line, 1, tab - 1)
  return wrk.format("POST", "/webhooks/whatsapp", headers, string.sub(line, tab + 1))
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d, non-2xx/3xx: %d, errors: connect %d read %d write %d timeout %d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
end
