#!/usr/bin/env python3
"""Reference values for the TSReports spot tests (Tests/TSReportsTests/ReportContentTests.swift), from mpmath
at 50 digits: Steffensen et al. 2011 hip BMD (arm sizes 33 and 35 from Kampman et al. 2012) and Liang et al.
2022's P<0.0001 with group sizes 1,725 and 1,240;
de Nijs et al. 2006 and Ushiroyama et al. 2002 (lumbar/vertebral BMD). Run: python3 Tests/Reference/reports_reference_values.py
The printed values are pasted into the Swift test with this script named as their source."""
import mpmath as mp

mp.mp.dps = 50


def t_quantile(p, df):
    """Student t quantile by root finding on the regularised incomplete beta cdf."""
    df = mp.mpf(df)

    def cdf(t):
        x = df / (df + t * t)
        tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
        return 1 - tail if t > 0 else tail

    return mp.findroot(lambda t: cdf(t) - p, 2)


def t_two_sided_p(t, df):
    df = mp.mpf(df)
    x = df / (df + t * t)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, x, regularized=True)


def chi2_isf(q, df):
    """Upper quantile of chi-square in closed form: df 1 is a squared normal, df 2 an exponential with mean 2."""
    if df == 1:
        return 2 * mp.erfinv(1 - q) ** 2
    if df == 2:
        return -2 * mp.log(q)
    raise ValueError(df)


out = []
# Placebo arm: n 33, mean -1.4, SD 2.7; 95% CI of the mean with t on 32 df; two-sided p against 0.
n, m, s = 33, mp.mpf("-1.4"), mp.mpf("2.7")
se = s / mp.sqrt(n)
c = t_quantile(mp.mpf("0.975"), n - 1)
out += [("placebo_se", se), ("placebo_ci_lower", m - c * se), ("placebo_ci_upper", m + c * se),
        ("placebo_p", t_two_sided_p(m / se, n - 1))]
# Vitamin D3 arm: n 35, mean -0.7, SD 2.7.
n, m = 35, mp.mpf("-0.7")
se = s / mp.sqrt(n)
c = t_quantile(mp.mpf("0.975"), n - 1)
out += [("vitd_ci_lower", m - c * se), ("vitd_p", t_two_sided_p(m / se, n - 1)),
        ("vitd_sd_from_ci", mp.sqrt(n) * (mp.mpf("0.2") - mp.mpf("-1.6")) / (2 * c))]
# Difference Vitamin D3 - Placebo, Student (pooled SD, 66 df).
n1, n2 = 35, 33
se_d = s * mp.sqrt(mp.mpf(1) / n1 + mp.mpf(1) / n2)
c = t_quantile(mp.mpf("0.975"), n1 + n2 - 2)
d = mp.mpf("0.7")
out += [("diff_student_ci_lower", d - c * se_d), ("diff_student_ci_upper", d + c * se_d),
        ("diff_student_p", t_two_sided_p(d / se_d, n1 + n2 - 2))]
# Liang 2022: P < 0.0001, groups 1725 and 1240, 3 categories (2 df).
chi = chi2_isf(mp.mpf("0.0001"), 2)
out += [("liang_min_chi_square", chi), ("liang_min_cramers_v", mp.sqrt(chi / (1725 + 1240)))]
# de Nijs 2006 lumbar spine BMD: arm SDs from the printed 95% CIs (n 100 and 101), then the Student CI of the
# difference 2.1 - (-1.9) with the pooled SD on 199 df.
na, nb = 100, 101
sa = mp.sqrt(na) * (mp.mpf("3.1") - mp.mpf("1.1")) / (2 * t_quantile(mp.mpf("0.975"), na - 1))
sb = mp.sqrt(nb) * (mp.mpf("-0.7") - mp.mpf("-3.1")) / (2 * t_quantile(mp.mpf("0.975"), nb - 1))
sp = mp.sqrt(((na - 1) * sa ** 2 + (nb - 1) * sb ** 2) / (na + nb - 2))
se_d = sp * mp.sqrt(mp.mpf(1) / na + mp.mpf(1) / nb)
d = mp.mpf("2.1") - mp.mpf("-1.9")
out += [("denijs_alendronate_sd_from_ci", sa), ("denijs_alfacalcidol_sd_from_ci", sb),
        ("denijs_diff_student_ci_upper", d + t_quantile(mp.mpf("0.975"), na + nb - 2) * se_d)]
# Ushiroyama 2002 vertebral BMD, K2 + D3 arm: n 43, 4.92 +/- 7.89 read as mean +/- SD; 95% CI with t on 42 df.
n, m, s = 43, mp.mpf("4.92"), mp.mpf("7.89")
se = s / mp.sqrt(n)
c = t_quantile(mp.mpf("0.975"), n - 1)
out += [("ushiroyama_k2d3_ci_lower", m - c * se), ("ushiroyama_k2d3_ci_upper", m + c * se)]
chi1 = chi2_isf(mp.mpf("0.0001"), 1)
out += [("liang_min_risk_difference_half", mp.sqrt(chi1 * mp.mpf("0.25") * (mp.mpf(1) / 1725 + mp.mpf(1) / 1240)))]
for name, v in out:
    print(f"{name},{mp.nstr(v, 20)}")
