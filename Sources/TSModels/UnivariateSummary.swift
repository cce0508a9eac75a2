import TSLinearAlgebra
import TSCore

/// Mean, standard deviation (denominator n − 1) and lag-1 autocorrelation of a sample, as certified by
/// NIST StRD. Two passes in double-word arithmetic: the mean first, then the sums of centred squares and
/// centred lag products (centring before squaring; Chan, Golub & LeVeque 1983, Am. Statistician 37:242).
/// The autocorrelation is NIST's r₁ = Σᵢ (xᵢ − x̄)(xᵢ₊₁ − x̄) / Σᵢ (xᵢ − x̄)².
public struct UnivariateSummary: Sendable {
    public let count: Int
    public let mean: Double
    public let standardDeviation: Double
    public let autocorrelationLag1: Double

    public init(_ values: [DoubleWord]) throws(ModelError) {
        let n = values.count
        guard n >= 2 else { throw .tooFewRows("need at least 2 values, got \(n)") }
        let mean = DoubleWord.sum(values) / Double(n)
        let centred = values.map { $0 - mean }
        var ss = DoubleWord.zero
        var lag = DoubleWord.zero
        for i in 0..<n {
            ss += centred[i] * centred[i]
            if i + 1 < n { lag += centred[i] * centred[i + 1] }
        }
        count = n
        self.mean = mean.value
        standardDeviation = (ss / Double(n - 1)).squareRoot().value
        autocorrelationLag1 = ss.hi > 0 ? (lag / ss).value : .nan
    }

    public init(_ values: [Double]) throws(ModelError) {
        try self.init(values.map { DoubleWord($0) })
    }
}
