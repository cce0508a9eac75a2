#!/usr/bin/env python3
"""Mid-p exact binomial CI bounds (Newcombe 1998, method 6) at large n, by mpmath at 40 digits.

Bound = root in pi of P(X > x) + P(X = x)/2 = alpha/2 (lower) or P(X < x) + P(X = x)/2 = alpha/2 (upper),
X ~ Bin(n, pi). Tails are summed term by term from P(X = x) by the pmf ratio until a term is below 1e-45 of
the sum; roots by mpmath's Anderson-Bjorck bracketing solver. Writes Tests/Fixtures/midp_large_n.csv.
"""
import mpmath as mp
import pathlib

mp.mp.dps = 40
A2 = mp.mpf("0.025")

def bounds(x, n):
    def pmf(pi):
        return mp.exp(mp.loggamma(n + 1) - mp.loggamma(x + 1) - mp.loggamma(n - x + 1) + x * mp.log(pi) + (n - x) * mp.log(1 - pi))
    def tail(pi, up):
        t = pmf(pi); s = mp.mpf(0); k = x
        r = pi / (1 - pi) if up else (1 - pi) / pi
        while (k < n) if up else (k > 0):
            t = t * ((n - k) / mp.mpf(k + 1) if up else k / mp.mpf(n - k + 1)) * r
            k = k + 1 if up else k - 1
            s += t
            if t < s * mp.mpf(10) ** -45: break
        return s
    p = mp.mpf(x) / n
    sd = mp.sqrt(p * (1 - p) / n) if 0 < x < n else mp.mpf(1) / n
    lo = mp.findroot(lambda t: tail(t, True) + pmf(t) / 2 - A2, (max(p - 3 * sd, p / 100), p), solver="anderson")
    hi = mp.findroot(lambda t: tail(t, False) + pmf(t) / 2 - A2, (p, min(p + 3 * sd + 5 / mp.mpf(n), 1 - (1 - p) / 100)), solver="anderson")
    return lo, hi

rows = ["x,n,lower,upper"]
for x, n in [(1725, 2965), (333333, 1000000), (3, 1000000)]:
    lo, hi = bounds(x, n)
    rows.append(f"{x},{n},{mp.nstr(lo, 25)},{mp.nstr(hi, 25)}")
out = pathlib.Path(__file__).resolve().parents[1] / "Fixtures" / "midp_large_n.csv"
out.write_text("\n".join(rows) + "\n")
print("\n".join(rows))
