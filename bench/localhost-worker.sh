#!/usr/bin/env bash
# The local host in worker mode, on the test worker app (tests/FuncLabel.TestWorker): handshake timings over several
# starts, then warm per-invocation costs (HTTP proxied to the worker's ASP.NET Core endpoint; a queue invocation over
# gRPC). Starts its own in-memory emulators on free ports. Writes bench/results/localhost-worker.md.
# Usage: bench/localhost-worker.sh [STARTS] [CALLS]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$repo_root"
starts="${1:-5}"
calls="${2:-1000}"
work="$(mktemp -d)"
trap 'stop_emulators; rm -rf "$work"' EXIT

install_emulators
start_emulators "$work/emulators.env" --free-ports --in-memory > "$work/emulators.log" 2>&1
# Builds go to the temporary folder, so the script never touches bin/obj folders of the work tree.
dotnet build tests/FuncLabel.TestWorker -c Release --nologo -v quiet --artifacts-path "$work/build" > /dev/null
dotnet build bench/FuncLabel.Benchmarks -c Release --nologo -v quiet --artifacts-path "$work/build" > /dev/null

out="bench/results/localhost-worker.md"
{
  echo "# Local host, worker mode: handshake and warm invocation costs"
  echo
  echo "Measured by \`bench/localhost-worker.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, shared; load average $(cut -d' ' -f1-3 /proc/loadavg); Azurite in memory)."
  echo "The host runs in the bench process; the test worker (10 functions) as its own process. Handshake times are"
  echo "milliseconds from the worker's launch; \"host ready\" includes the gRPC endpoint, the HTTP front door and the"
  echo "listeners. Warm costs are per call, one call at a time, after 100 warm-up calls."
  echo
} > "$out"
dotnet "$work/build/bin/FuncLabel.Benchmarks/release/FuncLabel.Benchmarks.dll" worker-costs \
  "$work/build/bin/FuncLabel.TestWorker/release" "$FUNCLABEL_STORAGE" "$starts" "$calls" "$repo_root/$out"
echo
cat "$out"
