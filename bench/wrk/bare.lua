-- The reference ceiling: a constant JSON from a bare ASP.NET Core endpoint.
local c = require "common"
c.install()
function init(args) c.init_thread() end
function request() return c.get("/bare") end
