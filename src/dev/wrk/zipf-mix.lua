-- The cache benchmark's requests for wrk (see docs/benchmark.md). Arguments after `--`:
--   1: a file with one issue per line, "<id> <version>", rank 1 (the most read) first;
--   2: the Authorization header of the voting user (mix mode's writes);
--   3: the mode:
--      static  GET /resources/css/app.css (what the server answers at best, through the same script);
--      reads   GET /api/issues/{id}, ids Zipf-distributed over every line of the file (wrk's -H headers are sent,
--              so `-H "Authorization: Bearer ..."` makes it the token-authenticated read);
--      etag    the same with If-None-Match: "<version>" from the file: every answer should be 304, and the
--              script counts the others (printed as "non-304: N of M" when wrk ends);
--      lists   GET /api/issues?size=25&page=0..9&sort=newest|oldest|votes|updated;
--      mix     (default) 75 % reads as above, 10 % list pages (by votes, pages 0-4), 5 % the summary report,
--              10 % vote or unvote on a uniformly chosen issue with the header of argument 2.
-- Zipf with s = 1: a few issues are read very often, most rarely, as on a real tracker.
local ids = {}
local versions = {}
local cdf = {}
local auth
local mode
local threads = {}
-- globals, so that done() can read each thread's through thread:get
answers = 0
other = 0

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(args[1]) do
    local id, version = line:match("^(%S+)%s*(%S*)")
    if id then
      ids[#ids + 1] = id
      versions[#ids] = version
    end
  end
  local total = 0
  for k = 1, #ids do
    total = total + 1 / k
    cdf[k] = total
  end
  for k = 1, #ids do cdf[k] = cdf[k] / total end
  auth = args[2]
  mode = args[3] or "mix"
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  if mode == "etag" then
    -- wrk parses headers and bodies for the script only where a response function exists after init
    response = function(status, headers, body)
      answers = answers + 1
      if status ~= 304 then other = other + 1 end
    end
  end
end

local function rank()
  local u = math.random()
  local lo, hi = 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return lo
end

local sorts = { "newest", "oldest", "votes", "updated" }

function request()
  if mode == "static" then
    return wrk.format("GET", "/resources/css/app.css")
  elseif mode == "reads" then
    return wrk.format("GET", "/api/issues/" .. ids[rank()])
  elseif mode == "etag" then
    local k = rank()
    return wrk.format("GET", "/api/issues/" .. ids[k], { ["If-None-Match"] = '"' .. versions[k] .. '"' })
  elseif mode == "lists" then
    return wrk.format("GET", "/api/issues?size=25&page=" .. math.random(0, 9) .. "&sort=" .. sorts[math.random(#sorts)])
  end
  local r = math.random()
  if r < 0.10 then
    local method = (math.random() < 0.5) and "POST" or "DELETE"
    return wrk.format(method, "/api/issues/" .. ids[math.random(#ids)] .. "/votes", { ["Authorization"] = auth }, "")
  elseif r < 0.20 then
    return wrk.format("GET", "/api/issues?sort=votes&page=" .. math.random(0, 4))
  elseif r < 0.25 then
    return wrk.format("GET", "/api/reports/summary")
  end
  return wrk.format("GET", "/api/issues/" .. ids[rank()])
end

-- done() runs in wrk's main Lua state, where init() never ran: the threads' counts tell whether this was etag mode
function done(summary, latency, requests)
  local n, bad = 0, 0
  for _, thread in ipairs(threads) do
    n = n + (thread:get("answers") or 0)
    bad = bad + (thread:get("other") or 0)
  end
  if n > 0 then
    io.write(string.format("non-304: %d of %d\n", bad, n))
  end
end
