#!/usr/bin/env bash
# The starter's endpoint against a bare Spring MVC endpoint in the same service (benchmarks-http: POST /callback takes
# @RequestBody Callback, POST /bare the body as bytes), loaded by wrk with 32 keep-alive connections on loopback,
# alternating, for each de-duplication store given (memory, jdbc over a PostgreSQL started here, redis over a
# redis-server started here). Each request carries the seed's TTS callback (XML, then JSON) with a JobId of its own.
# Prints requests per second, p50 and p99 latency, and the ratio starter / bare of each round's pair.
#
#   benchmarks/endpoint.sh [STORE...]     stores: memory jdbc redis (default: all three)
#   ROUNDS=3 DURATION=10s CONNECTIONS=32 THREADS=2 benchmarks/endpoint.sh memory
#   PG_OPTIONS="-c synchronous_commit=off" benchmarks/endpoint.sh jdbc    (extra settings of the PostgreSQL started)
#
# Needs wrk (Debian package wrk), and for the shared stores PostgreSQL and redis-server (bin/install-test-tools).
set -euo pipefail
cd "$(dirname "$0")/.."
stores=("$@")
[[ ${#stores[@]} -gt 0 ]] || stores=(memory jdbc redis)
rounds=${ROUNDS:-3}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
port=${PORT:-18080}
command -v wrk >/dev/null || { echo "endpoint.sh: wrk is needed (apt-get install wrk)" >&2; exit 2; }

mvn -B -q -DskipTests -pl benchmarks-http -am package
jar=$(ls benchmarks-http/target/ci-callback-benchmarks-http-*.jar | grep -v original | head -1)

work=$(mktemp -d)
chmod 755 "$work"
app=""
pg_data=""
redis_pid=""
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -z $app ]] || kill "$app" 2>/dev/null || true
  [[ -z $redis_pid ]] || kill "$redis_pid" 2>/dev/null || true
  [[ -z $pg_data ]] || as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The bodies: the seed's TTS callback in both forms, its JobId a placeholder for the wrk script.
for form in xml json; do
  sed 's/j707f4864f86811ecb90d0b03267ce0e5/@JOBID@/' "schema/examples/$form/valid-seed-case1-task-api.$form" \
    >"$work/body.$form"
done

start_app() { # start_app ARGS...: the service on $port, waiting until it answers
  java -jar "$jar" --server.port="$port" "$@" >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null -X POST --data-binary x "http://127.0.0.1:$port/bare"; then return; fi
    kill -0 "$app" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "endpoint.sh: the service did not start" >&2; cat "$work/app.log" >&2; exit 1
}
stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=""; }

load() { # load PATH FORM SECONDS: "requests/s p50 p99" of one wrk run
  local type=application/xml
  [[ $2 == json ]] && type=application/json
  wrk -t"$threads" -c"$connections" -d"$3" --latency -s benchmarks/http/post.lua "http://127.0.0.1:$port$1" \
    -- "$work/body.$2" "$type" >"$work/wrk.out"
  if grep -q "Non-2xx" "$work/wrk.out"; then
    echo "endpoint.sh: $1 answered other than 2xx:" >&2; cat "$work/wrk.out" >&2; exit 1
  fi
  awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} END {print rps, p50, p99}' "$work/wrk.out"
}

echo "| store | body | round | bare req/s | bare p50 | bare p99 | starter req/s | starter p50 | starter p99 | starter / bare |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for store in "${stores[@]}"; do
  case $store in
    memory) start_app ;;
    jdbc)
      pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
      pg_data=$work/pg
      mkdir -p "$pg_data"
      [[ $(id -u) != 0 ]] || chown postgres "$pg_data"   # PostgreSQL refuses to run as root
      as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust >/dev/null
      as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
        -o "-p 15432 -k $pg_data -c listen_addresses=127.0.0.1 ${PG_OPTIONS:-}" start >/dev/null
      start_app --ci-callback.deduplication.store=jdbc --spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/postgres \
        --spring.datasource.username=postgres
      ;;
    redis)
      redis-server --port 16379 --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
      redis_pid=$!
      sleep 1
      start_app --ci-callback.deduplication.store=redis --spring.data.redis.host=127.0.0.1 --spring.data.redis.port=16379
      ;;
    *) echo "endpoint.sh: unknown store \"$store\" (memory, jdbc, redis)" >&2; exit 2 ;;
  esac
  for form in xml json; do
    load /bare "$form" 5s >/dev/null   # warm-up of both endpoints
    load /callback "$form" 5s >/dev/null
    for round in $(seq 1 "$rounds"); do
      read -r bare_rps bare_p50 bare_p99 < <(load /bare "$form" "$duration")
      read -r ours_rps ours_p50 ours_p99 < <(load /callback "$form" "$duration")
      ratio=$(awk -v a="$ours_rps" -v b="$bare_rps" 'BEGIN {printf "%.2f", a / b}')
      echo "| $store | $form | $round | $bare_rps | $bare_p50 | $bare_p99 | $ours_rps | $ours_p50 | $ours_p99 | ${ratio}x |"
    done
  done
  stop_app
done
