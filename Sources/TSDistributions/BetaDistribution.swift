import RealModule
import TSCore

/// The beta distribution with shapes α, β > 0 on [0, 1].
///
/// cdf = I_x(α, β) and sf = 1 − I_x(α, β) computed directly (DiDonato & Morris 1992), with
/// 1 − x formed exactly as a double-double; quantiles from `Special.inverseBeta`.
public struct BetaDistribution: ContinuousDistribution {
    public let shape1: Double
    public let shape2: Double

    public init(shape1: Double, shape2: Double) throws(DistributionError) {
        try DistributionError.requirePositive(shape1, "shape1")
        try DistributionError.requirePositive(shape2, "shape2")
        self.shape1 = shape1
        self.shape2 = shape2
    }

    func ratios(_ x: Double) -> (p: Double, q: Double) {
        ArgumentCorrection.betaRatios(a: shape1, b: shape2, x: DoubleWord(x), y: DoubleWord.twoSum(1, -x))
    }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        return ratios(x).p
    }

    public func sf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 1 }
        if x >= 1 { return 0 }
        return ratios(x).q
    }

    public func logPDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 || x > 1 { return -.infinity }
        if x == 0 || x == 1 {
            let s = x == 0 ? shape1 : shape2
            if s < 1 { return .infinity }
            if s > 1 { return -.infinity }
            return -Special.logBeta(shape1, shape2)
        }
        let y = DoubleWord.twoSum(1, -x)
        // log(x^{α−1} y^{β−1}/B) = log prefix − log x − log y. The prefix takes the smaller of x, y as exact
        // and the other as 1 − it, so it is already exact in y; only −log y needs y's low part (−lo/y).
        // (For x ≥ ½, 1 − x is exact and lo = 0.)
        return Special.logBetaDensityPrefix(a: shape1, b: shape2, x: x, y: y.hi) - Double.log(x) - Double.log(y.hi)
            - y.lo / y.hi
    }

    public func pdf(_ x: Double) -> Double { Double.exp(logPDF(x)) }

    public func quantile(_ p: Double) -> Double {
        if !(p >= 0 && p <= 1) { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        return Special.inverseBeta(a: shape1, b: shape2, p: p, q: 1 - p).x
    }

    public func inverseSF(_ q: Double) -> Double {
        if !(q >= 0 && q <= 1) { return .nan }
        if q == 0 { return 1 }
        if q == 1 { return 0 }
        return Special.inverseBeta(a: shape1, b: shape2, p: 1 - q, q: q).x
    }
}
