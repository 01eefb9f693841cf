#!/usr/bin/env bash
# Polygon IoU: FuncLabel (boundary-integral intersection area) against GEOS's C API for speed
# and Shapely for values.
#
# usage: bench/polygon-iou-vs-geos.sh [PAIRS=2000] [SEED=8] [REPORT.md]
#
# One run: builds the benchmarks app, writes PAIRS generated polygon pairs as WKT (the same file
# both sides read), compiles bench/geos/iou_driver.c against libgeos, times IoU per pair on both
# sides (parsing and per-polygon areas outside the clock on both), computes reference values with
# Shapely, checks agreement to 1e-9, and prints (or writes to the REPORT file) a summary with the
# machine, the date and which path answered each kind of pair. A developer tool: it installs nothing; it stops and
# says what is missing.
set -euo pipefail

pairs="${1:-2000}"
seed="${2:-8}"
report="${3:-}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK_DIR:-$(mktemp -d /tmp/polygon-iou.XXXXXX)}"
artifacts="${ARTIFACTS_PATH:-/tmp/fl-polygon-iou-bench}"
tolerance=1e-9

missing=()
command -v dotnet >/dev/null || missing+=("the .NET SDK")
command -v cc >/dev/null || missing+=("a C compiler (apt-get install -y gcc)")
command -v geos-config >/dev/null || missing+=("GEOS C API (apt-get install -y libgeos-dev)")
/usr/bin/python3 -c 'import shapely' 2>/dev/null || missing+=("Shapely for Debian's python3 (apt-get install -y python3-shapely)")
if ((${#missing[@]} > 0)); then
  printf 'missing: %s\n' "${missing[@]}" >&2
  echo "install them (e.g. sudo apt-get update && sudo apt-get install -y libgeos-dev python3-shapely) and rerun" >&2
  exit 1
fi

echo "work directory: $work" >&2
dotnet build -c Release "$repo/bench/FuncLabel.Benchmarks" --artifacts-path "$artifacts" -v quiet -nologo >&2
bench="$artifacts/bin/FuncLabel.Benchmarks/release/FuncLabel.Benchmarks"
cc -O2 -Wall -Wextra -o "$work/iou_driver" "$repo/bench/geos/iou_driver.c" $(geos-config --cflags) $(geos-config --clibs)

"$bench" iou-pairs write "$work/pairs.tsv" "$pairs" "$seed" >&2
"$bench" iou-pairs time "$work/pairs.tsv" "$work/nts.txt" > "$work/nts.log" 2> "$work/nts-paths.txt"
"$work/iou_driver" "$work/pairs.tsv" "$work/geos.txt" > "$work/geos.log"
/usr/bin/python3 "$repo/bench/geos/shapely_iou.py" "$work/pairs.tsv" "$work/shapely.txt"

set +e
/usr/bin/python3 "$repo/bench/geos/compare_iou.py" "$work/pairs.tsv" "$work/shapely.txt" "$work/nts.txt" "$tolerance" > "$work/agreement-shapely.txt"
shapely_status=$?
/usr/bin/python3 "$repo/bench/geos/compare_iou.py" "$work/pairs.tsv" "$work/geos.txt" "$work/nts.txt" "$tolerance" > "$work/agreement-geos.txt"
set -e

summary() {
  echo "# Polygon IoU: FuncLabel (boundary integral) vs GEOS C API"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores (shared with other work), $(uname -sr)"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (timings on a loaded machine are inflated and noisy; compare ratios)"
  echo "- versions: GEOS $(geos-config --version), Shapely $(/usr/bin/python3 -c 'import shapely; print(shapely.__version__)'), .NET $(dotnet --version), NetTopologySuite 2.5.0"
  echo "- input: $pairs pairs, seed $seed (bench/FuncLabel.Benchmarks/Scoring/PolygonPairGenerator.cs), 8–64 vertices, non-convex, 25 % with a hole; touching and shared-edge pairs share part of a vertical cut"
  echo "- command: bench/polygon-iou-vs-geos.sh $pairs $seed"
  echo
  echo "Time per pair (fastest pass / median pass; parsing and per-polygon areas outside the clock on both sides):"
  echo
  echo "| pairs | count | GEOS best ns | GEOS median ns | FuncLabel best ns | FuncLabel median ns | ratio (best) | ratio (median) |"
  echo "|---|---|---|---|---|---|---|---|"
  join -t $'\t' <(awk -F'\t' '{print $2"\t"$3"\t"$5"\t"$6}' "$work/geos.log" | sort) \
                <(awk -F'\t' '{print $2"\t"$5"\t"$6}' "$work/nts.log" | sort) |
    awk -F'\t' '{
      split($2, c, "="); split($3, gb, "="); split($4, gm, "="); split($5, nb, "="); split($6, nm, "=");
      printf "| %s | %s | %s | %s | %s | %s | %.2f× | %.2f× |\n", $1, c[2], gb[2], gm[2], nb[2], nm[2], nb[2] / gb[2], nm[2] / gm[2] }'
  echo
  echo "Paths per kind of pair (exits: disjoint envelopes, equal boundaries, two rectangles; OverlayNG: none, the kernel handles touching boundaries):"
  echo
  echo '```'
  cat "$work/nts-paths.txt"
  echo '```'
  echo
  echo "Agreement with Shapely (absolute IoU difference, tolerance $tolerance):"
  echo
  echo '```'
  cat "$work/agreement-shapely.txt"
  echo '```'
  echo
  echo "Agreement with the GEOS driver's own values:"
  echo
  echo '```'
  cat "$work/agreement-geos.txt"
  echo '```'
}

if [[ -n "$report" ]]; then
  summary > "$report"
  cat "$report"
else
  summary
fi
exit "$shapely_status"
