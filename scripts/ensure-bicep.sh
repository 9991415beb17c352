#!/usr/bin/env bash
# Makes sure the Bicep CLI is present (from the NuGet package Azure.Bicep.CommandLine.linux-x64, restored
# into .tools/packages: no network beyond NuGet) and prints the path of the `bicep` binary on stdout.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
PACKAGES="$ROOT/.tools/packages"
BIN="$PACKAGES/azure.bicep.commandline.linux-x64/$BICEP_VERSION/tools/bicep"

if [ ! -x "$BIN" ]; then
  mkdir -p "$ROOT/.tools"
  # One restore at a time, even when two test runs start together.
  exec 9>"$ROOT/.tools/bicep.lock"
  flock 9
  if [ ! -f "$BIN" ]; then
    echo "Restoring the Bicep CLI $BICEP_VERSION from NuGet..." >&2
    dotnet restore "$ROOT/scripts/tools/BicepCli.proj" --packages "$PACKAGES" \
      -p:BicepVersion="$BICEP_VERSION" --nologo -v quiet >&2
  fi
  [ -f "$BIN" ] || { echo "The Bicep CLI was not found at $BIN after the restore." >&2; exit 1; }
  chmod u+x "$BIN"
fi
echo "$BIN"
