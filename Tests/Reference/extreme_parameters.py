"""Reference values for TSDistributions at extreme parameters (Tests/TSDistributionsTests/ExtremeParameterTests.swift).

Prints Swift-ready lines; run: python3 Tests/Reference/extreme_parameters.py  (mpmath, 50 digits).

1. Noncentral t at very large nu. With u = t - delta and S = sqrt(chi2_nu/nu),
       cdf = Phi(u) - phi(u) c,  sf = Phi(-u) + phi(u) c,  pdf = phi(u)(1 + u c - c'),
       c = t(1 + u t)/(4 nu),  c' = (1 + 2 u t + t^2)/(4 nu),
   with a remainder of order nu^-2 (below 1e-30 relative at nu >= 1e17 for these points). The expansion is first
   checked against the mpmath quadrature of the mixture integral at nu = 1e9, where its remainder (~1e-18) is
   below double precision: the check prints the relative difference.
2. Noncentral t log density far in the tails: pdf(t) -> C |t|^-(nu+1) with
       C = c * Int_0^inf w^nu exp(-(w - sign(t) delta)^2 / 2) dw,  c = 2 nu^(nu/2) / (2^(nu/2) Gamma(nu/2) sqrt(2 pi)),
   exact up to a relative nu w^2/(2 t^2) (< 1e-280 at |t| >= 1e150).
3. Normal at the edges of the double range.
"""
import mpmath as mp

mp.mp.dps = 50

def expansion(nu, delta, t):
    nu, delta, t = mp.mpf(nu), mp.mpf(delta), mp.mpf(t)
    u = t - delta
    c = t * (1 + u * t) / (4 * nu)
    cp = (1 + 2 * u * t + t * t) / (4 * nu)
    phi = mp.npdf(u)
    return mp.ncdf(u) - phi * c, mp.ncdf(-u) + phi * c, phi * (1 + u * c - cp)

def quadrature_cdf(nu, delta, t):
    nu, delta, t = mp.mpf(nu), mp.mpf(delta), mp.mpf(t)
    sd = 1 / mp.sqrt(2 * nu)
    lognorm = mp.log(2) + (nu / 2) * mp.log(nu / 2) - mp.loggamma(nu / 2)
    f = lambda s: mp.ncdf(t * s - delta) * mp.exp(lognorm + (nu - 1) * mp.log(s) - nu * s * s / 2)
    pts = [1 + k * sd for k in range(-40, 41, 4)]
    return mp.quad(f, pts, maxdegree=12)

def far_logpdf(nu, delta, t):
    nu, delta, t = mp.mpf(nu), mp.mpf(delta), mp.mpf(t)
    sign = 1 if t > 0 else -1
    logc = mp.log(2) + (nu / 2) * mp.log(nu / 2) - mp.loggamma(nu / 2) - mp.log(2 * mp.pi) / 2
    integral = mp.quad(lambda w: mp.exp(nu * mp.log(w) - (w - sign * delta) ** 2 / 2) if w > 0 else mp.mpf(0),
                       [0, abs(delta) + 1, abs(delta) + 10 + 4 * mp.sqrt(nu), mp.inf])
    return logc + mp.log(integral) - (nu + 1) * mp.log(abs(t))

def s(x):
    return mp.nstr(x, 20, min_fixed=-5, max_fixed=5)

check = quadrature_cdf(1e9, 2, 2.5)
print("// expansion vs quadrature at nu = 1e9, delta = 2, t = 2.5: rel diff",
      mp.nstr(abs(expansion(1e9, 2, 2.5)[0] - check) / check, 3))
print("// (nu, delta, t, cdf, sf, pdf)")
for nu in ["1e17", "1e20", "1e300"]:
    for delta, t in [(2, 2.5), (-20, -30), (1000.5, 1000), (0, 3), (3, -3)]:
        c, sf, p = expansion(mp.mpf(nu), delta, t)
        print("(%s, %s, %s, %s, %s, %s)," % (nu, delta, t, s(c), s(sf), s(p)))
print("// (nu, delta, t, logpdf)")
for nu, delta, t in [(3, 1, "1e308"), (3, 2, "1e151"), (3, 0, "-1e200"), (10, -4, "-1e300"), (2.5, 40, "1e250")]:
    print("(%s, %s, %s, %s)," % (nu, delta, t, s(far_logpdf(nu, delta, mp.mpf(t)))))
print("// normal: Phi(-2) =", s(mp.ncdf(-2)), "; log phi(1e152) =", s(-mp.mpf("1e152") ** 2 / 2 - mp.log(2 * mp.pi) / 2))
