"""Checks every Tests/Fixtures/nist/*.csv: row counts, and each certified value recomputed from the rows in exact
rational arithmetic (fractions; square roots with mpmath at 50 digits). The certified values carry 15 significant
digits, so each must agree with the exact value to a relative error below 1e-14 (absolute 1e-14 when certified 0).
Run from the package root: python3 Tests/Reference/nist_verify.py"""
import glob, os, sys
from fractions import Fraction as F
import mpmath

mpmath.mp.dps = 50
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "nist")
EXPECTED_ROWS = {"Norris": 36, "Pontius": 40, "NoInt1": 11, "NoInt2": 3, "Filip": 82, "Longley": 16,
                 "Wampler1": 21, "Wampler2": 21, "Wampler3": 21, "Wampler4": 21, "Wampler5": 21,
                 "SiRstv": 25, "SmLs01": 189, "SmLs02": 1809, "SmLs03": 18009, "SmLs04": 189, "SmLs05": 1809,
                 "SmLs06": 18009, "SmLs07": 189, "SmLs08": 1809, "SmLs09": 18009, "AtmWtAg": 48,
                 "PiDigits": 5000, "Lottery": 218, "Lew": 200, "Mavro": 50, "Michelso": 100,
                 "NumAcc1": 3, "NumAcc2": 1001, "NumAcc3": 1001, "NumAcc4": 1001}


def read(path):
    model, cert, header, rows = None, {}, None, []
    for line in open(path).read().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split(",")
        if cells[0] == "model":
            model = cells[1:]
        elif cells[0] == "cert":
            cert[cells[1]] = (cells[2], cells[3] if len(cells) > 3 and cells[3] else None)
        elif header is None:
            header = cells
        else:
            rows.append([F(c) for c in cells])
    return model, cert, header, rows


def solve(a, b):
    """Exact Gauss-Jordan elimination on rationals; returns a^-1 b and a^-1."""
    n = len(a)
    m = [row[:] + [b[i]] + [F(int(i == j)) for j in range(n)] for i, row in enumerate(a)]
    for c in range(n):
        p = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        m[c] = [v / piv for v in m[c]]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [v - f * w for v, w in zip(m[r], m[c])]
    return [m[i][n] for i in range(n)], [m[i][n + 1:] for i in range(n)]


def check(name, label, certified, exact, worst):
    c = mpmath.mpf(certified)
    e = mpmath.mpf(exact.numerator) / exact.denominator if isinstance(exact, F) else exact
    err = abs(e - c) if c == 0 else abs(e - c) / abs(c)
    ok = err < mpmath.mpf("1e-14")
    if not ok:
        print(f"MISMATCH {name} {label}: certified {certified}, exact {mpmath.nstr(e, 20)}")
    worst.append(ok)


def lls(name, model, cert, header, rows, worst):
    y = [r[0] for r in rows]
    kind = model[0] if model else "linear"
    if kind == "linear":
        cols = [[F(1)] * len(rows)] + [[r[j] for r in rows] for j in range(1, len(header))]
    elif kind == "polynomial":
        cols = [[r[1] ** k for r in rows] for k in range(int(model[1]) + 1)]
    else:
        cols = [[r[1] for r in rows]]
    p, n = len(cols), len(rows)
    xtx = [[sum(a * b for a, b in zip(ci, cj)) for cj in cols] for ci in cols]
    xty = [sum(a * b for a, b in zip(ci, y)) for ci in cols]
    beta, inv = solve(xtx, xty)
    fitted = [sum(beta[k] * cols[k][i] for k in range(p)) for i in range(n)]
    rss = sum((yi - fi) ** 2 for yi, fi in zip(y, fitted))
    s2 = rss / (n - p)
    ybar = sum(y) / n
    tss = sum((yi - ybar) ** 2 for yi in y) if kind != "no_intercept" else sum(yi * yi for yi in y)
    for k in range(p):
        b, se = cert[f"b{k}"]
        check(name, f"b{k}", b, beta[k], worst)
        check(name, f"se(b{k})", se, mpmath.sqrt(mpmath.mpf((s2 * inv[k][k]).numerator) / (s2 * inv[k][k]).denominator), worst)
    check(name, "residual_sd", cert["residual_sd"][0], mpmath.sqrt(mpmath.mpf(s2.numerator) / s2.denominator), worst)
    check(name, "r_squared", cert["r_squared"][0], 1 - rss / tss, worst)


def anova(name, cert, rows, worst):
    groups = {}
    for t, v in rows:
        groups.setdefault(t, []).append(v)
    n, k = len(rows), len(groups)
    grand = sum(v for _, v in rows) / n
    between = sum(len(g) * (sum(g) / len(g) - grand) ** 2 for g in groups.values())
    within = sum(sum((v - sum(g) / len(g)) ** 2 for v in g) for g in groups.values())
    msb, msw = between / (k - 1), within / (n - k)
    vals = {"between_df": F(k - 1), "between_ss": between, "between_ms": msb, "f_statistic": msb / msw,
            "within_df": F(n - k), "within_ss": within, "within_ms": msw, "r_squared": between / (between + within),
            "residual_sd": mpmath.sqrt(mpmath.mpf(msw.numerator) / msw.denominator)}
    for key, v in vals.items():
        check(name, key, cert[key][0], v, worst)


def univariate(name, cert, rows, worst):
    x = [r[0] for r in rows]
    n = len(x)
    m = sum(x) / n
    ss = sum((v - m) ** 2 for v in x)
    var = ss / (n - 1)
    r1 = sum((x[i] - m) * (x[i + 1] - m) for i in range(n - 1)) / ss
    check(name, "mean", cert["mean"][0], m, worst)
    check(name, "sd", cert["sd"][0], mpmath.sqrt(mpmath.mpf(var.numerator) / var.denominator), worst)
    check(name, "autocorrelation_lag1", cert["autocorrelation_lag1"][0], r1, worst)


worst = []
files = sorted(glob.glob(os.path.join(ROOT, "*.csv")))
for path in files:
    name = os.path.basename(path)[:-4]
    model, cert, header, rows = read(path)
    if len(rows) != EXPECTED_ROWS[name]:
        print(f"ROWS {name}: {len(rows)} != {EXPECTED_ROWS[name]}")
        worst.append(False)
    if header[0] == "y" and len(header) > 1:
        lls(name, model, cert, header, rows, worst)
    elif header[0] == "treatment":
        anova(name, cert, rows, worst)
    else:
        univariate(name, cert, rows, worst)
print(f"{len(files)} files, {len(worst)} checks, {worst.count(False)} failures")
sys.exit(0 if all(worst) and len(files) == len(EXPECTED_ROWS) else 1)
