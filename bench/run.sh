#!/usr/bin/env bash
# The benchmark: one command, on this machine, loopback only.
#   bash bench/run.sh
# Builds Release, loads the data set (bench/Mmx.Bench load) into the embedded default and into
# cluster mode (2 silos + API client, PostgreSQL), drives each scenario with wrk, measures the
# reference endpoints (a bare ASP.NET Core endpoint; pgbench select-only and one-row UPDATE on the
# same PostgreSQL), the KDF's cost and the memory of 1,000,000 user grains, and prints one table
# (also written to bench/results/<time>/results.md). See bench/README.md for the settings.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION="${BENCH_DURATION:-15}"; WARMUP="${BENCH_WARMUP:-40}"; WARMUP_MAX="${BENCH_WARMUP_MAX:-240}"; CONNECTIONS="${BENCH_CONNECTIONS:-64}"; THREADS="${BENCH_THREADS:-2}"
SHOPS="${BENCH_SHOPS:-5000}"; GOODS="${BENCH_GOODS:-50000}"; USERS="${BENCH_USERS:-20000}"
MEMORY_GRAINS="${BENCH_MEMORY_GRAINS:-1000000}"; MODES="${BENCH_MODES:-embedded cluster events chat}"
COLD_SECONDS="${BENCH_COLD_SECONDS:-60}"; EVENT_STREAMS="${BENCH_EVENT_STREAMS:-10000}"; EVENT_FANS="${BENCH_EVENT_FANS:-100000}"
CHAT_SOCKETS="${BENCH_CHAT_SOCKETS:-10000}"; CHAT_PAIRS="${BENCH_CHAT_PAIRS:-50}"
# Each measurement is repeated and the report takes the median: this machine is shared, and one
# 15 s run can land in a neighbour's busy moment.
REPEAT="${BENCH_REPEAT:-3}"
OUT="${BENCH_OUT:-$ROOT/bench/results/$(date +%Y%m%d-%H%M%S)}"
BENCH_DLL="$ROOT/bench/Mmx.Bench/bin/Release/net10.0/Mmx.Bench.dll"
API_DLL="$ROOT/Mmx.Api/bin/Release/net10.0/Mmx.Api.dll"
KEY="bench-admin-key-0123456789"
PIDS=()
mkdir -p "$OUT"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  MMX_DATA="$OUT/cluster" bash scripts/local-cluster.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done; echo "timed out waiting for $1" >&2; return 1; }

# Tools: wrk and PostgreSQL (with pgbench) from Debian's packages.
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
bash scripts/ensure-postgres.sh
PGBENCH=/usr/lib/postgresql/15/bin/pgbench

log "building (Release)"
dotnet build Mmx.sln -c Release -v quiet -nologo >/dev/null
dotnet build bench/Mmx.Bench -c Release -v quiet -nologo >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true # idle compiler servers hold memory

# CPU time while a measurement runs, in clock ticks: of the processes that serve it (SERVER_PIDS;
# in cluster mode PostgreSQL's processes too) and of the whole machine (wrk included). Per request,
# they show where a ratio comes from: a request that costs more CPU than the bare one is slower on
# a saturated machine by as much.
HZ=$(getconf CLK_TCK)
server_ticks() {
  local total=0 pid
  for pid in ${SERVER_PIDS:-} $( [ -n "${WITH_POSTGRES:-}" ] && pgrep -u postgres ); do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# wrk writes RESULT lines; each run's whole output is kept next to the table as <name>.<n>.txt
# (report.py takes the median of the repeats), with a CPU line after it.
wrk_once() { # name n url script [script args...] (connections from WRK_CONNECTIONS)
  local name=$1 n=$2 url=$3 script=$4; shift 4
  log "wrk $name ($n): -t$THREADS -c${WRK_CONNECTIONS:-$CONNECTIONS} -d${DURATION}s"
  local server0 machine0; server0=$(server_ticks); machine0=$(machine_ticks)
  (cd "$ROOT/bench/wrk" && wrk -t"$THREADS" -c"${WRK_CONNECTIONS:-$CONNECTIONS}" -d"${DURATION}s" --timeout 10s \
    -s "$script" "$url" -- "$@") >"$OUT/$name.$n.txt" 2>&1
  echo "CPU server_ticks=$(( $(server_ticks) - server0 )) machine_ticks=$(( $(machine_ticks) - machine0 )) hz=$HZ" >>"$OUT/$name.$n.txt"
  grep RESULT "$OUT/$name.$n.txt" >&2 || { cat "$OUT/$name.$n.txt" >&2; return 1; }
}
run_wrk() { # name url script [script args...] (repeats from RUNS)
  local name=$1; shift
  for n in $(seq 1 "${RUNS:-$REPEAT}"); do wrk_once "$name" "$n" "$@"; done
}

# A scenario measured against its references pair by pair: each repeat runs the bare endpoint
# (kept running, idle meanwhile), then, if REFERENCE_PGBENCH names one, pgbench's select-only or
# UPDATE, then the scenario, so that each ratio compares runs seconds apart: this machine's speed
# drifts by 20-40% over a 20-minute suite, which a reference measured once at the start carried
# into every ratio. report.py takes each pair's ratio and gives the median and the range.
run_pairs() { # name url script [script args...]
  local name=$1; shift
  for n in $(seq 1 "$REPEAT"); do
    SERVER_PIDS=$BARE_PID WITH_POSTGRES= wrk_once "$name-ref-bare" "$n" "$BARE_URL" bare.lua
    if [ -n "${REFERENCE_PGBENCH:-}" ]; then pgbench_once "$REFERENCE_PGBENCH" "$name-ref-pgbench" "$n"; fi
    wrk_once "$name" "$n" "$@"
  done
}

rate_limits_off() {
  export Mmx__RateLimits__SignInPerMinute=1000000 Mmx__RateLimits__SmsPerMinute=1000000 Mmx__RateLimits__BulkPerMinute=1000000 \
    Mmx__RateLimits__LookupPerMinute=1000000 Mmx__RateLimits__LookupPerAddressPerMinute=1000000 Mmx__RateLimits__AnonymousPerAddressPerMinute=1000000 Mmx__RateLimits__UnknownTokensPerAddressPerMinute=1000000 \
    Mmx__RateLimits__SessionPerMinute=1000000 Mmx__RateLimits__SessionPerAddressPerMinute=1000000
}

# Warm-up, not reported: JIT tiers and the first activation of the data set's grains, so the
# measured runs show the steady state an app in service runs in. At least WARMUP seconds, then
# 10-second runs until one is no more than 5% faster than the one before (at most WARMUP_MAX
# seconds): a cluster activates its 20,000 users' grains from PostgreSQL one request at a time,
# and a fixed 40 s left most of them cold, so its write mix was measured while still warming.
# (A first version stopped when two runs were within 10%, which a cluster climbing 9% a run met.)
warm_up() { # name url script [script args...]
  local name=$1; shift
  DURATION="$WARMUP" wrk_once "$name" 0 "$@"
  local spent=$WARMUP n=0 last=0 rate
  while [ "$spent" -lt "$WARMUP_MAX" ]; do
    n=$((n + 1)); DURATION=10 wrk_once "$name" "$n" "$@"
    rate=$(sed -n 's/^RESULT .*rps=\([0-9]*\).*/\1/p' "$OUT/$name.$n.txt")
    spent=$((spent + 10))
    if [ "$last" -gt 0 ] && [ $((rate * 100)) -le $((last * 105)) ]; then break; fi
    last=$rate
  done
  log "$name: steady after $spent s"
}

scenarios() { # mode api-url data-dir
  local mode=$1 url=$2 data=$3
  warm_up "$mode-warmup-read" "$url" read.lua "$data/tokens.txt" "$SHOPS"
  warm_up "$mode-warmup-write" "$url" write.lua "$data/tokens.txt" "$SHOPS" "$GOODS"
  REFERENCE_PGBENCH=${READ_PGBENCH:-} run_pairs "$mode-read" "$url" read.lua "$data/tokens.txt" "$SHOPS"
  REFERENCE_PGBENCH=${WRITE_PGBENCH:-} run_pairs "$mode-write" "$url" write.lua "$data/tokens.txt" "$SHOPS" "$GOODS"
  # Logins queue behind the KDF: few connections, so latency shows the KDF, not the queue.
  WRK_CONNECTIONS=4 run_wrk "$mode-login" "$url" login.lua "$data/logins.txt"
  run_pairs "$mode-scale" "$url" scale.lua "$data/tokens.txt"
}

# pgbench on the cluster's PostgreSQL (scale 10, 16 clients): select-only, or a one-row UPDATE by
# random key (wrk/pgbench-update.sql).
pgbench_once() { # select|update name n
  local kind=$1 name=$2 n=$3
  if [ "$kind" = select ]; then
    $PGBENCH $PG -S -c 16 -j "$THREADS" -T "$DURATION" pgbench >"$OUT/$name.$n.txt" 2>&1
  else
    $PGBENCH $PG -f "$ROOT/bench/wrk/pgbench-update.sql" -c 16 -j "$THREADS" -T "$DURATION" pgbench >"$OUT/$name.$n.txt" 2>&1
  fi
  log "pgbench $kind ($n): $(grep -h "^tps" "$OUT/$name.$n.txt")"
  # The UPDATEs leave dirty pages and WAL that the next run (MMX's, sharing the server) would pay
  # for: flushed here, outside every measurement (without it, 2026-12-06, the cluster write mix ran
  # at 1.3k/s in its pairs and at 1.9k/s a minute after a restart in the cold-start series).
  psql $PG -d pgbench -qc "CHECKPOINT" >/dev/null
  sleep 2
}

for n in $(seq 1 "$REPEAT"); do dotnet "$BENCH_DLL" kdf | tee "$OUT/kdf.$n.txt" >&2; done

log "reference: bare ASP.NET Core endpoint (kept running: every scenario is paired with it)"
BARE_PORT=$(free_port)
BARE_URL="http://127.0.0.1:$BARE_PORT/bare"
dotnet "$BENCH_DLL" bare --port "$BARE_PORT" >"$OUT/bare.log" 2>&1 & PIDS+=($!)
BARE_PID=${PIDS[-1]}
wait_for "$BARE_URL"
DURATION="$WARMUP" RUNS=1 SERVER_PIDS=$BARE_PID run_wrk bare-warmup "$BARE_URL" bare.lua

rate_limits_off
# The gen0 budget the cluster script and docker-compose give MMX's processes (docs/performance.md).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
if [[ " $MODES " == *" embedded "* ]]; then
  log "embedded default: co-hosted silo, memory storage"
  PORT=$(free_port)
  # TrustOpenId: the data set signs its users up through the third-party first login (see README).
  dotnet "$API_DLL" --urls "http://127.0.0.1:$PORT" --Mmx:DemoData=false --Mmx:AdminKey="$KEY" --Mmx:ThirdParty:TrustOpenId=true \
    --Mmx:Orleans:SiloPort="$(free_port)" --Mmx:Orleans:GatewayPort="$(free_port)" \
    --Mmx:Images:Folder="$OUT/images" --Logging:LogLevel:Default=Warning >"$OUT/embedded-api.log" 2>&1 & PIDS+=($!)
  wait_for "http://127.0.0.1:$PORT/health/ready"
  dotnet "$BENCH_DLL" load --api "http://127.0.0.1:$PORT" --key "$KEY" --out "$OUT/embedded" \
    --shops "$SHOPS" --goods "$GOODS" --users "$USERS" 2>&1 | tee "$OUT/embedded-load.txt" >&2
  SERVER_PIDS=${PIDS[-1]} scenarios embedded "http://127.0.0.1:$PORT" "$OUT/embedded"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
fi

if [[ " $MODES " == *" cluster "* ]]; then
  log "cluster mode: PostgreSQL, 2 silos, the API as client"
  export MMX_DATA="$OUT/cluster" PG_PORT=$(free_port) API_PORT=$(free_port) SILOS=2 MMX_SKIP_BUILD=1
  export SILO_PORT_BASE=$(free_port) GATEWAY_PORT_BASE=$(free_port) METRICS_PORT_BASE=$(free_port)
  export Mmx__AdminKey="$KEY" Mmx__ThirdParty__TrustOpenId=true Logging__LogLevel__Default=Warning
  bash scripts/local-cluster.sh start >&2
  dotnet "$BENCH_DLL" load --api "http://127.0.0.1:$API_PORT" --key "$KEY" --out "$OUT/cluster-data" \
    --shops "$SHOPS" --goods "$GOODS" --users "$USERS" 2>&1 | tee "$OUT/cluster-load.txt" >&2
  PG="-h 127.0.0.1 -p $PG_PORT -U postgres"
  psql $PG -d postgres -qc "DROP DATABASE IF EXISTS pgbench" -c "CREATE DATABASE pgbench" >/dev/null
  $PGBENCH $PG -i -s 10 -q pgbench >"$OUT/pgbench-init.txt" 2>&1
  # The cluster's read mix is paired with pgbench select-only too, its write mix with the UPDATE.
  SERVER_PIDS=$(cat "$MMX_DATA"/*.pid) WITH_POSTGRES=1 READ_PGBENCH=select WRITE_PGBENCH=update \
    scenarios cluster "http://127.0.0.1:$API_PORT" "$OUT/cluster-data"

  # Cold start: the cluster stopped and started again on its data, then the write mix in one-second
  # runs from the moment the API reports ready, first with the build's JIT-compiled binaries,
  # then with ReadyToRun ones (crossgen2, as the Dockerfile publishes them).
  cold_series() { # name
    bash scripts/local-cluster.sh stop >&2
    bash scripts/local-cluster.sh start >&2
    log "cold start ($1): the write mix, one-second runs for $COLD_SECONDS s"
    : >"$OUT/$1.txt"
    for s in $(seq 1 "$COLD_SECONDS"); do
      (cd "$ROOT/bench/wrk" && BENCH_POOL=5000 wrk -t"$THREADS" -c"$CONNECTIONS" -d1s --timeout 10s -s write.lua \
        "http://127.0.0.1:$API_PORT" -- "$OUT/cluster-data/tokens.txt" "$SHOPS" "$GOODS") 2>&1 |
        sed -n "s/^RESULT /COLD second=$s /p" >>"$OUT/$1.txt"
    done
    awk '{print $2, $4}' "$OUT/$1.txt" | tr '\n' ' ' >&2; echo >&2
  }
  cold_series cold-jit
  log "publishing ReadyToRun binaries"
  dotnet publish Mmx.Silo -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/r2r/silo" -v quiet -nologo >/dev/null
  dotnet publish Mmx.Api -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/r2r/api" -v quiet -nologo >/dev/null
  MMX_SILO_DLL="$OUT/r2r/silo/Mmx.Silo.dll" MMX_API_DLL="$OUT/r2r/api/Mmx.Api.dll" cold_series cold-r2r
  bash scripts/local-cluster.sh stop >&2
fi

if [[ " $MODES " == *" events "* ]]; then
  log "events: $EVENT_STREAMS open event streams and a message to $EVENT_FANS fans (embedded default)"
  # One connection a stream, on both ends: more file descriptors than the default allows.
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  PORT=$(free_port)
  Mmx__ThirdParty__TrustOpenId=true dotnet "$API_DLL" --urls "http://127.0.0.1:$PORT" --Mmx:DemoData=false --Mmx:AdminKey="$KEY" \
    --Mmx:Orleans:SiloPort="$(free_port)" --Mmx:Orleans:GatewayPort="$(free_port)" \
    --Mmx:Images:Folder="$OUT/images" --Logging:LogLevel:Default=Warning >"$OUT/events-api.log" 2>&1 & PIDS+=($!)
  wait_for "http://127.0.0.1:$PORT/health/ready"
  dotnet "$BENCH_DLL" events --api "http://127.0.0.1:$PORT" --key "$KEY" --pid "${PIDS[-1]}" \
    --streams "$EVENT_STREAMS" --fans "$EVENT_FANS" | tee "$OUT/events.txt" >&2
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
fi

if [[ " $MODES " == *" chat "* ]]; then
  log "chat: $CHAT_SOCKETS sockets on one front, a shop room of 100, DMs across two fronts (cluster mode)"
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  export MMX_DATA="$OUT/chat-cluster" PG_PORT=$(free_port) API_PORT=$(free_port) SILOS=2 MMX_SKIP_BUILD=1
  export SILO_PORT_BASE=$(free_port) GATEWAY_PORT_BASE=$(free_port) METRICS_PORT_BASE=$(free_port)
  export Mmx__AdminKey="$KEY" Mmx__ThirdParty__TrustOpenId=true Logging__LogLevel__Default=Warning
  bash scripts/local-cluster.sh start >&2
  # A second front, a client of the same cluster (the settings local-cluster.sh exported).
  API2_PORT=$(free_port)
  ConnectionStrings__Orleans="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" Mmx__Tls__AllowPlaintext=true \
    Mmx__PublicWebBaseUrl="http://127.0.0.1:$API2_PORT" Mmx__Sms__Outbox=true \
    dotnet "$API_DLL" --urls "http://127.0.0.1:$API2_PORT" >"$OUT/chat-api2.log" 2>&1 & PIDS+=($!)
  wait_for "http://127.0.0.1:$API2_PORT/health/ready"
  dotnet "$BENCH_DLL" chat --api "http://127.0.0.1:$API_PORT" --api2 "http://127.0.0.1:$API2_PORT" --key "$KEY" \
    --pid "$(cat "$MMX_DATA/api.pid")" --sockets "$CHAT_SOCKETS" --pairs "$CHAT_PAIRS" | tee "$OUT/chat.txt" >&2
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
  bash scripts/local-cluster.sh stop >&2
fi

log "memory: $MEMORY_GRAINS user grains in one silo"
dotnet "$BENCH_DLL" memory --grains "$MEMORY_GRAINS" --silo-port "$(free_port)" --gateway-port "$(free_port)" | tee "$OUT/memory.txt" >&2

python3 bench/report.py "$OUT" "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s" | tee "$OUT/results.md"
