-- (b) The write mix: enter/exit a shop, follow/unfollow, favourite/unfavourite, edit an address,
-- in equal parts. args: tokens file (token accID addrID), shop count, goods count.
local c = require "common"
c.install()
local next_request
local tokens, shops, goods

local function build()
  local row = tokens[math.random(#tokens)]
  local token = row[1]
  local sid = math.random(shops)
  local gid = math.random(goods)
  local r = math.random(7)
  if r == 1 then return c.send("POST", "/user/shop/enter?sid=" .. sid, token)
  elseif r == 2 then return c.send("POST", "/user/shop/exit?sid=" .. sid, token)
  elseif r == 3 then return c.send("POST", "/user/shop/concern?sid=" .. sid, token)
  elseif r == 4 then return c.send("DELETE", "/user/shop/concern?sid=" .. sid, token)
  elseif r == 5 then return c.send("POST", "/user/goods/concern?gid=" .. gid, token)
  elseif r == 6 then return c.send("DELETE", "/user/goods/concern?gid=" .. gid, token)
  end
  local body = string.format('{"addrID":%s,"name":"收件人%d","phone":"13900139000","address":"深圳市南山区科技园%d号","postcode":"518057"}',
    row[3], math.random(999), math.random(999))
  return c.send("POST", "/user/address", token, body)
end

function init(args)
  c.init_thread()
  tokens = c.lines(args[1])
  shops = tonumber(args[2])
  goods = tonumber(args[3])
  next_request = c.pool(build)
end

function request() return next_request() end

