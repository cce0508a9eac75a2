import RealModule
import TSCore

// The prefactor x^a e^{-x} / Γ(a) of the incomplete gamma ratios, with its exponent carried as a
// `DoubleWord` (logs from DoubleWordLog.swift) so that values near the underflow threshold (exponent ≈ −700)
// keep full relative accuracy.

extension Special {
    /// `log(x^a e^{−x} / Γ(a))`, the log of `x` times the Gamma(a, 1) density at `x`, for `a > 0`, `x ≥ 0`.
    ///
    /// Accurate also for large `a` and `x`: for `a ≥ 1` it is written as
    /// `½ log(a/2π) − δ(a) − a·φ(x/a − 1)` with Loader's Stirling error `δ` (``stirlingError(_:)``) and
    /// `φ(μ) = μ − log(1 + μ)` evaluated in double word (DiDonato & Morris 1986, §3, `rcomp`);
    /// for `a < 1` as `log a + a log x − x − log Γ(1 + a)`.
    static func logGammaDensityPrefix(a: Double, x: Double) -> Double {
        if a.isNaN || x.isNaN || !(a > 0) || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite || a.isInfinite { return -.infinity }
        let (scale, e) = gammaPrefixExponent(a: a, x: x)
        return Double.log(scale) + e.hi + e.lo
    }

    /// `x^a e^{−x} / Γ(a)` for finite `a > 0`, `x > 0`, with relative error of a few ulps.
    static func gammaPrefix(a: Double, x: Double) -> Double {
        let (scale, e) = gammaPrefixExponent(a: a, x: x)
        if e.hi < -760 { return 0 }
        return scale * DoubleWord.exp(e)
    }

    /// The prefactor as `scale · exp(e)`, `e` a double word.
    static func gammaPrefixExponent(a: Double, x: Double) -> (scale: Double, e: DoubleWord) {
        if a < 1 {
            // a·x^a e^{−x}/Γ(1+a)
            let t = DoubleWord.log(x) * a - x
            return (a, t - logGamma1p(a))
        }
        let c = 0.5 * Double.log(a / (2 * Double.pi)) - stirlingError(a)
        let big = gammaExponentDeficit(a: a, x: x)
        return (1, c - big)
    }

    /// `A = a·(λ − 1 − log λ)`, `λ = x/a`, as a double word: the amount by which the exponent of
    /// `x^a e^{−x}` falls short of its maximum `a^a e^{−a}` (`a ≥ 1`, `x > 0`).
    static func gammaExponentDeficit(a: Double, x: Double) -> DoubleWord {
        if x >= 0.75 * a && x <= 1.3 * a {
            // μ = (x − a)/a ∈ [−¼, 0.3]; φ(μ) = μ − log(1 + μ) by the atanh series, no cancellation
            let mu = DoubleWord.quotient(x - a, a)  // x − a is exact here (Sterbenz)
            return DoubleWord.xMinusLog1p(mu) * a
        }
        let lambda = DoubleWord.quotient(x, a)
        if lambda.hi < Double.leastNormalMagnitude || lambda.hi > Double.greatestFiniteMagnitude / 2 {
            // The prefactor is far outside the double range: plain arithmetic suffices.
            let v = x - a - a * (Double.log(x) - Double.log(a))
            return DoubleWord(v)
        }
        return DoubleWord.twoSum(x, -a) - DoubleWord.log(lambda) * a
    }
}
