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

# Azurites this script started (pids); stop_started_azurites stops those and nothing else, so an Azurite that was
# already running (a developer's, or another script's) is left alone.
STARTED_AZURITES=()

# start_azurite PORT [in-memory|DIR]: starts Azurite's table service on loopback unless the port already answers.
# What it starts is stopped when the calling script exits (trap on EXIT).
start_azurite() {
  local port="$1" where="${2:-in-memory}"
  if port_open "$port"; then return 0; fi
  ensure_npm
  local args=(--tableHost 127.0.0.1 --tablePort "$port" --disableTelemetry --skipApiVersionCheck --silent)
  if [ "$where" = in-memory ]; then args+=(--inMemoryPersistence); else mkdir -p "$where"; args+=(--location "$where"); fi
  mkdir -p "$ROOT/.azurite"
  nohup "$ROOT/node_modules/.bin/azurite-table" "${args[@]}" >"$ROOT/.azurite/azurite-$port.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$ROOT/.azurite/azurite-$port.pid"
  STARTED_AZURITES+=("$pid:$port")
  trap stop_started_azurites EXIT
  for _ in $(seq 1 300); do port_open "$port" && return 0; sleep 0.1; done
  echo "Azurite did not start on port $port; see .azurite/azurite-$port.log" >&2
  return 1
}

stop_started_azurites() {
  local entry pid port
  for entry in "${STARTED_AZURITES[@]}"; do
    pid="${entry%%:*}" port="${entry#*:}"
    kill "$pid" 2>/dev/null || true
    # Wait briefly so the port is free for the next run; a stopped (SIGSTOPped) Azurite gets SIGCONT to exit.
    kill -CONT "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$ROOT/.azurite/azurite-$port.pid"
  done
  STARTED_AZURITES=()
}

azurite_connection_string() {
  local port="$1"
  # The well-known public development key of the storage emulator (documented by Microsoft, not a secret).
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
}

# Installs Debian's chromium for the dashboard's browser tests when it is missing (Playwright drives it; no browser
# download of its own). Quiet; needs root or sudo, as apt does.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "Installing Debian's chromium for the browser tests..." >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
}
