-- wrk script for benchmarks/endpoint.sh: POSTs the body file given as the first argument, of the content type given as
-- the second, each request with a JobId of its own (the file's @JOBID@ replaced by 33 characters: a letter, the
-- thread's number and a counter), so that the starter's de-duplication lets every request through to the method.
-- thread_id is a global of each thread's state, set by setup() through thread:set.
local body, counter = nil, 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = args[2]
end

function request()
  counter = counter + 1
  local job = string.format("j%02d%030d", thread_id or 0, counter)
  return wrk.format(nil, nil, nil, (body:gsub("@JOBID@", job)))
end
