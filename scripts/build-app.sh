#!/usr/bin/env bash
# Assembles the deployable Functions app folder (default artifacts/app):
#   host.json                     the repo's root host.json (customHandler, extension bundle, queue settings)
#   blobwatcher.json              the local host's blob watcher subscriptions (local twin of the Event Grid subscriptions)
#   <FunctionName>/function.json  one per declared function, generated from the C# declarations
#   app/                          the published handler (FuncLabel.Functions executable + its files)
# Usage: scripts/build-app.sh [OUTPUT_DIR] [extra dotnet publish arguments, e.g. -r linux-x64 --self-contained]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
out="$(mkdir -p "${1:-$repo_root/artifacts/app}" && cd "${1:-$repo_root/artifacts/app}" && pwd)"
shift || true

rm -rf "$out/app"
dotnet publish "$repo_root/src/FuncLabel.Functions/FuncLabel.Functions.csproj" -c Release --nologo -v quiet -o "$out/app" "$@"
cp "$repo_root/host.json" "$out/host.json"
cp "$repo_root/blobwatcher.json" "$out/blobwatcher.json"
"$out/app/FuncLabel.Functions" --write-function-metadata "$out"
