import Foundation
import Testing
@testable import TSDistributions

/// Parameters at the edges of what a double holds: huge degrees of freedom, far tails, subnormal
/// scales. Reference values from mpmath at 40 digits (Tests/Reference/extreme_parameters.py).
struct ExtremeParameterTests {
    private static func rel(_ got: Double, _ want: Double) -> Double {
        want == 0 ? abs(got) : abs(got - want) / abs(want)
    }

    /// Above ν = 1e16 the noncentral t is computed from its 1/ν expansion about the normal
    /// (NoncentralTLargeDF.swift); the script checks the expansion against quadrature at ν = 1e9
    /// (relative difference 1.1e-18). Tolerance 4e-15: a few ulps of Φ and φ at |u| ≤ 30, whose
    /// relative conditioning is |u|·ulp for the cdf tail.
    @Test(arguments: [
        (1e17, 2.0, 2.5, 0.69146246127401309869, 0.30853753872598690131, 0.35206532676429947167),
        (1e17, -20.0, -30.0, 7.6198530241622631216e-24, 1.0, 7.694598626708127528e-23),
        (1e17, 1000.5, 1000.0, 0.30853753872642609786, 0.69146246127357390214, 0.35206532676363979449),
        (1e17, 0.0, 3.0, 0.99865010196836990514, 0.001349898031630094859, 0.0044318484119380078625),
        (1e17, 3.0, -3.0, 9.8658764503769900651e-10, 0.99999999901341235496, 6.0758828498232899831e-9),
        (1e20, 2.0, 2.5, 0.69146246127401310363, 0.30853753872598689637, 0.35206532676429947777),
        (1e20, -20.0, -30.0, 7.619853024160527803e-24, 1.0, 7.6945986267064210545e-23),
        (1e20, 1000.5, 1000.0, 0.30853753872598733556, 0.69146246127401266444, 0.35206532676429881809),
        (1e20, 0.0, 3.0, 0.99865010196836990547, 0.001349898031630094527, 0.0044318484119380071763),
        (1e20, 3.0, -3.0, 9.8658764503769814157e-10, 0.99999999901341235496, 6.0758828498232854915e-9),
        (1e300, 2.0, 2.5, 0.69146246127401310364, 0.30853753872598689636, 0.35206532676429947777),
        (1e300, -20.0, -30.0, 7.619853024160526066e-24, 1.0, 7.6945986267064193463e-23),
        (1e300, 1000.5, 1000.0, 0.30853753872598689636, 0.69146246127401310364, 0.35206532676429947777),
        (1e300, 0.0, 3.0, 0.99865010196836990547, 0.0013498980316300945267, 0.0044318484119380071756),
        (1e300, 3.0, -3.0, 9.865876450376981407e-10, 0.99999999901341235496, 6.075882849823285487e-9),
    ])
    func noncentralTLargeDFMatchesMpmath(nu: Double, delta: Double, t: Double,
                                         cdf: Double, sf: Double, pdf: Double) throws {
        let d = try NoncentralT(df: nu, ncp: delta)
        #expect(Self.rel(d.cdf(t), cdf) <= 4e-15, "cdf ν=\(nu) δ=\(delta) t=\(t): \(d.cdf(t)) vs \(cdf)")
        #expect(Self.rel(d.sf(t), sf) <= 4e-15, "sf ν=\(nu) δ=\(delta) t=\(t): \(d.sf(t)) vs \(sf)")
        #expect(Self.rel(d.pdf(t), pdf) <= 4e-15, "pdf ν=\(nu) δ=\(delta) t=\(t): \(d.pdf(t)) vs \(pdf)")
    }

    /// Far beyond the bulk the density is scaled from a point it can still be computed at, using the
    /// exact |t|^−(ν+1) tail law. Tolerance 1e-14 relative on the log: the logs are ~1e3 so this is
    /// ~1e-11 absolute, the rounding of (ν+1)·log|t| with log|t| ≈ 700.
    @Test(arguments: [
        (3.0, 1.0, 1e308, -2833.9538468815592435),
        (3.0, 2.0, 1e151, -1386.6998229803145742),
        (3.0, 0.0, -1e200, -1840.8717386675238375),
        (10.0, -4.0, -1e300, -7577.1433077389820623),
        (2.5, 40.0, 1e250, -2004.4682381352308185),
    ])
    func noncentralTFarTailLogDensity(nu: Double, delta: Double, t: Double, want: Double) throws {
        let d = try NoncentralT(df: nu, ncp: delta)
        let got = d.logPDF(t)
        #expect(Self.rel(got, want) <= 1e-14, "logpdf ν=\(nu) δ=\(delta) t=\(t): \(got) vs \(want)")
        #expect(d.pdf(t) >= 0 && d.pdf(t).isFinite)
    }

    /// Probabilities never exceed 1 (the expansion and the quadrature each add a small correction to Φ).
    /// Above ν = 1e16 a point where the 1/ν expansion's remainder bound exceeds 1e-8 is NaN (the CLI
    /// refuses it) rather than a guess; up to 1e16 the quadrature gives every point.
    @Test func noncentralTProbabilitiesAreAtMostOne() throws {
        for nu in [1e15, 1e16, 2e16, 1e18] {
            let d = try NoncentralT(df: nu, ncp: 0)
            for t in [1e2, 1e4, -1e4, 1e6] {
                let (c, s) = (d.cdf(t), d.sf(t))
                if nu > NoncentralT.maxIntegralDF && abs(t) > 100 {
                    #expect(c.isNaN && s.isNaN, "ν=\(nu) t=\(t): \(c) \(s)")
                    continue
                }
                #expect(c >= 0 && c <= 1 && s >= 0 && s <= 1, "ν=\(nu) t=\(t): \(c) \(s)")
            }
        }
    }

    /// The noncentrality is accepted up to 1e4, where the quadrature was checked against mpmath.
    @Test func noncentralityLimit() throws {
        let d = try NoncentralT(df: 10, ncp: 1e4)
        #expect(d.cdf(1e4) > 0.4 && d.cdf(1e4) < 0.6)
        #expect(throws: DistributionError.self) { try NoncentralT(df: 10, ncp: 1.0001e4) }
        #expect(throws: DistributionError.self) { try NoncentralT(df: 10, ncp: -1.0001e4) }
    }

    /// Subnormal scales and degrees of freedom are refused, naming the parameter given.
    @Test func subnormalParametersAreRefused() {
        #expect(throws: DistributionError(parameter: "df", message: "must be at least 2.2250738585072014e-308 (the smallest normal double), got 5e-324")) {
            try ChiSquared(df: 5e-324)
        }
        #expect(throws: DistributionError.self) { try StudentT(df: 1e-310) }
        #expect(throws: DistributionError.self) { try Normal(mean: 0, sd: 5e-324) }
        #expect((try? StudentT(df: 2.2250738585072014e-308)) != nil)
    }

    /// x − mean overflows for x = −1e308, mean = 1e308; the standardized value is still −2.
    @Test func normalStandardizesWithoutOverflow() throws {
        let d = try Normal(mean: 1e308, sd: 1e308)
        // 4e-16: two ulps of erfc(√2) (measured 3.1e-16).
        #expect(Self.rel(d.cdf(-1e308), 0.0227501319481792072) <= 4e-16)
        #expect(d.pdf(1e308 * 1.5) > 0)
        // log φ(z) = −z²/2 − log √(2π); at z = 1e152 the constant is below an ulp.
        let s = try Normal(mean: 0, sd: 1)
        #expect(Self.rel(s.logPDF(1e152), -5e303) <= 2e-16)
        #expect(s.pdf(1e308) == 0)
    }
}
