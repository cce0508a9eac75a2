import RealModule

// Regularized incomplete gamma ratios P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = Γ(a, x)/Γ(a),
// after DiDonato & Morris (1986), "Computation of the incomplete gamma function ratios and their
// inverse", ACM TOMS 12:377–393 (algorithm 654), with the regions:
//   a < 1,  x ≤ 1.1        : series in terms of x^a, 1/Γ(1+a) − 1 (Q without cancellation for tiny a)
//   a ≥ 20, |x − a| ≤ 0.4a : Temme's uniform asymptotic expansion (IncompleteGammaTemme.swift)
//   x < a otherwise        : power series for P
//   otherwise              : Legendre's continued fraction for Q
// The smaller of P and Q is always computed directly; the other is its complement (≥ 1/3).

extension Special {
    /// The regularized incomplete gamma ratios `P(a, x)` and `Q(a, x) = 1 − P(a, x)`, `a > 0`, `x ≥ 0`,
    /// each to about 1e-14 relative accuracy (DiDonato & Morris 1986). NaN for invalid arguments.
    static func gammaRatios(a: Double, x: Double) -> (p: Double, q: Double) {
        let r = gammaRatiosAndPrefix(a: a, x: x)
        return (r.p, r.q)
    }

    /// The regularized lower incomplete gamma ratio `P(a, x) = γ(a, x)/Γ(a)`.
    static func gammaP(_ a: Double, _ x: Double) -> Double {
        gammaRatios(a: a, x: x).p
    }

    /// The regularized upper incomplete gamma ratio `Q(a, x) = Γ(a, x)/Γ(a)`, accurate far into the tail.
    static func gammaQ(_ a: Double, _ x: Double) -> Double {
        gammaRatios(a: a, x: x).q
    }

    /// `(P, Q, x^a e^{−x}/Γ(a))`; the prefactor (x times the density) is what Newton steps need.
    static func gammaRatiosAndPrefix(a: Double, x: Double) -> (p: Double, q: Double, prefix: Double) {
        if a.isNaN || x.isNaN || !(a > 0) || x < 0 || a.isInfinite { return (.nan, .nan, .nan) }
        if x == 0 { return (0, 1, a == 1 ? 1 : (a < 1 ? .infinity : 0)) }
        if x.isInfinite { return (1, 0, 0) }
        if a < 1 && x <= 1.1 {
            return smallShapeGammaRatios(a: a, x: x)
        }
        if a >= 20 && abs(x - a) <= 0.4 * a {
            let r = temmeGammaRatios(a: a, x: x)
            return (clamp01(r.p), clamp01(r.q), r.prefix)
        }
        let prefix = gammaPrefix(a: a, x: x)
        if x < a {
            let p = prefix / a * gammaPSeriesSum(a: a, x: x)
            return (p, 1 - p, prefix)
        }
        let q = prefix * gammaQContinuedFraction(a: a, x: x)
        return (1 - q, q, prefix)
    }

    /// `Σ_{n≥0} x^n / ((a+1)(a+2)…(a+n))`, so that `P = x^a e^{−x}/Γ(a+1) · Σ` (DLMF 8.7.1;
    /// DiDonato & Morris 1986 eq. (15)). All terms positive; used for `x < a`.
    private static func gammaPSeriesSum(a: Double, x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        var n = 1.0
        while n < 100_000 {
            term *= x / (a + n)
            sum += term
            if term <= 1e-17 * sum { break }
            n += 1
        }
        return sum
    }

    /// `Q(a, x) / (x^a e^{−x}/Γ(a))` from Legendre's continued fraction
    /// `Γ(a, x) = e^{−x} x^a / (x + 1 − a − 1(1−a)/(x + 3 − a − 2(2−a)/(x + 5 − a − …)))`
    /// (DLMF 8.9.2; DiDonato & Morris 1986 eq. (20)), evaluated by the modified Lentz method
    /// (Thompson & Barnett 1986). Used for `x ≥ a` (or `x > 1.1` when `a < 1`).
    private static func gammaQContinuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        let b0 = x + 1 - a
        var f = b0 == 0 ? tiny : b0
        var c = f
        var d = 0.0
        var n = 1.0
        while n < 100_000 {
            let an = -n * (n - a)
            let bn = b0 + 2 * n
            d = bn + an * d
            if d == 0 { d = tiny }
            c = bn + an / c
            if c == 0 { c = tiny }
            d = 1 / d
            let delta = c * d
            f *= delta
            if abs(delta - 1) <= 1e-16 { break }
            n += 1
        }
        return 1 / f
    }

    /// `a < 1`, `0 < x ≤ 1.1` (DiDonato & Morris 1986 §2, eqs. (9)–(10) in spirit): with
    /// `J = a·Σ_{n≥1} (−1)^{n+1} x^n / (n!(a+n))` and `g = 1/Γ(1+a) − 1`,
    ///
    ///     P = x^a (1 + g)(1 − J),   Q = −expm1(a log x) − x^a g + x^a (1 + g) J,
    ///
    /// so that Q, which is of order `a` for small `a`, is never formed as `1 − P`.
    private static func smallShapeGammaRatios(a: Double, x: Double) -> (p: Double, q: Double, prefix: Double) {
        var series = 0.0
        var term = x  // (−1)^{n+1} x^n / n!
        var n = 1.0
        while n < 200 {
            let contribution = term / (a + n)
            series += contribution
            if abs(contribution) <= 1e-17 * abs(series) { break }
            n += 1
            term *= -x / n
        }
        let j = a * series
        let logX = Double.log(x)
        let xa = Double.pow(x, a)
        let g = rgamma1pm1(a)
        let p = xa * (1 + g) * (1 - j)
        let q = -Double.expMinusOne(a * logX) - xa * g + xa * (1 + g) * j
        // prefactor a·x^a e^{−x}/Γ(1+a)
        let prefix = a * xa * (1 + g) * Double.exp(-x)
        return (clamp01(p), clamp01(q), prefix)
    }

    private static func clamp01(_ v: Double) -> Double {
        min(max(v, 0), 1)
    }
}
