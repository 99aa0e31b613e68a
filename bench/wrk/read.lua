-- (a) The read mix of a browsing app: shop listing by distance 30%, shop info 25%, goods list 20%,
-- customer poll 15%, personal 10%. args: tokens file, shop count.
local c = require "common"
c.install()
local next_request
local tokens, shops

local function build()
  local token = tokens[math.random(#tokens)][1]
  local sid = math.random(shops)
  local r = math.random(100)
  if r <= 30 then
    local long, lat = c.position()
    return c.get(string.format("/user/shop?city=1&long=%.6f&lat=%.6f&offset=0&count=10", long, lat), token)
  elseif r <= 55 then
    return c.get("/user/shop/info?sid=" .. sid, token)
  elseif r <= 75 then
    return c.get("/user/goods?sid=" .. sid .. "&offset=0&count=10", token)
  elseif r <= 90 then
    return c.get("/user/shop/customer?sid=" .. sid, token)
  end
  return c.get("/user/personal", token)
end

function init(args)
  c.init_thread()
  tokens = c.lines(args[1])
  shops = tonumber(args[2])
  next_request = c.pool(build)
end

function request() return next_request() end

