import RealModule

/// Poisson(λ) with λ = `mean`.
///
/// - pmf: Loader (2000) saddle-point form: p(k; λ) = exp(−δ(k) − D(k, λ)) / √(2π k) for k ≥ 1 and
///   e^{−λ} for k = 0 (δ = `Special.stirlingError`, D = `Special.bd0`).
/// - cdf/sf: P(X ≤ k) = Q(k+1, λ), P(X > k) = P(k+1, λ) (Abramowitz & Stegun 26.4.21) via
///   `Special.gammaRatios`, both tails computed directly.
public struct Poisson: DiscreteDistribution {
    public let mean: Double

    public init(mean: Double) throws {
        guard mean >= 0, mean.isFinite else { // also rejects NaN
            throw DistributionError(parameter: "mean", message: "must be finite and ≥ 0 (got \(mean))")
        }
        self.mean = mean
    }

    public func pmf(_ k: Int) -> Double {
        guard k >= 0 else { return 0 }
        if mean == 0 { return k == 0 ? 1 : 0 }
        if k == 0 { return Double.exp(-mean) }
        let x = Double(k)
        return Double.exp(-Special.stirlingError(x) - Special.bd0(x, mean)) / (2 * Double.pi * x).squareRoot()
    }

    public func logPMF(_ k: Int) -> Double {
        guard k >= 0 else { return -.infinity }
        if mean == 0 { return k == 0 ? 0 : -.infinity }
        if k == 0 { return -mean }
        let x = Double(k)
        return -Special.stirlingError(x) - Special.bd0(x, mean) - 0.5 * Double.log(2 * Double.pi * x)
    }

    public func cdf(_ k: Int) -> Double { tails(k).lower }
    public func sf(_ k: Int) -> Double { tails(k).upper }

    func tails(_ k: Int) -> (lower: Double, upper: Double) {
        if k < 0 { return (0, 1) }
        if mean == 0 { return (1, 0) }
        let r = Special.gammaRatios(a: Double(k) + 1, x: mean)
        return (r.q, r.p)
    }


    public func quantile(_ p: Double) -> Int {
        DiscreteQuantile.quantile(p, lower: 0, upper: Int.max, moments: moments, cdf: cdf, sf: sf)
    }

    public func inverseSF(_ q: Double) -> Int {
        DiscreteQuantile.inverseSF(q, lower: 0, upper: Int.max, moments: moments, cdf: cdf, sf: sf)
    }

    var moments: DiscreteQuantile.Moments {
        let sd = mean.squareRoot()
        return .init(mean: mean, sd: sd, skewness: sd > 0 ? 1 / sd : 0)
    }
}
