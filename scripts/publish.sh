#!/usr/bin/env bash
# Builds the deployment package for Azure Functions (Flex Consumption, Linux, .NET isolated worker):
#   OUT/app/          `dotnet publish` of src/FuncLabel.Functions for linux-x64: the app folder is the publish output
#                     itself (host.json, worker.config.json, functions.metadata, extensions.json, .azurefunctions/ with
#                     the host-side binding extensions, FuncLabel.Functions.dll and its dependencies).
#                     Framework-dependent with ReadyToRun: the Flex runtime dotnet-isolated 10.0 brings .NET 10 and
#                     ASP.NET Core (already precompiled), Flex can start a .NET isolated app inside a placeholder worker
#                     that has that runtime loaded before the app is assigned (a self-contained app brings up its own),
#                     and the package is a third of the size; ReadyToRun precompiles the app's own and NuGet assemblies
#                     for linux-x64. docs/deploy.md (The package) has the reasoning and what is not measured.
#   OUT/funclabel.zip that folder zipped with its root as the zip's root (host.json at the top); scripts/deploy.sh
#                     uploads it (Flex one-deploy).
# Usage: scripts/publish.sh [OUT_DIR [extra dotnet publish arguments, e.g. --artifacts-path DIR]]
#        (OUT_DIR defaults to artifacts/publish)
# Prints the package size and the time it took.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
out="$(mkdir -p "${1:-$repo_root/artifacts/publish}" && cd "${1:-$repo_root/artifacts/publish}" && pwd)"
shift || true
started=$(date +%s)

rm -rf "$out/app" "$out/funclabel.zip"
# UseAppHost=false: worker.config.json starts the worker with `dotnet FuncLabel.Functions.dll`, so a native
# launcher would only be dead weight in the package.
dotnet publish "$repo_root/src/FuncLabel.Functions/FuncLabel.Functions.csproj" -c Release --nologo -v quiet \
  -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false -o "$out/app" "$@"

# Both ways keep the hidden .azurefunctions folder (the host loads the binding extensions from it).
if command -v zip >/dev/null; then
  # -X: no extra (uid/gid, timestamps) fields.
  (cd "$out/app" && zip -q -r -X "$out/funclabel.zip" .)
else
  python3 - "$out/app" "$out/funclabel.zip" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, _, files in os.walk(root):
        for file in sorted(files):
            path = os.path.join(folder, file)
            archive.write(path, os.path.relpath(path, root))
PY
fi

elapsed=$(( $(date +%s) - started ))
echo "package: $out/funclabel.zip ($(du -k "$out/funclabel.zip" | cut -f1) KiB zipped, $(du -sk "$out/app" | cut -f1) KiB unpacked), ${elapsed}s"
