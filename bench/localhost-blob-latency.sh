#!/usr/bin/env bash
# Upload -> asset visible, through the whole local backend as scripts/run-local.sh runs it (emulators, the app folder,
# the local host driving the isolated worker, the blob watcher with the repo's blobwatcher.json: 1 s polling). Runs
# scripts/run-local.sh on free ports with its own temporary folders, creates a project with a development token, then
# uploads COUNT assets one at a time like a client (POST /api/projects/{p}/uploads, PUT to the SAS URL) and times each
# from the PUT's response until GET /api/projects/{p}/assets/{id} answers 200 (`-- upload-asset-latency`,
# LocalHost/UploadAssetLatencyCommand.cs). Prints a markdown section for bench/results/upload-latency.md, with the
# number of blob-trigger invocations the host logged.
# Usage: bench/localhost-blob-latency.sh [COUNT=20]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$repo_root"
count="${1:-20}"
work="$(mktemp -d)"
run_pid=""
stop_backend() {
  if [ -n "$run_pid" ] && kill -0 "$run_pid" 2>/dev/null; then
    kill -TERM "$run_pid" 2>/dev/null || true
    wait "$run_pid" 2>/dev/null || true
  fi
}
trap 'stop_backend; rm -rf "$work"' EXIT

# Builds go to the temporary folder, so the script never touches bin/obj folders of the bench tree.
dotnet build bench/FuncLabel.Benchmarks -c Release --nologo -v quiet --artifacts-path "$work/build" > "$work/bench-build.log" 2>&1
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
FUNCLABEL_HTTP_PORT="$port" FUNCLABEL_EMULATOR_PORTS=free FUNCLABEL_LOCAL_DIR="$work/local" FUNCLABEL_ARTIFACTS_DIR="$work/artifacts" \
  scripts/run-local.sh > "$work/run-local.log" 2>&1 &
run_pid=$!
base="http://127.0.0.1:$port/api"
waited=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ]; do
  if ! kill -0 "$run_pid" 2>/dev/null || [ "$waited" -gt 1200 ]; then
    echo "scripts/run-local.sh did not become healthy:" >&2
    tail -30 "$work/run-local.log" >&2
    exit 1
  fi
  sleep 0.5
  waited=$((waited + 1))
done

token="$(dotnet "$work/artifacts/app/FuncLabel.Functions.dll" mint-token --settings "$work/local/local.settings.json" --user bench-owner --admin)"
project="bench-uploads"
curl -sf -o /dev/null -X POST "$base/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"id\":\"$project\",\"name\":\"Upload latency bench\"}"

{
  echo "### $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' + uncommitted changes')"
  echo
  echo "$(nproc) cores, shared; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| uploads | median ms | p90 ms | max ms | min ms | POST + PUT median ms |"
  echo "|---|---|---|---|---|---|"
} > "$work/section.txt"
dotnet "$work/build/bin/FuncLabel.Benchmarks/release/FuncLabel.Benchmarks.dll" upload-asset-latency "$base" "$token" "$project" "$count" "$work/section.txt" >&2
{
  echo
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Host log: $(grep -c "Executing 'Functions.assetUploaded'" "$work/run-local.log") blob-trigger invocations of assetUploaded, $(grep -c "Executed 'Functions.assetUploaded' (Succeeded" "$work/run-local.log") succeeded; first one:"
  echo
  echo '```'
  grep -m1 -B0 -A0 "Executing 'Functions.assetUploaded'" "$work/run-local.log" || true
  grep -m1 "Executed 'Functions.assetUploaded'" "$work/run-local.log" || true
  echo '```'
} >> "$work/section.txt"
cat "$work/section.txt"
