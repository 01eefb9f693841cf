"""Compares two IoU value files line by line (bench/polygon-iou-vs-geos.sh).

usage: compare_iou.py PAIRS.tsv REFERENCE.txt CANDIDATE.txt TOLERANCE
Prints the number of pairs, the largest absolute difference (overall and per kind) and every
pair beyond the tolerance; exits 1 when any pair is beyond it.
"""
import sys


def read_values(path):
    with open(path, encoding="utf-8") as f:
        return [float(line) for line in f if line.strip()]


def main(pairs_path, reference_path, candidate_path, tolerance):
    with open(pairs_path, encoding="utf-8") as f:
        kinds = [line.split("\t", 1)[0] for line in f if line.strip()]
    reference = read_values(reference_path)
    candidate = read_values(candidate_path)
    if not (len(kinds) == len(reference) == len(candidate)):
        print(f"length mismatch: {len(kinds)} pairs, {len(reference)} vs {len(candidate)} values")
        return 1
    worst = {}
    beyond = []
    for i, (kind, r, c) in enumerate(zip(kinds, reference, candidate)):
        diff = abs(r - c)
        worst[kind] = max(worst.get(kind, 0.0), diff)
        if diff > tolerance:
            beyond.append((i + 1, kind, r, c, diff))
    print(f"pairs={len(kinds)} max_abs_diff={max(worst.values()):.3e} beyond_{tolerance:g}={len(beyond)}")
    for kind in sorted(worst):
        print(f"  {kind}: max_abs_diff={worst[kind]:.3e} pairs={kinds.count(kind)}")
    for line, kind, r, c, diff in beyond[:20]:
        print(f"  line {line} ({kind}): reference={r!r} candidate={c!r} diff={diff:.3e}")
    return 1 if beyond else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])))
