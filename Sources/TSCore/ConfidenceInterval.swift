/// A confidence interval: its two bounds and its coverage level (0.95 for a 95% CI).
///
/// A computed interval is a value, not a pair of optionals: where a method gives no interval, the result
/// has none (`nil`), and where it gives one, both bounds and the level travel together.
public struct ConfidenceInterval: Sendable, Equatable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double
    /// Coverage, strictly between 0 and 1.
    public let level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// estimate ± half-width.
    public init(centre: Double, halfWidth: Double, level: Double) {
        self.init(lower: centre - halfWidth, upper: centre + halfWidth, level: level)
    }

    public var width: Double { upper - lower }

    public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }

    public var description: String {
        "\(NumberFormat.readable(100 * level))% CI \(NumberFormat.readable(lower)) to \(NumberFormat.readable(upper))"
    }
}

/// A test statistic with its degrees of freedom (nil for a normal reference) and its two-sided p-value.
public struct TestResult: Sendable, Equatable {
    public let statistic: Double
    /// Degrees of freedom of the t reference; nil when the reference is the standard normal.
    public let df: Double?
    public let pValue: Double

    public init(statistic: Double, df: Double?, pValue: Double) {
        self.statistic = statistic
        self.df = df
        self.pValue = pValue
    }
}
