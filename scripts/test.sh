#!/usr/bin/env bash
# Runs every test of the solution against fresh emulators, then prints "N passed, N failed".
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Cosmos]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$repo_root"

work="$(mktemp -d)"
trap 'stop_emulators; rm -rf "$work"' EXIT

install_emulators
start_emulators "$work/emulators.env" --free-ports --in-memory > "$work/emulators.log" 2>&1

dotnet build FuncLabel.sln -c Release --nologo -v quiet
status=0
# -m:1: one test assembly at a time. They share the emulators and two cores; in parallel, the heavier ones
# (local host processes, publishes, import runs) time out on each other.
dotnet test FuncLabel.sln -c Release --no-build --nologo -m:1 \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$work/results" "$@" || status=$?

node "$repo_root/scripts/count-trx.mjs" "$work/results" || status=$?
exit "$status"
