#!/usr/bin/env bash
# Start-up of the FuncLabel isolated-worker app vs a bare isolated-worker app (bench/startup/BareWorker: one anonymous
# HTTP function, the same Worker packages and versions from Directory.Packages.props), both published the same way
# (by scripts/build-app.sh: framework-dependent ReadyToRun for this machine's RID) and run by the same local host
# (src/FuncLabel.LocalHost, worker mode over gRPC) against the same in-memory emulators: host process start to the
# first HTTP answer of a function, alternating app by app, medians and ratio, phases from the host's handshake timings
# (bench/startup/measure.mjs). FuncLabel is measured twice: GET /api/health (probes Cosmos DB, blobs and queues, as a
# readiness check would) and GET /api/startup-probe, which no operation has, so the app's fallback function answers a
# 404 problem document with no I/O (the app's own start-up cost without its dependencies' first round trips).
# Usage: bench/startup.sh [RUNS=10] [extra dotnet publish arguments for both apps, e.g. -p:TieredPGO=false]
# A/B of two builds of the app in one session: bench/startup/ab.sh.
# Prints a markdown section (bench/results/startup.md).
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$repo_root"
runs="${1:-10}"
shift || true
work="$(mktemp -d)"
trap 'stop_emulators; rm -rf "$work"' EXIT

install_emulators
start_emulators "$work/emulators.env" --free-ports --in-memory > "$work/emulators.log" 2>&1
# Builds go to the temporary folder, so the script never touches bin/obj folders of the bench tree.
scripts/build-app.sh "$work/funclabel" "$@" > "$work/build.log" 2>&1
APP_PROJECT=bench/startup/BareWorker/BareWorker.csproj scripts/build-app.sh "$work/bare" --artifacts-path "$work/build" "$@" >> "$work/build.log" 2>&1
dotnet publish src/FuncLabel.LocalHost/FuncLabel.LocalHost.csproj -c Release --nologo -v quiet --artifacts-path "$work/build" -o "$work/localhost" >> "$work/build.log" 2>&1

# Measured starts use Azure's Cosmos:CreateIfMissing=false (the database exists; nothing is created and no Cosmos call
# is made at start-up); one unmeasured start with it true (as scripts/run-local.sh runs) creates the database first.
. bench/startup/settings.sh
settings "$work/create.settings.json" true
settings "$work/local.settings.json" false
node bench/startup/measure.mjs 1 "$work/localhost/FuncLabel.LocalHost" "$work/create.settings.json" "create the database" "$work/funclabel" /api/health > /dev/null

echo "### $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench/startup || echo ' + uncommitted changes'), $runs runs each${*:+, publish arguments: $*}${STARTUP_SETTINGS:+, settings: $STARTUP_SETTINGS}"
echo
echo "$(nproc) cores, shared; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
node bench/startup/measure.mjs "$runs" "$work/localhost/FuncLabel.LocalHost" "$work/local.settings.json" \
  "FuncLabel (health)" "$work/funclabel" /api/health \
  "FuncLabel (fallback 404)" "$work/funclabel" /api/startup-probe \
  "bare worker" "$work/bare" /api/ping
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
