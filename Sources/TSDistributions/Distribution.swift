/// A continuous probability distribution as a value (the Boost.Math design): density, log
/// density, both tails computed directly, and the inverse of each tail.
public protocol ContinuousDistribution: Sendable {
    /// Density at `x`.
    func pdf(_ x: Double) -> Double
    /// Natural log of the density, finite far beyond where `pdf` underflows.
    func logPDF(_ x: Double) -> Double
    /// Lower tail P(X ≤ x).
    func cdf(_ x: Double) -> Double
    /// Upper tail P(X > x), computed directly so it stays accurate where 1 − cdf would cancel.
    func sf(_ x: Double) -> Double
    /// The x with cdf(x) = p.
    func quantile(_ p: Double) -> Double
    /// The x with sf(x) = q, accurate for tiny q.
    func inverseSF(_ q: Double) -> Double
}

/// A distribution on the integers.
public protocol DiscreteDistribution: Sendable {
    /// P(X = k).
    func pmf(_ k: Int) -> Double
    /// log P(X = k).
    func logPMF(_ k: Int) -> Double
    /// P(X ≤ k).
    func cdf(_ k: Int) -> Double
    /// P(X > k), computed directly.
    func sf(_ k: Int) -> Double
    /// The smallest k with cdf(k) ≥ p.
    func quantile(_ p: Double) -> Int
    /// The smallest k with sf(k) ≤ q.
    func inverseSF(_ q: Double) -> Int
}

/// An invalid distribution parameter, named as the caller spelled it (e.g. `df`).
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var parameter: String
    public var message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { "\(parameter): \(message)" }

    /// Throws unless `value` is finite (or +∞ when `allowInfinity`) and > 0.
    static func requirePositive(_ value: Double, _ name: String, allowInfinity: Bool = false) throws(DistributionError) {
        if value.isNaN { throw DistributionError(parameter: name, message: "must be a number, got NaN") }
        if value.isInfinite && !(allowInfinity && value > 0) {
            throw DistributionError(parameter: name, message: "must be finite, got \(value)")
        }
        if value <= 0 { throw DistributionError(parameter: name, message: "must be > 0, got \(value)") }
        // A subnormal parameter has lost most of its digits, and its reciprocals and logs overflow the formulas.
        if value < Double.leastNormalMagnitude {
            throw DistributionError(parameter: name, message: "must be at least 2.2250738585072014e-308 (the smallest normal double), got \(value)")
        }
    }

    /// Throws unless `value` is finite.
    static func requireFinite(_ value: Double, _ name: String) throws(DistributionError) {
        if !value.isFinite { throw DistributionError(parameter: name, message: "must be a finite number, got \(value)") }
    }
}

/// Probability argument checks shared by the quantile functions: NaN outside [0, 1].
@inline(__always)
func isProbability(_ p: Double) -> Bool { p >= 0 && p <= 1 }
