#!/usr/bin/env bash
# Upload -> BlobCreated-event-on-queue latency of the local host's blob watcher with its default settings
# (the repo's blobwatcher.json: 1 s polling). Starts its own in-memory emulators on free ports, runs the watcher
# (FuncLabel.LocalHost --watcher-only), uploads 20 blobs one after another to `assets` and times each event's
# arrival on `asset-events`. Writes bench/results/localhost-blob-event-latency.md.
# Usage: bench/localhost-blob-latency.sh [COUNT]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$repo_root"
count="${1:-20}"
work="$(mktemp -d)"
watcher_pid=""
trap 'if [ -n "$watcher_pid" ]; then kill -TERM "$watcher_pid" 2>/dev/null || true; wait "$watcher_pid" 2>/dev/null || true; fi; stop_emulators; rm -rf "$work"' EXIT

install_emulators
start_emulators "$work/emulators.env" --free-ports --in-memory > "$work/emulators.log" 2>&1
# Builds go to the temporary folder, so the script never touches bin/obj folders of the work tree.
dotnet publish src/FuncLabel.LocalHost/FuncLabel.LocalHost.csproj -c Release --nologo -v quiet --artifacts-path "$work/build" -o "$work/localhost" > /dev/null
dotnet build bench/FuncLabel.Benchmarks -c Release --nologo -v quiet --artifacts-path "$work/build" > /dev/null

mkdir -p "$work/app"
cp blobwatcher.json "$work/app/"
AzureWebJobsStorage="$FUNCLABEL_STORAGE" "$work/localhost/FuncLabel.LocalHost" --script-root "$work/app" --watcher-only > "$work/watcher.log" 2>&1 &
watcher_pid=$!
sleep 2

out="bench/results/localhost-blob-event-latency.md"
{
  echo "# Local host: upload → BlobCreated event on the queue"
  echo
  echo "Measured by \`bench/localhost-blob-latency.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, shared; load average $(cut -d' ' -f1-3 /proc/loadavg); Azurite in memory)."
  echo "Default watcher settings (repo \`blobwatcher.json\`: polling every 1 s, subscription \`assets\` → \`asset-events\`)."
  echo "Each blob is uploaded after the previous event arrived; latency runs from the upload's response until the event"
  echo "can be received from the queue (polled every 10 ms). Target: ≤ 2 s. Because each upload follows the previous"
  echo "event, i.e. comes just after a scan, it usually waits most of a polling interval: the median is close to the"
  echo "interval rather than half of it (uploads at random times would see about half)."
  echo
  echo "| uploads | median ms | p90 ms | max ms | min ms |"
  echo "|---|---|---|---|---|"
} > "$out"
dotnet "$work/build/bin/FuncLabel.Benchmarks/release/FuncLabel.Benchmarks.dll" blob-event-latency "$FUNCLABEL_STORAGE" "$count" "$repo_root/$out"
echo
cat "$out"
