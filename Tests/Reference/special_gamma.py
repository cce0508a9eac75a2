#!/usr/bin/env python3
"""Reference values for the incomplete gamma ratios, their inverses and Loader's corrections.

Oracle: mpmath at 50+ significant digits. Deterministic (fixed grids; scipy only supplies starting points
and x locations, every stored value is recomputed with mpmath).

    python3 Tests/Reference/special_gamma.py > Tests/Fixtures/special_gamma.csv
    python3 Tests/Reference/special_gamma.py --temme     # Temme c_k(eta) coefficient table (Swift source)
    python3 Tests/Reference/special_gamma.py --tables    # Stirling-error and (zeta(k)-1)/k tables

CSV columns: kind,a,x,v1,v2
  ratio    : a, x, P(a,x), Q(a,x)
  invp     : a, p (stored in column x), x with P(a,x)=p, -
  invq     : a, q (stored in column x), x with Q(a,x)=q, -
  prefix   : a, x, log(x^a e^-x / Gamma(a)), -
  log1pmx  : -, x, log(1+x)-x, -
  stirling : n (column a), -, log Gamma(n+1) - log(sqrt(2 pi n) (n/e)^n), -
  bd0      : np (column a), x, x log(x/np) + np - x, -
P is summed from its positive power series (DLMF 8.7.1) when x <= a, Q is integrated by tanh-sinh
quadrature of the density when x > a; the other ratio is the complement (>= 1/2 there). mpmath's own
gammainc (which fails to converge for a >~ 1e6) cross-checks a subset.
"""
import sys
import mpmath as mp

mp.mp.dps = 50
WP = 60


def lower_p(a, x):
    """P(a,x) by the positive series sum_n x^n/((a+1)...(a+n)) times x^a e^-x / Gamma(a+1)."""
    with mp.workdps(WP):
        a = mp.mpf(a); x = mp.mpf(x)
        s = mp.mpf(1); t = mp.mpf(1); n = 1
        eps = mp.mpf(10) ** (-WP)
        while True:
            t = t * x / (a + n); s += t
            if t < eps * s:
                break
            n += 1
        return mp.exp(a * mp.log(x) - x - mp.loggamma(a + 1)) * s


def upper_q(a, x):
    """Q(a,x) = integral_x^inf t^(a-1) e^-t dt / Gamma(a) by tanh-sinh quadrature (x > a)."""
    with mp.workdps(WP):
        a = mp.mpf(a); x = mp.mpf(x)
        # scaled so the integrand is 1 at t = x: mp.quad's tolerance is absolute
        lx = (a - 1) * mp.log(x) - x
        f = lambda t: mp.exp((a - 1) * mp.log(t) - t - lx)
        sc = x / (x - a + 1)
        pts = [x] + [x + sc * k for k in (0.5, 2, 8, 32, 128)] + [mp.inf]
        return mp.quad(f, pts) * mp.exp(lx - mp.loggamma(a))


def ratios(a, x):
    if x == 0:
        return mp.mpf(0), mp.mpf(1)
    with mp.workdps(WP):
        if x <= a:
            p = lower_p(a, x); q = 1 - p
        else:
            q = upper_q(a, x); p = 1 - q
        return +p, +q


def log_density(a, x):
    with mp.workdps(WP):
        a = mp.mpf(a); x = mp.mpf(x)
        return (a - 1) * mp.log(x) - x - mp.loggamma(a)


def invert(a, target, upper, start):
    """x with P(a,x)=target (upper=False) or Q(a,x)=target, Newton on log of the ratio in x."""
    with mp.workdps(WP):
        x = mp.mpf(start)
        lt = mp.log(target)
        for _ in range(60):
            p, q = ratios(a, x)
            r = q if upper else p
            h = mp.log(r) - lt
            dens = mp.exp(log_density(a, x))
            d = (-dens if upper else dens) / r
            step = h / d
            xn = x - step
            if xn <= 0:
                xn = x / 4
            if abs(xn - x) < abs(x) * mp.mpf(10) ** (-40):
                return xn
            x = xn
        raise RuntimeError("no convergence %r %r %r" % (a, target, upper))


def f17(v):
    return repr(float(v))


def main_csv():
    import numpy as np
    from scipy import special as sc
    out = sys.stdout
    out.write("kind,a,x,v1,v2\n")
    # --- ratios ---
    a_list = [1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 0.75, 0.9, 0.99, 1.0, 1.01,
              1.5, 2.0, 2.5, 3.0, 3.7, 5.0, 7.5, 10.0, 12.3, 15.0, 19.5, 20.0, 20.5, 25.0, 30.0, 50.0,
              75.0, 100.0, 123.456, 150.0, 250.0, 500.0, 1000.0, 2500.0, 4567.89, 1e4, 3e4, 98765.4321,
              1e5, 3e5, 1e6, 3e6, 1e7]
    tails = [1e-300, 1e-250, 1e-200, 1e-150, 1e-100, 1e-50, 1e-30, 1e-15, 1e-8, 1e-4, 0.01, 0.1, 0.3, 0.5]
    fixed = [1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.1, 0.5, 1.0, 1.05, 1.1, 1.15, 2.0, 5.0, 10.0, 30.0,
             100.0, 700.0, 1e4, 1e6, 1e8, 1e15, 1e100, 1e300]
    for a in a_list:
        xs = set()
        for t in tails:
            for x in (sc.gammaincinv(a, t), sc.gammainccinv(a, t)):
                if np.isfinite(x) and x >= 1e-300:
                    xs.add(float(x))
        for d in (1e-8, 1e-4, 1e-2, 0.1, 0.39, 0.41):
            xs.add(a * (1 + d)); xs.add(a * (1 - d))
        for k in (0.5, 1, 3, 10):
            for x in (a + k * a ** 0.5, a - k * a ** 0.5):
                if x > 0:
                    xs.add(float(x))
        xs.update(fixed)
        for x in sorted(xs):
            p, q = ratios(a, x)
            out.write("ratio,%s,%s,%s,%s\n" % (repr(a), repr(x), f17(p), f17(q)))
    # --- inverses ---
    a_inv = [0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 300.0,
             1000.0, 1e4, 1e5, 1e6, 5e6]
    targets = [1e-300, 1e-250, 1e-200, 1e-150, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.01, 0.05, 0.1,
               0.25, 0.4, 0.5]
    for a in a_inv:
        for t in targets:
            for upper in (False, True):
                start = sc.gammainccinv(a, t) if upper else sc.gammaincinv(a, t)
                if not np.isfinite(start) or start < 1e-300:
                    continue
                x = invert(a, t, upper, start)
                out.write("%s,%s,%s,%s,\n" % ("invq" if upper else "invp", repr(a), repr(t), f17(x)))
    # --- prefix (log of x times the density) ---
    for a in (0.01, 0.5, 1.0, 2.5, 30.0, 1e3, 1e5, 1e7):
        for m in (1e-3, 0.1, 0.5, 0.9, 0.999, 1.0, 1.001, 1.1, 2.0, 10.0, 1e3):
            x = a * m
            out.write("prefix,%s,%s,%s,\n" % (repr(a), repr(x), f17(log_density(a, x) + mp.log(x))))
    # --- log1pmx ---
    for x in (-0.999999, -0.9, -0.61, -0.6, -0.59, -0.5, -0.1, -1e-3, -1e-8, -1e-300, 1e-300, 1e-10,
              1e-5, 0.01, 0.3, 0.99, 1.0, 1.49, 1.5, 1.51, 3.0, 100.0, 1e10, 1e300):
        out.write("log1pmx,,%s,%s,\n" % (repr(x), f17(mp.log1p(mp.mpf(x)) - x)))
    # --- Stirling error ---
    for n in (1e-6, 0.01, 0.1, 0.2, 0.2499, 0.25, 0.3, 0.5, 0.7, 1.0, 1.3, 2.0, 3.7, 7.5, 9.99, 14.9,
              15.0, 15.1, 20.0, 33.3, 100.0, 1e4, 1e8):
        n_ = mp.mpf(n)
        v = mp.loggamma(n_ + 1) - (n_ + mp.mpf(1) / 2) * mp.log(n_) + n_ - mp.log(2 * mp.pi) / 2
        out.write("stirling,%s,,%s,\n" % (repr(n), f17(v)))
    # --- bd0 ---
    for np_ in (0.5, 10.0, 1000.0, 1e6):
        for r in (0.0, 1e-6, 0.1, 0.5, 0.9, 0.99, 0.9999, 1.0, 1.0001, 1.01, 1.5, 2.0, 2.5, 10.0, 1e4):
            x = np_ * r
            xm = mp.mpf(x); nm = mp.mpf(np_)
            v = nm if x == 0 else xm * mp.log(xm / nm) + nm - xm
            out.write("bd0,%s,%s,%s,\n" % (repr(np_), repr(x), f17(v)))


def cross_check():
    """mpmath's own gammainc against the series/quadrature above, where it converges."""
    worst = 0
    for a, x in [(0.01, 0.5), (0.5, 3.0), (3.7, 1.0), (10.0, 50.0), (100.0, 90.0), (1e3, 1100.0),
                 (1e4, 9000.0), (1e5, 1.01e5), (20.0, 20.5), (0.001, 1e-5), (75.0, 431.92330582894317),
                 (10.0, 700.0), (0.5, 650.0), (1e3, 1900.0)]:
        p, q = ratios(a, x)
        rp = mp.gammainc(a, 0, x, regularized=True); rq = mp.gammainc(a, x, mp.inf, regularized=True)
        worst = max(worst, abs(p / rp - 1), abs(q / rq - 1))
    assert worst < mp.mpf(10) ** -40, worst
    sys.stderr.write("cross-check vs mpmath.gammainc: max rel diff %s\n" % mp.nstr(worst, 3))


def temme_table(K=12, terms=20):
    """Temme's c_k(eta) (DLMF 8.12.8-9) as exact power series in eta, printed as Swift array rows."""
    from fractions import Fraction as F
    from sympy import bernoulli, Rational
    N = 2 * K + terms + 4

    def mul(a, b):
        r = [F(0)] * N
        for i, x in enumerate(a[:N]):
            if x:
                for j, y in enumerate(b[:N - i]):
                    r[i + j] += x * y
        return r

    def inv(a):
        r = [F(0)] * N; r[0] = 1 / a[0]
        for k in range(1, N):
            r[k] = -sum(a[j] * r[k - j] for j in range(1, min(k, len(a) - 1) + 1)) / a[0]
        return r

    def sqrt1(a):
        r = [F(0)] * N; r[0] = F(1)
        for k in range(1, N):
            r[k] = (a[k] - sum(r[j] * r[k - j] for j in range(1, k))) / 2
        return r
    # eta = mu*g(mu), g = sqrt(2 sum_{k>=2} (-1)^k mu^(k-2)/k); revert to mu(eta) by fixed point mu = eta/g(mu)
    g = sqrt1([F(2 * (-1) ** k, k) for k in range(2, N + 2)])
    ginv = inv(g)
    mu = [F(0)] * N; mu[1] = F(1)
    for _ in range(N):
        comp = [F(0)] * N; p = [F(0)] * N; p[0] = F(1)
        for c in ginv:
            comp = [x + c * y for x, y in zip(comp, p)]
            p = mul(p, mu)
        new = [F(0)] + comp[:N - 1]
        if new == mu:
            break
        mu = new
    im = inv(mu[1:] + [F(0)])  # 1/mu = sum im[n] eta^(n-1)
    # Gamma*(a) ~ sum g_k a^-k = exp(sum B_2j/(2j(2j-1)) a^(1-2j))
    L = [F(0)] * (K + 2)
    for j in range(1, K + 2):
        if 2 * j - 1 < K + 2:
            b = Rational(bernoulli(2 * j)); L[2 * j - 1] = F(int(b.p), int(b.q)) / (2 * j * (2 * j - 1))
    E = [F(0)] * (K + 2); E[0] = F(1)
    for k in range(1, K + 2):
        E[k] = sum(j * L[j] * E[k - j] for j in range(1, k + 1)) / k
    c = [im[1:]]
    for k in range(1, K):
        prev = c[-1]
        new = [(n + 2) * prev[n + 2] for n in range(len(prev) - 2)]
        assert prev[1] + (-1) ** k * E[k] * im[0] == 0
        for n in range(len(new)):
            new[n] += (-1) ** k * E[k] * im[n + 1]
        c.append(new)
    for k in range(K):
        vals = [repr(float(x)) for x in c[k][:terms]]
        print("        [ // c_%d" % k)
        for i in range(0, terms, 4):
            print("            " + ", ".join(vals[i:i + 4]) + ",")
        print("        ],")


def tables():
    for i in range(31):
        n = mp.mpf(i) / 2
        v = 0 if i == 0 else mp.loggamma(n + 1) - (n + mp.mpf(1) / 2) * mp.log(n) + n - mp.log(2 * mp.pi) / 2
        print(repr(float(v)), end=", ")
    print()
    print(", ".join(repr(float((mp.zeta(k) - 1) / k)) for k in range(2, 30)))


if __name__ == "__main__":
    if "--temme" in sys.argv:
        temme_table()
    elif "--tables" in sys.argv:
        tables()
    else:
        cross_check()
        main_csv()
