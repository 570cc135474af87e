-- wrk script: POSTs the bodies found in a folder (files 0, 1, 2, ... written by throughput_bodies.py), one per
-- request, cycling, with the given Content-Type.  wrk ... -s post.lua URL -- FOLDER CONTENT_TYPE
local bodies, next_body, content_type = {}, 1, nil
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  local folder = args[1]
  content_type = args[2]
  local i = 0
  while true do
    local file = io.open(folder .. "/" .. i, "rb")
    if file == nil then break end
    bodies[#bodies + 1] = file:read("*a")
    file:close()
    i = i + 1
  end
  if #bodies == 0 then error("no request bodies in " .. folder) end
  -- each thread starts at a different place so the threads do not send the same images in step
  next_body = ((id or 0) * 97) % #bodies + 1
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, { ["Content-Type"] = content_type }, body)
end

dofile(os.getenv("DIGITS_WRK_REPORT"))
