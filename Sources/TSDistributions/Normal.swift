import RealModule
import TSCore

/// The normal distribution N(mean, sd²).
///
/// The standardisation z = (x − mean)/sd is carried as a double-double so that tail
/// probabilities keep full relative accuracy far out (see `StandardNormal`).
public struct Normal: ContinuousDistribution {
    public let mean: Double
    public let sd: Double

    public init(mean: Double = 0, sd: Double = 1) throws(DistributionError) {
        try DistributionError.requireFinite(mean, "mean")
        try DistributionError.requirePositive(sd, "sd")
        self.mean = mean
        self.sd = sd
    }

    /// N(0, 1), which needs no validation.
    public static let standard = Normal(validMean: 0, sd: 1)

    private init(validMean mean: Double, sd: Double) {
        self.mean = mean
        self.sd = sd
    }

    /// z = (x − mean)/sd as hi + lo.
    func standardize(_ x: Double) -> DoubleWord {
        let d = DoubleWord.twoSum(x, -mean)
        // x − mean beyond the double range (x = −1e308, mean = 1e308): halve both, exactly, and the sd with them.
        if !d.hi.isFinite { return DoubleWord.twoSum(0.5 * x, -0.5 * mean) / (0.5 * sd) }
        if sd == 1 { return d }
        return d / sd
    }

    public func pdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return 0 }
        return StandardNormal.density(standardize(x)) / sd
    }

    public func logPDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return -.infinity }
        return StandardNormal.logDensity(standardize(x)) - Double.log(sd)
    }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return x < 0 ? 0 : 1 }
        return StandardNormal.lowerTail(standardize(x))
    }

    public func sf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return x < 0 ? 1 : 0 }
        return StandardNormal.upperTail(standardize(x))
    }

    public func quantile(_ p: Double) -> Double {
        let z = StandardNormal.quantile(p)
        return z.isFinite ? mean.addingProduct(sd, z) : z
    }

    public func inverseSF(_ q: Double) -> Double {
        let z = StandardNormal.quantile(q)
        return z.isFinite ? mean.addingProduct(-sd, z) : -z
    }
}
