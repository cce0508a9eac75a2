import RealModule
import TSCore

/// The gamma distribution with shape k > 0 and scale θ > 0 (density x^{k−1} e^{−x/θ} / (Γ(k) θ^k)).
///
/// Tails are the regularized incomplete gamma ratios P(k, x/θ) and Q(k, x/θ) (DiDonato & Morris
/// 1986), with x/θ carried as a double-double; quantiles invert them (`Special.inverseGammaP/Q`).
public struct GammaDistribution: ContinuousDistribution {
    public let shape: Double
    public let scale: Double

    public init(shape: Double, scale: Double = 1) throws(DistributionError) {
        try DistributionError.requirePositive(shape, "shape")
        try DistributionError.requirePositive(scale, "scale")
        self.shape = shape
        self.scale = scale
    }

    func standardized(_ x: Double) -> DoubleWord {
        scale == 1 ? DoubleWord(x) : DoubleWord.quotient(x, scale)
    }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        if x.isInfinite { return 1 }
        return ArgumentCorrection.gammaRatios(a: shape, x: standardized(x)).p
    }

    public func sf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 1 }
        if x.isInfinite { return 0 }
        return ArgumentCorrection.gammaRatios(a: shape, x: standardized(x)).q
    }

    /// log density = log(z^k e^{−z}/Γ(k)) − log z − log θ at z = x/θ, with z's low part as a
    /// first-order term ((k − 1)/z − 1) · lo.
    public func logPDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 || x.isInfinite { return -.infinity }
        if x == 0 {
            if shape < 1 { return .infinity }
            return shape == 1 ? -Double.log(scale) : -.infinity
        }
        let z = standardized(x)
        return Special.logGammaDensityPrefix(a: shape, x: z.hi) - Double.log(z.hi) - Double.log(scale)
            + z.lo * ((shape - 1) / z.hi - 1)
    }

    public func pdf(_ x: Double) -> Double {
        Double.exp(logPDF(x))
    }

    public func quantile(_ p: Double) -> Double {
        if !(p >= 0 && p <= 1) { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let z = p <= 0.5 ? Special.inverseGammaP(a: shape, p: p) : Special.inverseGammaQ(a: shape, q: 1 - p)
        return z * scale
    }

    public func inverseSF(_ q: Double) -> Double {
        if !(q >= 0 && q <= 1) { return .nan }
        if q == 0 { return .infinity }
        if q == 1 { return 0 }
        let z = q <= 0.5 ? Special.inverseGammaQ(a: shape, q: q) : Special.inverseGammaP(a: shape, p: 1 - q)
        return z * scale
    }
}
