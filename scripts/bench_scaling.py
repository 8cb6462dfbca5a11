#!/usr/bin/env python3
"""How `kharita analyze` scales with the size of one file: time and peak memory at 1, 10, 26 and
100 MB, to check that analysis time grows linearly.

Each file is real news text: the ten Arabic articles of the shared corpus, the founding article
and the LGL articles (English), joined by blank lines and repeated until the size is reached, so
that every size has the same mix of Arabic and English, paragraphs and place names.

Usage: python3 scripts/bench_scaling.py [--sizes 1,10,26,100] [--shared ../shared]
Needs: a release build (cargo build --release) and /usr/bin/time.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def block(shared):
    parts = []
    for p in sorted(glob.glob(os.path.join(shared, "corpus", "ar-news", "*.txt"))):
        with open(p, encoding="utf-8") as f:
            parts.append(f.read().strip())
    with open(os.path.join(ROOT, "data", "founding-article.txt"), encoding="utf-8") as f:
        parts.append(f.read().strip())
    lgl = os.path.join(shared, "eval", "english", "lgl.xml")
    if os.path.exists(lgl):
        with open(lgl, encoding="utf-8") as f:
            parts += [m.group(1).strip() for m in re.finditer(r"<text>(.*?)</text>", f.read(), re.S)]
    return ("\n\n".join(parts) + "\n\n").encode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,10,26,100")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    unit = block(args.shared)
    exe = os.path.join(ROOT, "target", "release", "kharita")
    tmp = tempfile.mkdtemp(prefix="kharita-scaling-")
    try:
        print("| size | wall (s) | user (s) | s per MB (wall) | peak memory (MB) | output (MB) |")
        print("|---|---|---|---|---|---|")
        for mb in [int(s) for s in args.sizes.split(",")]:
            n = mb * 1_000_000
            data = (unit * (n // len(unit) + 1))[:n].decode("utf-8", "ignore")
            path = os.path.join(tmp, f"{mb}mb.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
            out = os.path.join(tmp, "out.json")
            t0 = time.perf_counter()
            with open(out, "wb") as o:
                r = subprocess.run(
                    ["/usr/bin/time", "-f", "%U %M", exe, "analyze", "--max-mb", str(mb + 1), path],
                    stdout=o, stderr=subprocess.PIPE, text=True, check=True)
            wall = time.perf_counter() - t0
            user, peak_kb = r.stderr.strip().splitlines()[-1].split()
            print(f"| {mb} MB | {wall:.2f} | {float(user):.2f} | {wall / mb:.3f} | "
                  f"{int(peak_kb) / 1024:.0f} | {os.path.getsize(out) / 1e6:.0f} |", flush=True)
            os.remove(path)
            os.remove(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
