#!/usr/bin/env python3
"""Reference values for Binomial, Poisson, Hypergeometric and the noncentral t.

Oracle: mpmath at mp.dps = 50.
  * Discrete pmfs are exact products of binomial coefficients / factorials; tails are exact sums of
    pmf terms (summed with the exact term-ratio recurrence until the remainder is < 1e-60 relative),
    the far tail taken as 1 - (near tail) only at 50 digits, where the cancellation is harmless.
  * Discrete quantiles: smallest k with cdf(k) >= p (resp. sf(k) <= q) from the exact tails; points
    where p is within 1e-12 (relative) of an exact tail value are skipped as ambiguous in double.
  * Noncentral t: T = (Z + delta) / S, S = sqrt(chi2_nu / nu), so
        cdf(t) = int_0^inf Phi(t s - delta) f_S(s) ds,  sf(t) = int_0^inf Phi(delta - t s) f_S(s) ds,
        pdf(t) = int_0^inf s phi(t s - delta) f_S(s) ds,
    integrated by tanh-sinh (mp.quad) on intervals split around the integrand's peak; every value
    is computed twice (two different splittings) and must agree to 1e-25 (17 digits are needed;
    values below 1e-30, which are not written, are exempt). The formula itself is
    checked against the Poisson-mixture series of incomplete beta ratios (Lenth 1989, AS 243) at a
    few points, which must agree to 1e-30.
Output: Tests/Fixtures/discrete_nct.csv with columns
    family,function,a,b,c,arg,value      (a,b,c = parameters; arg = k, t, p or q)
Run: python3 Tests/Reference/discrete_nct.py  (from the package root; about 15 minutes on 2 busy cores)
"""
import math, os, sys
import mpmath as mp

mp.mp.dps = 50
ROWS = []

def emit(family, function, a, b, c, arg, value):
    ROWS.append((family, function, a, b, c, arg, value))

def fmt(x):
    if isinstance(x, str):
        return x
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return repr(x)
    return mp.nstr(x, 25, min_fixed=-1, max_fixed=-1) if x != 0 else "0"

TINY = mp.mpf('1e-310')

# ---------------------------------------------------------------- discrete, generic exact tails
class Discrete:
    """pmf(k) exact; ratio_down(i) = pmf(i-1)/pmf(i); ratio_up(i) = pmf(i+1)/pmf(i)."""
    def lower_sum(self, k):           # P(X <= k)
        if k < self.lo: return mp.mpf(0)
        if k >= self.hi: return mp.mpf(1)
        t = self.pmf(k); s = t; i = k
        while i > self.lo:
            t *= self.ratio_down(i); s += t; i -= 1
            if t < s * mp.mpf('1e-60') and i < self.mean: break
        return s
    def upper_sum(self, k):           # P(X > k)
        if k < self.lo: return mp.mpf(1)
        if k >= self.hi: return mp.mpf(0)
        i = k + 1; t = self.pmf(i); s = t
        while i < self.hi:
            t *= self.ratio_up(i); s += t; i += 1
            if t < s * mp.mpf('1e-60') and i > self.mean: break
        return s
    def cdf(self, k):
        return self.lower_sum(k) if k < self.mean else 1 - self.upper_sum(k)
    def sf(self, k):
        return self.upper_sum(k) if k >= self.mean else 1 - self.lower_sum(k)
    def smallest(self, pred):
        lo, hi = self.lo - 1, min(self.hi, 10**12)   # pred(hi) true
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if pred(mid): hi = mid
            else: lo = mid
        return hi

class Binom(Discrete):
    def __init__(s, n, p):
        s.n, s.p = n, mp.mpf(p); s.q = 1 - s.p; s.lo, s.hi = 0, n; s.mean = n * s.p
        s.sd = mp.sqrt(n * s.p * s.q)
    def pmf(s, k):
        if k < 0 or k > s.n: return mp.mpf(0)
        return mp.binomial(s.n, k) * s.p**k * s.q**(s.n - k)
    def ratio_down(s, i): return mp.mpf(i) * s.q / ((s.n - i + 1) * s.p)
    def ratio_up(s, i): return mp.mpf(s.n - i) * s.p / ((i + 1) * s.q)

class Pois(Discrete):
    def __init__(s, lam):
        s.lam = mp.mpf(lam); s.lo, s.hi = 0, 10**15; s.mean = s.lam; s.sd = mp.sqrt(s.lam)
    def pmf(s, k):
        if k < 0: return mp.mpf(0)
        return mp.exp(-s.lam + k * mp.log(s.lam) - mp.loggamma(k + 1)) if k > 0 else mp.exp(-s.lam)
    def ratio_down(s, i): return mp.mpf(i) / s.lam
    def ratio_up(s, i): return s.lam / (i + 1)

class Hyper(Discrete):
    def __init__(s, r, b, n):
        s.r, s.b, s.n = r, b, n; N = r + b
        s.lo, s.hi = max(0, n - b), min(n, r); s.mean = mp.mpf(n) * r / N
        s.sd = mp.sqrt(mp.mpf(n) * r * b * (N - n) / (mp.mpf(N)**2 * max(N - 1, 1)))
    def pmf(s, x):
        if x < s.lo or x > s.hi: return mp.mpf(0)
        return mp.binomial(s.r, x) * mp.binomial(s.b, s.n - x) / mp.binomial(s.r + s.b, s.n)
    def ratio_down(s, i): return mp.mpf(i) * (s.b - s.n + i) / ((s.n - i + 1) * (s.r - i + 1))
    def ratio_up(s, i): return mp.mpf(s.r - i) * (s.n - i) / ((i + 1) * (s.b - s.n + i + 1))

ZS = [-38, -30, -25, -20, -15, -10, -7, -5, -3, -2, -1, -0.5, 0, 0.3, 1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 38]

def discrete_cases(family, d, params):
    ks = set([d.lo, d.lo + 1, d.lo + 2, d.hi, d.hi - 1])
    for z in ZS:
        ks.add(int(mp.floor(d.mean + z * d.sd)))
    # far tails: walk out until the pmf is below 1e-300
    for k in sorted(ks):
        if k < d.lo or k > d.hi or k > 10**14: continue
        pm, c, s = d.pmf(k), d.cdf(k), d.sf(k)
        if max(pm, c, s) < mp.mpf('1e-300') and k not in (d.lo, d.hi): continue
        for fn, v in (("pmf", pm), ("cdf", c), ("sf", s)):
            emit(family, fn, *params, k, v)
    for p in [1e-300, 1e-100, 1e-20, 1e-9, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-9]:
        pm = mp.mpf(p)
        k = d.smallest(lambda k: d.cdf(k) >= pm)
        if abs(d.cdf(k) - pm) > pm * mp.mpf('1e-12') and (k == d.lo or abs(d.cdf(k - 1) - pm) > pm * mp.mpf('1e-12')):
            emit(family, "quantile", *params, p, k)
        k = d.smallest(lambda k: d.sf(k) <= pm)
        if abs(d.sf(k) - pm) > pm * mp.mpf('1e-12') and (k == d.lo or abs(d.sf(k - 1) - pm) > pm * mp.mpf('1e-12')):
            emit(family, "inverseSF", *params, p, k)

def discrete():
    for n, p in [(10, 0.3), (20, 0.5), (1000, 0.01), (12345, 0.999), (100000, 0.37), (1000000, 0.5),
                 (1000000, 1e-6), (1000000, 1e-10), (1000000, 0.3)]:
        discrete_cases("binomial", Binom(n, p), (n, p, 0))
    for lam in [1e-10, 0.5, 3.0, 27.5, 1000.0, 12345.678, 1000000.0]:
        discrete_cases("poisson", Pois(lam), (lam, 0, 0))
    for r, b, n in [(5, 10, 7), (50, 950, 100), (1000, 1000, 1000), (10, 1000000, 500000),
                    (1, 1000000, 10), (300000, 700000, 200000), (600000, 400000, 999990)]:
        discrete_cases("hypergeometric", Hyper(r, b, n), (r, b, n))

# ---------------------------------------------------------------- noncentral t
def nct_parts(nu, delta, t):
    nu, delta, t = mp.mpf(nu), mp.mpf(delta), mp.mpf(t)
    lognorm = mp.log(2) + (nu / 2) * mp.log(nu / 2) - mp.loggamma(nu / 2)
    def logf(s):  # log density of S
        return lognorm + (nu - 1) * mp.log(s) - nu * s * s / 2
    def g_cdf(s): return mp.ncdf(t * s - delta) * mp.exp(logf(s))
    def g_sf(s): return mp.ncdf(delta - t * s) * mp.exp(logf(s))
    def g_pdf(s): return s * mp.npdf(t * s - delta) * mp.exp(logf(s))
    return g_cdf, g_sf, g_pdf

def peak_and_width(kind, nu, delta, t):
    """Peak of the log integrand and its e^-140 support, located in double precision on a grid
    (only the placement of the quadrature break points depends on this)."""
    import numpy as np
    from scipy.special import log_ndtr, gammaln
    sd = 1 / math.sqrt(2 * nu)
    grid = np.unique(np.concatenate([np.linspace(1e-9, 1 + 60 * sd, 20000), np.linspace(1e-9, 60, 20000),
                                     np.geomspace(1e-12, 1, 2000)]))
    logf = math.log(2) + (nu / 2) * math.log(nu / 2) - gammaln(nu / 2) + (nu - 1) * np.log(grid) - nu * grid**2 / 2
    u = t * grid - delta
    if kind == "cdf": v = log_ndtr(u) + logf
    elif kind == "sf": v = log_ndtr(-u) + logf
    else: v = np.log(grid) - u * u / 2 + logf
    i = int(np.argmax(v)); top = v[i]
    lo = i
    while lo > 0 and v[lo] > top - 140: lo -= 1
    hi = i
    while hi < len(grid) - 1 and v[hi] > top - 140: hi += 1
    return float(grid[lo]), float(grid[i]), float(grid[hi])

def integrate(g, kind, nu, delta, t):
    a, m, b = peak_and_width(kind, nu, delta, t)
    pts1 = [mp.mpf(0), mp.mpf(a), mp.mpf(m), mp.mpf(b), mp.inf]
    w = (b - a)
    pts2 = [mp.mpf(0)] + [mp.mpf(a) + mp.mpf(w) * k / 7 for k in range(8)] + [mp.inf]
    pts1 = sorted(set(pts1)); pts2 = sorted(set(pts2))
    v1 = mp.quad(g, pts1, maxdegree=10)
    v2 = mp.quad(g, pts2, maxdegree=10)
    if v1 > mp.mpf('1e-30') and abs(v1 - v2) > abs(v1) * mp.mpf('1e-25'):
        raise SystemExit("quadrature disagreement %s %s" % (v1, v2))
    return v1

def lenth_series_cdf(nu, delta, t):
    """AS 243 series (t >= 0): Phi(-delta) + 1/2 sum_j [p_j I_x(j+1/2, nu/2) + q_j I_x(j+1, nu/2)]."""
    nu, delta, t = mp.mpf(nu), mp.mpf(delta), mp.mpf(t)
    x = t * t / (nu + t * t); lam = delta * delta / 2
    s = mp.mpf(0)
    for j in range(0, int(lam + 60 * mp.sqrt(lam + 1) + 200)):
        pj = mp.exp(-lam + j * mp.log(lam) - mp.loggamma(j + 1)) if lam > 0 else (1 if j == 0 else 0)
        qj = delta / (mp.sqrt(2) * mp.gamma(j + mp.mpf(3) / 2)) * mp.exp(-lam) * lam**j
        s += pj * mp.betainc(j + mp.mpf(1) / 2, nu / 2, 0, x, regularized=True)
        s += qj * mp.betainc(j + 1, nu / 2, 0, x, regularized=True)
    return mp.ncdf(-delta) + s / 2

def nct():
    cases = []
    for nu in [1, 2.5, 10, 30, 1000, 100000]:
        for delta in [0, 0.5, -2, 5, -10, 40]:
            for t in [-50, -3, -0.7, 0, 0.4, 2, 6, 12, 45, 300]:
                cases.append((nu, delta, t))
    for nu, delta, t in cases:
        g_cdf, g_sf, g_pdf = nct_parts(nu, delta, t)
        c = integrate(g_cdf, "cdf", nu, delta, t); s = integrate(g_sf, "sf", nu, delta, t); d = integrate(g_pdf, "pdf", nu, delta, t)
        if abs(c + s - 1) > mp.mpf('1e-30'):
            raise SystemExit("cdf + sf != 1 at %s" % ((nu, delta, t),))
        for fn, v in (("cdf", c), ("sf", s), ("pdf", d)):
            if v >= mp.mpf('1e-30'):
                emit("nct", fn, nu, delta, 0, t, v)
    for nu, delta, t in [(10, 0.5, 2), (30, -2, 0.4), (2.5, 5, 6)]:
        g_cdf, _, _ = nct_parts(nu, delta, t)
        a, b = integrate(g_cdf, "cdf", nu, delta, t), lenth_series_cdf(nu, delta, t)
        if abs(a - b) > mp.mpf('1e-30'):
            raise SystemExit("series/integral disagreement at %s: %s %s" % ((nu, delta, t), a, b))

if __name__ == "__main__":
    # Optional arguments: a section ("discrete" or "nct") and an output path, to regenerate one part.
    which = sys.argv[1:2] or ["discrete", "nct"]
    if "discrete" in which: discrete()
    if "nct" in which: nct()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "Fixtures", "discrete_nct.csv")
    with open(out, "w") as f:
        f.write("family,function,a,b,c,arg,value\n")
        for r in ROWS:
            f.write(",".join(fmt(x) for x in r) + "\n")
    print("wrote", len(ROWS), "rows to", out)
