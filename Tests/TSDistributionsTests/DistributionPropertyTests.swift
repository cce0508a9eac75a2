import Foundation
import Testing
import TSDistributions

// Property tests on deterministic grids: inverse round trips, complementarity of the tails, exact
// symmetry, monotonicity, and the definitions of the discrete quantiles.

/// A continuous distribution under test with the grid its properties are checked on.
struct ContinuousCase: Sendable, CustomTestStringConvertible {
    var label: String
    var make: @Sendable () throws -> any ContinuousDistribution
    var grid: [Double]
    var testDescription: String { label }
}

/// A discrete distribution under test with the k range its properties are checked on.
struct DiscreteCase: Sendable, CustomTestStringConvertible {
    var label: String
    var make: @Sendable () throws -> any DiscreteDistribution
    var ks: ClosedRange<Int>
    var testDescription: String { label }
}

enum PropertyGrids {
    /// x = sinh(s), s from −50 to 50 in steps of 0.05: |x| from 0 to 2.6e21, dense near 0.
    static let realLine: [Double] = stride(from: -50.0, through: 50.0, by: 0.05).map { sinh($0) }
    /// x = e^s, s from −700 to 700 in steps of 0.25.
    static let positive: [Double] = stride(from: -700.0, through: 700.0, by: 0.25).map { exp($0) }
    /// x = 1/(1+e^−s), s from −700 to 36 in steps of 0.1 (above 36 x rounds to 1).
    static let unit: [Double] = stride(from: -700.0, through: 36.0, by: 0.1).map { 1 / (1 + exp(-$0)) }
    /// mean + z·sd for z from −40 to 40 in steps of 0.05 (kept inside the support by the caller):
    /// the log-spaced grids are too coarse for concentrated distributions.
    static func around(_ mean: Double, _ sd: Double, in support: ClosedRange<Double> = 0...Double.infinity) -> [Double] {
        stride(from: -40.0, through: 40.0, by: 0.05).map { mean + $0 * sd }.filter { support.contains($0) && $0 != 0 }
    }
    /// A short grid for the noncentral t (each evaluation integrates numerically).
    static let short: [Double] = stride(from: -12.0, through: 12.0, by: 0.5).map { sinh($0) }

    static let continuous: [ContinuousCase] = [
        .init(label: "Normal(0,1)", make: { try Normal() }, grid: realLine),
        .init(label: "Normal(10,2.5)", make: { try Normal(mean: 10, sd: 2.5) }, grid: realLine),
        .init(label: "t(0.5)", make: { try StudentT(df: 0.5) }, grid: realLine),
        .init(label: "t(1)", make: { try StudentT(df: 1) }, grid: realLine),
        .init(label: "t(2.5)", make: { try StudentT(df: 2.5) }, grid: realLine),
        .init(label: "t(10)", make: { try StudentT(df: 10) }, grid: realLine),
        .init(label: "t(1e7)", make: { try StudentT(df: 1e7) }, grid: realLine),
        .init(label: "chisq(0.1)", make: { try ChiSquared(df: 0.1) }, grid: positive),
        .init(label: "chisq(1)", make: { try ChiSquared(df: 1) }, grid: positive),
        .init(label: "chisq(5.5)", make: { try ChiSquared(df: 5.5) }, grid: positive),
        .init(label: "chisq(1e5)", make: { try ChiSquared(df: 1e5) }, grid: positive + around(1e5, 447.2)),
        .init(label: "F(0.5,1)", make: { try FDistribution(df1: 0.5, df2: 1) }, grid: positive),
        .init(label: "F(3.5,7.5)", make: { try FDistribution(df1: 3.5, df2: 7.5) }, grid: positive),
        .init(label: "F(30,1000)", make: { try FDistribution(df1: 30, df2: 1000) }, grid: positive + around(1, 0.26)),
        .init(label: "Beta(0.5,0.5)", make: { try BetaDistribution(shape1: 0.5, shape2: 0.5) }, grid: unit),
        .init(label: "Beta(2,3)", make: { try BetaDistribution(shape1: 2, shape2: 3) }, grid: unit),
        .init(label: "Beta(0.1,5)", make: { try BetaDistribution(shape1: 0.1, shape2: 5) }, grid: unit),
        .init(label: "Beta(100,200)", make: { try BetaDistribution(shape1: 100, shape2: 200) },
              grid: unit + around(1.0 / 3, 0.0272, in: 0...1)),
        .init(label: "Gamma(0.01)", make: { try GammaDistribution(shape: 0.01) }, grid: positive),
        .init(label: "Gamma(2.5,0.3)", make: { try GammaDistribution(shape: 2.5, scale: 0.3) }, grid: positive),
        .init(label: "Gamma(1e4)", make: { try GammaDistribution(shape: 1e4) }, grid: positive + around(1e4, 100)),
        .init(label: "nct(10,5)", make: { try NoncentralT(df: 10, ncp: 5) },
              grid: short + Array(stride(from: 2.0, through: 9.0, by: 0.25))),
        .init(label: "nct(3,-2)", make: { try NoncentralT(df: 3, ncp: -2) },
              grid: short + Array(stride(from: -4.5, through: 0.5, by: 0.25))),
    ]

    static let discrete: [DiscreteCase] = [
        .init(label: "Binomial(10,0.3)", make: { try Binomial(n: 10, p: 0.3) }, ks: 0...10),
        .init(label: "Binomial(1,0.5)", make: { try Binomial(n: 1, p: 0.5) }, ks: 0...1),
        .init(label: "Binomial(1000,0.01)", make: { try Binomial(n: 1000, p: 0.01) }, ks: 0...200),
        .init(label: "Binomial(1e6,0.5)", make: { try Binomial(n: 1_000_000, p: 0.5) }, ks: 490_000...510_000),
        .init(label: "Poisson(0.5)", make: { try Poisson(mean: 0.5) }, ks: 0...300),
        .init(label: "Poisson(100)", make: { try Poisson(mean: 100) }, ks: 0...600),
        .init(label: "Poisson(1e6)", make: { try Poisson(mean: 1e6) }, ks: 990_000...1_010_000),
        .init(label: "Hypergeometric(10,20,5)", make: { try Hypergeometric(successes: 10, failures: 20, draws: 5) }, ks: 0...5),
        .init(label: "Hypergeometric(1000,2000,500)",
              make: { try Hypergeometric(successes: 1000, failures: 2000, draws: 500) }, ks: 0...500),
    ]

    /// Probabilities for the discrete quantile definitions.
    static let probabilities: [Double] = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 1e-3, 0.01, 0.1, 0.2, 0.25, 0.3, 0.4,
                                          0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.99, 0.999, 1 - 1e-10, 1 - 0x1p-53]
}

@Suite("Distribution properties on deterministic grids")
struct DistributionPropertyTests {
    @Test("quantile(cdf(x)) and inverseSF(sf(x)) return x", arguments: PropertyGrids.continuous)
    func inverseRoundTrip(_ c: ContinuousCase) throws {
        let d = try c.make()
        var worst = (excess: 0.0, note: "")
        var checked = 0
        for x in c.grid where x != 0 {
            let f = d.pdf(x)
            guard f > 0, f.isFinite else { continue }
            for upper in [false, true] {
                let p = upper ? d.sf(x) : d.cdf(x)
                // Only the tail below 1/2 represents x well as a double probability.
                guard p >= 1e-300, p <= 0.5 else { continue }
                let back = upper ? d.inverseSF(p) : d.quantile(p)
                checked += 1
                // Tolerance: the inversion amplifies the relative error of p (rounding plus the
                // 1e-13 accuracy target of cdf/sf) by the condition number κ = p / (|x| pdf(x));
                // 4e-13·max(1, κ) covers 1e-13 in p, 1e-13 in the inversion and rounding, ×2 margin.
                let kappa = p / (abs(x) * f)
                let tol = 4e-13 * max(1, kappa)
                let err = abs(back - x) / abs(x)
                if !(err <= tol) && !(err / tol < worst.excess) {
                    worst = (err / tol, "\(upper ? "inverseSF(sf" : "quantile(cdf")(\(x))) = \(back), rel err \(err), κ \(kappa)")
                }
            }
        }
        #expect(checked >= 40, "\(c.label): only \(checked) grid points in the tails")
        #expect(worst.excess == 0, "\(c.label): worst \(worst.note)")
    }

    @Test("cdf + sf = 1 within 2 ulps where both are at least 0.1", arguments: PropertyGrids.continuous)
    func tailsAddToOne(_ c: ContinuousCase) throws {
        let d = try c.make()
        var checked = 0
        for x in c.grid {
            let lo = d.cdf(x), up = d.sf(x)
            guard lo >= 0.1, up >= 0.1 else { continue }
            checked += 1
            // Each tail correctly rounded is within ½ ulp of its exact value (ulp ≤ 2^-53 below 1);
            // their sum, rounded once more, can then be off from 1 by up to 2 ulps of 1 (2^-51).
            #expect(abs(lo + up - 1) <= 0x1p-51, "\(c.label) x=\(x): cdf \(lo) + sf \(up) = \(lo + up)")
        }
        #expect(checked >= 3, "\(c.label): only \(checked) grid points in the centre")
    }

    @Test("cdf is non-decreasing and sf non-increasing over the grid", arguments: PropertyGrids.continuous)
    func monotone(_ c: ContinuousCase) throws {
        let d = try c.make()
        var prevCDF = -Double.infinity, prevSF = Double.infinity, prevX = -Double.infinity
        var checked = 0
        defer { #expect(checked >= 10, "\(c.label): only \(checked) grid points compared") }
        for x in c.grid.sorted() where x > prevX {
            checked += 1
            let lo = d.cdf(x), up = d.sf(x)
            #expect(lo >= prevCDF, "\(c.label): cdf(\(x)) = \(lo) < cdf(\(prevX)) = \(prevCDF)")
            #expect(up <= prevSF, "\(c.label): sf(\(x)) = \(up) > sf(\(prevX)) = \(prevSF)")
            if lo < prevCDF || up > prevSF { break }
            prevCDF = lo; prevSF = up; prevX = x
        }
    }

    @Test("normal and t: cdf(−x) equals sf(x) exactly", arguments: [
        "Normal(0,1)", "t(0.5)", "t(1)", "t(2.5)", "t(10)", "t(1e7)",
    ])
    func symmetry(_ label: String) throws {
        let c = PropertyGrids.continuous.first { $0.label == label }!
        let d = try c.make()
        #expect(c.grid.count >= 10, "\(label): only \(c.grid.count) grid points")
        for x in c.grid {
            #expect(d.cdf(-x) == d.sf(x), "\(label) x=\(x): cdf(−x) \(d.cdf(-x)) sf(x) \(d.sf(x))")
            #expect(d.pdf(-x) == d.pdf(x), "\(label) x=\(x): pdf not even")
        }
    }

    @Test("discrete quantile: cdf(k) ≥ p > cdf(k−1); inverseSF: sf(k) ≤ q < sf(k−1)",
          arguments: PropertyGrids.discrete)
    func discreteQuantileDefinition(_ c: DiscreteCase) throws {
        let d = try c.make()
        #expect(PropertyGrids.probabilities.count >= 10)
        // Checked on the smaller tail, which is the one the search decides on and the one with full relative
        // accuracy: for p > ½, "cdf(k) ≥ p" is "sf(k) ≤ 1 − p" with 1 − p exact.
        for p in PropertyGrids.probabilities {
            let k = d.quantile(p)
            if p > 0.5 {
                #expect(d.sf(k) <= 1 - p, "\(c.label): quantile(\(p)) = \(k) but sf(k) = \(d.sf(k))")
                #expect(d.sf(k - 1) > 1 - p, "\(c.label): quantile(\(p)) = \(k) but sf(k−1) = \(d.sf(k - 1))")
            } else {
                #expect(d.cdf(k) >= p, "\(c.label): quantile(\(p)) = \(k) but cdf(k) = \(d.cdf(k))")
                #expect(d.cdf(k - 1) < p, "\(c.label): quantile(\(p)) = \(k) but cdf(k−1) = \(d.cdf(k - 1))")
            }
            let j = d.inverseSF(p)
            if p > 0.5 {
                #expect(d.cdf(j) >= 1 - p, "\(c.label): inverseSF(\(p)) = \(j) but cdf(j) = \(d.cdf(j))")
                #expect(d.cdf(j - 1) < 1 - p, "\(c.label): inverseSF(\(p)) = \(j) but cdf(j−1) = \(d.cdf(j - 1))")
            } else {
                #expect(d.sf(j) <= p, "\(c.label): inverseSF(\(p)) = \(j) but sf(j) = \(d.sf(j))")
                #expect(d.sf(j - 1) > p, "\(c.label): inverseSF(\(p)) = \(j) but sf(j−1) = \(d.sf(j - 1))")
            }
        }
    }

    @Test("discrete cdf non-decreasing, sf non-increasing, pmf sums to the cdf step", arguments: PropertyGrids.discrete)
    func discreteMonotone(_ c: DiscreteCase) throws {
        let d = try c.make()
        var prevCDF = d.cdf(c.ks.lowerBound - 1), prevSF = d.sf(c.ks.lowerBound - 1)
        #expect(c.ks.count >= 2, "\(c.label): \(c.ks.count) points")
        for k in c.ks {
            let lo = d.cdf(k), up = d.sf(k), m = d.pmf(k)
            #expect(lo >= prevCDF && up <= prevSF, "\(c.label): not monotone at k=\(k)")
            // cdf(k) − cdf(k−1) = pmf(k): checked where the step is not lost to cancellation
            // (pmf ≥ 1e-3·cdf): two cdfs each within 1e-13 relative differ by pmf ± 2e-13·cdf; ×5 margin.
            if m >= 1e-3 * lo, lo <= 0.5 {
                #expect(abs((lo - prevCDF) - m) <= 1e-12 * lo, "\(c.label): cdf step at \(k) is not pmf")
            }
            prevCDF = lo; prevSF = up
        }
    }
}
