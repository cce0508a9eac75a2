import Foundation
import Testing
@testable import TSDistributions

struct NoncentralTTests {
    /// cdf, sf and pdf against mpmath 50-digit quadrature of the mixture integrals
    /// (Tests/Reference/discrete_nct.py), ν ∈ {1, 2.5, 10, 30, 1000, 1e5}, δ ∈ [−10, 40], t ∈ [−50, 300],
    /// every fixture value ≥ 1e-30 (the brief asks for 1e-20).
    @Test(arguments: ["cdf", "sf", "pdf"])
    func matchesMpmathQuadrature(function: String) throws {
        let rows = try DiscreteNCTFixture.rows.filter { $0.family == "nct" && $0.function == function }
        #expect(rows.count > 100)
        var worst = (0.0, "")
        for r in rows where r.value >= 1e-30 {
            let d = try NoncentralT(df: r.a, ncp: r.b)
            let got = function == "cdf" ? d.cdf(r.arg) : function == "sf" ? d.sf(r.arg) : d.pdf(r.arg)
            let e = dnRelativeError(got, r.value)
            if e > worst.0 { worst = (e, "ν=\(r.a) δ=\(r.b) t=\(r.arg)") }
            // Brief's target is 1e-12 (values ≥ 1e-20, |δ| ≤ 40); measured worst is 2.8e-15 (pdf, ν = 2.5,
            // δ = 40), so assert 1e-14: a few ulps of erfc/exp/bd0 summed over positive quadrature terms,
            // with room for a different libm.
            #expect(e <= 1e-14, "nct \(function)(\(r.arg); ν=\(r.a), δ=\(r.b)): got \(got), want \(r.value), rel \(e)")
        }
        print("worst nct \(function): \(worst.0) at \(worst.1)")
    }

    /// cdf + sf = 1 (both computed directly, each from a positive integrand).
    @Test func tailsAreComplementary() throws {
        for (nu, delta) in [(1.0, 0.3), (7.0, -3.0), (250.0, 12.0)] {
            let d = try NoncentralT(df: nu, ncp: delta)
            for t in stride(from: -20.0, through: 30.0, by: 2.5) {
                // Rounding of the sum of two values each with ≤ 1e-12 relative error.
                #expect(abs(d.cdf(t) + d.sf(t) - 1) <= 2e-12, "ν=\(nu) δ=\(delta) t=\(t)")
            }
        }
    }

    /// quantile(cdf) round trip: |cdf(x̂) − p| is bounded by the cdf error (1e-12 relative) plus the
    /// change of cdf over the 2-ulp resolution of x̂ (pdf·|x̂|·4.5e-16).
    @Test func quantileAndInverseSFInvertTheTails() throws {
        for (nu, delta) in [(1.0, 0.5), (4.0, -2.0), (30.0, 5.0), (1e5, 40.0)] {
            let d = try NoncentralT(df: nu, ncp: delta)
            for p in [1e-20, 1e-10, 0.001, 0.05, 0.3, 0.5, 0.8, 0.975, 1 - 1e-9] {
                let x = d.quantile(p)
                let tol = 1e-12 * p + d.pdf(x) * abs(x) * 4.5e-16
                #expect(abs(d.cdf(x) - p) <= tol || abs(d.sf(x) - (1 - p)) <= tol, "quantile ν=\(nu) δ=\(delta) p=\(p) x=\(x)")
                let y = d.inverseSF(p)
                let tolq = 1e-12 * p + d.pdf(y) * abs(y) * 4.5e-16
                #expect(abs(d.sf(y) - p) <= tolq, "inverseSF ν=\(nu) δ=\(delta) q=\(p) x=\(y)")
            }
        }
    }

    /// ν = ∞ is the N(δ, 1) distribution; δ = 0 is Student's t (t₁ is Cauchy: cdf(1) = 3/4).
    @Test func limitingCases() throws {
        let n = try NoncentralT(df: .infinity, ncp: 1.5)
        #expect(n.cdf(1.5) == 0.5)
        let c = try NoncentralT(df: 1, ncp: 0)
        // Cauchy cdf(1) = 3/4 exactly; 1e-15 allows a few roundings in the quadrature sum.
        #expect(abs(c.cdf(1) - 0.75) <= 1e-15 && abs(c.sf(1) - 0.25) <= 1e-15)
        // Cauchy density at 0 is 1/π.
        #expect(abs(c.pdf(0) - 1 / Double.pi) <= 1e-15)
    }

    @Test func invalidParametersNameTheParameter() {
        for (df, ncp, name) in [(0.0, 1.0, "df"), (-2.0, 1.0, "df"), (.nan, 1.0, "df"), (5.0, .nan, "ncp"), (5.0, .infinity, "ncp")] {
            do { _ = try NoncentralT(df: df, ncp: ncp); Issue.record("accepted df=\(df) ncp=\(ncp)") }
            catch let e as DistributionError { #expect(e.parameter == name) }
            catch { Issue.record("\(error)") }
        }
    }
}
