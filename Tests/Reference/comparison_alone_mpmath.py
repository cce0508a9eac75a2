#!/usr/bin/env python3
"""Reference values for Tests/TSAuditTests/ComparisonAloneTests.swift and StatisticDFSearchTests.swift.

Writes Tests/Fixtures/comparison_alone_mpmath.csv: name,value (mpmath, 40 digits).
Worked examples: Altman & Bland, BMJ 2011;343:d2304 (P from CI) and d2090 (CI from P), computed with the
exact normal and with the papers' closed-form approximations. df-search cases: statcheck's test cases
(tests/testthat) with the df dropped; the reproducing df sets are found here by brute force over every df.
"""
import csv, os
import mpmath as mp
mp.mp.dps = 40

def sf_norm(z): return mp.ncdf(-z)
def q_norm(p): return -mp.sqrt(2) * mp.erfinv(2 * p - 1)          # upper-tail quantile
z975 = q_norm(mp.mpf('0.025'))
rows = []
def put(name, v): rows.append((name, mp.nstr(v, 17)))

# d2304 (a): difference 1.9 (95% CI -0.6 to 4.3)
est, l, u = mp.mpf('1.9'), mp.mpf('-0.6'), mp.mpf('4.3')
se = (u - l) / (2 * z975); z = est / se
put('d2304_diff_p_exact', 2 * sf_norm(z))
se196 = (u - l) / (2 * mp.mpf('1.96')); z196 = est / se196
put('d2304_diff_p_approx', mp.e ** (-mp.mpf('0.717') * z196 - mp.mpf('0.416') * z196 ** 2))
# d2304 (b): ratio 0.81 (95% CI 0.70 to 0.94)
est, l, u = mp.log('0.81'), mp.log('0.70'), mp.log('0.94')
z = abs(est) / ((u - l) / (2 * z975))
put('d2304_ratio_p_exact', 2 * sf_norm(z))
z196 = abs(est) / ((u - l) / (2 * mp.mpf('1.96')))
put('d2304_ratio_p_approx', mp.e ** (-mp.mpf('0.717') * z196 - mp.mpf('0.416') * z196 ** 2))
# d2090 (a): difference 17 percentage points, P = 0.032
est, p = mp.mpf(17), mp.mpf('0.032')
z = q_norm(p / 2); se = est / z
put('d2090_diff_lower_exact', est - z975 * se); put('d2090_diff_upper_exact', est + z975 * se)
za = -mp.mpf('0.862') + mp.sqrt(mp.mpf('0.743') - mp.mpf('2.404') * mp.log(p)); sea = est / za
put('d2090_diff_z_approx', za)
put('d2090_diff_lower_approx', est - mp.mpf('1.96') * sea); put('d2090_diff_upper_approx', est + mp.mpf('1.96') * sea)
# d2090 (b): RR 0.30, P = 0.034
est, p = mp.log('0.30'), mp.mpf('0.034')
z = q_norm(p / 2); se = abs(est) / z
put('d2090_ratio_lower_exact', mp.e ** (est - z975 * se)); put('d2090_ratio_upper_exact', mp.e ** (est + z975 * se))
za = -mp.mpf('0.862') + mp.sqrt(mp.mpf('0.743') - mp.mpf('2.404') * mp.log(p)); sea = abs(est) / za
put('d2090_ratio_lower_approx', mp.e ** (est - mp.mpf('1.96') * sea)); put('d2090_ratio_upper_approx', mp.e ** (est + mp.mpf('1.96') * sea))

# df search: brute force over every df (scipy is enough for set membership; mpmath would take hours).
from scipy import stats
import numpy as np
def t_set(stat, dec, plo, phi, sided=2):
    a, b = abs(stat) - 0.5 * 10 ** -dec, abs(stat) + 0.5 * 10 ** -dec
    df = np.arange(1, 100001, dtype=float)
    pa, pb = sided * stats.t.sf(a, df), sided * stats.t.sf(b, df)
    ok = (pb <= phi) & (pa >= plo)
    return df[ok]
def chi_set(x, dec, plo, phi):
    a, b = x - 0.5 * 10 ** -dec, x + 0.5 * 10 ** -dec
    df = np.arange(1, 1001, dtype=float)
    ok = (stats.chi2.sf(b, df) <= phi) & (stats.chi2.sf(a, df) >= plo)
    return df[ok]
def rng(s): return f"{int(s.min())}-{int(s.max())}" if len(s) else "none"
cases = {
    # statcheck tests/testthat/test-error.R and test-compute-pvalues.R, df dropped
    'sc_t_2.20_p.03': t_set(2.20, 2, 0.025, 0.035),          # t(28) = 2.20, p = .03
    'sc_t_2.20_p.036': t_set(2.20, 2, 0.0355, 0.0365),       # t(28) = 2.20, p = .036
    'sc_t_1.20_p.03': t_set(1.20, 2, 0.025, 0.035),          # t(28) = 1.20, p = .03 (error at df 28)
    'sc_chi2_2.20_p.03': chi_set(2.20, 2, 0.025, 0.035),     # chi2(28) = 2.20, p = .03
    'sc_chi2_22.20_p.79': chi_set(22.20, 2, 0.785, 0.795),   # chi2(28) = 22.20, p = .79
    'sc_chi2_3.25_p.07': chi_set(3.25, 2, 0.065, 0.075),     # chi2(1, n = 81) = 3.25, p = 0.07
    'sc_chi2_16.78_p<.001': chi_set(16.78, 2, 0, 0.001),     # chi2(1, N = 11,455) = 16.78, p < .001
    'brief_chi2_7.81_p.050': chi_set(7.81, 2, 0.0495, 0.0505),
}
for k, s in cases.items(): rows.append((k, rng(s)))
# F(2, 28) = 2.20, p = .15 with df2 dropped
d2 = np.arange(1, 100001, dtype=float)
ok = (stats.f.sf(2.205, 2, d2) <= 0.155) & (stats.f.sf(2.195, 2, d2) >= 0.145)
rows.append(('sc_F_2_x_2.20_p.15', rng(d2[ok])))

out = os.path.join(os.path.dirname(__file__), '..', 'Fixtures', 'comparison_alone_mpmath.csv')
with open(out, 'w', newline='') as f:
    w = csv.writer(f); w.writerow(['name', 'value']); w.writerows(rows)
for r in rows: print(*r)
