#!/usr/bin/env bash
# Writes the installable Teams app package (a zip of manifest.json, the localizations and the two icons) with the
# bot's Entra app id and the public host filled in. (scripts/package.sh does the same as part of a deployment.)
#
#   manifest/teams/build-package.sh <bot-app-id> <host-name> [output.zip]
#
# <bot-app-id>  the Azure Bot's Microsoft App ID (a GUID); also the Teams app id unless TEAMS_APP_ID is set
# <host-name>   the bot's public host name, e.g. kudos.contoso.com (no scheme, no path)
# Optional environment: TEAMS_APP_ID, APP_VERSION (default: the manifest's version).
# Placeholders, as in infra/README.md: {{HOST_NAME}}, {{BOT_ID}}, {{TEAMS_APP_ID}}.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ $# -lt 2 ]; then
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
BOT_ID="$1"
HOST_NAME="$2"
OUT="${3:-$PWD/recognitionbot-teams.zip}"
TEAMS_APP_ID="${TEAMS_APP_ID:-$BOT_ID}"
GUID='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

[[ "$BOT_ID" =~ $GUID ]] || { echo "The bot app id must be a GUID: $BOT_ID" >&2; exit 2; }
[[ "$TEAMS_APP_ID" =~ $GUID ]] || { echo "TEAMS_APP_ID must be a GUID: $TEAMS_APP_ID" >&2; exit 2; }
[[ "$HOST_NAME" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] || { echo "The host must be a bare host name like kudos.contoso.com: $HOST_NAME" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for f in manifest.json it-it.json sv-se.json color.png outline.png; do cp "$HERE/$f" "$WORK/$f"; done
for json in "$WORK"/*.json; do
  sed -i -e "s|{{BOT_ID}}|$BOT_ID|g" -e "s|{{TEAMS_APP_ID}}|$TEAMS_APP_ID|g" -e "s|{{HOST_NAME}}|$HOST_NAME|g" "$json"
  if grep -q '{{' "$json"; then echo "A placeholder was left unfilled in $(basename "$json")" >&2; exit 1; fi
done
if [ -n "${APP_VERSION:-}" ]; then
  sed -i -e "0,/\"version\": \"[^\"]*\"/s//\"version\": \"$APP_VERSION\"/" "$WORK/manifest.json"
fi

mkdir -p "$(dirname "$OUT")"
OUT="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"
rm -f "$OUT"
(cd "$WORK" && zip -q -X "$OUT" manifest.json it-it.json sv-se.json color.png outline.png)
echo "$OUT"
