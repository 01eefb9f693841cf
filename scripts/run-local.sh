#!/usr/bin/env bash
# Runs the whole FuncLabel backend locally, in the foreground, until Ctrl+C:
#   1. the emulators (Azurite with its data in .local/azurite, the Cosmos DB server in memory), installed on first use;
#   2. the app folder (artifacts/app: the published isolated worker with host.json and blobwatcher.json) and the local
#      host (artifacts/localhost);
#   3. .local/local.settings.json for this run: local.settings.json (else local.settings.sample.json) at the repo root,
#      with this run's emulator endpoints (environment variables override its values);
#   4. the local host: the worker (over its gRPC protocol) + HTTP on http://localhost:7071/api + queue and timer
#      triggers + the blob watcher delivering blob-created events to the blob-triggered functions.
# Ctrl+C, SIGTERM or SIGHUP stops the host gracefully (running invocations finish), then the emulators, and the script
# exits once they are gone. If the script itself is killed (SIGKILL) or dies, a watchdog it started does the same
# within about a second (scripts/lib.sh, guard_children, says why a watchdog; docs/local-host.md).
# Options (environment):
#   FUNCLABEL_HTTP_PORT       the host's HTTP port (default 7071)
#   FUNCLABEL_EMULATOR_PORTS  fixed (default: Azurite 10000-10002, Cosmos DB 8081) or free (any free ports; they are in
#                             the local folder's emulators.env and emulators.log), to run next to another instance
#   FUNCLABEL_LOCAL_DIR       this run's folder: settings, logs, Azurite data, signing key (default .local)
#   FUNCLABEL_ARTIFACTS_DIR   where the app folder and the local host are built (default artifacts)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# Relative folders are taken from the current folder.
local_dir="$(mkdir -p "${FUNCLABEL_LOCAL_DIR:-$repo_root/.local}" && cd "${FUNCLABEL_LOCAL_DIR:-$repo_root/.local}" && pwd)"
artifacts_dir="$(mkdir -p "${FUNCLABEL_ARTIFACTS_DIR:-$repo_root/artifacts}" && cd "${FUNCLABEL_ARTIFACTS_DIR:-$repo_root/artifacts}" && pwd)"
cd "$repo_root"
app_dir="$artifacts_dir/app"
host_dir="$artifacts_dir/localhost"
port="${FUNCLABEL_HTTP_PORT:-7071}"
case "${FUNCLABEL_EMULATOR_PORTS:-fixed}" in
  fixed) emulator_ports=() ;;
  free) emulator_ports=(--free-ports) ;;
  *) echo "FUNCLABEL_EMULATOR_PORTS must be fixed or free, not '$FUNCLABEL_EMULATOR_PORTS'" >&2; exit 2 ;;
esac

# Everything started in the background below is a guarded child (scripts/lib.sh): its own process group, so a
# terminal's Ctrl+C reaches only this script, which stops the host first (it drains against live storage) and the
# emulators last; a watchdog does the same if this script is killed outright.
guard_children
trap stop_children EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

install_emulators
echo "starting the emulators (Azurite data in $local_dir/azurite; log in $local_dir/emulators.log)..."
start_emulators "$local_dir/emulators.env" ${emulator_ports[@]+"${emulator_ports[@]}"} --location "$local_dir/azurite" > "$local_dir/emulators.log" 2>&1

echo "building the app folder ($app_dir) and the local host..."
"$repo_root/scripts/build-app.sh" "$app_dir" > "$local_dir/build.log"
dotnet publish "$repo_root/src/FuncLabel.LocalHost/FuncLabel.LocalHost.csproj" -c Release --nologo -v quiet -o "$host_dir" >> "$local_dir/build.log"

# The app's settings for this run: the Values of local.settings.json (else local.settings.sample.json) at the repo
# root, with this run's emulator endpoints on top. A development signing key (Auth__DevSigningKey) is added if neither
# file has one (generated once, kept in .local/dev-signing-key). Environment variables override every value.
node -e '
  const fs = require("fs");
  const [out, root, keyFile, storage, cosmos, key] = process.argv.slice(1);
  const source = [root + "/local.settings.json", root + "/local.settings.sample.json"].find(f => fs.existsSync(f));
  const values = source ? (JSON.parse(fs.readFileSync(source, "utf8")).Values || {}) : {};
  values.FUNCTIONS_WORKER_RUNTIME = values.FUNCTIONS_WORKER_RUNTIME || "dotnet-isolated";
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
  console.log("settings: " + (source ? source.replace(root + "/", "") + " + " : "") + "this run\x27s emulators -> " + out);
' "$local_dir/local.settings.json" "$repo_root" "$local_dir/dev-signing-key" "$FUNCLABEL_STORAGE" "$FUNCLABEL_COSMOS_ENDPOINT" "$FUNCLABEL_COSMOS_KEY"

# The Cosmos DB server keeps nothing between runs while Azurite keeps its blobs: --forget-receipts makes the blob
# watcher announce the blobs already stored again, so the fresh database ingests them.
echo "starting the local host (http://localhost:$port/api)..."
start_child "local host" 45 "$host_dir/FuncLabel.LocalHost" --script-root "$app_dir" --settings "$local_dir/local.settings.json" --port "$port" --forget-receipts
status=0
# A trapped signal interrupts this wait: its trap exits, and the EXIT trap stops the host, then the emulators.
wait "$child_pid" || status=$?
exit "$status"
