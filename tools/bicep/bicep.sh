#!/usr/bin/env bash
# Runs the Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, see Bicep.csproj), restoring it first
# when it is not in the NuGet packages folder yet. No internet download: the package comes from the NuGet feed.
# Usage: tools/bicep/bicep.sh build infra/main.bicep --stdout | tools/bicep/bicep.sh lint infra/main.bicep
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/Bicep.csproj"

bicep_path() { dotnet msbuild "$project" -nologo -getProperty:BicepPath 2>/dev/null; }

path="$(bicep_path)"
if [ ! -x "$path" ]; then
  dotnet restore "$project" --nologo -v quiet >&2
  path="$(bicep_path)"
  # NuGet does not always keep Unix permissions when it extracts a package.
  [ -x "$path" ] || chmod +x "$path"
fi
exec "$path" "$@"
