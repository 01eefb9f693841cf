"""Reference IoU values from Shapely (GEOS) for bench/polygon-iou-vs-geos.sh.

usage: shapely_iou.py PAIRS.tsv OUT.txt
Reads "kind TAB wktA TAB wktB" lines and writes each pair's IoU, one per line, as repr(float).
Not timed: Shapely is the value reference; the speed reference is iou_driver.c.
"""
import sys

from shapely import wkt


def iou(a, b):
    intersection = a.intersection(b).area
    union = a.area + b.area - intersection
    return 0.0 if union <= 0 else intersection / union


def main(pairs_path, out_path):
    with open(pairs_path, encoding="utf-8") as pairs, open(out_path, "w", encoding="utf-8") as out:
        for line in pairs:
            _, a, b = line.rstrip("\n").split("\t")
            out.write(repr(iou(wkt.loads(a), wkt.loads(b))) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
