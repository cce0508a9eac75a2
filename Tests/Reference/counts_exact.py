#!/usr/bin/env python3
"""Reference p-values for CountsVsP (Tests/Fixtures/counts_exact.csv).

Fisher 2x2 (two-sided "no more probable" sum, central, mid-p, one-sided) and Fisher-Freeman-Halton for
2x3 tables are exact rationals (Python fractions, every table with the observed margins enumerated);
Pearson, Yates, 'N - 1' and G p-values are chi-square upper tails evaluated with mpmath at 40 digits.
Each p is written with 17 significant digits, and its exact 3-decimal rounding under half-up and half-even
(decided on the rational value for the exact tests, so ties such as 1/40 are decided exactly).
Run: python3 Tests/Reference/counts_exact.py > Tests/Fixtures/counts_exact.csv
"""
import random
from fractions import Fraction
from math import comb
import mpmath as mp

mp.mp.dps = 40


def chi2_sf(x, df):
    return mp.gammainc(mp.mpf(df) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def expected(t):
    r = [sum(row) for row in t]
    c = [sum(t[i][j] for i in range(len(t))) for j in range(len(t[0]))]
    n = sum(r)
    return [[Fraction(r[i] * c[j], n) for j in range(len(c))] for i in range(len(r))], r, c, n


def pearson(t, yates=False):
    e, _, _, _ = expected(t)
    x = Fraction(0)
    for i in range(len(t)):
        for j in range(len(t[0])):
            d = abs(t[i][j] - e[i][j])
            if yates:
                d -= min(Fraction(1, 2), d)
            x += d * d / e[i][j]
    return x


def g_stat(t):
    e, _, _, _ = expected(t)
    g = mp.mpf(0)
    for i in range(len(t)):
        for j in range(len(t[0])):
            if t[i][j] > 0:
                g += t[i][j] * mp.log(mp.mpf(t[i][j]) / (mp.mpf(e[i][j].numerator) / e[i][j].denominator))
    return 2 * g


def fisher2x2(t):
    (a, b), (c, d) = t
    m, n, k = a + b, c + d, a + c
    lo, hi = max(0, k - n), min(k, m)
    total = comb(m + n, k)
    p = {x: Fraction(comb(m, x) * comb(n, k - x), total) for x in range(lo, hi + 1)}
    obs = p[a]
    minlike = sum(v for v in p.values() if v <= obs)
    less = sum(v for x, v in p.items() if x <= a)
    greater = sum(v for x, v in p.items() if x >= a)
    central = min(Fraction(1), 2 * min(less, greater))
    mless, mgreater = less - obs / 2, greater - obs / 2
    mid = min(Fraction(1), 2 * min(mless, mgreater))
    return dict(fisherMinlike=min(Fraction(1), minlike), fisherCentral=central, fisherMidP=mid,
                fisherOneSided=min(less, greater), fisherMidPOneSided=min(mless, mgreater))


def ffh_2x3(t):
    r = [sum(row) for row in t]
    c = [t[0][j] + t[1][j] for j in range(3)]
    n = sum(r)

    def prob(x):
        # row-1 counts x (row 2 = c - x): multivariate hypergeometric
        num = 1
        for j in range(3):
            num *= comb(c[j], x[j])
        return Fraction(num, comb(n, r[0]))
    obs = prob(t[0])
    p = Fraction(0)
    for x0 in range(0, min(c[0], r[0]) + 1):
        for x1 in range(0, min(c[1], r[0] - x0) + 1):
            x2 = r[0] - x0 - x1
            if 0 <= x2 <= c[2]:
                q = prob([x0, x1, x2])
                if q <= obs:
                    p += q
    return min(Fraction(1), p)


def round3(p, half_even):
    """Exact rounding of a rational or mpf p to 3 decimals, as text."""
    if isinstance(p, Fraction):
        s = p * 1000
        q, rem = divmod(s.numerator, s.denominator)
        twice = 2 * rem
        if twice > s.denominator or (twice == s.denominator and (not half_even or q % 2 == 1)):
            q += 1
    else:
        s = p * 1000
        q = int(mp.floor(s))
        frac = s - q
        if frac > 0.5 or (frac == 0.5 and (not half_even or q % 2 == 1)):
            q += 1
    return f"{q // 1000}.{q % 1000:03d}"


def rows_for(t):
    out = []
    r = len(t)
    df = (len(t) - 1) * (len(t[0]) - 1)
    x = pearson(t)
    out.append(("pearson", chi2_sf(mp.mpf(x.numerator) / x.denominator, df)))
    out.append(("likelihoodRatio", chi2_sf(g_stat(t), df)))
    if r == 2 and len(t[0]) == 2:
        y = pearson(t, yates=True)
        out.append(("yates", chi2_sf(mp.mpf(y.numerator) / y.denominator, 1)))
        n = sum(map(sum, t))
        xn = x * (n - 1) / n
        out.append(("nMinusOne", chi2_sf(mp.mpf(xn.numerator) / xn.denominator, 1)))
        out.append(("pearsonOneSided", chi2_sf(mp.mpf(x.numerator) / x.denominator, 1) / 2))
        out += list(fisher2x2(t).items())
    else:
        out.append(("freemanHalton", ffh_2x3(t)))
    return out


def main():
    rng = random.Random(20240611)
    tables = [[[6, 22], [35, 42]], [[1, 9], [11, 3]], [[3, 1], [1, 3]], [[0, 5], [5, 0]], [[2, 7], [8, 2]]]
    while len(tables) < 260:
        shape = rng.choice([(2, 2)] * 3 + [(2, 3)])
        top = rng.choice([4, 8, 15, 30])
        t = [[rng.randint(0, top) for _ in range(shape[1])] for _ in range(shape[0])]
        if all(sum(row) > 0 for row in t) and all(sum(t[i][j] for i in range(shape[0])) > 0 for j in range(shape[1])):
            tables.append(t)
    print("table,method,p,p3_half_up,p3_half_even")
    for t in tables:
        text = ";".join(",".join(str(v) for v in row) for row in t)
        for method, p in rows_for(t):
            pf = float(p) if isinstance(p, Fraction) else float(p)
            print(f"\"{text}\",{method},{pf!r},{round3(p, False)},{round3(p, True)}")


if __name__ == "__main__":
    main()
