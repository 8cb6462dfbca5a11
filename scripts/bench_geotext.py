#!/usr/bin/env python3
"""Throughput of `kharita analyze` beside geotext (PyPI, a regex gazetteer tagger) on the same
English news texts, measured in one run.

The texts are the articles of the English evaluation corpora (LGL, GeoWebNews, TR-News,
GeoVirus), cycled to the requested count and written once to a temporary folder. geotext runs
in this process over the same strings; kharita runs as the release binary over the files, once
with one thread and once with all cores. Peak memory of kharita comes from /usr/bin/time.

Usage: python3 scripts/bench_geotext.py [--docs 5000] [--eval ../shared/eval]
Needs: a release build (cargo build --release) and `pip` (geotext is installed into
scripts/.cache/venv, pinned below).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

GEOTEXT = "geotext==0.4.0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def texts(eval_dir):
    out = []
    for name in ["lgl.xml", "GWN.xml", "TR-News.xml", "GeoVirus.xml"]:
        with open(os.path.join(eval_dir, "english", name), encoding="utf-8") as f:
            xml = f.read()
        for m in re.finditer(r"<text>(.*?)</text>", xml, re.S):
            t = m.group(1)
            if t.startswith("<![CDATA["):
                t = t[9:-3]
            out.append(t)
    return out


def venv_python():
    venv = os.path.join(ROOT, "scripts", ".cache", "venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", GEOTEXT], check=True)
    return py


GEOTEXT_RUN = r"""
import sys, time, os
from geotext import GeoText
folder = sys.argv[1]
files = sorted(os.listdir(folder))
docs = [open(os.path.join(folder, f), encoding="utf-8").read() for f in files]
t0 = time.perf_counter()
GeoText("warm up")  # loads its tables
t1 = time.perf_counter()
n = 0
for d in docs:
    g = GeoText(d)
    n += len(g.cities) + len(g.countries)
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {n}")
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    args = ap.parse_args()
    base = texts(args.eval)
    docs = [base[i % len(base)] for i in range(args.docs)]
    tmp = tempfile.mkdtemp(prefix="kharita-bench-")
    try:
        paths = []
        for i, d in enumerate(docs):
            p = os.path.join(tmp, f"{i:05d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(d)
            paths.append(p)
        mb = sum(len(d.encode()) for d in docs) / 1e6
        print(f"{len(docs)} documents, {mb:.1f} MB")

        py = venv_python()
        r = subprocess.run([py, "-c", GEOTEXT_RUN, tmp], capture_output=True, text=True, check=True)
        load, run, found = r.stdout.split()
        gt_dps = len(docs) / float(run)
        print(f"geotext 0.4.0: load {float(load):.2f} s, tagging {float(run):.2f} s, "
              f"{gt_dps:.0f} docs/s (one thread), {found} names found")

        exe = os.path.join(ROOT, "target", "release", "kharita")
        for threads in ["1", str(os.cpu_count() or 1)]:
            env = dict(os.environ, RAYON_NUM_THREADS=threads)
            t0 = time.perf_counter()
            r = subprocess.run(["/usr/bin/time", "-f", "%M", exe, "analyze", *paths],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
            dt = time.perf_counter() - t0
            peak_mb = int(r.stderr.strip().splitlines()[-1]) / 1024
            dps = len(docs) / dt
            print(f"kharita, {threads} thread(s): {dt:.2f} s including start-up, {dps:.0f} docs/s, "
                  f"{dps / gt_dps:.2f}x geotext, peak memory {peak_mb:.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
