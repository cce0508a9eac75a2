import RealModule
import TSCore

/// Binomial(n, p): the number of successes in `n` independent trials with success probability `p`.
///
/// - pmf: Loader (2000), "Fast and accurate computation of binomial probabilities", saddle-point
///   form (eq. 2–3): b(k; n, p) = exp(δ(n) − δ(k) − δ(n−k) − D(k, np) − D(n−k, nq)) · √(n / (2π k (n−k))),
///   δ = `Special.stirlingError`, D = `Special.bd0`. The products np and nq are carried as
///   double words and D is corrected to first order (∂D(x, M)/∂M = 1 − x/M), so rounding np
///   does not cost |k − np|·ε in the exponent.
/// - cdf/sf: P(X ≤ k) = I_q(n−k, k+1) (Abramowitz & Stegun 26.5.24, 6.6.4) via `Special.betaRatios`
///   with x = q, y = p; both tails are returned directly, so neither is formed as 1 − other.
public struct Binomial: DiscreteDistribution {
    public let n: Int
    public let p: Double
    /// 1 − p as a double word (hi + lo == 1 − p exactly).
    let q: DoubleWord

    public init(n: Int, p: Double) throws {
        guard n >= 0 else { throw DistributionError(parameter: "n", message: "must be ≥ 0 (got \(n))") }
        guard n <= 1 << 52 else { throw DistributionError(parameter: "n", message: "must be ≤ 2^52 (got \(n))") }
        guard p >= 0, p <= 1 else { // also rejects NaN
            throw DistributionError(parameter: "p", message: "must be in [0, 1] (got \(p))")
        }
        self.n = n
        self.p = p
        q = DoubleWord.fastTwoSum(1, -p)   // exact: |1| ≥ |p| (Dekker's Fast2Sum)
    }

    public var mean: Double { Double(n) * p }
    public var variance: Double { Double(n) * p * q.hi }

    public func pmf(_ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        return LoaderBinomial.density(x: Double(k), n: Double(n), np: DoubleWord.twoProduct(Double(n), p),
                                      nq: q * Double(n), p: p, q: q.hi)
    }

    public func logPMF(_ k: Int) -> Double {
        guard k >= 0, k <= n else { return -.infinity }
        return LoaderBinomial.logDensity(x: Double(k), n: Double(n), np: DoubleWord.twoProduct(Double(n), p),
                                         nq: q * Double(n), p: p, q: q.hi)
    }

    public func cdf(_ k: Int) -> Double { tails(k).lower }
    public func sf(_ k: Int) -> Double { tails(k).upper }

    /// (P(X ≤ k), P(X > k)), both computed directly.
    func tails(_ k: Int) -> (lower: Double, upper: Double) {
        if k < 0 { return (0, 1) }
        if k >= n { return (1, 0) }
        if p == 0 { return (1, 0) }
        if p == 1 { return (0, 1) }
        // P(X ≤ k) = I_q(n − k, k + 1); pass x = q, y = p (p is exact as given; q.hi is 1 − p rounded,
        // so the smaller of the two is always exact, which is what the TOMS 708 convention needs).
        let r = Special.betaRatios(a: Double(n - k), b: Double(k + 1), x: q.hi, y: p)
        return (r.p, r.q)
    }

    public func quantile(_ p: Double) -> Int {
        DiscreteQuantile.quantile(p, lower: 0, upper: n, moments: momentsForSearch, cdf: cdf, sf: sf)
    }

    public func inverseSF(_ q: Double) -> Int {
        DiscreteQuantile.inverseSF(q, lower: 0, upper: n, moments: momentsForSearch, cdf: cdf, sf: sf)
    }

    var momentsForSearch: DiscreteQuantile.Moments {
        let v = variance
        let sd = v.squareRoot()
        return .init(mean: mean, sd: sd, skewness: sd > 0 ? (q.hi - p) / sd : 0)
    }
}

/// Loader (2000) binomial density kernel shared by `Binomial` and `Hypergeometric`.
enum LoaderBinomial {
    /// D(x, M) for M = M.hi + M.lo, to first order in M.lo (Loader's bd0 is D(x, M) = x log(x/M) + M − x;
    /// ∂D/∂M = 1 − x/M).
    @inline(__always)
    static func bd0(_ x: Double, _ m: DoubleWord) -> Double {
        Special.bd0(x, m.hi) + (1 - x / m.hi) * m.lo
    }

    /// log of b(x; n, p) following Loader (2000) eq. 3 (and the x = 0, x = n boundary forms).
    /// `np`, `nq` are double words for n·p and n·q; p, q are their (rounded) ratios to n.
    static func logDensity(x: Double, n: Double, np: DoubleWord, nq: DoubleWord,
                           p: Double, q: Double) -> Double {
        if p == 0 { return x == 0 ? 0 : -.infinity }
        if q == 0 { return x == n ? 0 : -.infinity }
        if x == 0 {
            // n log q = −D(n, nq) − np  (Loader 2000, the x = 0 case)
            return n == 0 ? 0 : -bd0(n, nq) - np.hi - np.lo
        }
        if x == n { return -bd0(n, np) - nq.hi - nq.lo }
        let lc = Special.stirlingError(n) - Special.stirlingError(x) - Special.stirlingError(n - x)
            - bd0(x, np) - bd0(n - x, nq)
        return lc - 0.5 * Double.log(2 * Double.pi * x * ((n - x) / n))
    }

    /// b(x; n, p) = exp(log density), with the √ prefactor applied outside the exponential.
    static func density(x: Double, n: Double, np: DoubleWord, nq: DoubleWord,
                        p: Double, q: Double) -> Double {
        if p == 0 { return x == 0 ? 1 : 0 }
        if q == 0 { return x == n ? 1 : 0 }
        if x == 0 { return n == 0 ? 1 : Double.exp(-bd0(n, nq) - np.hi - np.lo) }
        if x == n { return Double.exp(-bd0(n, np) - nq.hi - nq.lo) }
        let lc = Special.stirlingError(n) - Special.stirlingError(x) - Special.stirlingError(n - x)
            - bd0(x, np) - bd0(n - x, nq)
        return Double.exp(lc) * (n / (2 * Double.pi * x * (n - x))).squareRoot()
    }
}
