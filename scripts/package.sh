#!/usr/bin/env bash
# Builds what a deployment needs, into artifacts/:
#   app.zip             the host, published framework-dependent for App Service zip deploy
#   teams-app.zip       the Teams app package (manifest/teams/*) with the placeholders filled in
#   slack-manifest.json the Slack app manifest (manifest/slack/manifest.json) with the placeholders filled in
#
# Usage: scripts/package.sh <host-name> [--bot-id <guid>] [--teams-app-id <guid>] [--skip-publish]
#   <host-name>      the web app's public host, e.g. app-recbot-abc123.azurewebsites.net (the deployment
#                    output webAppHostName); a leading https:// and a trailing / are dropped
#   --bot-id         application (client) id of the bot's Entra app (also: env BOT_ID)
#   --teams-app-id   id of the Teams app package (also: env TEAMS_APP_ID); defaults to the bot id
#   --skip-publish   only write the manifests (no dotnet publish)
# Placeholders (see infra/README.md): {{HOST_NAME}}, {{BOT_ID}}, {{TEAMS_APP_ID}}.
# MANIFEST_DIR and ARTIFACTS_DIR override the folders (default: manifest/ and artifacts/).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
fail() { echo "package.sh: $*" >&2; exit 1; }

HOST_NAME="" BOT_ID="${BOT_ID:-}" TEAMS_APP_ID="${TEAMS_APP_ID:-}" PUBLISH=1
while [ $# -gt 0 ]; do
  case "$1" in
    --bot-id) [ $# -ge 2 ] || usage; BOT_ID="$2"; shift 2 ;;
    --teams-app-id) [ $# -ge 2 ] || usage; TEAMS_APP_ID="$2"; shift 2 ;;
    --skip-publish) PUBLISH=0; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "Unknown option $1" >&2; usage ;;
    *) [ -z "$HOST_NAME" ] || usage; HOST_NAME="$1"; shift ;;
  esac
done
[ -n "$HOST_NAME" ] || usage

HOST_NAME="${HOST_NAME#https://}"
HOST_NAME="${HOST_NAME%/}"
HOST_NAME="${HOST_NAME,,}"
[[ "$HOST_NAME" =~ ^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$ ]] ||
  fail "'$HOST_NAME' is not a host name (expected something like app-recbot-abc123.azurewebsites.net)."
GUID_RE='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
[ -z "$BOT_ID" ] || [[ "$BOT_ID" =~ $GUID_RE ]] || fail "--bot-id '$BOT_ID' is not a GUID."
TEAMS_APP_ID="${TEAMS_APP_ID:-$BOT_ID}"
[ -z "$TEAMS_APP_ID" ] || [[ "$TEAMS_APP_ID" =~ $GUID_RE ]] || fail "--teams-app-id '$TEAMS_APP_ID' is not a GUID."

MANIFEST_DIR="${MANIFEST_DIR:-$ROOT/manifest}"
ARTIFACTS_DIR="${ARTIFACTS_DIR:-$ROOT/artifacts}"
mkdir -p "$ARTIFACTS_DIR"
ARTIFACTS_DIR="$(cd "$ARTIFACTS_DIR" && pwd)"
# A failed run must not leave an older package behind that looks current.
rm -f "$ARTIFACTS_DIR/teams-app.zip" "$ARTIFACTS_DIR/slack-manifest.json"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/teams" "$stage/slack"

# fill FILE: replaces the placeholders in FILE (in place) and refuses any that is left without a value.
fill() {
  local file="$1" name value
  for name in HOST_NAME BOT_ID TEAMS_APP_ID; do
    value="${!name}"
    if grep -q "{{$name}}" "$file"; then
      if [ -z "$value" ]; then
        case "$name" in
          BOT_ID) fail "$(basename "$file") needs {{BOT_ID}}: pass --bot-id <the bot's Entra application id>." ;;
          *) fail "$(basename "$file") needs {{$name}}: pass --teams-app-id <guid> or --bot-id <guid>." ;;
        esac
      fi
      # Values are validated above (host name characters or a GUID): nothing in them is special to sed.
      sed -i "s/{{$name}}/$value/g" "$file"
    fi
  done
  if grep -qoE '\{\{[A-Za-z0-9_]+\}\}' "$file"; then
    fail "$(basename "$file") has placeholders this script does not know: $(grep -oE '\{\{[A-Za-z0-9_]+\}\}' "$file" | sort -u | tr '\n' ' ')"
  fi
  if command -v jq >/dev/null; then jq empty "$file" >/dev/null || fail "$(basename "$file") is not valid JSON after filling in."; fi
}

if [ "$PUBLISH" = 1 ]; then
  echo "Publishing src/RecognitionBot (Release, framework-dependent)..." >&2
  rm -rf "$ARTIFACTS_DIR/app" "$ARTIFACTS_DIR/app.zip"
  # The Teams tabs serve TeamsJS from the host: the build copies it from node_modules (package.json pins it).
  ensure_npm
  dotnet publish "$ROOT/src/RecognitionBot" -c Release -o "$ARTIFACTS_DIR/app" --self-contained false --nologo >&2
  # The production log levels live there; without it a deployed host logs every request at Information.
  [ -f "$ARTIFACTS_DIR/app/appsettings.json" ] || fail "the published host has no appsettings.json."
  [ -f "$ARTIFACTS_DIR/app/tabs/MicrosoftTeams.min.js" ] || fail "the published host has no TeamsJS (tabs/MicrosoftTeams.min.js): run npm ci."
  (cd "$ARTIFACTS_DIR/app" && zip -qr -X "$ARTIFACTS_DIR/app.zip" .)
  echo "  $ARTIFACTS_DIR/app.zip" >&2
fi

if [ -f "$MANIFEST_DIR/teams/manifest.json" ]; then
  # The package is flat: manifest.json, the two icons and any localization files, at the zip's root.
  find "$MANIFEST_DIR/teams" -maxdepth 1 -type f \( -name '*.json' -o -name '*.png' \) -exec cp {} "$stage/teams/" \;
  for json in "$stage"/teams/*.json; do fill "$json"; done
  (cd "$stage/teams" && zip -q -X "$ARTIFACTS_DIR/teams-app.zip" ./*)
  echo "  $ARTIFACTS_DIR/teams-app.zip" >&2
else
  echo "  (no manifest/teams/manifest.json: no Teams package written)" >&2
fi

if [ -f "$MANIFEST_DIR/slack/manifest.json" ]; then
  cp "$MANIFEST_DIR/slack/manifest.json" "$stage/slack/slack-manifest.json"
  fill "$stage/slack/slack-manifest.json"
  mv "$stage/slack/slack-manifest.json" "$ARTIFACTS_DIR/slack-manifest.json"
  echo "  $ARTIFACTS_DIR/slack-manifest.json" >&2
else
  echo "  (no manifest/slack/manifest.json: no Slack manifest written)" >&2
fi
