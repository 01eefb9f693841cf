#!/usr/bin/env bash
# A/B start-up of already-published app folders under one already-published local host (bench/startup.sh's method:
# bench/startup/measure.mjs, the same emulators and settings, apps alternating run by run). For comparing two builds
# of the app (e.g. with and without a start-up change) in one session; the last folder is the ratios' baseline.
# Usage: bench/startup/ab.sh RUNS HOST_EXE NAME APP_DIR PATH [NAME APP_DIR PATH ...]
#   e.g. bench/startup/ab.sh 10 /tmp/lh/FuncLabel.LocalHost before /tmp/a /api/health after /tmp/b /api/health bare /tmp/bare /api/ping
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$repo_root"
runs="$1" host="$2"
shift 2
work="$(mktemp -d)"
trap 'stop_emulators; rm -rf "$work"' EXIT

install_emulators
start_emulators "$work/emulators.env" --free-ports --in-memory > "$work/emulators.log" 2>&1
. bench/startup/settings.sh
settings "$work/create.settings.json" true
settings "$work/local.settings.json" false
node bench/startup/measure.mjs 1 "$host" "$work/create.settings.json" "create the database" "$2" /api/health > /dev/null
echo "### A/B $(date -u '+%Y-%m-%d %H:%M') UTC, $runs runs each${STARTUP_SETTINGS:+, settings: $STARTUP_SETTINGS}"
echo
echo "$(nproc) cores, shared; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
node bench/startup/measure.mjs "$runs" "$host" "$work/local.settings.json" "$@"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
