-- (d) Scale: the nearest-first shop listing of a city with 5,000 shops, from random positions,
-- all categories or one parent category. args: tokens file.
local c = require "common"
c.install()
local next_request
local tokens

local function build()
  local long, lat = c.position()
  local category = math.random(2) == 1 and "" or ("&category=" .. math.random(5))
  return c.get(string.format("/user/shop?city=1&long=%.6f&lat=%.6f&offset=0&count=10%s", long, lat, category),
    tokens[math.random(#tokens)][1])
end

function init(args)
  c.init_thread()
  tokens = c.lines(args[1])
  next_request = c.pool(build)
end

function request() return next_request() end

