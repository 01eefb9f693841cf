#!/usr/bin/env bash
# Start-up of the FuncLabel isolated-worker app vs a bare isolated-worker app (bench/startup/BareWorker: one anonymous
# HTTP function, the same Worker packages and versions from Directory.Packages.props), both published the same way
# (`dotnet publish -c Release`, as scripts/build-app.sh builds the app folder) and run by the same local host
# (src/FuncLabel.LocalHost, worker mode over gRPC) against the same in-memory emulators: host process start to the
# first HTTP answer of a function, alternating app by app, medians and ratio, phases from the host's handshake timings
# (bench/startup/measure.mjs). FuncLabel is measured twice: GET /api/health (probes Cosmos DB, blobs and queues, as a
# readiness check would) and GET /api/startup-probe, which no operation has, so the app's fallback function answers a
# 404 problem document with no I/O (the app's own start-up cost without its dependencies' first round trips).
# Usage: bench/startup.sh [RUNS=10] [extra dotnet publish arguments for both apps, e.g. -p:TieredPGO=false]
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
dotnet publish bench/startup/BareWorker -c Release --nologo -v quiet --artifacts-path "$work/build" -o "$work/bare" "$@" > "$work/build.log" 2>&1
dotnet publish src/FuncLabel.LocalHost/FuncLabel.LocalHost.csproj -c Release --nologo -v quiet --artifacts-path "$work/build" -o "$work/localhost" >> "$work/build.log" 2>&1

# The same settings for both apps (the bare app ignores what it does not use): the sample's, with this run's emulators.
# Measured starts use Azure's Cosmos:CreateIfMissing=false (the database exists; nothing is created at start-up, the
# Cosmos client is built on first use); one unmeasured start with it true (as scripts/run-local.sh runs) creates the
# database first. STARTUP_SETTINGS="NAME=VALUE ..." adds values for both apps (e.g. DOTNET_TieredPGO=0 for an A/B).
settings() {
  node -e '
    const fs = require("fs");
    const [out, sample, storage, cosmos, key, create, extra] = process.argv.slice(1);
    const values = JSON.parse(fs.readFileSync(sample, "utf8")).Values;
    Object.assign(values, { AzureWebJobsStorage: storage, Cosmos__Endpoint: cosmos, Cosmos__Key: key, Cosmos__CreateIfMissing: create });
    for (const pair of extra.split(" ").filter(Boolean)) values[pair.slice(0, pair.indexOf("="))] = pair.slice(pair.indexOf("=") + 1);
    fs.writeFileSync(out, JSON.stringify({ IsEncrypted: false, Values: values }, null, 2));
  ' "$1" local.settings.sample.json "$FUNCLABEL_STORAGE" "$FUNCLABEL_COSMOS_ENDPOINT" "$FUNCLABEL_COSMOS_KEY" "$2" "${STARTUP_SETTINGS:-}"
}
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
