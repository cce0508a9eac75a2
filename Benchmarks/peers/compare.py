#!/usr/bin/env python3
"""Side-by-side table, agreement checks and targets from one run's JSON lines and value files.

    python3 Benchmarks/peers/compare.py OUT_DIR     (reads OUT_DIR/*.jsonl and OUT_DIR/*.f64)

Ratios are peer median / trialstats median (> 1: TrialStats is faster). Agreement is the largest relative
difference over all values where both are finite and the reference is not below 1e-300.
"""
import glob
import json
import os
import sys

import numpy as np

out = sys.argv[1]
res = {}
for path in glob.glob(os.path.join(out, "*.jsonl")):
    for line in open(path):
        if line.startswith("{"):
            r = json.loads(line)
            res[(r["case"], r["impl"])] = r

ORDER = ["dist_t_quantile", "dist_t_sf", "dist_chisq_quantile", "dist_chisq_sf", "dist_f_quantile", "dist_f_sf",
         "batch_inprocess_1e6", "batch_e2e_csv_1e6", "ffh_2x3_n2965", "ffh_4x6_n258", "fisher_2x2_n10000",
         "report_datasets", "lm_100000x20", "lm_100000x20_qr_norefine"]
# (case, peer, minimum ratio peer/ours) and absolute wall targets (case, seconds)
TARGETS = [("batch_inprocess_1e6", "scipy", 2), ("batch_inprocess_1e6", "R", 20),
           ("ffh_2x3_n2965", "R", 10), ("ffh_4x6_n258", "R", 10)]
ABS_TARGETS = [("report_datasets", 0.1)]


def fmt(s):
    if s is None:
        return "—"
    return f"{s * 1e3:.3g} ms" if s < 1 else f"{s:.3g} s"


def med(case, impl):
    r = res.get((case, impl))
    return r["median_s"] if r else None


lines = ["| case | trialstats | scipy | R | scipy/ours | R/ours | notes |", "|---|---|---|---|---|---|---|"]
for case in ORDER:
    ours, sp, rr = med(case, "trialstats"), med(case, "scipy"), med(case, "R")
    if ours is None and sp is None and rr is None:
        continue
    ratio = lambda peer: f"{peer / ours:.2f}×" if peer and ours else "—"
    notes = "; ".join(x for x in [res.get((case, "trialstats"), {}).get("note", ""),
                                  f"peak RSS {res[(case, 'trialstats')]['peak_rss_mb']:.1f} MB"
                                  if "peak_rss_mb" in res.get((case, "trialstats"), {}) else ""] if x)
    lines.append(f"| {case} | {fmt(ours)} | {fmt(sp)} | {fmt(rr)} | {ratio(sp)} | {ratio(rr)} | {notes} |")
print("\n".join(lines))


def load(name, impl):
    p = os.path.join(out, f"{name}.{impl}.f64")
    return np.fromfile(p, dtype="<f8") if os.path.exists(p) else None


print("\nAgreement (max relative difference; values where both finite, |reference| ≥ 1e-300):")
names = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(os.path.join(out, "*.f64"))})
agree = []
for name in names:
    ours = load(name, "trialstats")
    if ours is None:
        continue
    for peer in ("scipy", "R"):
        ref = load(name, peer)
        if ref is None or len(ref) != len(ours):
            continue
        both = np.isfinite(ours) & np.isfinite(ref) & (np.abs(ref) >= 1e-300)
        rel = np.abs(ours[both] - ref[both]) / np.abs(ref[both])
        worst = int(np.argmax(rel)) if rel.size else -1
        mism = int(np.sum(np.isfinite(ours) != np.isfinite(ref)))
        line = f"  {name:24s} vs {peer:5s}: max rel {rel.max() if rel.size else float('nan'):.2e}"
        line += f", median {np.median(rel) if rel.size else float('nan'):.1e} over {both.sum()} values"
        if mism:
            line += f"; {mism} finite/non-finite mismatches"
        agree.append(line)
print("\n".join(agree))

# End-to-end output against the in-process peer values (the CSV carries 17 significant digits).
e2e = os.path.join(out, "e2e.trialstats.csv")
ref = load("batch_p", "R")
if os.path.exists(e2e) and ref is not None:
    cols = np.loadtxt(e2e, delimiter=",", skiprows=1, usecols=(3, 4, 6, 7), unpack=True)
    for k, name in zip((0, 1, 2, 3), ("batch_lower", "batch_upper", "batch_df", "batch_p")):
        r = load(name, "R")
        if r is not None and len(r) == len(cols[k]):
            rel = np.abs(cols[k] - r) / np.maximum(np.abs(r), 1e-300)
            print(f"  e2e CSV {name[6:]:5s} vs R (in-process): max rel {rel.max():.2e} over {len(r)} rows")

print("\nTargets:")
for case, peer, want in TARGETS:
    ours, p = med(case, "trialstats"), med(case, peer)
    if ours and p:
        note = res[(case, "trialstats")].get("note", "")
        incomplete = "complete=false" in note
        ok = p / ours >= want and not incomplete
        print(f"  {case}: {p / ours:.2f}× {peer} (target ≥ {want}×) -> {'MET' if ok else 'MISSED'}"
              + (" (trialstats result incomplete: bounds only)" if incomplete else ""))
for case, limit in ABS_TARGETS:
    ours = med(case, "trialstats")
    if ours:
        print(f"  {case}: {fmt(ours)} wall (target < {fmt(limit)}) -> {'MET' if ours < limit else 'MISSED'}")
r = res.get(("batch_e2e_csv_1e6", "trialstats"))
if r and "peak_rss_mb" in r:
    print(f"  batch_e2e_csv_1e6 peak RSS: {r['peak_rss_mb']:.1f} MB (target < 100 MB) -> "
          f"{'MET' if r['peak_rss_mb'] < 100 else 'MISSED'}")
