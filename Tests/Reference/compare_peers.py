#!/usr/bin/env python3
"""Side-by-side accuracy of TrialStats, scipy.stats and R on the mpmath fixture points.

Run by hand (not by the test suite), from the package root:

  1. Swift values:  TRIALSTATS_LRE_OUT=$PWD/Tests/Reference/out/swift.csv \\
                        swift test --filter DistributionAccuracyTests
  2. R values:      Rscript Tests/Reference/compare_peers.R        (-> Tests/Reference/out/r.csv)
  3. scipy values and the report:
                    python3 Tests/Reference/compare_peers.py        (-> Tests/Reference/out/scipy.csv)
     options: --swift FILE  --r FILE  --scipy-only  --report-only

LRE (log relative error) of a computed value c against the mpmath value e:
  -log10(|c - e| / |e|), capped at 17 (17 = exact), 0 for a non-finite or wrong-sign answer, floored at 0.
  Where the accuracy test uses an absolute criterion the LRE follows it: e subnormal or zero ->
  17 if |c - e| <= 1e-300 else 0;  logpdf/logpmf with |e| < 1 -> -log10|c - e|.
  Discrete quantile/isf: 17 if equal, else 0.
Prints a markdown table per (dist, func): n, and min / 1st percentile / median LRE for each library.
"""
import argparse
import csv
import math
import os
import sys

import numpy as np
from mpmath import mp, mpf

mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Fixtures", "distributions_mpmath.csv")
OUTDIR = os.path.join(HERE, "out")
TINY = 2.2250738585072014e-308
DISCRETE = {"binom", "pois", "hyper"}


def read_fixture(path=FIXTURE):
    with open(path) as f:
        return list(csv.DictReader(f))


def key(r):
    return (r["dist"], r["func"], r["p1"], r["p2"], r["p3"], r["arg"])


# ---------------------------------------------------------------------------------------------
# scipy
# ---------------------------------------------------------------------------------------------

def scipy_frozen(dist, p1, p2, p3):
    from scipy import stats
    f = float
    if dist == "normal":
        return stats.norm(loc=f(p1), scale=f(p2))
    if dist == "t":
        return stats.t(f(p1))
    if dist == "chisq":
        return stats.chi2(f(p1))
    if dist == "f":
        return stats.f(f(p1), f(p2))
    if dist == "beta":
        return stats.beta(f(p1), f(p2))
    if dist == "gamma":
        return stats.gamma(f(p1), scale=f(p2))
    if dist == "nct":
        return stats.nct(f(p1), f(p2))
    if dist == "binom":
        return stats.binom(int(p1), f(p2))
    if dist == "pois":
        return stats.poisson(f(p1))
    if dist == "hyper":
        K, F, n = int(p1), int(p2), int(p3)
        return stats.hypergeom(K + F, K, n)      # scipy: M = population, n = successes, N = draws
    raise ValueError(dist)


SCIPY_METHOD = {"pdf": "pdf", "pmf": "pmf", "logpdf": "logpdf", "logpmf": "logpmf", "cdf": "cdf", "sf": "sf",
                "quantile": "ppf", "isf": "isf"}


def run_scipy(rows, out):
    groups = {}
    for i, r in enumerate(rows):
        groups.setdefault((r["dist"], r["func"], r["p1"], r["p2"], r["p3"]), []).append(i)
    values = [None] * len(rows)
    with np.errstate(all="ignore"):
        for (dist, func, p1, p2, p3), idx in groups.items():
            fr = scipy_frozen(dist, p1, p2, p3)
            args = np.array([float(rows[i]["arg"]) for i in idx])
            try:
                v = getattr(fr, SCIPY_METHOD[func])(args)
            except Exception as e:              # record a failure as NaN, keep going
                print("scipy error", dist, func, p1, p2, p3, e, file=sys.stderr)
                v = np.full(len(idx), np.nan)
            for i, x in zip(idx, np.atleast_1d(v)):
                values[i] = float(x)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        f.write("dist,func,p1,p2,p3,arg,computed\n")
        for r, v in zip(rows, values):
            f.write(",".join(list(key(r)) + [repr(v)]) + "\n")
    print("scipy values -> %s" % os.path.relpath(out), file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------------

def read_values(path, column="computed"):
    if not path or not os.path.exists(path):
        return None
    vals = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            s = r[column].strip()
            try:
                vals[key(r)] = float(s)
            except ValueError:
                vals[key(r)] = math.nan      # "NA", "nan", "NaN", empty
    return vals


def lre(r, c):
    if c is None:
        return None
    dist, func = r["dist"], r["func"]
    e = mpf(r["expected"])
    if dist in DISCRETE and func in ("quantile", "isf"):
        return 17.0 if math.isfinite(c) and c == float(e) else 0.0
    if not math.isfinite(c) or (e != 0 and c != 0 and (c < 0) != (e < 0)):
        return 0.0
    if func in ("logpdf", "logpmf") and abs(e) < 1:
        err = abs(mpf(c) - e)
    elif abs(e) < TINY:
        return 17.0 if abs(mpf(c) - e) <= mpf("1e-300") else 0.0
    else:
        err = abs(mpf(c) - e) / abs(e)
    if err == 0:
        return 17.0
    return float(min(17, max(0, -mp.log10(err))))


def stats_of(ls):
    ls = sorted(x for x in ls if x is not None)
    if not ls:
        return "–", "–", "–"
    n = len(ls)
    return "%.1f" % ls[0], "%.1f" % ls[int(0.01 * (n - 1))], "%.1f" % ls[n // 2]


def report(rows, libs):
    names = [n for n, v in libs if v is not None]
    print("| dist | func | n | " + " | ".join("%s min | %s p1 | %s median" % (n, n, n) for n in names) + " |")
    print("|---|---|---:|" + "---:|---:|---:|" * len(names))
    groups = {}
    for r in rows:
        groups.setdefault((r["dist"], r["func"]), []).append(r)
    for (dist, func), rs in groups.items():
        cells = []
        for n, vals in libs:
            if vals is None:
                continue
            cells += stats_of([lre(r, vals.get(key(r))) for r in rs])
        print("| %s | %s | %d | %s |" % (dist, func, len(rs), " | ".join(cells)))
    print()
    # the known weak spot: t quantile at p = 1e-300 with df = 2.5
    for r in rows:
        if r["dist"] == "t" and r["func"] == "quantile" and float(r["p1"]) == 2.5 and float(r["arg"]) == 1e-300:
            print("t quantile(p = 1e-300, df = 2.5): mpmath %s" % r["expected"])
            for n, vals in libs:
                if vals is not None:
                    c = vals.get(key(r))
                    label = {"scipy": "scipy t.ppf(1e-300, 2.5)", "R": "R qt(1e-300, 2.5)"}.get(n, n)
                    print("  %-26s %r   LRE %.1f" % (label, c, lre(r, c)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--swift", default=os.path.join(OUTDIR, "swift.csv"))
    ap.add_argument("--r", default=os.path.join(OUTDIR, "r.csv"))
    ap.add_argument("--scipy", default=os.path.join(OUTDIR, "scipy.csv"))
    ap.add_argument("--scipy-only", action="store_true")
    ap.add_argument("--report-only", action="store_true")
    a = ap.parse_args()
    rows = read_fixture()
    if not a.report_only:
        run_scipy(rows, a.scipy)
    if a.scipy_only:
        return
    libs = [("TrialStats", read_values(a.swift)), ("scipy", read_values(a.scipy)), ("R", read_values(a.r))]
    for n, v in libs:
        if v is None:
            print("(no %s values found)" % n, file=sys.stderr)
    report(rows, libs)


if __name__ == "__main__":
    main()
