/// The chi-square distribution with ν > 0 degrees of freedom: Gamma(shape ν/2, scale 2).
/// Halving x and doubling quantiles are exact, so it inherits the gamma ratios' accuracy.
public struct ChiSquared: ContinuousDistribution {
    public let df: Double
    let gamma: GammaDistribution

    public init(df: Double) throws(DistributionError) {
        try DistributionError.requirePositive(df, "df")
        self.df = df
        self.gamma = try GammaDistribution(shape: df / 2, scale: 2)
    }

    public func pdf(_ x: Double) -> Double { gamma.pdf(x) }
    public func logPDF(_ x: Double) -> Double { gamma.logPDF(x) }
    public func cdf(_ x: Double) -> Double { gamma.cdf(x) }
    public func sf(_ x: Double) -> Double { gamma.sf(x) }
    public func quantile(_ p: Double) -> Double { gamma.quantile(p) }
    public func inverseSF(_ q: Double) -> Double { gamma.inverseSF(q) }
}
