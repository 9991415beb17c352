# Shared helpers for the project's scripts. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Installs the npm tools (Azurite and the official validators) when package-lock.json changed.
ensure_npm() {
  local stamp="$ROOT/node_modules/.installed-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    echo "Installing npm tools (Azurite, validators)..." >&2
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_azurite PORT [in-memory|DIR]: starts Azurite's table service on loopback unless the port already answers.
start_azurite() {
  local port="$1" where="${2:-in-memory}"
  if port_open "$port"; then return 0; fi
  ensure_npm
  local args=(--tableHost 127.0.0.1 --tablePort "$port" --disableTelemetry --skipApiVersionCheck --silent)
  if [ "$where" = in-memory ]; then args+=(--inMemoryPersistence); else mkdir -p "$where"; args+=(--location "$where"); fi
  mkdir -p "$ROOT/.azurite"
  nohup "$ROOT/node_modules/.bin/azurite-table" "${args[@]}" >"$ROOT/.azurite/azurite-$port.log" 2>&1 &
  echo $! >"$ROOT/.azurite/azurite-$port.pid"
  for _ in $(seq 1 100); do port_open "$port" && return 0; sleep 0.1; done
  echo "Azurite did not start on port $port; see .azurite/azurite-$port.log" >&2
  return 1
}

azurite_connection_string() {
  local port="$1"
  # The well-known public development key of the storage emulator (documented by Microsoft, not a secret).
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
}
