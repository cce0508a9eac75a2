import RealModule

extension Special {
    /// The regularized incomplete beta ratio and its complement, `(I_x(a,b), 1 - I_x(a,b))`, for a, b > 0,
    /// 0 <= x <= 1, where the caller supplies `y = 1 - x` computed accurately on its own
    /// (e.g. Student t passes `x = nu/(nu+t^2)`, `y = t^2/(nu+t^2)`). The smaller of x and y is treated as exact.
    ///
    /// Algorithm: DiDonato & Morris (1992), "Algorithm 708: Significant digit computation of the incomplete
    /// beta function ratios", ACM TOMS 18:360-373, procedure BRATIO. Each of p and q is computed directly
    /// or as the complement of a value not exceeding about 0.9, so both keep relative accuracy:
    /// - min(a,b) <= 1 (after the symmetry swap making x <= 1/2): power series (BPSER), or for large b the
    ///   finite sum BUP followed by the large-a/small-b expansion BGRAT;
    /// - min(a,b) > 1 (after the swap making x <= a/(a+b)): BPSER for b < 40 with b x <= 0.7, BUP + BPSER/BGRAT
    ///   for b < 40, otherwise the continued fraction BFRAC, or near the mean for min(a,b) > 100 the
    ///   erfc-type uniform expansion (BASYM).
    /// Prefactors `x^a y^b / B(a,b)` are computed from double-double exponents (see `logBetaDensityPrefix`).
    static func betaRatios(a: Double, b: Double, x: Double, y: Double) -> (p: Double, q: Double) {
        if a.isNaN || b.isNaN || x.isNaN || y.isNaN || a <= 0 || b <= 0 || !a.isFinite || !b.isFinite
            || x < 0 || y < 0 || x > 1 || y > 1
        {
            return (.nan, .nan)
        }
        if x == 0 { return (0, 1) }
        if y == 0 { return (1, 0) }

        var swapped = false
        var a0 = a, b0 = b, x0 = x, y0 = y
        func swap() {
            swapped = true
            (a0, b0) = (b0, a0)
            (x0, y0) = (y0, x0)
        }
        var w: Double  // I_{x0}(a0, b0)
        var w1: Double  // 1 - w

        if min(a, b) <= 1 {
            if x > 0.5 { swap() }
            if max(a0, b0) <= 1 {
                if a0 >= min(0.2, b0) || Double.pow(x0, a0) <= 0.9 {
                    w = betaPowerSeries(a: a0, b: b0, x: x0, y: y0)
                    w1 = 0.5 + (0.5 - w)
                } else if x0 >= 0.3 {
                    w1 = betaPowerSeries(a: b0, b: a0, x: y0, y: x0)
                    w = 0.5 + (0.5 - w1)
                } else {
                    w1 = betaUpwardSum(a: b0, b: a0, x: y0, y: x0, n: 20)
                    w1 += betaLargeASmallB(a: b0 + 20, b: a0, x: y0, y: x0)
                    w = 0.5 + (0.5 - w1)
                }
            } else if b0 <= 1 {
                w = betaPowerSeries(a: a0, b: b0, x: x0, y: y0)
                w1 = 0.5 + (0.5 - w)
            } else if x0 >= 0.3 {
                w1 = betaPowerSeries(a: b0, b: a0, x: y0, y: x0)
                w = 0.5 + (0.5 - w1)
            } else if x0 < 0.1 && Double.pow(x0 * b0, a0) <= 0.7 {
                w = betaPowerSeries(a: a0, b: b0, x: x0, y: y0)
                w1 = 0.5 + (0.5 - w)
            } else {
                if b0 > 15 {
                    w1 = betaLargeASmallB(a: b0, b: a0, x: y0, y: x0)
                } else {
                    w1 = betaUpwardSum(a: b0, b: a0, x: y0, y: x0, n: 20)
                    w1 += betaLargeASmallB(a: b0 + 20, b: a0, x: y0, y: x0)
                }
                w = 0.5 + (0.5 - w1)
            }
        } else {
            var lambda = betaLambda(a: a, b: b, x: x, y: y).value
            if lambda < 0 {
                swap()
                lambda = -lambda
            }
            if b0 < 40 && b0 * x0 <= 0.7 {
                w = betaPowerSeries(a: a0, b: b0, x: x0, y: y0)
            } else if b0 < 40 {
                // I_x(a0,b0) = I_x(a0,b0') + [I_x(a0,b0) - I_x(a0,b0')], b0' = b0 - n in (0,1].
                var n = Int(b0)
                var bSmall = b0 - Double(n)
                if bSmall == 0 {
                    n -= 1
                    bSmall = 1
                }
                w = betaUpwardSum(a: bSmall, b: a0, x: y0, y: x0, n: n)
                if x0 <= 0.7 {
                    w += betaPowerSeries(a: a0, b: bSmall, x: x0, y: y0)
                } else {
                    var aBig = a0
                    if a0 <= 15 {
                        w += betaUpwardSum(a: a0, b: bSmall, x: x0, y: y0, n: 20)
                        aBig = a0 + 20
                    }
                    w += betaLargeASmallB(a: aBig, b: bSmall, x: x0, y: y0)
                }
            } else {
                let small = min(a0, b0)
                if small > 100 && lambda <= 0.03 * small,
                    let u = betaUniformExpansion(a: a0, b: b0, x: x0, y: y0)
                {
                    w = u
                } else {
                    w = betaContinuedFraction(a: a0, b: b0, x: x0, y: y0, lambda: lambda)
                }
            }
            w1 = 0.5 + (0.5 - w)
        }
        return swapped ? (w1, w) : (w, w1)
    }
}
