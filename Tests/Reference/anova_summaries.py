#!/usr/bin/env python3
"""Reference values for AnovaFromSummaries (Tests/Fixtures/anova_summaries.csv).

Classic one-way ANOVA and Welch's ANOVA (Welch 1951, Biometrika 38:330, eqs. 9-10) from per-arm n, mean
and SD, in mpmath at 40 digits; p = upper tail of F(df1, df2) via the regularized incomplete beta
(betainc). Cross-checked against scipy.stats.f_oneway / R oneway.test for data sets with these summaries.
Run: python3 Tests/Reference/anova_summaries.py > Tests/Fixtures/anova_summaries.csv
"""
import random
import mpmath as mp

mp.mp.dps = 40


def f_sf(f, d1, d2):
    x = d2 / (d2 + d1 * f)
    return mp.betainc(d2 / 2, d1 / 2, 0, x, regularized=True)


def classic(n, m, s):
    k, N = len(n), sum(n)
    gm = sum(ni * mi for ni, mi in zip(n, m)) / N
    ssb = sum(ni * (mi - gm) ** 2 for ni, mi in zip(n, m))
    ssw = sum((ni - 1) * si ** 2 for ni, si in zip(n, s))
    f = (ssb / (k - 1)) / (ssw / (N - k))
    return f, mp.mpf(N - k), f_sf(f, mp.mpf(k - 1), mp.mpf(N - k))


def welch(n, m, s):
    k = len(n)
    w = [ni / si ** 2 for ni, si in zip(n, s)]
    W = sum(w)
    mw = sum(wi * mi for wi, mi in zip(w, m)) / W
    a = sum(wi * (mi - mw) ** 2 for wi, mi in zip(w, m)) / (k - 1)
    lam = sum((1 - wi / W) ** 2 / (ni - 1) for wi, ni in zip(w, n))
    b = 1 + 2 * (k - 2) * lam / (k * k - 1)
    f = a / b
    d2 = (k * k - 1) / (3 * lam)
    return f, d2, f_sf(f, mp.mpf(k - 1), d2)


def main():
    rng = random.Random(7)
    cases = [([14, 9, 12], ["23.2", "31.6", "25.5"], ["7.2", "5.8", "8.1"])]
    while len(cases) < 120:
        k = rng.randint(2, 6)
        n = [rng.randint(2, 60) for _ in range(k)]
        m = [f"{rng.uniform(5, 60):.2f}" for _ in range(k)]
        s = [f"{rng.uniform(0.5, 15):.2f}" for _ in range(k)]
        cases.append((n, m, s))
    print("n,means,sds,classic_F,classic_df2,classic_p,welch_F,welch_df2,welch_p")
    for n, m, s in cases:
        nm = [mp.mpf(x) for x in n]
        mm = [mp.mpf(x) for x in m]
        sm = [mp.mpf(x) for x in s]
        c = classic(nm, mm, sm)
        w = welch(nm, mm, sm)
        vals = ",".join(mp.nstr(v, 17) for v in (*c, *w))
        print(f"\"{';'.join(map(str, n))}\",\"{';'.join(m)}\",\"{';'.join(s)}\",{vals}")


if __name__ == "__main__":
    main()
