import RealModule
import TSCore

/// Hypergeometric(successes r, failures b, draws n): the number of successes among n draws without
/// replacement from an urn of r successes and b failures (R's dhyper(x, m = r, n = b, k = n)).
///
/// - pmf: the identity h(x) = b(x; r, p) · b(n−x; b, p) / b(n; r+b, p) with p = n/(r+b), each binomial
///   term by Loader's (2000) saddle-point form (Loader 2000, section on the hypergeometric). The
///   products r·p, r·q, b·p, b·q are formed as double-doubles from the exact integers; with this p
///   the denominator needs no bd0 term at all (N·p = n, N·q = N − n exactly).
/// - cdf/sf: the tail on the near side of x is summed as pmf(x) · Σ_j Π ρ_i, with the exact term
///   ratios ρ = h(i−1)/h(i) = i(b−n+i) / ((n−i+1)(r−i+1)) (or h(i+1)/h(i) upward); this is the
///   summation idea of R's pdhyper (Loader's hypergeometric notes). The other tail is 1 − (near tail)
///   only when the near tail is ≤ 1/2 (no cancellation); otherwise it is summed directly too.
public struct Hypergeometric: DiscreteDistribution {
    public let successes: Int
    public let failures: Int
    public let draws: Int

    /// Support [lowerBound, upperBound].
    public var lowerBound: Int { max(0, draws - failures) }
    public var upperBound: Int { min(draws, successes) }

    public init(successes: Int, failures: Int, draws: Int) throws {
        guard successes >= 0 else {
            throw DistributionError(parameter: "successes", message: "must be ≥ 0 (got \(successes))")
        }
        guard failures >= 0 else {
            throw DistributionError(parameter: "failures", message: "must be ≥ 0 (got \(failures))")
        }
        guard successes <= 1 << 52 - failures else {
            throw DistributionError(parameter: "failures", message: "successes + failures must be ≤ 2^52")
        }
        guard draws >= 0, draws <= successes + failures else {
            throw DistributionError(parameter: "draws",
                                    message: "must be in [0, successes + failures] (got \(draws))")
        }
        self.successes = successes
        self.failures = failures
        self.draws = draws
    }

    public var mean: Double { Double(draws) * Double(successes) / Double(successes + failures) }

    public var variance: Double {
        let N = Double(successes + failures), n = Double(draws)
        guard N > 1 else { return 0 }
        return n * (Double(successes) / N) * (Double(failures) / N) * (N - n) / (N - 1)
    }

    /// (a·c)/N as a double word (a, c, N exactly representable integers): the exact product divided by N
    /// (DWDivFP3, relative error ≤ 3u²).
    private static func ratio(_ a: Int, _ c: Int, _ N: Int) -> DoubleWord {
        DoubleWord.twoProduct(Double(a), Double(c)) / Double(N)
    }

    public func pmf(_ k: Int) -> Double {
        guard k >= lowerBound, k <= upperBound else { return 0 }
        let N = successes + failures
        if draws == 0 || draws == N { return 1 }   // support is a single point
        let (p, q) = (Double(draws) / Double(N), Double(N - draws) / Double(N))
        let r = Double(successes), b = Double(failures), x = Double(k), n = Double(draws)
        let f1 = LoaderBinomial.density(x: x, n: r, np: Self.ratio(successes, draws, N),
                                        nq: Self.ratio(successes, N - draws, N), p: p, q: q)
        let f2 = LoaderBinomial.density(x: n - x, n: b, np: Self.ratio(failures, draws, N),
                                        nq: Self.ratio(failures, N - draws, N), p: p, q: q)
        return f1 * f2 / denominator
    }

    public func logPMF(_ k: Int) -> Double {
        guard k >= lowerBound, k <= upperBound else { return -.infinity }
        let N = successes + failures
        if draws == 0 || draws == N { return 0 }
        let (p, q) = (Double(draws) / Double(N), Double(N - draws) / Double(N))
        let r = Double(successes), b = Double(failures), x = Double(k), n = Double(draws)
        let l1 = LoaderBinomial.logDensity(x: x, n: r, np: Self.ratio(successes, draws, N),
                                           nq: Self.ratio(successes, N - draws, N), p: p, q: q)
        let l2 = LoaderBinomial.logDensity(x: n - x, n: b, np: Self.ratio(failures, draws, N),
                                           nq: Self.ratio(failures, N - draws, N), p: p, q: q)
        return l1 + l2 - Double.log(denominator)
    }

    /// b(n; N, n/N) = exp(δ(N) − δ(n) − δ(N−n)) · √(N / (2π n (N−n))) (both bd0 terms vanish).
    private var denominator: Double {
        let N = Double(successes + failures), n = Double(draws)
        let lc = Special.stirlingError(N) - Special.stirlingError(n) - Special.stirlingError(N - n)
        return Double.exp(lc) * (N / (2 * Double.pi * n * (N - n))).squareRoot()
    }

    public func cdf(_ k: Int) -> Double { tails(k).lower }
    public func sf(_ k: Int) -> Double { tails(k).upper }

    /// (P(X ≤ k), P(X > k)).
    func tails(_ k: Int) -> (lower: Double, upper: Double) {
        if k < lowerBound { return (0, 1) }
        if k >= upperBound { return (1, 0) }
        if Double(k) < mean {
            let lower = pmf(k) * downwardSum(from: k)
            if lower <= 0.5 { return (lower, 1 - lower) }
            return (lower, pmf(k + 1) * upwardSum(from: k + 1))
        } else {
            let upper = pmf(k + 1) * upwardSum(from: k + 1)
            if upper <= 0.5 { return (1 - upper, upper) }
            return (pmf(k) * downwardSum(from: k), upper)
        }
    }

    /// Σ_{i ≤ x} h(i) / h(x), summing the exact term ratios h(i−1)/h(i) downward.
    /// The pmf is log-concave, so once a term is below ε·sum all later ones are smaller still.
    private func downwardSum(from x: Int) -> Double {
        let r = Double(successes), b = Double(failures), n = Double(draws)
        var sum = 1.0, term = 1.0
        var i = x
        while i > lowerBound {
            let di = Double(i)
            term *= (di * (b - n + di)) / ((n - di + 1) * (r - di + 1))
            sum += term
            if term < 1e-17 * sum { break }
            i -= 1
        }
        return sum
    }

    /// Σ_{i ≥ y} h(i) / h(y), summing the exact term ratios h(i+1)/h(i) upward.
    private func upwardSum(from y: Int) -> Double {
        let r = Double(successes), b = Double(failures), n = Double(draws)
        var sum = 1.0, term = 1.0
        var i = y
        while i < upperBound {
            let di = Double(i)
            term *= ((r - di) * (n - di)) / ((di + 1) * (b - n + di + 1))
            sum += term
            if term < 1e-17 * sum { break }
            i += 1
        }
        return sum
    }

    public func quantile(_ p: Double) -> Int {
        DiscreteQuantile.quantile(p, lower: lowerBound, upper: upperBound, moments: moments, cdf: cdf, sf: sf)
    }

    public func inverseSF(_ q: Double) -> Int {
        DiscreteQuantile.inverseSF(q, lower: lowerBound, upper: upperBound, moments: moments, cdf: cdf, sf: sf)
    }

    var moments: DiscreteQuantile.Moments {
        let N = Double(successes + failures), sd = variance.squareRoot()
        guard sd > 0, N > 2 else { return .init(mean: mean, sd: sd, skewness: 0) }
        let r = Double(successes), n = Double(draws)
        let skew = (N - 2 * r) * (N - 1).squareRoot() * (N - 2 * n)
            / ((n * r * (N - r) * (N - n)).squareRoot() * (N - 2))
        return .init(mean: mean, sd: sd, skewness: skew)
    }
}
