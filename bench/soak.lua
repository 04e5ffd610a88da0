-- wrk script for bench/soak.sh: posts the case in $BODY_FILE to POST /api/v1/decisions, each time with a case id of
-- its own ($CASE_PREFIX, the thread, a counter), and counts every answer by kind. At $STOP_AT (epoch seconds) it
-- stops asking for decisions and only reads /q/health/live, so that when wrk stops at the end of -d no decision is
-- in flight: every decision the service recorded has been answered and counted. (A decision still unanswered when
-- wrk stops would be a record without a counted 200.)
-- done() prints one "soak <key> <value>" line per figure, summed over the threads, for soak.sh to read.
local path = assert(os.getenv("BODY_FILE"), "set BODY_FILE to the JSON case to post")
local f = assert(io.open(path, "rb"))
local template = f:read("*a")
f:close()
assert(template:find('"caseId"%s*:%s*"[^"]*"'), "the case in BODY_FILE has no caseId")

local prefix = assert(os.getenv("CASE_PREFIX"), "set CASE_PREFIX")
local stop_at = tonumber(os.getenv("STOP_AT") or "0")
local cut_end = tonumber(os.getenv("CUT_END") or "0")   -- when the database comes back (cut phase), else 0
local token = assert(os.getenv("TOKEN"), "set TOKEN to a servicer's token")

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

-- per thread; globals, so that done() can read them with thread:get
n = 0
c = {}
versions = {}
last_503 = 0
local function add(key) c[key] = (c[key] or 0) + 1 end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

local health_headers = { ["Authorization"] = "Bearer " .. token }

function request()
  if stop_at > 0 and os.time() >= stop_at then
    return wrk.format("GET", "/q/health/live", health_headers, nil)
  end
  n = n + 1
  local id = string.format("%s%d-%d", prefix, tid, n)
  local body = template:gsub('"caseId"%s*:%s*"[^"]*"', '"caseId": "' .. id .. '"', 1)
  return wrk.format("POST", "/api/v1/decisions", nil, body)
end

local function header(headers, name)
  for k, v in pairs(headers) do
    if k:lower() == name then return v end
  end
  return nil
end

-- While draining, a health read every 50 ms per connection is enough: nothing is left to measure.
function delay()
  if stop_at > 0 and os.time() >= stop_at then return 50 end
  return 0
end

function response(status, headers, body)
  if body:find('"checks"', 1, true) then           -- a health read while draining
    if status == 200 then add("drain") else add("drain_bad") end
    return
  end
  local now = os.time()
  if status == 200 then
    add("s200")
    local count, version = 0, nil
    for v in body:gmatch('"rulesetVersion"%s*:%s*"([^"]*)"') do
      count = count + 1
      version = v
    end
    if count == 1 and body:find('"decisionId"', 1, true) then
      versions[version] = (versions[version] or 0) + 1
    else
      add("s200_bad")                               -- a decision that does not name exactly one ruleset version
    end
    if cut_end > 0 and now > cut_end then add("s200_after_cut") end
  elseif status == 503 then
    add("s503")
    local ctype = header(headers, "content-type") or ""
    if not (ctype:find("application/problem+json", 1, true) and header(headers, "retry-after")
            and body:find("database-unavailable", 1, true)) then
      add("s503_bad")                               -- a 503 that is not the database-unavailable problem
    end
    if now > last_503 then last_503 = now end
  else
    add("other")
    add("s" .. status)
    if (c.other or 0) <= 3 then
      io.stderr:write(string.format("soak.lua: status %d: %s\n", status, body:sub(1, 400)))
    end
  end
end

-- wrk's thread:get copies tables between Lua states, so the per-thread figures reach done() intact.
function done(summary, latency, requests)
  local total, vtotal = {}, {}
  local last = 0
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("c") or {}) do total[k] = (total[k] or 0) + v end
    for k, v in pairs(thread:get("versions") or {}) do vtotal[k] = (vtotal[k] or 0) + v end
    local l = thread:get("last_503") or 0
    if l > last then last = l end
  end
  for _, k in ipairs({ "s200", "s200_bad", "s200_after_cut", "s503", "s503_bad", "other", "drain", "drain_bad" }) do
    print(string.format("soak %s %d", k, total[k] or 0))
    total[k] = nil
  end
  for k, v in pairs(total) do print(string.format("soak %s %d", k, v)) end
  for v, count in pairs(vtotal) do print(string.format("soak version %s %d", v, count)) end
  print(string.format("soak last_503 %d", last))
  local e = summary.errors
  print(string.format("soak socket_errors %d", e.connect + e.read + e.write + e.timeout))
  print(string.format("soak socket_detail connect=%d,read=%d,write=%d,timeout=%d", e.connect, e.read, e.write, e.timeout))
  print(string.format("soak requests %d", summary.requests))
end
