#!/usr/bin/env bash
# Runs a benchmark against a fresh in-memory Azurite on port 10202: bench/run.sh core [--kudos N]
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT"
PORT="${RECOGNITIONBOT_BENCH_AZURITE_PORT:-10202}"
# A big history needs more heap than Node gives by default.
export NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=12288}"
# The memory benchmark writes ~50,000 kudos: in-memory Azurite slows down and runs short of heap as it grows, which
# the host then sees as a storage that times out. It gets an Azurite on disk (fresh each run) that keeps up.
WHERE=in-memory
if [ "${1:-}" = faults ] && [[ " $* " == *" --memory "* ]]; then
  WHERE="$ROOT/.azurite/bench-disk-$PORT"
  rm -rf "$WHERE"
fi
start_azurite "$PORT" "$WHERE"
export RECOGNITIONBOT_BENCH_STORAGE="$(azurite_connection_string "$PORT")"
dotnet run --project bench/RecognitionBot.Bench -c Release -- "$@"
