import Testing
import TSCore
@testable import TSModels

@Suite struct ModelFrameInput {
    static let csv = "y,arm,age,sex\n1.5,A,40,F\n2.5,B,50,M\n3.0,A,,F\n2.0,B,61,F\n4.0,A,70,M\n"

    @Test func unknownColumnIsNamed() {
        #expect(throws: InputError(.parameter("covariates"), "unknown column \"weight\" in t.csv; columns are: y, arm, age, sex")) {
            try ModelFrame(csv: Self.csv, name: "t.csv").design(outcome: "y", arm: "arm", covariates: ["weight"])
        }
    }

    @Test func nonNumericValueIsLocated() {
        let bad = "y,arm,age\n1.5,A,40\n2.5,B,fifty\n3,A,45\n"
        #expect(throws: InputError(.position(file: "t.csv", line: 3, column: 7), "column \"age\": expected a number, found \"fifty\"")) {
            try ModelFrame(csv: bad, name: "t.csv").design(outcome: "y", arm: "arm", covariates: ["age"])
        }
    }

    @Test func armWithOneLevelIsRejected() {
        let one = "y,arm\n1,A\n2,A\n3,A\n"
        #expect(throws: InputError.self) { try ModelFrame(csv: one, name: "t.csv").design(outcome: "y", arm: "arm") }
    }

    @Test func moreCoefficientsThanRowsIsRejected() {
        #expect(throws: InputError(.path("t.csv"), "the model has 4 coefficients but only 4 complete rows; it needs more rows than coefficients")) {
            try ModelFrame(csv: Self.csv, name: "t.csv").design(outcome: "y", arm: "arm", covariates: ["age", "sex"])
        }
    }

    /// Missing age drops row 3 (complete cases); sex is coded as a dummy with F as reference.
    @Test func completeCasesAndDummyCoding() throws {
        let r = try ModelFrame(csv: Self.csv, name: "t.csv").design(outcome: "y", arm: "arm", covariates: ["sex"])
        #expect(r.design.columnNames == ["(Intercept)", "armB", "sexM"])
        let r2 = try ModelFrame(csv: Self.csv + "5,B,55,F\n", name: "t.csv").design(outcome: "y", arm: "arm", covariates: ["age"])
        #expect(r2.droppedRows == 1 && r2.design.rows == 5)
    }

    @Test func binomialOutcomeMustBeZeroOrOne() {
        #expect(throws: InputError(.position(file: "t.csv", line: 3, column: 1), "column \"y\": a binomial outcome must be 0 or 1, found \"2\"")) {
            try ModelFrame(csv: "y,arm\n1,A\n2,B\n0,A\n", name: "t.csv").design(outcome: "y", arm: "arm", family: .binomial)
        }
    }
}

@Suite struct LogisticSeparation {
    /// Arm B has no events: quasi-complete separation is reported, not an estimate of −∞.
    @Test func zeroCellIsReported() throws {
        let csv = "y,arm\n" + (0..<10).map { "\($0 % 2),A" }.joined(separator: "\n") + "\n" + (0..<10).map { _ in "0,B" }.joined(separator: "\n") + "\n"
        let r = try ModelFrame(csv: csv).design(outcome: "y", arm: "arm", family: .binomial)
        #expect { try LogisticRegressionFit(r.design) } throws: { e in
            guard case ModelError.separation(let m) = e else { return false }
            return m.contains("armB")
        }
    }

    /// A continuous covariate separates the outcomes completely (y = 1 exactly when x > 5).
    @Test func completeSeparationByCovariateIsReported() throws {
        var csv = "y,arm,x\n"
        for i in 0..<20 { csv += "\(i > 9 ? 1 : 0),\(i % 2 == 0 ? "A" : "B"),\(Double(i) / 2 + 0.25)\n" }
        let r = try ModelFrame(csv: csv).design(outcome: "y", arm: "arm", covariates: ["x"], family: .binomial)
        #expect { try LogisticRegressionFit(r.design) } throws: { e in
            if case ModelError.separation = e { return true }
            if case ModelError.notConverged = e { return true }
            return false
        }
    }
}
