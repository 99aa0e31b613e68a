-- The reference ceiling: a constant JSON from a bare ASP.NET Core endpoint.
local c = require "common"
c.install()
local next_request

function init(args)
  c.init_thread()
  next_request = c.pool(function() return c.get("/bare") end)
end

function request() return next_request() end
