import RealModule
import TSCore

/// Student's t distribution with ν > 0 degrees of freedom (any real ν, including +∞ → normal).
///
/// Tails: P(T > |t|) = ½ I_x(ν/2, ½) with x = ν/(ν + t²) and 1 − x = t²/(ν + t²) both formed
/// as double-doubles (Abramowitz & Stegun 26.7.1; the incomplete beta of DiDonato & Morris 1992),
/// so the tail never comes from 1 − cdf. Quantiles invert the incomplete beta:
/// t = √(ν (1 − x)/x) with x = I⁻¹(2 · tail).
public struct StudentT: ContinuousDistribution {
    public let df: Double
    /// Above this the t and normal tails agree to double precision for |t| < 40.
    static let normalLimit = 1e25

    public init(df: Double) throws(DistributionError) {
        try DistributionError.requirePositive(df, "df", allowInfinity: true)
        self.df = df
    }

    var isNormal: Bool { df > StudentT.normalLimit }

    /// (x, 1 − x) for ν/(ν + t²) as double-doubles.
    func betaArguments(_ t: Double) -> (x: DoubleWord, y: DoubleWord) {
        let at = abs(t)
        if at > 1e150 {
            // t² would overflow: r = ν/t², x = r/(1 + r), y = 1/(1 + r).
            let r = (df / at) / at
            return (DoubleWord(r / (1 + r)), DoubleWord(1 / (1 + r)))
        }
        let t2 = DoubleWord.twoProduct(at, at)
        let den = t2 + df
        return (DoubleWord(df) / den, t2 / den)
    }

    /// (P(T > |t|), P(T ≤ |t|)).
    func tails(_ t: Double) -> (upper: Double, lower: Double) {
        let (upper, central) = upperAndCentral(t)
        return (upper, 0.5 + central)
    }

    /// (P(T > |t|), P(0 < T ≤ |t|)), each to full relative accuracy.
    func upperAndCentral(_ t: Double) -> (upper: Double, central: Double) {
        let (x, y) = betaArguments(t)
        let (p, q) = ArgumentCorrection.betaRatios(a: df / 2, b: 0.5, x: x, y: y)
        return (0.5 * p, 0.5 * q)
    }

    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if isNormal { return StandardNormal.lowerTail(DoubleWord(t)) }
        if t.isInfinite { return t < 0 ? 0 : 1 }
        if t == 0 { return 0.5 }
        let (upper, lower) = tails(t)
        return t < 0 ? upper : lower
    }

    public func sf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if isNormal { return StandardNormal.upperTail(DoubleWord(t)) }
        if t.isInfinite { return t < 0 ? 1 : 0 }
        if t == 0 { return 0.5 }
        let (upper, lower) = tails(t)
        return t > 0 ? upper : lower
    }

    /// log of the normalising constant 1/(√ν B(ν/2, ½)), accurate for large ν through `Special.logBeta`.
    var logNormalizer: Double { -0.5 * Double.log(df) - Special.logBeta(df / 2, 0.5) }

    public func logPDF(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if isNormal { return StandardNormal.logDensity(DoubleWord(t)) }
        if t.isInfinite { return -.infinity }
        return logNormalizer - 0.5 * (df + 1) * logOnePlusT2OverDF(t)
    }

    /// log(1 + t²/ν) with t²/ν as a double-double, for finite t.
    func logOnePlusT2OverDF(_ t: Double) -> Double {
        let at = abs(t)
        if at > 1e150 {
            return 2 * Double.log(at) - Double.log(df) + Double.log(onePlus: df / at / at)
        }
        let u = DoubleWord.twoProduct(at, at) / df
        return Double.log(onePlus: u.hi) + u.lo / (1 + u.hi)
    }

    public func pdf(_ t: Double) -> Double {
        Double.exp(logPDF(t))
    }

    /// t ≥ 0 with P(T > t) = q for 0 < q ≤ ½.
    func upperQuantile(_ q: Double) -> Double {
        if isNormal { return -StandardNormal.quantile(q) }
        if q == 0.5 { return 0 }
        if let t = halleyUpperQuantile(q) { return t }
        let (x, y) = Special.inverseBeta(a: df / 2, b: 0.5, p: 2 * q, q: 1 - 2 * q)
        if x < 1e-300 {
            // The root x = ν/(ν + t²) is below the normal range (tiny ν, e.g. ν = 0.1 at q = 1e-16 gives
            // t ≈ 5.6e155). Leading term of the series, I_x(a, ½) = x^a/(a B(a, ½)) · (1 + O(x))
            // (DLMF 8.17.7), solved in logs: log x = (log 2q + log a + log B(a, ½))/a, t = √(ν/x).
            let a = df / 2
            let logX = (Double.log(2 * q) + Double.log(a) + Special.logBeta(a, 0.5)) / a
            return Double.exp(0.5 * (Double.log(df) - logX))
        }
        // t = √(ν y / x); for tiny x use √ν · √y / √x to avoid overflow.
        return df.squareRoot() * y.squareRoot() / x.squareRoot()
    }

    public func quantile(_ p: Double) -> Double {
        if !(p >= 0 && p <= 1) { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        return p <= 0.5 ? -upperQuantile(p) : upperQuantile(1 - p)   // 1 − p exact for p ≥ ½
    }

    public func inverseSF(_ q: Double) -> Double {
        if !(q >= 0 && q <= 1) { return .nan }
        if q == 0 { return .infinity }
        if q == 1 { return -.infinity }
        return q <= 0.5 ? upperQuantile(q) : -upperQuantile(1 - q)
    }
}
