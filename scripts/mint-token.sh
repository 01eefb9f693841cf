#!/usr/bin/env bash
# Prints a development bearer token: scripts/mint-token.sh --user alice [--admin] [--hours 8]
# Signed with Auth__DevSigningKey from the environment or local.settings.json (else local.settings.sample.json).
# The app refuses that key when it runs in Azure, so these tokens only ever work locally.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
settings="$repo_root/local.settings.json"
[ -f "$settings" ] || settings="$repo_root/local.settings.sample.json"
exec dotnet run --project "$repo_root/src/FuncLabel.Functions" -c Release --no-launch-profile -v quiet -- mint-token --settings "$settings" "$@"
