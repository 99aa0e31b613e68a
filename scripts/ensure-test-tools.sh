#!/usr/bin/env bash
# Tools the tests use besides .NET: PostgreSQL 15's server binaries and zbarimg (zbar-tools), which
# decodes the QR cards the API draws. Installed from Debian's packages when missing (needs root).
set -euo pipefail
cd "$(dirname "$0")"
bash ensure-postgres.sh
if ! command -v zbarimg >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "zbarimg is missing; install the package zbar-tools (as root)." >&2
    exit 1
  fi
  echo "Installing zbar-tools..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq zbar-tools >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq zbar-tools >/dev/null; }
fi
# The .NET tools of .config/dotnet-tools.json (Kiota generates the client the contract test compiles).
(cd .. && dotnet tool restore >/dev/null)
