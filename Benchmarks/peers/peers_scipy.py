#!/usr/bin/env python3
"""scipy 1.17 / numpy side of the TrialStats benchmarks: same inputs as tsbench, vectorised, one core.

    OPENBLAS_NUM_THREADS=1 python3 Benchmarks/peers/peers_scipy.py DATA_DIR OUT_DIR REPS [cases]

cases: comma-separated subset of dist,batch,tables,lm,e2e (default all). Prints one JSON line per case and
writes computed values as raw float64 (OUT_DIR/<case>.scipy.f64) for peers/compare.py.
"""
import json
import os
import statistics
import sys
import time

import numpy as np
from scipy import linalg, special, stats

data, out, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
cases = sys.argv[4].split(",") if len(sys.argv) > 4 else ["dist", "batch", "tables", "lm", "e2e"]


def bench(name, f, reps=reps, warmup=1, items=1, note="", per=1):
    for _ in range(warmup):
        f()
    t = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        t.append((time.perf_counter() - t0) / per)
    rec = {"case": name, "impl": "scipy", "median_s": statistics.median(t), "min_s": min(t), "reps": reps, "items": items}
    if note:
        rec["note"] = note
    print(json.dumps(rec), flush=True)


def save(v, name):
    np.asarray(v, dtype="<f8").tofile(os.path.join(out, f"{name}.scipy.f64"))


# Grid: identical formulas in Sources/tsbench/Inputs.swift and peers.R.
N = 100_000
i = np.arange(N)
gp = (i + 0.5) / N
gdf = 0.5 + 0.25 * (i % 997)
gdf1 = 1.0 + (i % 13)
gx = 0.01 + 0.05 * (i % 1009)

if "dist" in cases:
    fs = {
        "dist_t_quantile": lambda: stats.t.ppf(gp, gdf),
        "dist_t_sf": lambda: stats.t.sf(gx, gdf),
        "dist_chisq_quantile": lambda: stats.chi2.ppf(gp, gdf),
        "dist_chisq_sf": lambda: stats.chi2.sf(gx, gdf),
        "dist_f_quantile": lambda: stats.f.ppf(gp, gdf1, gdf),
        "dist_f_sf": lambda: stats.f.sf(gx, gdf1, gdf),
    }
    for name, f in fs.items():
        bench(name, f, items=N)
        save(f(), name)


def welch(n1, m1, s1, n2, m2, s2, level=0.95):
    v1 = s1 * s1 / n1
    v2 = s2 * s2 / n2
    se = np.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    d = m1 - m2
    cr = special.stdtrit(df, 0.5 + level / 2)
    t = d / se
    return d, se, d - cr * se, d + cr * se, t, df, 2 * special.stdtr(df, -np.abs(t))


rows_file = os.path.join(data, "rows.csv")
if "batch" in cases:
    n1, m1, s1, n2, m2, s2 = np.loadtxt(rows_file, delimiter=",", skiprows=1, unpack=True)
    r = welch(n1, m1, s1, n2, m2, s2)
    bench("batch_inprocess_1e6", lambda: welch(n1, m1, s1, n2, m2, s2), items=len(n1))
    save(r[2], "batch_lower"); save(r[3], "batch_upper"); save(r[6], "batch_p"); save(r[5], "batch_df")

if "e2e" in cases:
    def e2e():
        cols = np.loadtxt(rows_file, delimiter=",", skiprows=1, unpack=True)
        r = np.column_stack(welch(*cols))
        np.savetxt(os.path.join(out, "e2e.scipy.csv"), r, fmt="%.17g", delimiter=",",
                   header="estimate,se,ci_lower,ci_upper,statistic,df,p_value", comments="")
    bench("batch_e2e_csv_1e6", e2e, reps=max(1, reps // 2), warmup=0, items=1_000_000,
          note="numpy loadtxt/savetxt")

if "tables" in cases:
    t2x2 = [[2510, 2490], [2440, 2560]]
    p = stats.fisher_exact(t2x2).pvalue
    bench("fisher_2x2_n10000", lambda: [stats.fisher_exact(t2x2) for _ in range(20)], per=20,
          note="scipy has no exact r x c Fisher (Freeman-Halton)")
    save([p], "fisher_2x2_n10000")

if "lm" in cases:
    d = np.loadtxt(os.path.join(data, "lm.csv"), delimiter=",", skiprows=1)
    y, X = d[:, 0], np.column_stack([np.ones(len(d)), d[:, 1:]])

    def ols():
        # What R's lm computes: QR least squares, SEs from (R^T R)^-1, t tests.
        q, rr = linalg.qr(X, mode="economic")
        beta = linalg.solve_triangular(rr, q.T @ y)
        res = y - X @ beta
        dfr = X.shape[0] - X.shape[1]
        s2 = res @ res / dfr
        rinv = linalg.solve_triangular(rr, np.eye(X.shape[1]))
        se = np.sqrt(s2 * np.sum(rinv * rinv, axis=1))
        p = 2 * stats.t.sf(np.abs(beta / se), dfr)
        return beta, se, p

    beta, se, _ = ols()
    bench("lm_100000x20", ols, warmup=0, items=len(y), note="scipy.linalg.qr + t tests")
    save(beta, "lm_coef"); save(se, "lm_se")
