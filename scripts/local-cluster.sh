#!/usr/bin/env bash
# Cluster mode on one machine, without Docker: PostgreSQL, the Orleans schema, two Mmx.Silo
# processes and Mmx.Api as their client, all on loopback. State and logs live in .data/.
#   scripts/local-cluster.sh start     build, start everything, print the API URL
#   scripts/local-cluster.sh add-silo  start one more silo with the same configuration
#   scripts/local-cluster.sh stop      stop everything (the database files stay in .data/pg)
# Ports: PG_PORT (55432), API_PORT (5080); silos take 11111+n / 30000+n.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="$PWD/.data"; LOGS="$DATA/logs"; PG_DATA="$DATA/pg"
PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT="${PG_PORT:-55432}"; API_PORT="${API_PORT:-5080}"
export ConnectionStrings__Orleans="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export Mmx__AdminKey="${Mmx__AdminKey:-local-cluster-admin-key}"

as_postgres() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  bash scripts/ensure-postgres.sh
  mkdir -p "$PG_DATA" "$LOGS"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$PG_DATA"
  [ -f "$PG_DATA/PG_VERSION" ] || as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" start >/dev/null
}

start_silo() {
  local n=$1
  Mmx__Orleans__SiloPort=$((11111 + n)) Mmx__Orleans__GatewayPort=$((30000 + n)) \
    nohup dotnet Mmx.Silo/bin/Release/net10.0/Mmx.Silo.dll >"$LOGS/silo$n.log" 2>&1 &
  echo $! >"$DATA/silo$n.pid"
  echo "silo $n: ports $((11111 + n))/$((30000 + n)), log $LOGS/silo$n.log"
}

case "${1:-}" in
  start)
    dotnet build Mmx.sln -c Release -v quiet -nologo >/dev/null
    start_postgres
    dotnet Mmx.Silo/bin/Release/net10.0/Mmx.Silo.dll --apply-schema
    start_silo 0; start_silo 1
    ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" nohup dotnet Mmx.Api/bin/Release/net10.0/Mmx.Api.dll >"$LOGS/api.log" 2>&1 &
    echo $! >"$DATA/api.pid"
    for _ in $(seq 1 60); do
      curl -fs "http://127.0.0.1:$API_PORT/user/city" >/dev/null 2>&1 && break; sleep 1
    done
    echo "API: http://127.0.0.1:$API_PORT (admin key: $Mmx__AdminKey), log $LOGS/api.log"
    ;;
  add-silo)
    n=2; while [ -f "$DATA/silo$n.pid" ]; do n=$((n + 1)); done
    start_silo "$n"
    ;;
  stop)
    for pid in "$DATA"/*.pid; do
      [ -f "$pid" ] || continue
      kill "$(cat "$pid")" 2>/dev/null || true
      rm -f "$pid"
    done
    sleep 2
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    echo "stopped"
    ;;
  *)
    echo "usage: $0 start|add-silo|stop" >&2; exit 2 ;;
esac
