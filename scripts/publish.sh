#!/usr/bin/env bash
# Builds the deployment package for Azure Functions (Flex Consumption, Linux):
#   OUT/app/          the app folder as scripts/build-app.sh assembles it (host.json, <Function>/function.json, app/),
#                     with the handler published for linux-x64, self-contained (no .NET on the worker needed) and
#                     composite ReadyToRun: app and framework precompiled as one image, so framework generics over
#                     the app's types need no JIT either (shorter cold starts: bench/results/startup.md; costs a
#                     larger package and a slower publish)
#   OUT/funclabel.zip that folder zipped with its root as the zip's root (host.json at the top), Unix permissions kept
#                     so the handler stays executable; scripts/deploy.sh uploads it.
# Usage: scripts/publish.sh [OUT_DIR [extra dotnet publish arguments, e.g. --artifacts-path DIR]]
#        (OUT_DIR defaults to artifacts/publish)
# Prints the package size and the time it took.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
out="$(mkdir -p "${1:-$repo_root/artifacts/publish}" && cd "${1:-$repo_root/artifacts/publish}" && pwd)"
shift || true
started=$(date +%s)

rm -rf "$out/app" "$out/funclabel.zip"
"$repo_root/scripts/build-app.sh" "$out/app" -r linux-x64 --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true "$@"

# The handler named in host.json must be executable after extraction on the worker.
handler="$(node -e 'const h=require(process.argv[1]); process.stdout.write(h.customHandler.description.defaultExecutablePath)' "$out/app/host.json")"
chmod +x "$out/app/$handler"

# Both ways record each file's Unix permissions in the entry's external attributes.
if command -v zip >/dev/null; then
  # -X: no extra (uid/gid, timestamps) fields.
  (cd "$out/app" && zip -q -r -X "$out/funclabel.zip" .)
else
  (cd "$out/app" && python3 -m zipfile -c "$out/funclabel.zip" host.json $(ls -A | grep -vx host.json))
fi

elapsed=$(( $(date +%s) - started ))
echo "package: $out/funclabel.zip ($(du -k "$out/funclabel.zip" | cut -f1) KiB zipped, $(du -sk "$out/app" | cut -f1) KiB unpacked), ${elapsed}s"
