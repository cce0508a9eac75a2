import TSCore

/// Which reference distribution turns a standard error into a confidence interval (or back).
public enum IntervalDistribution: String, Sendable, CaseIterable {
    /// Student t with the estimate's degrees of freedom (n − 1 for one arm).
    case t
    /// Standard normal (large-sample).
    case z
}

/// How an arm's spread was printed.
public enum Spread: Sendable, Equatable {
    /// Standard deviation of the outcome.
    case sd(Double)
    /// Standard error of the mean.
    case se(Double)
    /// Confidence interval for the mean at `level`, built with `distribution` (t with n − 1 df, or z).
    case ci(lower: Double, upper: Double, level: Double, distribution: IntervalDistribution)
}

/// One arm as a paper prints it: size, mean (or mean percent change) and a spread.
///
/// The SD is recovered from SE or CI by the Cochrane Handbook (version 6.5, section 6.5.2.2) relations,
/// see `SDConversions`. Errors name the parameter (`n`, `mean`, `sd`, `se`, `ci`, `level`) so the CLI can
/// map them to its flags or to a file column.
public struct ArmSummary: Sendable, Equatable {
    public private(set) var n: Int
    public private(set) var mean: Double
    public private(set) var spread: Spread
    public private(set) var label: String?

    public init(n: Int, mean: Double, spread: Spread, label: String? = nil) throws(InputError) {
        guard n >= 2 else { throw InputError(.parameter("n"), "needs at least 2 participants per arm, got \(n)") }
        guard mean.isFinite else { throw InputError(.parameter("mean"), "must be a finite number") }
        switch spread {
        case .sd(let s):
            guard s.isFinite, s > 0 else { throw InputError(.parameter("sd"), "must be > 0, got \(s)") }
        case .se(let s):
            guard s.isFinite, s > 0 else { throw InputError(.parameter("se"), "must be > 0, got \(s)") }
        case .ci(let lo, let hi, let level, _):
            guard lo.isFinite, hi.isFinite else { throw InputError(.parameter("ci"), "bounds must be finite numbers") }
            guard lo < hi else { throw InputError(.parameter("ci"), "lower bound \(lo) is not below upper bound \(hi)") }
            guard level > 0, level < 1 else { throw InputError(.parameter("level"), "must be inside (0, 1), got \(level)") }
            // A CI of the mean holds the mean; one that does not is a different interval (or a typo), and
            // reading its width as a spread would silently re-centre it.
            guard mean >= lo, mean <= hi else {
                throw InputError(.parameter("ci"), "the interval \(NumberFormat.readable(lo)) to \(NumberFormat.readable(hi)) does not contain the mean \(NumberFormat.readable(mean)); give the CI of this mean")
            }
        }
        self.n = n
        self.mean = mean
        self.spread = spread
        self.label = label
    }

    /// Convenience: an arm with a printed SD.
    public init(n: Int, mean: Double, sd: Double, label: String? = nil) throws(InputError) {
        try self.init(n: n, mean: mean, spread: .sd(sd), label: label)
    }

    /// The standard deviation: as printed, or SE·√n, or recovered from the CI width (Handbook 6.5.2.2).
    public var sd: Double {
        switch spread {
        case .sd(let s): return s
        case .se(let s): return SDConversions.sdFromSE(s, n: n)
        case .ci(let lo, let hi, let level, let dist):
            return (try? SDConversions.sdFromCI(lower: lo, upper: hi, n: n, level: level, distribution: dist)) ?? .nan
        }
    }

    /// The standard error of the mean, SD/√n.
    public var se: Double {
        if case .se(let s) = spread { return s }
        return sd / Double(n).squareRoot()
    }
}
