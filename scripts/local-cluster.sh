#!/usr/bin/env bash
# Cluster mode on one machine, without Docker: PostgreSQL, the Orleans schema, N Mmx.Silo
# processes and Mmx.Api as their client, all on loopback. State and logs live in $MMX_DATA.
#   scripts/local-cluster.sh start [--demo]  build, start everything, wait until the API is ready
#                                      (--demo: the API loads the bundled demo catalogue)
#   scripts/local-cluster.sh add-silo  start one more silo with the same configuration
#   scripts/local-cluster.sh stop      stop everything (the database files stay)
# Settings (environment): MMX_DATA (.data), PG_PORT (55432), API_PORT (5080), SILOS (2),
# SILO_PORT_BASE (11111) and GATEWAY_PORT_BASE (30000): silo n listens on BASE+n,
# METRICS_PORT_BASE (19100): silo n serves Prometheus metrics on 127.0.0.1:BASE+n/metrics,
# MMX_CONFIGURATION (Release), MMX_SKIP_BUILD (0; 1 when the binaries are already built),
# MMX_SILO_DLL and MMX_API_DLL (the build's; e.g. published ReadyToRun binaries instead).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${MMX_DATA:-$PWD/.data}"; LOGS="$DATA/logs"; PG_DATA="$DATA/pg"
PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT="${PG_PORT:-55432}"; API_PORT="${API_PORT:-5080}"; SILOS="${SILOS:-2}"
SILO_PORT_BASE="${SILO_PORT_BASE:-11111}"; GATEWAY_PORT_BASE="${GATEWAY_PORT_BASE:-30000}"
METRICS_PORT_BASE="${METRICS_PORT_BASE:-19100}"
CONF="${MMX_CONFIGURATION:-Release}"
export ConnectionStrings__Orleans="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export Mmx__AdminKey="${Mmx__AdminKey:-local-cluster-admin-key}"
# A local cluster keeps SMS codes in the admin-readable outbox (a real one sets Mmx__Sms__GatewayUrl).
export Mmx__Sms__Outbox="${Mmx__Sms__Outbox:-true}"
# The address answers put into card, QR and image URLs (cluster mode will not take it from Host).
export Mmx__PublicWebBaseUrl="${Mmx__PublicWebBaseUrl:-http://127.0.0.1:$API_PORT}"
# Every process of this cluster is on this machine's loopback, so cluster mode may run without
# mutual TLS here (it refuses to elsewhere); set Mmx__Tls__Certificate/Key/Authority to use it.
[ -n "${Mmx__Tls__Certificate:-}" ] || export Mmx__Tls__AllowPlaintext=true
# A 64 MB gen0 budget per GC heap: with tens of thousands of grains in the old generation the
# default budget means many gen0 collections a second under load (docs/performance.md). The
# runtime reads this knob from the environment only.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
SILO_DLL="${MMX_SILO_DLL:-Mmx.Silo/bin/$CONF/net10.0/Mmx.Silo.dll}"
API_DLL="${MMX_API_DLL:-Mmx.Api/bin/$CONF/net10.0/Mmx.Api.dll}"

# Progress lines on stdout, each with the seconds since the script started.
START_TIME=$SECONDS
say() { echo "[$((SECONDS - START_TIME))s] $*"; }

as_postgres() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  say "PostgreSQL on 127.0.0.1:$PG_PORT (data in $PG_DATA)…"
  bash scripts/ensure-postgres.sh
  mkdir -p "$PG_DATA" "$LOGS"
  if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$PG_DATA"; fi
  [ -f "$PG_DATA/PG_VERSION" ] || as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
}

start_silo() {
  local n=$1
  Mmx__Orleans__SiloPort=$((SILO_PORT_BASE + n)) Mmx__Orleans__GatewayPort=$((GATEWAY_PORT_BASE + n)) \
    Mmx__Metrics__Port=$((METRICS_PORT_BASE + n)) \
    nohup dotnet "$SILO_DLL" >"$LOGS/silo$n.log" 2>&1 &
  echo $! >"$DATA/silo$n.pid"
  say "silo $n: ports $((SILO_PORT_BASE + n))/$((GATEWAY_PORT_BASE + n)), metrics :$((METRICS_PORT_BASE + n)), log $LOGS/silo$n.log"
}

case "${1:-}" in
  start)
    if [ "${MMX_SKIP_BUILD:-0}" != "1" ]; then
      mkdir -p "$LOGS"
      say "building Mmx.sln ($CONF; output in $LOGS/build.log)…"
      if ! dotnet build Mmx.sln -c "$CONF" -v quiet -nologo >"$LOGS/build.log" 2>&1; then
        # The compiler's own lines (file, line, code, message), once each, then where the rest is.
        echo "the build failed:" >&2
        grep -E ": error |error [A-Z]+[0-9]+:" "$LOGS/build.log" | sed 's/ \[[^]]*\]$//' | sort -u >&2 || tail -n 30 "$LOGS/build.log" >&2
        echo "(the whole build output: $LOGS/build.log)" >&2
        exit 1
      fi
    fi
    start_postgres
    say "applying the Orleans schema…"
    dotnet "$SILO_DLL" --apply-schema
    for n in $(seq 0 $((SILOS - 1))); do start_silo "$n"; done
    # --demo: the API imports the bundled demo catalogue at start (cluster mode does not by default).
    [ "${2:-}" = "--demo" ] && export Mmx__DemoData=true
    ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" nohup dotnet "$API_DLL" >"$LOGS/api.log" 2>&1 &
    echo $! >"$DATA/api.pid"
    say "API starting on 127.0.0.1:$API_PORT; waiting for the silos to form the cluster and the API to be ready…"
    for i in $(seq 1 90); do
      curl -fs "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1 && break
      [ $((i % 10)) = 0 ] && say "still waiting for /health/ready (${i}s; the silos' logs: $LOGS/silo*.log)"
      sleep 1
    done
    curl -fs "http://127.0.0.1:$API_PORT/health/ready" >/dev/null || { echo "the API did not get ready; see $LOGS" >&2; exit 1; }
    say "API: http://127.0.0.1:$API_PORT (admin key: $Mmx__AdminKey), logs in $LOGS"
    ;;
  add-silo)
    n=0; while [ -f "$DATA/silo$n.pid" ]; do n=$((n + 1)); done
    start_silo "$n"
    ;;
  stop)
    # SIGTERM, then wait: a silo that stops gracefully hands its grains over and marks itself
    # dead in the membership table, which needs the database still up.
    say "stopping (silos hand their grains over first)…"
    pids=()
    for pid in "$DATA"/*.pid; do
      [ -f "$pid" ] || continue
      pids+=("$(cat "$pid")")
      kill "$(cat "$pid")" 2>/dev/null || true
      rm -f "$pid"
    done
    for _ in $(seq 1 60); do
      alive=0
      for p in "${pids[@]:-}"; do [ -n "$p" ] && kill -0 "$p" 2>/dev/null && alive=1; done
      [ "$alive" = 0 ] && break
      sleep 1
    done
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    say "stopped"
    ;;
  *)
    echo "usage: $0 start|add-silo|stop" >&2; exit 2 ;;
esac
