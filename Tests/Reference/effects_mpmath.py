"""Reference values for TSEffects at 50 significant digits with mpmath.

Run from the package root:  python3 Tests/Reference/effects_mpmath.py
Reads Tests/Reference/effects_cases.csv; writes
  Tests/Fixtures/effects_mp_cases.csv   t-based arm/difference CIs and p, d, g (exact J), Glass's delta,
                                        and the exact CIs for d, g, delta by inverting the noncentral t
  Tests/Fixtures/effects_hedges_j.csv   Hedges' J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2))
  Tests/Fixtures/effects_nct_ci.csv     ncp limits: P(T <= t | df, ncp) = 1 - alpha/2 and alpha/2
  Tests/Fixtures/effects_median.csv     Wan 2014 / Luo 2018 / Shi 2020 mean and SD from quantiles
  Tests/Fixtures/effects_conversions.csv SD from SE/CI/t/p, change-score SD, implied r, combined groups
Formulas: see Sources/TSEffects/README.md. Noncentral t cdf by the Poisson-mixture series of
Lenth (1989, Appl Stat 38:185, AS 243) with mpmath's regularized incomplete beta, summed to 1e-60,
cross-checked against direct quadrature of Phi(t sqrt(u/df) - ncp) against the chi-square(df) density.
"""
import csv
import mpmath as mp

mp.mp.dps = 50
F = lambda x: mp.nstr(mp.mpf(x), 17, min_fixed=-mp.inf, max_fixed=mp.inf) if x is not None else "NA"


def fmt(x):
    if x is None:
        return "NA"
    return mp.nstr(x, 20, strip_zeros=False)


def Phi(x):
    return mp.erfc(-x / mp.sqrt(2)) / 2


def t_sf(t, df):  # P(T > t)
    t, df = mp.mpf(t), mp.mpf(df)
    x = df / (df + t * t)
    half = mp.betainc(df / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
    return half if t > 0 else 1 - half


def t_isf(q, df):  # t with P(T > t) = q, q < 1/2
    return mp.findroot(lambda t: t_sf(t, df) - q, mp.mpf(2), tol=mp.mpf(10) ** -45)


def nct_cdf_series(t, df, d):
    t, df, d = mp.mpf(t), mp.mpf(df), mp.mpf(d)
    if t < 0:
        return 1 - nct_cdf_series(-t, df, -d)
    x = t * t / (t * t + df)
    lam = d * d / 2
    s = mp.mpf(0)
    j = 0
    while True:
        pj = mp.exp(-lam) * lam ** j / mp.factorial(j)
        qj = d / mp.sqrt(2) * mp.exp(-lam) * lam ** j / mp.gamma(j + mp.mpf(3) / 2)
        term = pj * mp.betainc(j + mp.mpf(1) / 2, df / 2, 0, x, regularized=True) + qj * mp.betainc(j + 1, df / 2, 0, x, regularized=True)
        s += term
        if j > lam and abs(term) < mp.mpf(10) ** -60:
            break
        j += 1
    return Phi(-d) + s / 2


def nct_cdf_quad(t, df, d):
    t, df, d = mp.mpf(t), mp.mpf(df), mp.mpf(d)
    dens = lambda u: mp.exp((df / 2 - 1) * mp.log(u) - u / 2 - (df / 2) * mp.log(2) - mp.loggamma(df / 2))
    return mp.quad(lambda u: Phi(t * mp.sqrt(u / df) - d) * dens(u), [0, df, 4 * df + 40, mp.inf])


def ncp_limit(t, df, p):
    t = mp.mpf(t)
    f = lambda lam: nct_cdf_series(t, df, lam) - p
    # bracket, then Anderson/bisection-safe solve
    lo, hi = t - 1, t + 1
    while f(lo) < 0:
        lo -= 2
    while f(hi) > 0:
        hi += 2
    return mp.findroot(f, (lo, hi), solver="anderson", tol=mp.mpf(10) ** -40)


def hedges_j(m):
    m = mp.mpf(m)
    return mp.gamma(m / 2) / (mp.sqrt(m / 2) * mp.gamma((m - 1) / 2))


# cross-check the two noncentral-t cdfs once
for (t, df, d) in [(1.5, 10, 0.7), (-2.0, 5, 1.0), (3.0, 66, 2.5)]:
    a, b = nct_cdf_series(t, df, d), nct_cdf_quad(t, df, d)
    assert abs(a - b) < mp.mpf(10) ** -30, (t, df, d, a, b)

cases = list(csv.DictReader(open("Tests/Reference/effects_cases.csv")))
with open("Tests/Fixtures/effects_mp_cases.csv", "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["case", "arm1_lo", "arm1_hi", "arm1_p", "arm2_lo", "arm2_hi", "arm2_p",
                "student_lo", "student_hi", "student_p", "welch_lo", "welch_hi", "welch_df", "welch_p",
                "d", "d_exact_lo", "d_exact_hi", "g", "g_exact_lo", "g_exact_hi",
                "delta", "delta_exact_lo", "delta_exact_hi"])
    for c in cases:
        n1, n2 = int(c["n1"]), int(c["n2"])
        m1, m2, s1, s2 = (mp.mpf(c[k]) for k in ("m1", "m2", "s1", "s2"))
        lv = mp.mpf(c["level"])
        a = 1 - lv

        def arm(n, m, s):
            se = s / mp.sqrt(n)
            q = t_isf(a / 2, n - 1)
            t = m / se
            return m - q * se, m + q * se, 2 * t_sf(abs(t), n - 1)

        A1, A2 = arm(n1, m1, s1), arm(n2, m2, s2)
        diff = m1 - m2
        sp = mp.sqrt(((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / (n1 + n2 - 2))
        f = mp.sqrt(mp.mpf(1) / n1 + mp.mpf(1) / n2)
        se_st, df_st = sp * f, n1 + n2 - 2
        v1, v2 = s1 ** 2 / n1, s2 ** 2 / n2
        se_we = mp.sqrt(v1 + v2)
        df_we = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
        q_st, q_we = t_isf(a / 2, df_st), t_isf(a / 2, df_we)
        d = diff / sp
        J = hedges_j(df_st)
        tstat = d / f
        dlo, dhi = ncp_limit(tstat, df_st, 1 - a / 2) * f, ncp_limit(tstat, df_st, a / 2) * f
        delta = diff / s2
        tdel = delta / f
        delo, dehi = ncp_limit(tdel, n2 - 1, 1 - a / 2) * f, ncp_limit(tdel, n2 - 1, a / 2) * f
        w.writerow([c["case"], fmt(A1[0]), fmt(A1[1]), fmt(A1[2]), fmt(A2[0]), fmt(A2[1]), fmt(A2[2]),
                    fmt(diff - q_st * se_st), fmt(diff + q_st * se_st), fmt(2 * t_sf(abs(diff / se_st), df_st)),
                    fmt(diff - q_we * se_we), fmt(diff + q_we * se_we), fmt(df_we), fmt(2 * t_sf(abs(diff / se_we), df_we)),
                    fmt(d), fmt(dlo), fmt(dhi), fmt(J * d), fmt(J * dlo), fmt(J * dhi),
                    fmt(delta), fmt(delo), fmt(dehi)])

with open("Tests/Fixtures/effects_hedges_j.csv", "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["m", "J"])
    for m in [2, 3, 4, 5, 8, 10, 18, 30, 66, 100, 200, 339, 340, 341, 500, 1000, 3523, 10000, 1e5, 1e6, 1e8]:
        w.writerow([repr(float(m)), fmt(hedges_j(m))])

with open("Tests/Fixtures/effects_nct_ci.csv", "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["t", "df", "level", "ncp_lower", "ncp_upper"])
    for (t, df, lv) in [(0.0, 10, 0.95), (1.0684908602651235, 66, 0.95), (-2.5, 8, 0.95), (2.0, 3, 0.90),
                        (5.0, 20, 0.99), (10.0, 40, 0.95), (-0.3, 200, 0.95), (1.96, 1000, 0.95), (25.0, 30, 0.95)]:
        a = 1 - mp.mpf(lv)
        w.writerow([repr(t), repr(float(df)), repr(lv), fmt(ncp_limit(t, df, 1 - a / 2)), fmt(ncp_limit(t, df, a / 2))])

# Median/quantiles to mean and SD (Wan 2014, Luo 2018, Shi 2020)
Pinv = lambda p: mp.findroot(lambda z: Phi(z) - p, mp.mpf(0), tol=mp.mpf(10) ** -45)
with open("Tests/Fixtures/effects_median.csv", "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["n", "min", "q1", "median", "q3", "max", "mean_wan", "mean_luo", "sd_wan", "sd_shi"])
    for (n, a_, q1, m, q3, b) in [(50, 2, 4, 5, 7, 10), (20, 1, None, 4.8, None, 9), (15, None, 3, 4, 6.5, None),
                                  (7, 0.5, 1, 2, 3.5, 9), (400, -3, -1, 0.2, 1.1, 4.5), (3, 1, None, 2, None, 4)]:
        n_ = mp.mpf(n)
        xi = 2 * Pinv((n_ - mp.mpf("0.375")) / (n_ + mp.mpf("0.25")))
        eta = 2 * Pinv((mp.mpf("0.75") * n_ - mp.mpf("0.125")) / (n_ + mp.mpf("0.25")))
        A = None if a_ is None else mp.mpf(a_); B = None if b is None else mp.mpf(b)
        Q1 = None if q1 is None else mp.mpf(q1); Q3 = None if q3 is None else mp.mpf(q3); M = mp.mpf(m)
        if A is not None and Q1 is not None:
            mw = (A + 2 * Q1 + 2 * M + 2 * Q3 + B) / 8
            w1 = mp.mpf("2.2") / (mp.mpf("2.2") + n_ ** mp.mpf("0.75")); w2 = mp.mpf("0.7") - mp.mpf("0.72") / n_ ** mp.mpf("0.55")
            ml = w1 * (A + B) / 2 + w2 * (Q1 + Q3) / 2 + (1 - w1 - w2) * M
            sw = ((B - A) / xi + (Q3 - Q1) / eta) / 2
            ws = 1 / (1 + mp.mpf("0.07") * n_ ** mp.mpf("0.6"))
            ss = ws * (B - A) / xi + (1 - ws) * (Q3 - Q1) / eta
        elif A is not None:
            mw = (A + 2 * M + B) / 4
            wl = 4 / (4 + n_ ** mp.mpf("0.75")); ml = wl * (A + B) / 2 + (1 - wl) * M
            sw = ss = (B - A) / xi
        else:
            mw = (Q1 + M + Q3) / 3
            wl = mp.mpf("0.7") + mp.mpf("0.39") / n_; ml = wl * (Q1 + Q3) / 2 + (1 - wl) * M
            sw = ss = (Q3 - Q1) / eta
        w.writerow([n] + ["NA" if v is None else repr(float(v)) for v in (a_, q1, m, q3, b)] + [fmt(mw), fmt(ml), fmt(sw), fmt(ss)])

with open("Tests/Fixtures/effects_conversions.csv", "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["conversion", "inputs", "value"])
    # SD from SE: se * sqrt(n)
    w.writerow(["sd_from_se", "se=0.47;n=33", fmt(mp.mpf("0.47") * mp.sqrt(33))])
    for (lo, hi, n, lv, dist) in [(-2.3, -0.4, 33, 0.95, "t"), (-1.6, 0.2, 35, 0.95, "t"), (3.1, 7.6, 25, 0.95, "t"),
                                  (3.1, 7.6, 25, 0.95, "z"), (10, 14, 12, 0.90, "t"), (0.5, 0.9, 400, 0.99, "z")]:
        a = 1 - mp.mpf(lv)
        q = t_isf(a / 2, n - 1) if dist == "t" else -Pinv(a / 2)
        w.writerow(["sd_from_ci", f"lo={lo};hi={hi};n={n};level={lv};dist={dist}", fmt(mp.sqrt(n) * (mp.mpf(hi) - mp.mpf(lo)) / (2 * q))])
    for (lo, hi, n1, n2, lv) in [(-1.9, 0.7, 35, 33, 0.95), (0.2, 3.4, 20, 22, 0.95)]:
        a = 1 - mp.mpf(lv)
        q = t_isf(a / 2, n1 + n2 - 2)
        w.writerow(["pooled_sd_from_difference_ci", f"lo={lo};hi={hi};n1={n1};n2={n2};level={lv}",
                    fmt((mp.mpf(hi) - mp.mpf(lo)) / (2 * q) / mp.sqrt(mp.mpf(1) / n1 + mp.mpf(1) / n2))])
    for (p, diff, n1, n2) in [(0.332, 0.7, 35, 33), (0.008, 3.5, 25, 22)]:
        t = t_isf(mp.mpf(p) / 2, n1 + n2 - 2)
        w.writerow(["pooled_sd_from_p", f"p={p};difference={diff};n1={n1};n2={n2}",
                    fmt(mp.mpf(diff) / t / mp.sqrt(mp.mpf(1) / n1 + mp.mpf(1) / n2))])
    for (t, diff, n1, n2) in [(2.1, 3.5, 25, 22)]:
        w.writerow(["pooled_sd_from_t", f"t={t};difference={diff};n1={n1};n2={n2}",
                    fmt(mp.mpf(diff) / mp.mpf(t) / mp.sqrt(mp.mpf(1) / n1 + mp.mpf(1) / n2))])
    for (sb, sf, r) in [(4.2, 4.6, 0.75), (10, 12, 0.0), (3, 3, 1.0)]:
        sb_, sf_, r_ = mp.mpf(sb), mp.mpf(sf), mp.mpf(r)
        w.writerow(["change_sd", f"baseline_sd={sb};final_sd={sf};r={r}", fmt(mp.sqrt(sb_ ** 2 + sf_ ** 2 - 2 * r_ * sb_ * sf_))])
    for (sb, sf, sc) in [(4.2, 4.6, 3.1), (4.2, 4.6, 9.5)]:
        sb_, sf_, sc_ = mp.mpf(sb), mp.mpf(sf), mp.mpf(sc)
        w.writerow(["implied_r", f"baseline_sd={sb};final_sd={sf};change_sd={sc}", fmt((sb_ ** 2 + sf_ ** 2 - sc_ ** 2) / (2 * sb_ * sf_))])
    for (n1, m1, s1, n2, m2, s2) in [(35, -0.7, 2.7, 33, -1.4, 2.7), (10, 5.2, 1.1, 12, 4.1, 2.3)]:
        N = n1 + n2
        M1, M2, S1, S2 = (mp.mpf(str(v)) for v in (m1, m2, s1, s2))
        M = (n1 * M1 + n2 * M2) / N
        SD = mp.sqrt(((n1 - 1) * S1 ** 2 + (n2 - 1) * S2 ** 2 + mp.mpf(n1 * n2) / N * (M1 ** 2 + M2 ** 2 - 2 * M1 * M2)) / (N - 1))
        w.writerow(["combine_mean", f"n1={n1};m1={m1};s1={s1};n2={n2};m2={m2};s2={s2}", fmt(M)])
        w.writerow(["combine_sd", f"n1={n1};m1={m1};s1={s1};n2={n2};m2={m2};s2={s2}", fmt(SD)])
print("mpmath", mp.__version__, "dps", mp.mp.dps)
