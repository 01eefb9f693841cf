#!/usr/bin/env bash
# Handler start-to-ready time vs a bare `dotnet new web` app, both published the same way and started the same way
# (port in the environment, GET / polled every 25 ms, as the Functions host does).
# Usage: bench/startup.sh [RUNS=15] [MODE=deploy|r2r|framework]   → prints a markdown table (bench/results/startup.md).
#   deploy:    self-contained linux-x64, composite ReadyToRun (app and framework in one precompiled image), as
#              scripts/publish.sh ships the handler (default)
#   r2r:       self-contained linux-x64, ReadyToRun per assembly (what scripts/publish.sh shipped before composite)
#   framework: framework-dependent, JIT only
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
runs="${1:-15}"
mode="${2:-deploy}"
publish=(-c Release --nologo -v quiet)
case "$mode" in
  deploy) publish+=(-r linux-x64 --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true) ;;
  r2r) publish+=(-r linux-x64 --self-contained -p:PublishReadyToRun=true) ;;
  framework) ;;
  *) echo "unknown mode $mode (deploy, r2r or framework)" >&2; exit 2 ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$repo_root/src/FuncLabel.Functions" "${publish[@]}" -o "$work/funclabel" > /dev/null
dotnet new web -o "$work/bare-src" -n BareWeb --no-restore > /dev/null
dotnet publish "$work/bare-src" "${publish[@]}" -o "$work/bare" > /dev/null

# The handler's settings as in Azure: no start-up container creation; a signing key so authentication can configure.
# Nothing is contacted before the first request, so the endpoints need not answer.
export Cosmos__Endpoint="http://127.0.0.1:1/" Cosmos__Key="dGVzdA==" AzureWebJobsStorage="UseDevelopmentStorage=true" \
  Auth__DevSigningKey="ZnVuY2xhYmVsLWxvY2FsLWRldmVsb3BtZW50LWtleS0xMjM0NTY3ODkw"
node "$repo_root/bench/startup/measure.mjs" "$runs" FuncLabel.Functions "$work/funclabel/FuncLabel.Functions" "bare dotnet new web" "$work/bare/BareWeb"
