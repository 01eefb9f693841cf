#!/usr/bin/env bash
# Runs the whole FuncLabel backend locally, in the foreground, until Ctrl+C:
#   1. the emulators (Azurite with its data in .local/azurite, the Cosmos DB server in memory), installed on first use;
#   2. the app folder (artifacts/app: host.json, blobwatcher.json, function.json files, the handler) and the local
#      host (artifacts/localhost);
#   3. .local/local.settings.json for this run: local.settings.json (else local.settings.sample.json) at the repo root,
#      with this run's emulator endpoints (environment variables override its values);
#   4. the local host: handler + HTTP on http://localhost:7071/api + queue and timer triggers + blob watcher.
# Ctrl+C (or SIGTERM) stops the host gracefully (running invocations finish), then the emulators.
# Options (environment): FUNCLABEL_HTTP_PORT (default 7071).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$repo_root"

local_dir="$repo_root/.local"
app_dir="$repo_root/artifacts/app"
host_dir="$repo_root/artifacts/localhost"
port="${FUNCLABEL_HTTP_PORT:-7071}"
mkdir -p "$local_dir"

host_pid=""
cleanup() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  stop_emulators
}
trap cleanup EXIT
# Forward Ctrl+C / SIGTERM to the host (a background job of a script ignores SIGINT itself); the host drains and exits.
trap 'if [ -n "$host_pid" ]; then kill -TERM "$host_pid" 2>/dev/null || true; fi' INT TERM

# Job control: the emulators and the host get their own process groups, so a terminal's Ctrl+C reaches only this
# script, which stops the host first (it drains against live storage) and the emulators last.
set -m
install_emulators
echo "starting the emulators (Azurite data in .local/azurite; log in .local/emulators.log)..."
start_emulators "$local_dir/emulators.env" --location "$local_dir/azurite" > "$local_dir/emulators.log" 2>&1

echo "building the app folder (artifacts/app) and the local host..."
"$repo_root/scripts/build-app.sh" "$app_dir" > "$local_dir/build.log"
dotnet publish "$repo_root/src/FuncLabel.LocalHost/FuncLabel.LocalHost.csproj" -c Release --nologo -v quiet -o "$host_dir" >> "$local_dir/build.log"

# The handler's settings for this run: the Values of local.settings.json (else local.settings.sample.json) at the repo
# root, with this run's emulator endpoints on top. A development signing key (Auth__DevSigningKey) is added if neither
# file has one (generated once, kept in .local/dev-signing-key). Environment variables override every value.
node -e '
  const fs = require("fs");
  const [out, root, keyFile, storage, cosmos, key] = process.argv.slice(1);
  const source = [root + "/local.settings.json", root + "/local.settings.sample.json"].find(f => fs.existsSync(f));
  const values = source ? (JSON.parse(fs.readFileSync(source, "utf8")).Values || {}) : {};
  values.FUNCTIONS_WORKER_RUNTIME = values.FUNCTIONS_WORKER_RUNTIME || "custom";
  values.AzureWebJobsStorage = storage;
  values.Cosmos__Endpoint = cosmos;
  values.Cosmos__Key = key;
  values.Cosmos__CreateIfMissing = "true";
  // The report timers reference these schedules; an older local.settings.json may lack them (docs/reports.md).
  values.Reports__CredentialReportSchedule = values.Reports__CredentialReportSchedule || "0 0 2 * * *";
  values.Reports__ExamReportSchedule = values.Reports__ExamReportSchedule || "0 15 2 * * *";
  values.Reports__QualityReportSchedule = values.Reports__QualityReportSchedule || "0 30 2 * * *";
  if (!values.Auth__DevSigningKey) {
    if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, require("crypto").randomBytes(32).toString("base64") + "\n");
    values.Auth__DevSigningKey = fs.readFileSync(keyFile, "utf8").trim();
  }
  fs.writeFileSync(out, JSON.stringify({ IsEncrypted: false, Values: values }, null, 2) + "\n");
  console.log("settings: " + (source ? source.replace(root + "/", "") + " + " : "") + "this run\x27s emulators -> .local/local.settings.json");
' "$local_dir/local.settings.json" "$repo_root" "$local_dir/dev-signing-key" "$FUNCLABEL_STORAGE" "$FUNCLABEL_COSMOS_ENDPOINT" "$FUNCLABEL_COSMOS_KEY"

# The Cosmos DB server keeps nothing between runs while Azurite keeps its blobs: --forget-receipts makes the blob
# watcher announce the blobs already stored again, so the fresh database ingests them.
"$host_dir/FuncLabel.LocalHost" --script-root "$app_dir" --settings "$local_dir/local.settings.json" --port "$port" --forget-receipts &
host_pid=$!
status=0
wait "$host_pid" || status=$?
# A signal interrupts the first wait; wait again for the host's graceful stop.
if kill -0 "$host_pid" 2>/dev/null; then
  wait "$host_pid" || status=$?
fi
host_pid=""
exit "$status"
