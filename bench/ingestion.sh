#!/usr/bin/env bash
# End-to-end ingestion figures: 1 GB asset (memory) and a 100,000-annotation import (throughput).
# Starts its own emulators, runs tests/FuncLabel.Functions.Tests/Ingestion/IngestionBench.cs with FUNCLABEL_BENCH_INGESTION=1,
# which writes bench/results/ingestion-1gb-asset.md and bench/results/ingestion-100k-import.md.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file="$(mktemp)"
node tools/emulators/emulators.mjs --free-ports --in-memory --write-env "$env_file" > /tmp/ingestion-bench-emu.log 2>&1 &
emu=$!
trap 'kill $emu 2>/dev/null || true' EXIT
while [ ! -s "$env_file" ]; do sleep 1; done
set -a; . "$env_file"; set +a
FUNCLABEL_BENCH_INGESTION=1 dotnet test tests/FuncLabel.Functions.Tests -c Release --artifacts-path "${ARTIFACTS:-/tmp/fl-ingestion-bench}" \
  --filter "FullyQualifiedName~IngestionBench" --logger "console;verbosity=normal"
