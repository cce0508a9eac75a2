#!/usr/bin/env python3
"""Deterministic benchmark inputs (fixed seeds; the files themselves are not committed).

    python3 Benchmarks/peers/gen_data.py DIR [--rows 1000000] [--lm-rows 100000]

DIR/rows.csv  two-arm summary rows as a paper prints them: n1,mean1,sd1,n2,mean2,sd2
              (n 5..500, means and SDs with 2 decimals) -- input of `trialstats means --data`.
DIR/lm.csv    y,x1..x20 for a linear regression with 20 terms (n rows, 6 decimals).
Printed decimals are parsed by every tool (strtod, R, numpy) to the same doubles.
"""
import sys
import numpy as np


def rows_csv(path, n, seed=20250801):
    rng = np.random.default_rng(seed)
    n1 = rng.integers(5, 501, n)
    n2 = rng.integers(5, 501, n)
    mean1 = np.round(rng.normal(50, 20, n), 2)
    mean2 = np.round(mean1 + rng.normal(0, 5, n), 2)
    sd1 = np.round(rng.uniform(0.5, 30, n), 2)
    sd2 = np.round(sd1 * rng.uniform(0.5, 2, n), 2)
    sd2 = np.maximum(sd2, 0.01)
    with open(path, "w") as f:
        f.write("n1,mean1,sd1,n2,mean2,sd2\n")
        chunk = 100_000
        for s in range(0, n, chunk):
            e = min(n, s + chunk)
            f.write("".join(f"{a},{b:.2f},{c:.2f},{d},{g:.2f},{h:.2f}\n" for a, b, c, d, g, h in
                            zip(n1[s:e], mean1[s:e], sd1[s:e], n2[s:e], mean2[s:e], sd2[s:e])))


def lm_csv(path, n, p=20, seed=20250802):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, (n, p))
    x[:, 1] = x[:, 0] * 0.9 + x[:, 1] * 0.1          # some collinearity
    x[:, 2] = rng.integers(0, 2, n)                     # a binary (arm) column
    beta = np.linspace(-1, 1, p)
    y = 3 + x @ beta + rng.normal(0, 2, n)
    data = np.column_stack([y, x])
    np.savetxt(path, data, fmt="%.6f", delimiter=",",
               header=",".join(["y"] + [f"x{j + 1}" for j in range(p)]), comments="")


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    rows = int(args[args.index("--rows") + 1]) if "--rows" in args else 1_000_000
    lmrows = int(args[args.index("--lm-rows") + 1]) if "--lm-rows" in args else 100_000
    rows_csv(f"{out}/rows.csv", rows)
    lm_csv(f"{out}/lm.csv", lmrows)
    print(f"wrote {out}/rows.csv ({rows} rows) and {out}/lm.csv ({lmrows} rows)", file=sys.stderr)
