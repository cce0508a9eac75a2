import Foundation
import Testing
@testable import TSLinearAlgebra
import TSCore

@Suite struct NISTLinearRegression {
    static let names = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
                        "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]

    /// Every StRD linear-regression set: coefficients, SEs and residual SD to at least 9 correct digits
    /// (the certification target; Filip included, whose bar is 7). Refinement with double-word data gives ≥ 13.
    @Test(arguments: names) func certifiedCoefficientsAndStandardErrors(_ name: String) throws {
        let data = try NISTRegression(name)
        let d = data.design
        let fit = try QRLeastSquares(d.x, d.y, xLow: d.xLow, yLow: d.yLow)
        let p = data.parameterCount
        #expect(fit.rank == p)
        #expect(fit.refinementConverged)
        let se = fit.standardErrors()
        for k in 0..<p {
            let c = data.certified["b\(k)"]!
            #expect(lre(fit.coefficients[k], c.value) >= 9, "\(name) b\(k): \(fit.coefficients[k]) vs \(c.value)")
            #expect(lre(se[k], c.sd!) >= 9, "\(name) se(b\(k)): \(se[k]) vs \(c.sd!)")
        }
        let rsd = (fit.residualSumOfSquares / Double(d.y.count - p)).squareRoot()
        #expect(lre(rsd, data.certified["residual_sd"]!.value) >= 9, "\(name) residual SD \(rsd)")
    }

    /// Without refinement and with the data rounded to doubles, Filip keeps only about 7 digits: the
    /// refinement and the exact decimal data are what the certification relies on. This documents the gap
    /// (so the test above cannot pass by accident of a lucky plain solve).
    @Test func filipPlainQRIsMarkedlyWorse() throws {
        let data = try NISTRegression("Filip")
        let d = data.design
        let plain = try QRLeastSquares(d.x, d.y, maxRefinementSteps: 0)
        let refined = try QRLeastSquares(d.x, d.y, xLow: d.xLow, yLow: d.yLow)
        let c = data.certified["b10"]!.value
        #expect(lre(refined.coefficients[10], c) >= lre(plain.coefficients[10], c) + 3)
    }

    /// A rank-deficient design (a duplicated column) is detected, not solved into noise.
    @Test func duplicatedColumnIsAliased() throws {
        let x = Matrix(columns: [[1, 1, 1, 1], [1, 2, 3, 4], [2, 4, 6, 8]])
        let fit = try QRLeastSquares(x, [1, 3, 2, 5])
        #expect(fit.rank == 2)
        #expect(fit.coefficients.filter(\.isNaN).count == 1)
    }
}

@Suite struct DoubleWordArithmetic {
    /// 1000000000000.4 keeps its last digit: (x − 10¹²) is 0.4 to double precision.
    @Test func decimalParsingKeepsTrailingDigits() throws {
        let x = DoubleWord(decimal: "1000000000000.4")!
        #expect((x - DoubleWord(1e12)).value == 0.4)
        #expect(DoubleWord(decimal: "0.205177424076185E-03")!.value == 0.205177424076185E-03)
        #expect(DoubleWord(decimal: "-6.860120914")!.value == -6.860120914)
        #expect(DoubleWord(decimal: "1,000") == nil && DoubleWord(decimal: "abc") == nil && DoubleWord(decimal: "") == nil)
    }

    /// (1 + 2⁻⁴⁰)² − 1 = 2⁻³⁹ + 2⁻⁸⁰ exactly; double arithmetic loses the 2⁻⁸⁰.
    @Test func productCarriesLowBits() {
        let a = 1 + 0x1p-40
        #expect(a * a - 1 == 0x1p-39)
        let d = DoubleWord(a) * DoubleWord(a) - DoubleWord(1)
        #expect(d.value == 0x1p-39 + 0x1p-80)
        #expect((DoubleWord(2).squareRoot() * DoubleWord(2).squareRoot() - DoubleWord(2)).magnitude.hi < 1e-30)
    }
}

@Suite struct CholeskyAndSymmetricSolve {
    /// A 3×3 SPD system with a known integer solution; exact up to rounding (1e-13 relative).
    @Test func solvesKnownSystem() throws {
        let a = Matrix(rows: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let b = a.times([1, -2, 3])
        let x = try Cholesky(a).solve(b)
        for (got, want) in zip(x, [1.0, -2, 3]) { #expect(abs(got - want) <= 1e-13 * abs(want)) }
        // The classic factor of this matrix is [[2,6,-8],[0,1,5],[0,0,3]].
        let u = try Cholesky(a).factor
        #expect(u[0, 0] == 2 && u[0, 1] == 6 && u[0, 2] == -8 && u[1, 1] == 1 && u[1, 2] == 5 && u[2, 2] == 3)
        let y = try symmetricSolve(Matrix(rows: [[0, 1], [1, 0]]), [2, 3])  // indefinite
        #expect(y == [3, 2])
    }

    @Test func rejectsIndefiniteMatrix() {
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) {
            try Cholesky(Matrix(rows: [[1, 2], [2, 1]]))
        }
    }
}
