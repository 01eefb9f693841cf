#!/usr/bin/env bash
# Storage throughput with the Azure Storage SDK: sequential and 16-way concurrent 4 KB blob puts and queue sends against
# a dedicated in-memory Azurite (BenchmarkDotNet, bench/FuncLabel.Benchmarks/Storage/StorageThroughputBenchmarks.cs).
# Usage: bench/storage-throughput.sh [BenchmarkDotNet args] → report under $BENCH_OUT (default /tmp/fl-storage-bench/results)
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
work="$(mktemp -d)"
trap 'stop_emulators; rm -rf "$work"' EXIT
install_emulators
start_emulators "$work/emulators.env" --free-ports --in-memory > "$work/emulators.log" 2>&1
cd "$repo_root/bench/FuncLabel.Benchmarks"
dotnet run -c Release --artifacts-path "${ARTIFACTS_PATH:-/tmp/fl-storage-bench}" -- \
  --filter '*StorageThroughputBenchmarks*' --artifacts "${BENCH_OUT:-/tmp/fl-storage-bench/results}" "$@"
