#!/usr/bin/env bash
# Lints the OpenAPI document the API serves (/openapi/v1.json) with @redocly/cli, installed from
# the npm registry into .tools/node on first use; fails on any error (warnings are printed). Starts
# the built API (Release) in its embedded mode on free loopback ports, writes the document it
# linted to TestResults/openapi.v1.json and stops the API again.
set -euo pipefail
cd "$(dirname "$0")/.."
REDOCLY_VERSION=2.77.0
TOOLS=.tools/node
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
if [ "$("$TOOLS/node_modules/.bin/redocly" --version 2>/dev/null)" != "$REDOCLY_VERSION" ]; then
  echo "Installing @redocly/cli@$REDOCLY_VERSION..."
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent "@redocly/cli@$REDOCLY_VERSION"
fi

API=Mmx.Api/bin/Release/net10.0/Mmx.Api.dll
[ -f "$API" ] || dotnet build Mmx.Api -c Release -v quiet
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
mkdir -p TestResults
log=TestResults/openapi-api.log
dotnet "$API" --urls "http://127.0.0.1:$port" --Mmx:Orleans:SiloPort="$(free_port)" --Mmx:Orleans:GatewayPort="$(free_port)" \
  --Mmx:AdminKey=lint-openapi-admin-key >"$log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true; wait $api 2>/dev/null || true' EXIT
document=TestResults/openapi.v1.json
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o "$document"; then break; fi
  kill -0 $api 2>/dev/null || { echo "the API stopped before it served its document:" >&2; tail -n 30 "$log" >&2; exit 1; }
  sleep 0.5
done
[ -s "$document" ] || { echo "the API did not serve /openapi/v1.json within 60 s" >&2; tail -n 30 "$log" >&2; exit 1; }
"$TOOLS/node_modules/.bin/redocly" lint --format=stylish "$document"
