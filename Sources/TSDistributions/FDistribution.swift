import RealModule
import TSCore

/// Snedecor's F distribution with d₁, d₂ > 0 degrees of freedom (both finite).
///
/// P(F ≤ f) = I_x(d₁/2, d₂/2) with x = d₁f/(d₁f + d₂) and 1 − x = d₂/(d₁f + d₂) formed as
/// double-doubles (Abramowitz & Stegun 26.6.2); the density is x^{d₁/2} (1−x)^{d₂/2} / (B · f).
public struct FDistribution: ContinuousDistribution {
    public let df1: Double
    public let df2: Double

    public init(df1: Double, df2: Double) throws(DistributionError) {
        try DistributionError.requirePositive(df1, "df1")
        try DistributionError.requirePositive(df2, "df2")
        self.df1 = df1
        self.df2 = df2
    }

    var a: Double { df1 / 2 }
    var b: Double { df2 / 2 }

    func betaArguments(_ f: Double) -> (x: DoubleWord, y: DoubleWord) {
        let n = DoubleWord.twoProduct(df1, f)
        if !n.hi.isFinite || n.hi > 1e300 {
            let r = (df2 / df1) / f
            return (DoubleWord(1 / (1 + r)), DoubleWord(r / (1 + r)))
        }
        let den = n + df2
        return (n / den, DoubleWord(df2) / den)
    }

    public func cdf(_ f: Double) -> Double {
        if f.isNaN { return .nan }
        if f <= 0 { return 0 }
        if f.isInfinite { return 1 }
        let (x, y) = betaArguments(f)
        return ArgumentCorrection.betaRatios(a: a, b: b, x: x, y: y).p
    }

    public func sf(_ f: Double) -> Double {
        if f.isNaN { return .nan }
        if f <= 0 { return 1 }
        if f.isInfinite { return 0 }
        let (x, y) = betaArguments(f)
        return ArgumentCorrection.betaRatios(a: a, b: b, x: x, y: y).q
    }

    public func logPDF(_ f: Double) -> Double {
        if f.isNaN { return .nan }
        if f < 0 || f.isInfinite { return -.infinity }
        if f == 0 {
            if df1 < 2 { return .infinity }
            return df1 == 2 ? 0 : -.infinity
        }
        let (x, y) = betaArguments(f)
        // d/dx log(x^a y^b) = a/x − b/y: first-order term for the low part of x.
        let dx = x.hi <= y.hi ? x.lo : -y.lo
        return Special.logBetaDensityPrefix(a: a, b: b, x: x.hi, y: y.hi) + dx * (a / x.hi - b / y.hi) - Double.log(f)
    }

    public func pdf(_ f: Double) -> Double { Double.exp(logPDF(f)) }

    /// f = d₂ x / (d₁ y) from the inverse incomplete beta.
    func fromBeta(_ r: (x: Double, y: Double)) -> Double {
        if r.y == 0 { return .infinity }
        return (df2 / df1) * (r.x / r.y)
    }

    public func quantile(_ p: Double) -> Double {
        if !(p >= 0 && p <= 1) { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        return fromBeta(Special.inverseBeta(a: a, b: b, p: p, q: 1 - p))
    }

    public func inverseSF(_ q: Double) -> Double {
        if !(q >= 0 && q <= 1) { return .nan }
        if q == 0 { return .infinity }
        if q == 1 { return 0 }
        return fromBeta(Special.inverseBeta(a: a, b: b, p: 1 - q, q: q))
    }
}
