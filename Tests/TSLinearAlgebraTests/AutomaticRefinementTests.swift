import Foundation
import Testing
@testable import TSLinearAlgebra

/// `QRLeastSquares.Refinement.automatic`: the cheap path (coefficients refined to working precision,
/// (XᵀX)⁻¹ from R₁₁⁻¹) on well-conditioned designs, the full refinement on ill-conditioned ones.
@Suite struct AutomaticRefinement {
    /// A deterministic, well-conditioned design: intercept, two trigonometric columns, a 0/1 column and a
    /// quasi-random column (Weyl sequence), m = 200; y = a linear combination plus quasi-random noise.
    static func wellConditioned() -> (x: Matrix, y: [Double]) {
        let m = 200
        let phi = (5.0.squareRoot() - 1) / 2
        var cols: [[Double]] = [[Double](repeating: 1, count: m)]
        cols.append((0..<m).map { sin(Double($0)) })
        cols.append((0..<m).map { cos(2 * Double($0) + 0.3) })
        cols.append((0..<m).map { Double($0 % 3 == 0 ? 1 : 0) })
        cols.append((0..<m).map { (Double($0) * phi).truncatingRemainder(dividingBy: 1) - 0.5 })
        let beta = [1.5, -0.75, 2.25, 0.125, -3.0]
        var y = [Double](repeating: 0, count: m)
        for i in 0..<m {
            let noise: Double = (Double(i) * 0.7548776662466927).truncatingRemainder(dividingBy: 1) - 0.5
            var s = noise
            for j in 0..<beta.count { s += beta[j] * cols[j][i] }
            y[i] = s
        }
        return (Matrix(columns: cols), y)
    }

    @Test func wellConditionedAutomaticMatchesAlwaysRefined() throws {
        let (x, y) = Self.wellConditioned()
        let auto = try QRLeastSquares(x, y)
        let always = try QRLeastSquares(x, y, refinement: .always)
        #expect(auto.conditionEstimate < 128)
        #expect(!auto.covarianceRefined && always.covarianceRefined)
        #expect(auto.refinementConverged)
        // Coefficients: both refined until the last correction is below half an ulp, so they agree to
        // within one rounding (2⁻⁵² relative).
        for (a, b) in zip(auto.coefficients, always.coefficients) { #expect(abs(a - b) <= 0x1p-52 * abs(b)) }
        // (XᵀX)⁻¹ from R₁₁⁻¹: relative error about κ̂·u times the QR's backward-error growth (≈ √m in
        // practice, Higham 2002 ch. 19): κ̂ ≈ 1.5 here and √200 ≈ 14 give ≈ 2.3e-15. 2e-15 is that bound,
        // the ~1e-15 the automatic mode is meant to deliver on small well-conditioned problems (observed
        // ≤ 4.7e-16 on the diagonal, the printed SEs).
        let tol = 2e-15
        for j in 0..<x.columns {
            let a = auto.unscaledCovariance[j, j], b = always.unscaledCovariance[j, j]
            #expect(abs(a - b) <= tol * b, "diag \(j): \(a) vs \(b)")
        }
        // Off-diagonal entries relative to the diagonal scale √(cᵢᵢ cⱼⱼ) (they may be near 0).
        for i in 0..<x.columns {
            for j in 0..<x.columns {
                let s = (always.unscaledCovariance[i, i] * always.unscaledCovariance[j, j]).squareRoot()
                #expect(abs(auto.unscaledCovariance[i, j] - always.unscaledCovariance[i, j]) <= tol * s)
            }
        }
    }

    /// Filip (κ̂ ≈ 6e9), Longley (≈ 3e4) and the Wampler polynomials (≈ 3e3) exceed κ̂·u ≤ 2⁻⁴⁶, so the
    /// automatic mode refines (XᵀX)⁻¹ exactly as `.always` does (bitwise: the same column solves), and the
    /// coefficients agree to one rounding.
    @Test(arguments: ["Filip", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"])
    func illConditionedStillRefine(_ name: String) throws {
        let d = try NISTRegression(name).design
        let auto = try QRLeastSquares(d.x, d.y, xLow: d.xLow, yLow: d.yLow)
        let always = try QRLeastSquares(d.x, d.y, xLow: d.xLow, yLow: d.yLow, refinement: .always)
        #expect(auto.conditionEstimate * 0x1p-53 > QRLeastSquares.automaticConditionThreshold)
        #expect(auto.covarianceRefined)
        #expect(auto.unscaledCovariance == always.unscaledCovariance)
        for (a, b) in zip(auto.coefficients, always.coefficients) { #expect(abs(a - b) <= 0x1p-52 * abs(b)) }
    }

    /// `.never` is the plain QR solution, the same as `maxRefinementSteps: 0`.
    @Test func neverIsThePlainSolution() throws {
        let (x, y) = Self.wellConditioned()
        let never = try QRLeastSquares(x, y, refinement: .never)
        let zero = try QRLeastSquares(x, y, maxRefinementSteps: 0)
        #expect(never.refinementSteps == 1 && !never.covarianceRefined)
        #expect(never.coefficients == zero.coefficients && never.unscaledCovariance == zero.unscaledCovariance)
    }
}
