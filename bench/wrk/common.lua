-- Shared by every scenario: counts answers that are not HTTP 200 with "err":0 as errors (MMX
-- answers failures with 200 and a non-zero err), loads the tokens the loader wrote, and prints
-- one machine-readable RESULT line that bench/report.py reads.
local M = {}
local threads = {}
local next_id = 0

function M.setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function M.init_thread()
  errors = 0
  math.randomseed(os.time() * 1000 + (id or 0))
end

function M.response(status, headers, body)
  if status ~= 200 or not string.find(body, '"err":0', 1, true) then errors = errors + 1 end
end

function M.done(summary, latency, requests)
  local errs = 0
  for _, t in ipairs(threads) do errs = errs + (t:get("errors") or 0) end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errs, e.connect + e.read + e.write + e.timeout))
end

-- Lines of "field field field" from a file, as arrays of strings.
function M.lines(path)
  local rows = {}
  for line in io.lines(path) do
    local row = {}
    for field in string.gmatch(line, "%S+") do table.insert(row, field) end
    if #row > 0 then table.insert(rows, row) end
  end
  return rows
end

-- A random position in the data set's 20 km square (bench/Mmx.Bench/DataSet.cs).
function M.position()
  return 114.05 + (math.random() * 2 - 1) * 0.0973, 22.54 + (math.random() * 2 - 1) * 0.0899
end

function M.get(path, token)
  return wrk.format("GET", path, token and { ["Authorization"] = "Bearer " .. token } or nil)
end

function M.send(method, path, token, body)
  local headers = { ["Authorization"] = "Bearer " .. token }
  if body then headers["Content-Type"] = "application/json" end
  return wrk.format(method, path, headers, body)
end

-- Requests built ahead, in init, and sent in turn: formatting one per send made wrk spend CPU in
-- Lua that the server under test then lacked (2 cores shared). The pool is large and built from
-- the scenario's random choices, so its mix is the scenario's; every script, the bare reference
-- included, sends from a pool, so each pays the same to send.
function M.pool(make, size)
  local pool = {}
  for i = 1, size or tonumber(os.getenv("BENCH_POOL") or "") or 50000 do pool[i] = make() end
  local n = 0
  return function()
    n = n % #pool + 1
    return pool[n]
  end
end

-- Wires the shared callbacks into a scenario script's globals.
function M.install()
  setup = M.setup
  response = M.response
  done = M.done
end

return M
