-- wrk script: POST /orders on one hot SKU, one customer per request drawn from a large space so the
-- per-customer rate limit does not shape the run. The SKU comes from the environment (BENCH_SKU).
local sku = os.getenv("BENCH_SKU") or "hot"
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  math.randomseed(os.time() + id * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local customer = string.format("c%d-%d", id, math.random(1, 100000000))
  local body = string.format('{"customerId":"%s","items":[{"sku":"%s","quantity":1}]}', customer, sku)
  return wrk.format(nil, "/orders", nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("wrk: requests=%d errors_non2xx=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
