#!/usr/bin/env bash
# Runs a benchmark against a fresh in-memory Azurite on port 10202: bench/run.sh core [--kudos N]
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT"
PORT="${RECOGNITIONBOT_BENCH_AZURITE_PORT:-10202}"
# A big history needs more heap than Node gives by default.
export NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=12288}"
# In memory for every benchmark, the memory one too: Azurite on disk (--location) rewrites its whole database file
# (LokiJS autosave) every few seconds, which at 14,000 kudos (77 MB) was slower than in memory (bench/README.md).
start_azurite "$PORT" in-memory
export RECOGNITIONBOT_BENCH_STORAGE="$(azurite_connection_string "$PORT")"
dotnet run --project bench/RecognitionBot.Bench -c Release -- "$@"
