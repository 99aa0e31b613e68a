#!/usr/bin/env bash
# Makes sure PostgreSQL 15's server binaries are on this machine; the tests start their own
# throwaway server from them (Mmx.Tests/Infrastructure/PostgresServer.cs). Installs them from
# Debian's packages when missing (needs root), without creating or starting a default cluster.
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && id postgres >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "PostgreSQL 15 server binaries are missing; install the package postgresql-15 (as root) or set MMX_TEST_POSTGRES." >&2
  exit 1
fi
echo "Installing PostgreSQL 15 server binaries..."
mkdir -p /etc/postgresql-common
echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql-15 >/dev/null
test -x "$PG_BIN/initdb"
