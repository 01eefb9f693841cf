#!/usr/bin/env bash
# Handler start-to-ready time vs a bare `dotnet new web` app, both published the same way (Release,
# framework-dependent, apphost) and started the same way (port in the environment, GET / polled every 25 ms).
# Usage: bench/startup.sh [RUNS=15]   → prints a markdown table; bench/results/startup.md holds the committed run.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
runs="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$repo_root/src/FuncLabel.Functions" -c Release --nologo -v quiet -o "$work/funclabel" > /dev/null
dotnet new web -o "$work/bare-src" -n BareWeb --no-restore > /dev/null
dotnet publish "$work/bare-src" -c Release --nologo -v quiet -o "$work/bare" > /dev/null

# The handler's settings as in Azure: no start-up container creation; a signing key so authentication can configure.
export Cosmos__Endpoint="http://127.0.0.1:1/" Cosmos__Key="dGVzdA==" Auth__DevSigningKey="ZnVuY2xhYmVsLWxvY2FsLWRldmVsb3BtZW50LWtleS0xMjM0NTY3ODkw"
node "$repo_root/bench/startup/measure.mjs" "$runs" FuncLabel.Functions "$work/funclabel/FuncLabel.Functions" "bare dotnet new web" "$work/bare/BareWeb"
