#!/usr/bin/env bash
# Runs every test: installs the npm tools, starts an in-memory Azurite on port 10102, runs dotnet test.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
TEST_PORT="${RECOGNITIONBOT_TEST_AZURITE_PORT:-10102}"
ensure_npm
start_azurite "$TEST_PORT" in-memory
export RECOGNITIONBOT_TEST_STORAGE="$(azurite_connection_string "$TEST_PORT")"
dotnet test RecognitionBot.sln --nologo -c Release --logger "console;verbosity=normal" "$@"
