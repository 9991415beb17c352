#!/usr/bin/env bash
# Runs the bot locally on http://localhost:3978 with Azurite (data kept in .azurite/data).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
PORT="${RECOGNITIONBOT_AZURITE_PORT:-10002}"
start_azurite "$PORT" "$ROOT/.azurite/data"
export Storage__ConnectionString="${Storage__ConnectionString:-$(azurite_connection_string "$PORT")}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Teams without credentials (the Agents Playground): unauthenticated, from this machine only, never in Production.
export Teams__LocalMode="${Teams__LocalMode:-true}"
# The dashboard (http://localhost:3978/dashboard) with a development sign-in: Development only, never in Production.
export Dashboard__LocalSignIn="${Dashboard__LocalSignIn:-true}"
# Not exec: the EXIT trap stops the Azurite this script started when the host ends (Ctrl+C included).
dotnet run --project src/RecognitionBot -c Release --urls "${URLS:-http://localhost:3978}" "$@"
