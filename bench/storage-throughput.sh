#!/usr/bin/env bash
# Storage client throughput: sequential and 16-way concurrent 4 KB blob puts and queue sends against a dedicated
# in-memory Azurite.
# Usage: bench/storage-throughput.sh [BenchmarkDotNet args]
#          → BenchmarkDotNet (bench/FuncLabel.Benchmarks/Storage/StorageThroughputBenchmarks.cs), report under $BENCH_OUT
#            (default /tmp/fl-storage-bench/results)
#        bench/storage-throughput.sh --rounds [ROUNDS=20] [OPS=64]
#          → the same cases interleaved round by round (StorageThroughputRoundsCommand.cs), a Markdown table on stdout
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
work="$(mktemp -d)"
trap 'stop_emulators; rm -rf "$work"' EXIT
install_emulators
start_emulators "$work/emulators.env" --free-ports --in-memory > "$work/emulators.log" 2>&1
cd "$repo_root/bench/FuncLabel.Benchmarks"
if [ "${1:-}" = "--rounds" ]; then
  shift
  dotnet run -c Release --artifacts-path "${ARTIFACTS_PATH:-/tmp/fl-storage-bench}" -- storage-throughput-rounds "$@"
else
  dotnet run -c Release --artifacts-path "${ARTIFACTS_PATH:-/tmp/fl-storage-bench}" -- \
    --filter '*StorageThroughputBenchmarks*' --artifacts "${BENCH_OUT:-/tmp/fl-storage-bench/results}" "$@"
fi
