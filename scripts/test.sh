#!/usr/bin/env bash
# Runs every test: installs the npm tools (Azurite and the official validators) and, if missing, Debian's chromium
# for the browser tests, starts an in-memory Azurite on port 10102, then runs dotnet test. Extra arguments go to
# dotnet test (e.g. --filter FullyQualifiedName~Slack).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
TEST_PORT="${RECOGNITIONBOT_TEST_AZURITE_PORT:-10102}"
ensure_npm
ensure_chromium
start_azurite "$TEST_PORT" in-memory
export RECOGNITIONBOT_TEST_STORAGE="$(azurite_connection_string "$TEST_PORT")"
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
status=0
dotnet test RecognitionBot.sln --nologo -c Release --results-directory "$RESULTS" \
  --logger "console;verbosity=minimal" --logger "trx;LogFileName=results.trx" "$@" || status=$?
# One closing line a CI reader understands, counted from the test results themselves.
if compgen -G "$RESULTS/*.trx" >/dev/null; then
  passed=$(grep -ho 'passed="[0-9]*"' "$RESULTS"/*.trx | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
  failed=$(grep -ho 'failed="[0-9]*"' "$RESULTS"/*.trx | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
  echo "${passed:-0} passed, ${failed:-0} failed"
fi
exit $status
