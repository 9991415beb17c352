#!/usr/bin/env bash
# Writes the installable Teams app package (a zip of manifest.json, the localizations and the two icons) with the
# bot's Entra app id and the public host filled in.
#
#   manifest/teams/build-package.sh <bot-app-id> <host> [output.zip]
#
# <bot-app-id>  the Azure Bot's Microsoft App ID (a GUID); also used as the Teams app id unless TEAMS_APP_ID is set
# <host>        the bot's public host name, e.g. kudos.contoso.com (no scheme, no path)
# Optional environment: TEAMS_APP_ID, WEBSITE_URL, PRIVACY_URL, TERMS_URL (default https://<host>/, /privacy, /terms),
# APP_VERSION (default: the manifest's version).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ $# -lt 2 ]; then
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
BOT_APP_ID="$1"
HOST="$2"
OUT="${3:-$PWD/recognitionbot-teams.zip}"
TEAMS_APP_ID="${TEAMS_APP_ID:-$BOT_APP_ID}"
GUID='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

[[ "$BOT_APP_ID" =~ $GUID ]] || { echo "The bot app id must be a GUID: $BOT_APP_ID" >&2; exit 2; }
[[ "$TEAMS_APP_ID" =~ $GUID ]] || { echo "TEAMS_APP_ID must be a GUID: $TEAMS_APP_ID" >&2; exit 2; }
[[ "$HOST" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]+)?$ ]] || { echo "The host must be a bare host name like kudos.contoso.com: $HOST" >&2; exit 2; }

WEBSITE_URL="${WEBSITE_URL:-https://$HOST/}"
PRIVACY_URL="${PRIVACY_URL:-https://$HOST/privacy}"
TERMS_URL="${TERMS_URL:-https://$HOST/terms}"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fill() {
  sed -e "s|{{BOT_APP_ID}}|$BOT_APP_ID|g" -e "s|{{TEAMS_APP_ID}}|$TEAMS_APP_ID|g" -e "s|{{HOST}}|${HOST%%:*}|g" \
      -e "s|{{WEBSITE_URL}}|$WEBSITE_URL|g" -e "s|{{PRIVACY_URL}}|$PRIVACY_URL|g" -e "s|{{TERMS_URL}}|$TERMS_URL|g" "$1"
}
fill "$HERE/manifest.json" >"$WORK/manifest.json"
if [ -n "${APP_VERSION:-}" ]; then
  sed -i -e "0,/\"version\": \"[^\"]*\"/s//\"version\": \"$APP_VERSION\"/" "$WORK/manifest.json"
fi
for f in it-it.json sv-se.json color.png outline.png; do cp "$HERE/$f" "$WORK/$f"; done
if grep -q '{{' "$WORK/manifest.json"; then echo "A placeholder was left unfilled in manifest.json" >&2; exit 1; fi

mkdir -p "$(dirname "$OUT")"
OUT="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"
rm -f "$OUT"
(cd "$WORK" && zip -q -X "$OUT" manifest.json it-it.json sv-se.json color.png outline.png)
echo "$OUT"
