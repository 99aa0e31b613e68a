#!/usr/bin/env bash
# Runs every MMX test, PostgreSQL ones included. Installs what the tests need besides .NET when it
# is missing (PostgreSQL 15's server binaries, zbar-tools). The PostgreSQL tests start a throwaway
# server on a free loopback port; set MMX_TEST_POSTGRES to a connection string to use an existing
# one instead. Results: TestResults/results.trx.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-test-tools.sh
rm -rf TestResults
# Each test is printed as it ends (the suite runs for minutes): progress as it goes.
dotnet test Mmx.sln -c Release --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
