/// A real interval with open or closed ends: the set of unrounded values a printed number stands for,
/// or the range of a recomputed quantity over such a set.
public struct ValueInterval: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double
    public var lowerClosed: Bool
    public var upperClosed: Bool

    public init(_ lower: Double, _ upper: Double, lowerClosed: Bool = true, upperClosed: Bool = true) {
        self.lower = lower
        self.upper = upper
        self.lowerClosed = lowerClosed
        self.upperClosed = upperClosed
    }

    /// The single point `x`.
    public static func point(_ x: Double) -> ValueInterval { ValueInterval(x, x) }

    public var width: Double { upper - lower }
    public var midpoint: Double { 0.5 * (lower + upper) }
    public var isEmpty: Bool { lower > upper || (lower == upper && !(lowerClosed && upperClosed)) }

    public func contains(_ x: Double) -> Bool {
        (lowerClosed ? x >= lower : x > lower) && (upperClosed ? x <= upper : x < upper)
    }

    /// The closed hull [lower, upper].
    public var closed: ValueInterval { ValueInterval(lower, upper) }

    /// Whether the closed hulls meet (boundaries count: a rounding interval is half-open only at a tie,
    /// which a continuous recomputation reaches with probability zero).
    public func meets(_ other: ValueInterval) -> Bool { lower <= other.upper && other.lower <= upper }

    /// Distance between the closed hulls, 0 when they meet.
    public func distance(to other: ValueInterval) -> Double {
        if meets(other) { return 0 }
        return lower > other.upper ? lower - other.upper : other.lower - upper
    }

    /// Distance from a point to the closed hull.
    public func distance(to x: Double) -> Double { max(0, lower - x, x - upper) }

    /// Smallest closed interval holding both.
    public func hull(_ other: ValueInterval) -> ValueInterval {
        ValueInterval(min(lower, other.lower), max(upper, other.upper))
    }

    /// Closed intersection, nil when the closed hulls do not meet.
    public func intersection(_ other: ValueInterval) -> ValueInterval? {
        meets(other) ? ValueInterval(max(lower, other.lower), min(upper, other.upper)) : nil
    }

    /// Closed hull of a set of points.
    public static func hull(of xs: [Double]) -> ValueInterval? {
        guard let lo = xs.min(), let hi = xs.max() else { return nil }
        return ValueInterval(lo, hi)
    }

    public var description: String {
        (lowerClosed ? "[" : "(") + "\(lower), \(upper)" + (upperClosed ? "]" : ")")
    }
}
