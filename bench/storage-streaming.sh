#!/usr/bin/env bash
# 200 MiB blob up and down, streamed, with the Azure Storage SDK, against a dedicated in-memory Azurite:
# allocation, working-set peak and time per direction (bench/FuncLabel.Benchmarks/Storage/StorageStreamingCommand.cs).
# Usage: bench/storage-streaming.sh [RUNS=2] [MIB=200]   → a Markdown table on stdout
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
work="$(mktemp -d)"
trap 'stop_emulators; rm -rf "$work"' EXIT
install_emulators
start_emulators "$work/emulators.env" --free-ports --in-memory > "$work/emulators.log" 2>&1
cd "$repo_root/bench/FuncLabel.Benchmarks"
dotnet run -c Release --artifacts-path "${ARTIFACTS_PATH:-/tmp/fl-storage-bench}" -- storage-streaming "$@"
