import TSCore
import TSDistributions

/// A difference in means, first arm minus second, with its SE, confidence interval and test: what
/// `ArmSummary.difference(_:test:level:null:)` returns. The formulas are those of R's `t.test` on raw data
/// (see `TwoArmDifference`).
public struct MeanDifference: Sendable, Equatable {
    /// First arm's mean minus the second's.
    public let estimate: Double
    public let se: Double
    public let interval: ConfidenceInterval
    /// (estimate − null)/SE on Student or Welch df, or against the normal for `.z`.
    public let test: TestResult
    /// The method: Student (pooled), Welch (Satterthwaite df) or z.
    public let method: TwoArmTest
    /// The difference under the null hypothesis (0 unless a reference was given).
    public let null: Double
    /// The arms' labels, when both have one.
    public let labels: (first: String, second: String)?

    public static func == (x: MeanDifference, y: MeanDifference) -> Bool {
        x.estimate == y.estimate && x.se == y.se && x.interval == y.interval && x.test == y.test
            && x.method == y.method && x.null == y.null && x.labels?.first == y.labels?.first && x.labels?.second == y.labels?.second
    }

    /// The degrees of freedom (nil for z).
    public var df: Double? { test.df }
    public var pValue: Double { test.pValue }
}

/// One arm's mean with its SE, confidence interval and a test against a reference value: what
/// `ArmSummary.meanEstimate(level:reference:distribution:)` returns (see `OneArm`).
public struct MeanEstimate: Sendable, Equatable {
    public let estimate: Double
    public let se: Double
    public let interval: ConfidenceInterval
    /// (mean − reference)/SE on n − 1 df, or against the normal for `.z`.
    public let test: TestResult
    public let distribution: IntervalDistribution
    public let reference: Double
    public let n: Int
    public let label: String?

    public var df: Double? { test.df }
    public var pValue: Double { test.pValue }
}

extension TwoArmTest {
    /// How the method is named in output.
    public var label: String {
        switch self {
        case .student: return "Student t (pooled SD, df = n1 + n2 - 2)"
        case .welch: return "Welch t (Satterthwaite df)"
        case .z: return "z (normal approximation, unpooled SE)"
        }
    }
}

extension ArmSummary {
    /// This arm's mean minus `other`'s: `try vitaminD.difference(placebo, test: .welch, level: 0.95)`.
    public func difference(_ other: ArmSummary, test: TwoArmTest = .welch, level: Double = 0.95,
                           null: Double = 0) throws(InputError) -> MeanDifference {
        try TwoArmDifference.compute(self, other, test: test, level: level, null: null)
    }

    /// The mean with its SE, CI and one-sample test against `reference`.
    public func meanEstimate(level: Double = 0.95, reference: Double = 0,
                             distribution: IntervalDistribution = .t) throws(InputError) -> MeanEstimate {
        try OneArm.compute(self, level: level, reference: reference, distribution: distribution)
    }
}

extension MeanDifference {
    /// The result as an output row (`difference_in_means`), for the table renderers.
    public var resultRow: ResultRow {
        var extra = ["level": String(interval.level)]
        if let labels { extra["comparison"] = "\(labels.first) - \(labels.second)" }
        if null != 0 { extra["reference"] = String(null) }
        return ResultRow(quantity: "difference_in_means", estimate: estimate, se: se,
                         ciLower: interval.lower, ciUpper: interval.upper, statistic: test.statistic,
                         df: test.df, pValue: test.pValue, method: method.label, extra: extra)
    }
}

extension MeanEstimate {
    /// The result as an output row (`arm_mean`), for the table renderers.
    public var resultRow: ResultRow {
        var extra = ["level": String(interval.level), "n": String(n)]
        if let label { extra["arm"] = label }
        if reference != 0 { extra["reference"] = String(reference) }
        return ResultRow(quantity: "arm_mean", estimate: estimate, se: se,
                         ciLower: interval.lower, ciUpper: interval.upper, statistic: test.statistic,
                         df: test.df, pValue: test.pValue,
                         method: distribution == .t ? "one-sample t (df = n - 1)" : "one-sample z (normal approximation)",
                         extra: extra)
    }
}
