#!/usr/bin/env python3
"""Reference values for Special.betaRatios / inverseBeta / logBeta / logBetaDensityPrefix (TSDistributions).

Oracle: mpmath at mp.dps = 50. I_x(a,b) from the continued fraction DLMF 8.17.22 (modified Lentz), always on
the side where it converges quickly and gives the smaller of I and 1 - I directly
(x < (a+1)/(a+b+2): I_x(a,b); else 1 - I_x(a,b) = I_y(b,a)); prefix x^a y^b/B(a,b) from mpmath loggamma.
The continued fraction is cross-checked against mpmath.betainc (hypergeometric) for small parameters.

Conventions matching the Swift API: each point is given as doubles x and y = 1 - x; the smaller of the two is
exact and the larger is its rounded complement, so the reference uses y = 1 - x (x the smaller) exactly.

Inverse points: a starting x from scipy.special.betaincinv (double precision, only a guess), then the exact
p = I_x at that double x, rounded to a double p_d; the exact root x* of I_x = p_d is then one high-precision
Newton step away. Same for the upper tail with q.

Deterministic: fixed seed, fixed grids. Output: Tests/Fixtures/special_beta.csv with columns
kind,a,b,u,v,r1,r2:
  ratio: u = x, v = y (inputs), r1 = p = I_x(a,b), r2 = q = 1 - I_x(a,b)
  inverse: u = p, v = q (inputs), r1 = x, r2 = y = 1 - x
  logbeta: r1 = log B(a,b)       prefix: u = x, v = y, r1 = log(x^a y^b / B(a,b))
  tag column names the region / use case for reporting.
Run: python3 Tests/Reference/special_beta.py > Tests/Fixtures/special_beta.csv
"""
import math
import random
import sys

import mpmath as mp
from scipy.special import betaincinv

mp.mp.dps = 50
EPS_CF = mp.mpf(10) ** -48


def cf_ratio(a, b, x):
    """I_x(a,b) by DLMF 8.17.22 (modified Lentz), a, b, x mpf, 0 < x < 1."""
    tiny = mp.mpf(10) ** -300
    f = mp.mpf(1)
    C = f
    D = mp.mpf(0)
    n = 0
    while True:
        n += 1
        if n % 2 == 1:
            m = (n - 1) // 2
            d = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        else:
            m = n // 2
            d = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        D = 1 + d * D
        if D == 0:
            D = tiny
        C = 1 + d / C
        if C == 0:
            C = tiny
        D = 1 / D
        delta = C * D
        f *= delta
        if abs(delta - 1) < EPS_CF:
            break
        if n > 2_000_000:
            raise RuntimeError("no convergence")
    return mp.exp(log_prefix(a, b, x, 1 - x)) / a / f


def log_prefix(a, b, x, y):
    return a * mp.log(x) + b * mp.log(y) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))


def exact_pair(xd, yd):
    """(x, y) as mpf with the smaller double exact."""
    if xd <= yd:
        x = mp.mpf(xd)
        return x, 1 - x
    y = mp.mpf(yd)
    return 1 - y, y


def ratios(a, b, x, y):
    a = mp.mpf(a)
    b = mp.mpf(b)
    if x < (a + 1) / (a + b + 2):
        p = cf_ratio(a, b, x)
        return p, 1 - p
    q = cf_ratio(b, a, y)
    return 1 - q, q


def density(a, b, x, y):
    return mp.exp(log_prefix(mp.mpf(a), mp.mpf(b), x, y)) / (x * y)


def g(v):
    return mp.nstr(v, 20, min_fixed=1, max_fixed=0) if v != 0 else "0"


def d(v):
    return repr(float(v))


rows = []


def add_ratio(tag, a, b, xd, yd):
    x, y = exact_pair(xd, yd)
    if x <= 0 or y <= 0:
        return
    p, q = ratios(a, b, x, y)
    if min(p, q) < mp.mpf(10) ** -300:
        return
    rows.append((tag, "ratio", a, b, d(xd), d(yd), g(p), g(q)))


def xy_from_small(t, small_is_x):
    """Doubles (x, y) from the smaller coordinate t (exact); the other is its rounded complement."""
    return (t, 1.0 - t) if small_is_x else (1.0 - t, t)


def main():
    rng = random.Random(20240531)

    # Cross-check of the oracle against mpmath's hypergeometric betainc (small parameters).
    for _ in range(40):
        a = 10 ** rng.uniform(-1.3, 1.5)
        b = 10 ** rng.uniform(-1.3, 1.5)
        x = mp.mpf(rng.uniform(0.01, 0.99))
        p, q = ratios(a, b, x, 1 - x)
        ref = mp.betainc(mp.mpf(a), mp.mpf(b), 0, x, regularized=True)
        assert abs(p - ref) <= mp.mpf(10) ** -40 * max(abs(ref), 1e-300) * 1e5, (a, b, x, p, ref)

    # 1. Random (a, b) log-uniform on [0.05, 1e7]; x placed across the distribution and in both tails.
    for _ in range(260):
        a = float(mp.nstr(10 ** rng.uniform(math.log10(0.05), 7), 6))
        b = float(mp.nstr(10 ** rng.uniform(math.log10(0.05), 7), 6))
        mean = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        for k in (-40, -12, -4, -1.5, -0.3, 0.0, 0.3, 1.5, 4, 12, 40):
            xd = mean + k * sd
            if not (0 < xd < 1):
                continue
            if xd <= 0.5:
                add_ratio("random", a, b, xd, 1.0 - xd)
            else:
                yd = 1.0 - xd
                add_ratio("random", a, b, 1.0 - yd, yd)
        for e in (rng.uniform(1, 30), rng.uniform(30, 300)):
            t = 10 ** -e
            add_ratio("random-xsmall", a, b, *xy_from_small(t, True))
            add_ratio("random-ysmall", a, b, *xy_from_small(t, False))

    # 2. Integer/half-integer grid including the region boundaries of TOMS 708.
    grid = [0.05, 0.2, 0.5, 1, 1.5, 3, 8, 14.5, 15.5, 39.5, 40.5, 99, 101, 300, 1000.5, 1e5, 3e6 + 0.5]
    for a in grid:
        for b in grid:
            mean = a / (a + b)
            sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
            for k in (-6, -0.7, 0.05, 2.5):
                xd = mean + k * sd
                if 0 < xd < 1:
                    if xd <= 0.5:
                        add_ratio("grid", a, b, xd, 1.0 - xd)
                    else:
                        add_ratio("grid", a, b, 1.0 - (1.0 - xd), 1.0 - xd)
            for xd in (0.05, 0.25, 0.75, 0.95):
                add_ratio("grid", a, b, xd, 1.0 - xd)

    # 3. Student t: a = nu/2, b = 1/2, x = nu/(nu+t^2), y = t^2/(nu+t^2) as a caller computes them.
    for _ in range(220):
        nu = float(mp.nstr(10 ** rng.uniform(-1, 7), 6))
        t = 10 ** rng.uniform(-4, 4) if rng.random() < 0.8 else 10 ** rng.uniform(4, 60)
        xd = nu / (nu + t * t)
        yd = t * t / (nu + t * t)
        add_ratio("student-t", nu / 2, 0.5, xd, yd)

    # 4. F: a = d1/2, b = d2/2, x = d1 f/(d1 f + d2).
    for _ in range(180):
        d1 = float(rng.choice([1, 2, 3, 5, 10, 30, 100, 1000, 1e4, 1e5, 1e6]))
        d2 = float(mp.nstr(10 ** rng.uniform(-0.5, 7), 5))
        f = 10 ** rng.uniform(-3, 3)
        xd = d1 * f / (d1 * f + d2)
        yd = d2 / (d1 * f + d2)
        add_ratio("F", d1 / 2, d2 / 2, xd, yd)

    # 5. Binomial: P(X <= k) = I_{1-p}(n-k, k+1), n up to 1e6.
    for _ in range(220):
        n = int(10 ** rng.uniform(0.5, 6))
        pr = 10 ** rng.uniform(-6, -0.001)
        mu = n * pr
        sd = math.sqrt(n * pr * (1 - pr))
        k = int(min(n - 1, max(0, mu + rng.uniform(-10, 10) * sd)))
        add_ratio("binomial", float(n - k), float(k + 1), 1.0 - pr, pr)

    # 6. Far tails near the 1e-300 floor: x = mean + k sd with k^2/2 ~ U(230, 690) (normal-like deviance).
    for _ in range(150):
        a = float(mp.nstr(10 ** rng.uniform(1, 7), 6))
        b = float(mp.nstr(10 ** rng.uniform(1, 7), 6))
        mean = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        k = math.sqrt(2 * rng.uniform(230, 690)) * rng.choice((-1, 1))
        xd = mean + k * sd
        if 0 < xd <= 0.5:
            add_ratio("deep-tail", a, b, xd, 1.0 - xd)
        elif 0.5 < xd < 1:
            yd = 1.0 - xd
            add_ratio("deep-tail", a, b, 1.0 - yd, yd)

    # Inverse points.
    inv_rows = 0
    for _ in range(260):
        a = float(mp.nstr(10 ** rng.uniform(math.log10(0.05), 7), 6))
        b = float(mp.nstr(10 ** rng.uniform(math.log10(0.05), 7), 6))
        for lp in (-300, -150, -60, -20, -8, -3, -1, math.log10(0.3), math.log10(0.5)):
            upper = rng.random() < 0.5
            try:
                if upper:
                    xg = float(betaincinv(b, a, 10.0 ** lp))  # y with I_y(b,a) = q
                else:
                    xg = float(betaincinv(a, b, 10.0 ** lp))
            except Exception:
                continue
            if not (1e-300 < xg < 0.5) or not math.isfinite(xg):
                continue
            # t: the small coordinate (x for the lower tail, y for the upper)
            t = mp.mpf(xg)
            A, B = (b, a) if upper else (a, b)
            pe, _ = ratios(A, B, t, 1 - t)
            if pe < mp.mpf(10) ** -300 or pe > 0.5:
                continue
            pd = float(pe)
            if pd < 1e-300:
                continue
            # Newton step for the root of I_t(A,B) = pd.
            root = t - (pe - mp.mpf(pd)) / density(A, B, t, 1 - t)
            pe2, _ = ratios(A, B, root, 1 - root)
            root = root - (pe2 - mp.mpf(pd)) / density(A, B, root, 1 - root)
            qd = float(1 - mp.mpf(pd))
            if upper:
                rows.append(("inverse-upper", "inverse", a, b, d(qd), d(pd), g(1 - root), g(root)))
            else:
                rows.append(("inverse-lower", "inverse", a, b, d(pd), d(qd), g(root), g(1 - root)))
            inv_rows += 1

    # logBeta and prefix.
    for _ in range(200):
        a = 10 ** rng.uniform(-2, 7.5)
        b = 10 ** rng.uniform(-2, 7.5)
        rows.append(("logbeta", "logbeta", a, b, "0", "0",
                     g(mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(mp.mpf(a) + b)), "0"))
    for _ in range(200):
        a = 10 ** rng.uniform(-1.3, 7)
        b = 10 ** rng.uniform(-1.3, 7)
        mean = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        xd = mean + rng.uniform(-20, 20) * sd
        if not (0 < xd < 1):
            continue
        yd = 1.0 - xd
        x, y = exact_pair(xd, yd)
        rows.append(("prefix", "prefix", a, b, d(xd), d(yd), g(log_prefix(mp.mpf(a), mp.mpf(b), x, y)), "0"))

    out = sys.stdout
    out.write("tag,kind,a,b,u,v,r1,r2\n")
    for r in rows:
        tag, kind, a, b, u, v, r1, r2 = r
        out.write(f"{tag},{kind},{d(a)},{d(b)},{u},{v},{r1},{r2}\n")


if __name__ == "__main__":
    main()
