#!/usr/bin/env python3
"""Reference values for TSTables from exact rational sums and 50-digit mpmath root finding.
Written independently of the Swift code (closed-form Farrington-Manning cubic for the RD restricted
MLE, exact integer hypergeometric probabilities, full enumeration for r x c tables).
Output: Tests/Fixtures/tables_mpmath.csv with columns case,quantity,method,value."""
import csv, itertools, os, sys
from fractions import Fraction
from math import comb, factorial
import mpmath as mp

mp.mp.dps = 50
OUT = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "tables_mpmath.csv")
rows = []
def emit(case, quantity, method, value):
    rows.append((case, quantity, method, mp.nstr(mp.mpf(value), 25) if not isinstance(value, str) else value))

Z = lambda level: mp.sqrt(2) * mp.erfinv(level)   # two-sided normal critical value

def bisect(f, lo, hi, it=200):
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    flo = f(lo)
    for _ in range(it):
        m = (lo + hi) / 2; fm = f(m)
        if (fm < 0) == (flo < 0): lo, flo = m, fm
        else: hi = m
    return (lo + hi) / 2

# ---------- one proportion ----------
def binom_pmf(k, n, p): return mp.binomial(n, k) * p**k * (1 - p)**(n - k)
def prop_ci(x, n, method, level=mp.mpf("0.95")):
    a = 1 - level; z = Z(level); p = mp.mpf(x) / n; q = 1 - p
    if method == "wald": h = z * mp.sqrt(p * q / n); return p - h, p + h
    if method == "wald_cc": h = z * mp.sqrt(p * q / n) + mp.mpf(1) / (2 * n); return p - h, p + h
    if method == "wilson":
        c = (2 * n * p + z**2) / (2 * (n + z**2)); h = z * mp.sqrt(z**2 + 4 * n * p * q) / (2 * (n + z**2))
        return (0 if x == 0 else c - h), (1 if x == n else c + h)
    if method == "wilson_cc":
        d = 2 * (n + z**2)
        l = 0 if x == 0 else (2*n*p + z**2 - 1 - z*mp.sqrt(z**2 - 2 - mp.mpf(1)/n + 4*p*(n*q + 1))) / d
        u = 1 if x == n else (2*n*p + z**2 + 1 + z*mp.sqrt(z**2 + 2 - mp.mpf(1)/n + 4*p*(n*q - 1))) / d
        return max(0, l), min(1, u)
    if method == "clopper_pearson":
        l = 0 if x == 0 else bisect(lambda t: mp.betainc(x, n - x + 1, 0, t, regularized=True) - a / 2, mp.mpf(0), p)
        u = 1 if x == n else bisect(lambda t: mp.betainc(x + 1, n - x, t, 1, regularized=True) - a / 2, p, mp.mpf(1))
        return l, u
    if method == "jeffreys":
        l = 0 if x == 0 else bisect(lambda t: mp.betainc(x + 0.5, n - x + 0.5, 0, t, regularized=True) - a / 2, mp.mpf(0), mp.mpf(1))
        u = 1 if x == n else bisect(lambda t: mp.betainc(x + 0.5, n - x + 0.5, t, 1, regularized=True) - a / 2, mp.mpf(0), mp.mpf(1))
        return l, u
    if method == "agresti_coull":
        nt = n + z**2; pt = (x + z**2 / 2) / nt; h = z * mp.sqrt(pt * (1 - pt) / nt)
        return max(0, pt - h), min(1, pt + h)
    if method == "mid_p":
        up = lambda t: sum(binom_pmf(k, n, t) for k in range(x + 1, n + 1)) + binom_pmf(x, n, t) / 2
        lo = lambda t: sum(binom_pmf(k, n, t) for k in range(0, x)) + binom_pmf(x, n, t) / 2
        l = 0 if x == 0 else bisect(lambda t: up(t) - a / 2, mp.mpf(1e-30), p)
        u = 1 if x == n else bisect(lambda t: lo(t) - a / 2, p, 1 - mp.mpf(1e-30))
        return l, u
    if method == "likelihood_ratio":
        ll = lambda t: (x * mp.log(t) if x else 0) + ((n - x) * mp.log(1 - t) if n - x else 0)
        f = lambda t: 2 * (ll(p) - ll(t)) - z**2
        l = 0 if x == 0 else bisect(f, mp.mpf(1e-30), p)
        u = 1 if x == n else bisect(f, p, 1 - mp.mpf(1e-30))
        return l, u
    raise ValueError(method)

PROP_METHODS = ["wald", "wald_cc", "wilson", "wilson_cc", "clopper_pearson", "jeffreys", "agresti_coull", "mid_p", "likelihood_ratio"]
for (x, n) in [(81, 263), (15, 148), (0, 20), (1, 29), (7, 50), (29, 29), (1725, 2965)]:
    for m in PROP_METHODS:
        if m == "mid_p" and n > 1000: continue
        l, u = prop_ci(x, n, m)
        emit(f"prop_{x}_{n}", "lower", m, l); emit(f"prop_{x}_{n}", "upper", m, u)

# ---------- 2x2: risk difference (Miettinen-Nurminen via the Farrington-Manning closed form) ----------
def fm_rd(x1, n1, x2, n2, d):
    p1, p2 = mp.mpf(x1) / n1, mp.mpf(x2) / n2; th = mp.mpf(n2) / n1
    a = 1 + th; b = -(1 + th + p1 + th * p2 + d * (th + 2)); c = d**2 + d * (2 * p1 + th + 1) + p1 + th * p2
    dd = -p1 * d * (1 + d)
    v = b**3 / (27 * a**3) - b * c / (6 * a**2) + dd / (2 * a)
    u = mp.sign(v) * mp.sqrt(b**2 / (9 * a**2) - c / (3 * a))
    if u == 0: t1 = -b / (3 * a)
    else:
        w = (mp.pi + mp.acos(max(-1, min(1, v / u**3)))) / 3
        t1 = 2 * u * mp.cos(w) - b / (3 * a)
    return t1, t1 - d
def mn_rd_score(x1, n1, x2, n2, d):
    t1, t2 = fm_rd(x1, n1, x2, n2, d); N = n1 + n2
    V = (t1 * (1 - t1) / n1 + t2 * (1 - t2) / n2) * mp.mpf(N) / (N - 1)
    num = mp.mpf(x1) / n1 - mp.mpf(x2) / n2 - d
    if V <= 0: return mp.inf if num > 0 else (-mp.inf if num < 0 else 0)
    return num / mp.sqrt(V)
def wilson(x, n, cc=False): return prop_ci(x, n, "wilson_cc" if cc else "wilson")
def rd_ci(x1, n1, x2, n2, m, level=mp.mpf("0.95")):
    z = Z(level); p1 = mp.mpf(x1) / n1; p2 = mp.mpf(x2) / n2; d = p1 - p2
    if m == "wald": h = z * mp.sqrt(p1*(1-p1)/n1 + p2*(1-p2)/n2); return d - h, d + h
    if m == "agresti_caffo":
        q1 = mp.mpf(x1 + 1) / (n1 + 2); q2 = mp.mpf(x2 + 1) / (n2 + 2)
        h = z * mp.sqrt(q1*(1-q1)/(n1+2) + q2*(1-q2)/(n2+2)); return q1 - q2 - h, q1 - q2 + h
    if m in ("newcombe", "newcombe_cc"):
        l1, u1 = wilson(x1, n1, m == "newcombe_cc"); l2, u2 = wilson(x2, n2, m == "newcombe_cc")
        return d - mp.sqrt((p1-l1)**2 + (u2-p2)**2), d + mp.sqrt((u1-p1)**2 + (p2-l2)**2)
    if m == "miettinen_nurminen":
        eps = mp.mpf(10)**-40
        lo = -1 if d <= -1 else bisect(lambda t: z - mn_rd_score(x1, n1, x2, n2, t), -1 + eps, d)
        hi = 1 if d >= 1 else bisect(lambda t: -z - mn_rd_score(x1, n1, x2, n2, t), d, 1 - eps)
        return lo, hi
RD_CASES = [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (0, 10, 0, 20), (0, 10, 0, 10), (10, 10, 0, 20), (10, 10, 0, 10), (12, 17, 3, 12), (150, 1725, 260, 1240)]
for (x1, n1, x2, n2) in RD_CASES:
    for m in ["wald", "newcombe", "newcombe_cc", "miettinen_nurminen", "agresti_caffo"]:
        l, u = rd_ci(x1, n1, x2, n2, m)
        emit(f"rd_{x1}_{n1}_{x2}_{n2}", "lower", m, l); emit(f"rd_{x1}_{n1}_{x2}_{n2}", "upper", m, u)

# ---------- risk ratio (Koopman / MN: restricted MLE from the quadratic) ----------
def rr_score(x1, n1, x2, n2, phi, factor):
    A = (n1 + n2) * phi; B = -(n1 * phi + x1 + n2 + x2 * phi); C = x1 + x2
    t2 = (-B - mp.sqrt(B**2 - 4*A*C)) / (2*A); t1 = phi * t2
    V = (t1*(1-t1)/n1 + phi**2 * t2*(1-t2)/n2) * factor
    return (mp.mpf(x1)/n1 - phi*mp.mpf(x2)/n2) / mp.sqrt(V)
for (x1, n1, x2, n2) in [(12, 17, 3, 12), (56, 70, 48, 80), (9, 10, 3, 10), (150, 1725, 260, 1240), (5, 56, 1, 29)]:
    z = Z(mp.mpf("0.95")); est = mp.log((mp.mpf(x1)/n1) / (mp.mpf(x2)/n2))
    for m, fac in [("koopman", 1), ("miettinen_nurminen", mp.mpf(n1+n2)/(n1+n2-1))]:
        lo = mp.exp(bisect(lambda t: z - rr_score(x1, n1, x2, n2, mp.exp(t), fac), est - 30, est))
        hi = mp.exp(bisect(lambda t: -z - rr_score(x1, n1, x2, n2, mp.exp(t), fac), est, est + 30))
        emit(f"rr_{x1}_{n1}_{x2}_{n2}", "lower", m, lo); emit(f"rr_{x1}_{n1}_{x2}_{n2}", "upper", m, hi)
    se = mp.sqrt(mp.mpf(1)/x1 - mp.mpf(1)/n1 + mp.mpf(1)/x2 - mp.mpf(1)/n2)
    emit(f"rr_{x1}_{n1}_{x2}_{n2}", "lower", "katz", mp.exp(est - z*se)); emit(f"rr_{x1}_{n1}_{x2}_{n2}", "upper", "katz", mp.exp(est + z*se))

# ---------- Fisher 2x2 exact p-values (exact rationals) and conditional OR ----------
def hyper_support(a, b, c, d):
    m, n, t = a + b, c + d, a + c
    lo, hi = max(0, t - n), min(t, m)
    w = {k: comb(m, k) * comb(n, t - k) for k in range(lo, hi + 1)}
    return lo, hi, w
FISHER_CASES = [(3, 1, 1, 3), (12, 5, 3, 9), (56, 14, 48, 32), (5, 51, 0, 29), (1, 9, 11, 3), (150, 1575, 260, 980), (10, 0, 0, 10), (2, 7, 8, 2)]
for (a, b, c, d) in FISHER_CASES:
    case = f"fisher_{a}_{b}_{c}_{d}"
    lo, hi, w = hyper_support(a, b, c, d); tot = sum(w.values())
    # R's minlike: P(k) <= P(x) * (1 + 1e-7)
    thr = Fraction(w[a]) * (1 + Fraction(1, 10**7))
    pm = Fraction(sum(v for v in w.values() if v <= thr), tot)
    less = Fraction(sum(v for k, v in w.items() if k <= a), tot); greater = Fraction(sum(v for k, v in w.items() if k >= a), tot)
    emit(case, "p_value", "minlike", mp.mpf(pm.numerator) / pm.denominator)
    emit(case, "p_value", "central", min(1, 2 * min(mp.mpf(less.numerator) / less.denominator, mp.mpf(greater.numerator) / greater.denominator)))
    emit(case, "p_value", "less", mp.mpf(less.numerator) / less.denominator)
    emit(case, "p_value", "greater", mp.mpf(greater.numerator) / greater.denominator)
    wl = {k: mp.mpf(v) for k, v in w.items()}
    def probs(th):
        ls = {k: mp.log(v) + k * th for k, v in wl.items()}; M = max(ls.values())
        e = {k: mp.exp(v - M) for k, v in ls.items()}; s = sum(e.values())
        return {k: v / s for k, v in e.items()}
    if lo < a < hi:
        mle = mp.exp(mp.findroot(lambda th: sum(k * v for k, v in probs(th).items()) - a, 0))
        emit(case, "estimate", "conditional_mle", mle)
    for mid, name in [(False, "exact"), (True, "mid_p")]:
        wt = mp.mpf("0.5") if mid else 1
        if a > lo:
            f = lambda th: sum(v for k, v in probs(th).items() if k > a) + wt * probs(th)[a] - mp.mpf("0.025")
            emit(case, "lower", name, mp.exp(bisect(f, mp.mpf(-60), mp.mpf(60), 300)))
        if a < hi:
            g = lambda th: mp.mpf("0.025") - (sum(v for k, v in probs(th).items() if k < a) + wt * probs(th)[a])
            emit(case, "upper", name, mp.exp(bisect(g, mp.mpf(-60), mp.mpf(60), 300)))

# ---------- Fisher-Freeman-Halton r x c: full enumeration with exact integers ----------
def tables_with_margins(rows, cols):
    if len(cols) == 1:
        yield [[r] for r in rows]; return
    c0 = cols[0]
    def alloc(i, left):
        if i == len(rows) - 1:
            if left <= rows[i]: yield [left]
            return
        for k in range(0, min(rows[i], left) + 1):
            for rest in alloc(i + 1, left - k): yield [k] + rest
    for col in alloc(0, c0):
        for sub in tables_with_margins([r - k for r, k in zip(rows, col)], cols[1:]):
            yield [[k] + s for k, s in zip(col, sub)]
def ffh_exact(tab):
    rows = [sum(r) for r in tab]; cols = [sum(c) for c in zip(*tab)]
    def w(t):
        p = 1
        for r in t:
            for v in r: p *= factorial(v)
        return Fraction(1, p)
    w0 = w(tab); thr = w0 * (1 + Fraction(1, 10**7)); N = sum(rows)
    const = Fraction(1)
    for r in rows: const *= factorial(r)
    for c in cols: const *= factorial(c)
    const /= factorial(N)
    s = sum((w(t) for t in tables_with_margins(rows, cols) if w(t) <= thr), Fraction(0))
    p = s * const
    return mp.mpf(p.numerator) / p.denominator, mp.mpf((w0 * const).numerator) / (w0 * const).denominator
FFH_CASES = {"ffh_30_15_5__18_20_12": [[30, 15, 5], [18, 20, 12]],
             "ffh_3x3_small": [[3, 1, 0], [1, 4, 2], [0, 2, 5]],
             "ffh_3x4_sparse": [[2, 0, 1, 3], [0, 3, 1, 0], [1, 1, 4, 0]],
             "ffh_2x5": [[5, 3, 2, 0, 1], [1, 2, 4, 6, 3]],
             "ffh_4x3_mixed": [[4, 1, 0], [2, 3, 1], [0, 2, 3], [1, 0, 4]]}
for case, tab in FFH_CASES.items():
    p, p0 = ffh_exact(tab)
    emit(case, "p_value", "ffh_exact", p); emit(case, "observed_probability", "ffh_exact", p0)

# 2x3 with N = 2,965 (the seed's group sizes): enumerate (n11, n12) with exact integers via log-free ratios.
def ffh_2xk_big(tab):
    r1 = sum(tab[0]); cols = [sum(c) for c in zip(*tab)]; N = sum(cols)
    assert len(cols) == 3
    def logw(k): return -sum(mp.log(mp.factorial(v)) for v in k)
    lf = [mp.log(mp.factorial(i)) for i in range(N + 1)]
    obs = -(sum(lf[v] for v in tab[0]) + sum(lf[v] for v in tab[1]))
    const = lf[r1] + lf[N - r1] + sum(lf[c] for c in cols) - lf[N]
    thr = obs + mp.log(1 + mp.mpf(10)**-7)
    total = mp.mpf(0)
    for a in range(0, min(cols[0], r1) + 1):
        ba = -(lf[a] + lf[cols[0] - a])
        for b in range(max(0, r1 - a - cols[2]), min(cols[1], r1 - a) + 1):
            c3 = r1 - a - b
            v = ba - (lf[b] + lf[cols[1] - b] + lf[c3] + lf[cols[2] - c3])
            if v <= thr: total += mp.exp(v + const)
    return total
if "--big" in sys.argv:
    mp.mp.dps = 30
    emit("ffh_700_520_505__380_410_450", "p_value", "ffh_exact", ffh_2xk_big([[700, 520, 505], [380, 410, 450]]))
    mp.mp.dps = 50

# ---------- exact linear-by-linear (2 x k) ----------
def lbl_exact(tab, scores):
    r1 = sum(tab[0]); cols = [sum(c) for c in zip(*tab)]; N = sum(cols)
    mean = sum(Fraction(s).limit_denominator(1000) * c for s, c in zip(scores, cols)) * Fraction(r1, N)
    sc = [Fraction(s).limit_denominator(1000) for s in scores]
    tobs = sum(s * v for s, v in zip(sc, tab[0])); dobs = abs(tobs - mean)
    ext = eq = tot = 0
    def alloc(j, left):
        if j == len(cols) - 1:
            if left <= cols[j]: yield [left]
            return
        for k in range(0, min(cols[j], left) + 1):
            for rest in alloc(j + 1, left - k): yield [k] + rest
    for x in alloc(0, r1):
        w = 1
        for k, c in zip(x, cols): w *= comb(c, k)
        tot += w; dv = abs(sum(s * k for s, k in zip(sc, x)) - mean)
        if dv > dobs: ext += w
        elif dv == dobs: eq += w
    p = Fraction(ext + eq, tot); mid = Fraction(2 * ext + eq, 2 * tot)
    return mp.mpf(p.numerator) / p.denominator, mp.mpf(mid.numerator) / mid.denominator
def midranks(cols):
    out = []; before = 0
    for c in cols: out.append(before + Fraction(c + 1, 2)); before += c
    return out
for case, tab in {"ord_30_15_5__18_20_12": [[30, 15, 5], [18, 20, 12]], "ord_2x4": [[6, 4, 3, 1], [1, 3, 4, 7]], "ord_2x3_small": [[4, 2, 1], [1, 2, 5]]}.items():
    p, mid = lbl_exact(tab, [1, 2, 3, 4][:len(tab[0])])
    emit(case, "p_value", "lbl_exact", p); emit(case, "p_value", "lbl_mid_p", mid)
    cols = [sum(c) for c in zip(*tab)]
    p, mid = lbl_exact(tab, midranks(cols))
    emit(case, "p_value", "mw_exact", p); emit(case, "p_value", "mw_mid_p", mid)

# ---------- bound implications (seed: Liang et al. 2022, 1,725 vs 1,240, P < 0.0001) ----------
b = mp.mpf("0.0001")
chi2 = -2 * mp.log(b)                    # chi-square df 2 upper quantile is exact: sf = exp(-x/2)
emit("liang2022", "min_chi_square", "df2", chi2)
emit("liang2022", "min_cramers_v", "2x3", mp.sqrt(chi2 / 2965))
chi1 = (mp.sqrt(2) * mp.erfinv(1 - b))**2   # df 1: z^2 with z = Phi^-1(1 - b/2)
emit("liang2022", "min_chi_square", "df1", chi1)
emit("liang2022", "min_phi", "2x2", mp.sqrt(chi1 / 2965))
emit("liang2022", "min_risk_difference", "pooled_0.5", mp.sqrt(chi1 * mp.mpf("0.25") * (mp.mpf(1)/1725 + mp.mpf(1)/1240)))

with open(OUT, "w", newline="") as f:
    wr = csv.writer(f, lineterminator="\n"); wr.writerow(["case", "quantity", "method", "value"]); wr.writerows(rows)
print(f"wrote {len(rows)} rows to {OUT}")
