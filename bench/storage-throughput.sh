#!/usr/bin/env bash
# Storage client throughput: sequential and 16-way concurrent 4 KB blob puts and queue sends against a dedicated
# in-memory Azurite (BenchmarkDotNet, bench/FuncLabel.Benchmarks/Storage/StorageThroughputBenchmarks.cs).
# Usage: bench/storage-throughput.sh   → BenchmarkDotNet report under $BENCH_OUT (default /tmp/fl-storage-bench/results)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
node "$repo/tools/emulators/emulators.mjs" --free-ports --in-memory --write-env "$work/emulators.env" > "$work/emulators.log" 2>&1 &
emulators=$!
trap 'kill "$emulators" 2>/dev/null; wait "$emulators" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do [ -f "$work/emulators.env" ] && break; sleep 0.1; done
set -a; . "$work/emulators.env"; set +a
cd "$repo/bench/FuncLabel.Benchmarks"
dotnet run -c Release --artifacts-path "${ARTIFACTS_PATH:-/tmp/fl-storage-bench}" -- \
  --filter '*StorageThroughputBenchmarks*' --artifacts "${BENCH_OUT:-/tmp/fl-storage-bench/results}" "$@"
