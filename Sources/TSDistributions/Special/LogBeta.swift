import RealModule
import TSCore

extension Special {
    /// `log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a+b)` for a, b > 0, accurate for large and very
    /// unequal arguments.
    ///
    /// Follows the case split of DiDonato & Morris (1992), ACM TOMS 18:360, Algorithm 708, function BETALN:
    /// - min(a,b) >= 8: Stirling form
    ///   `log B = log(2 pi)/2 - log(b)/2 + (a - 1/2) log(a/(a+b)) - b log1p(a/b) + bcorr(a,b)`
    ///   (a <= b), with `bcorr = del(a) + del(b) - del(a+b)` the Stirling remainders, so no large
    ///   log-gammas are subtracted;
    /// - a < 8 <= b: `log Gamma(a) + algdiv(a, b)` with `algdiv = log Gamma(b) - log Gamma(a+b)` from its
    ///   Stirling form;
    /// - both < 8: `Gamma(a) Gamma(b) / Gamma(a+b)` by recurrence to (0.5, 1.5] and the `gam1` series.
    /// Absolute error is a few ulps of max(1, |log B|).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN || a <= 0 || b <= 0 { return .nan }
        let a0 = Swift.min(a, b)
        let b0 = Swift.max(a, b)
        if b0.isInfinite { return -.infinity }
        if a0 >= 8 {
            let h = a0 / b0
            let c = a0 / (a0 + b0)
            let u = -(a0 - 0.5) * Double.log(c)
            let v = b0 * Double.log(onePlus: h)
            let w = betaBcorr(a0, b0)
            let halfLog2Pi = 0.91893853320467274178
            return ((halfLog2Pi - 0.5 * Double.log(b0) + w) - u) - v
        }
        if b0 >= 8 {
            return betaLogGammaBelow8(a0) + betaAlgdiv(a0, b0)
        }
        if a0 <= 0.5 {
            // Gamma(a0) = Gamma(1+a0)/a0; the ratio Gamma(b0)/Gamma(a0+b0) is moderate.
            let ratio = betaGammaSmall(b0) / betaGammaSmall(a0 + b0)
            return (betaGamln1(a0) - Double.log(a0)) + Double.log(ratio)
        }
        return Double.log(betaGammaSmall(a0) * (betaGammaSmall(b0) / betaGammaSmall(a0 + b0)))
    }

    /// `log( x^a y^b / B(a,b) )` for a, b > 0, 0 <= x <= 1, with y = 1 - x supplied accurately by the caller.
    ///
    /// The prefix of the incomplete beta ratio (DiDonato & Morris 1992, §2, function BRCOMP). For
    /// min(a,b) >= 8 it uses the deviance form
    /// `log(1/sqrt(2 pi)) + log(ab/(a+b))/2 - bcorr(a,b) - [a rlog1(-lambda/a) + b rlog1(lambda/b)]`,
    /// `lambda = a - (a+b)x`, `rlog1(e) = e - log(1+e)`, carried in double-double so that the result keeps
    /// full relative accuracy when exponentiated even for values near 1e-300. The smaller of x and y is taken
    /// as exact; the log of the larger is `log1p(-smaller)`.
    static func logBetaDensityPrefix(a: Double, b: Double, x: Double, y: Double) -> Double {
        if a.isNaN || b.isNaN || x.isNaN || y.isNaN || a <= 0 || b <= 0 { return .nan }
        if x <= 0 || y <= 0 { return -.infinity }
        return betaLogPrefixDD(a: a, b: b, x: x, y: y).value
    }

    /// `log( x^a y^b / B(a,b) )` in plain double arithmetic: a·log x + b·log y − log B(a,b), the log of the
    /// larger of x and y taken as log1p of minus the smaller. Its absolute error is about
    /// ε·(a|log x| + b|log y| + |log B(a,b)|), so it suits first-order corrections and Newton steps, whose
    /// own size makes that error negligible, and not values (use `logBetaDensityPrefix`).
    static func approximateLogBetaDensityPrefix(a: Double, b: Double, x: Double, y: Double) -> Double {
        if x <= 0 || y <= 0 { return -.infinity }
        let lx = x > 0.5 ? Double.log(onePlus: -y) : Double.log(x)
        let ly = y > 0.5 ? Double.log(onePlus: -x) : Double.log(y)
        return a * lx + b * ly - logBeta(a, b)
    }
}

/// log Gamma(a) for 0 < a < 8 via the recurrence and `gam1` (few ulps absolute).
func betaLogGammaBelow8(_ a: Double) -> Double {
    if a <= 0.5 { return betaGamln1(a) - Double.log(a) }
    return Double.log(betaGammaSmall(a))
}

/// `x^a y^b / B(a,b)` as a double (TOMS 708 BRCOMP), 0 on underflow.
func betaPrefix(a: Double, b: Double, x: Double, y: Double) -> Double {
    if x <= 0 || y <= 0 { return 0 }
    return DoubleWord.exp(betaLogPrefixDD(a: a, b: b, x: x, y: y))
}

/// The exponent `log(x^a y^b / B(a,b))` as a double-double (see `Special.logBetaDensityPrefix`).
func betaLogPrefixDD(a: Double, b: Double, x: Double, y: Double) -> DoubleWord {
    let a0 = min(a, b)
    if a0 >= 8 {
        // Deviance form; lambda = a - (a+b) x = (a+b) y - b, from whichever of x, y is smaller.
        let lambda = betaLambda(a: a, b: b, x: x, y: y)
        let e1 = -lambda / a
        let e2 = lambda / b
        if abs(e1.hi) <= 0.6 && abs(e2.hi) <= 0.6 {
            let dev = DoubleWord.xMinusLog1p(e1) * a + DoubleWord.xMinusLog1p(e2) * b
            let halfLog2Pi = 0.91893853320467274178
            let c = 0.5 * (Double.log(a) + Double.log(b) - Double.log(a + b)) - halfLog2Pi - betaBcorr(a, b)
            return DoubleWord(c) - dev
        }
        // Far from the mean the deviance is large (> 0.3 min(a,b)), so a representable result needs
        // min(a,b) < ~2300 and the direct sum below cancels at most a few decimal digits.
    }
    let lnx: DoubleWord
    let lny: DoubleWord
    if x <= y {
        lnx = DoubleWord.log(x)
        lny = DoubleWord.log(onePlus: -x)
    } else {
        lnx = DoubleWord.log(onePlus: -y)
        lny = DoubleWord.log(y)
    }
    return lnx * a + lny * b - betaLogBetaDD(a, b)
}

/// `log B(a,b)` as a double-double where it can be large (|log B| up to ~1e8), so that subtracting it from
/// other large exponents keeps full accuracy. min(a,b) >= 8: Stirling form with every log in double-double;
/// a0 < 8 <= b0: `log Gamma(a0) + algdivReduced(a0,b0) - a0 log b0`; both < 8: `Special.logBeta` (small).
func betaLogBetaDD(_ a: Double, _ b: Double) -> DoubleWord {
    let a0 = min(a, b)
    let b0 = max(a, b)
    if a0 >= 8 {
        // Same form as Special.logBeta: log(2 pi)/2 - log(b0)/2 + (a0 - 1/2) log(a0/(a0+b0))
        // - b0 log1p(a0/b0) + bcorr; the two large terms have the same sign, so no cancellation.
        let s = DoubleWord.twoSum(a0, b0)
        let logC = DoubleWord.log(a0) - DoubleWord.log(s)
        let h = DoubleWord.quotient(a0, b0)
        let log1pH = DoubleWord.log(onePlus: h.hi) + h.lo / (1 + h.hi)
        let halfLog2Pi = DoubleWord(0.91893853320467274178, -3.8782941580672414e-17)
        let t1 = logC * (a0 - 0.5)  // a0 - 0.5 is exact for 8 <= a0 < 2^52
        let t2 = log1pH * b0
        return halfLog2Pi - DoubleWord.log(b0) * 0.5 + t1 - t2 + betaBcorr(a0, b0)
    }
    if b0 < 8 { return DoubleWord(Special.logBeta(a0, b0)) }
    let logGammaA0: DoubleWord
    if a0 == 0.5 {
        logGammaA0 = DoubleWord(0.5723649429247001, 5.132975581353913e-18)   // log Γ(½) = log √π (mpmath)
    } else if a0 <= 0.5 {
        logGammaA0 = DoubleWord(betaGamln1(a0)) - DoubleWord.log(a0)
    } else {
        logGammaA0 = DoubleWord(Double.log(betaGammaSmall(a0)))
    }
    return logGammaA0 + betaAlgdivReduced(a0, b0) - DoubleWord.log(b0) * a0
}

/// `lambda = a - (a+b) x = (a+b) y - b` in double-double, from the smaller of x and y.
func betaLambda(a: Double, b: Double, x: Double, y: Double) -> DoubleWord {
    let s = DoubleWord.twoSum(a, b)
    if x <= y {
        return DoubleWord(a) - s * x
    }
    return s * y - DoubleWord(b)
}
