-- (c) Logins by phone and password: each one pays the password KDF. args: logins file (phone password).
local c = require "common"
c.install()
local next_request
local logins

local function build()
  local row = logins[math.random(#logins)]
  local body = string.format('{"mode":2,"type":4,"phone":"%s","password":"%s","dev":"wrk"}', row[1], row[2])
  return wrk.format("POST", "/user/login", { ["Content-Type"] = "application/json" }, body)
end

function init(args)
  c.init_thread()
  logins = c.lines(args[1])
  next_request = c.pool(build)
end

function request() return next_request() end

