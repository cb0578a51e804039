-- wrk script: POSTs the packets listed in the file named by $PACKETS (one path per line) to
-- /v1/validate in turn, with $TOKEN as a bearer token when set; prints RESULT lines.
local requests = {}
local counter = 0

function init(args)
  local list = os.getenv("PACKETS")
  local token = os.getenv("TOKEN")
  local headers = { ["Content-Type"] = "application/xml" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  for path in io.lines(list) do
    local file = assert(io.open(path, "rb"))
    local body = file:read("*a")
    file:close()
    requests[#requests + 1] = wrk.format("POST", "/v1/validate?asOf=" .. (os.getenv("AS_OF") or "2026-11-20"), headers, body)
  end
end

function request()
  counter = counter + 1
  return requests[counter % #requests + 1]
end

function done(summary, latency, requests_)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
