-- The cache benchmark's request mix for wrk (see docs/benchmark.md). Arguments after `--`:
--   1: a file with one issue id per line (rank 1 first), 2: the Authorization header of the voting user,
--   3: "mix" (default), "reads" (only single-issue reads, to compare what one cached read costs) or "queries"
--      (only list pages and the summary report: what a cached query costs against the scan it saves).
-- Reads pick issues with a Zipf distribution (s = 1): a few are read very often, most rarely, as on a real
-- tracker. Writes (vote / unvote) pick any issue, uniformly. 75 % read one issue, 10 % read a page of the list,
-- 5 % the summary report, 10 % write.
local ids = {}
local cdf = {}
local auth
local mode

function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  local total = 0
  for k = 1, #ids do
    total = total + 1 / k
    cdf[k] = total
  end
  for k = 1, #ids do cdf[k] = cdf[k] / total end
  auth = args[2]
  mode = args[3] or "mix"
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

local function zipf()
  local u = math.random()
  local lo, hi = 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return ids[lo]
end

local sorts = { "newest", "votes", "updated", "oldest" }

function request()
  if mode == "reads" then
    return wrk.format("GET", "/api/issues/" .. zipf())
  elseif mode == "queries" then
    if math.random() < 0.2 then
      return wrk.format("GET", "/api/reports/summary")
    end
    return wrk.format("GET", "/api/issues?sort=" .. sorts[math.random(#sorts)] .. "&page=" .. math.random(0, 9))
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
  return wrk.format("GET", "/api/issues/" .. zipf())
end
