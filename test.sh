#!/usr/bin/env bash
# Runs every MMX test, PostgreSQL ones included (they start a throwaway server on a free loopback
# port; set MMX_TEST_POSTGRES to a connection string to use an existing one instead).
# Results: TestResults/results.trx.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-postgres.sh
rm -rf TestResults
dotnet test Mmx.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
