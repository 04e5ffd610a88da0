-- wrk script for bench/http.sh: POSTs the JSON file named by $BODY_FILE on every request.
local path = os.getenv("BODY_FILE")
assert(path, "set BODY_FILE to the JSON body to post")
local f = assert(io.open(path, "rb"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local token = os.getenv("TOKEN")
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
end
