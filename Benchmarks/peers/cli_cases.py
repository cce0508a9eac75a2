#!/usr/bin/env python3
"""Process-level cases: `trialstats means --data` CSV -> CSV end to end (wall and peak RSS via
/usr/bin/time -v) and `trialstats report` over Datasets (wall).

    python3 Benchmarks/peers/cli_cases.py TRIALSTATS_BIN ROOT DATA_DIR OUT_DIR REPS
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

binary, root, data, out, reps = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])


def timed(cmd, stdout, cwd=None):
    """Wall seconds (measured here) and peak RSS in KB (from /usr/bin/time -v)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-v", "-o", tf.name] + cmd, stdout=stdout, check=True, cwd=cwd)
        wall = time.perf_counter() - t0
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tf.read()).group(1))
    return wall, rss


def emit(name, walls, items, **extra):
    rec = {"case": name, "impl": "trialstats", "median_s": statistics.median(walls), "min_s": min(walls),
           "reps": len(walls), "items": items}
    rec.update(extra)
    print(json.dumps(rec), flush=True)


rows = os.path.join(data, "rows.csv")
with open(rows) as f:
    nrows = sum(1 for _ in f) - 1
walls, rsss = [], []
for _ in range(max(1, reps // 2)):
    with open(os.path.join(out, "e2e.trialstats.csv"), "w") as o:
        w, r = timed([binary, "means", "--data", rows, "--format", "csv"], o)
    walls.append(w)
    rsss.append(r)
emit("batch_e2e_csv_1e6", walls, nrows, peak_rss_mb=max(rsss) / 1024, note="trialstats means --data --format csv")

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([binary, "report", "Datasets", "--out", tmp], cwd=root, check=True, stdout=subprocess.DEVNULL)
    walls, rsss = [], []
    for _ in range(max(5, reps)):
        w, r = timed([binary, "report", "Datasets", "--out", tmp], subprocess.DEVNULL, cwd=root)
        walls.append(w)
        rsss.append(r)
    # the committed Reports/ must be what this binary writes (so the timed run did the real work)
    same = all(open(os.path.join(tmp, f), "rb").read() == open(os.path.join(root, "Reports", f), "rb").read()
               for f in os.listdir(tmp) if os.path.exists(os.path.join(root, "Reports", f)))
emit("report_datasets", walls, 1, peak_rss_mb=max(rsss) / 1024, note=f"output identical to Reports/: {same}")
