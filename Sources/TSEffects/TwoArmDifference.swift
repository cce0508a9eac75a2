import TSCore
import TSDistributions

/// The two-sample test used for a difference in means.
public enum TwoArmTest: String, Sendable, CaseIterable {
    /// Student's t with pooled SD, df = n1 + n2 − 2 (equal variances assumed).
    case student
    /// Welch's t with unpooled SE and Satterthwaite df.
    case welch
    /// Normal approximation with the unpooled SE (metafor `escalc(measure="MD")`, vtype "LS").
    case z
}

/// Difference in means, first arm minus second.
///
/// Student: s_p² = ((n1−1)s1² + (n2−1)s2²)/(n1+n2−2), SE = s_p √(1/n1 + 1/n2), df = n1 + n2 − 2.
/// Welch (1947) with Satterthwaite (1946) df: SE² = s1²/n1 + s2²/n2,
/// df = SE⁴ / [ (s1²/n1)²/(n1−1) + (s2²/n2)²/(n2−1) ].
/// CI = diff ± c·SE, t = (diff − δ0)/SE, p two-sided; these are the formulas of R's `t.test`.
public enum TwoArmDifference {
    /// Pooled within-group SD on n1 + n2 − 2 df (Cochrane Handbook 6.5.2.3; Hedges & Olkin 1985).
    public static func pooledSD(_ a: ArmSummary, _ b: ArmSummary) -> Double {
        let n1 = Double(a.n), n2 = Double(b.n)
        return (((n1 - 1) * a.sd * a.sd + (n2 - 1) * b.sd * b.sd) / (n1 + n2 - 2)).squareRoot()
    }

    /// Welch–Satterthwaite degrees of freedom.
    public static func welchDF(_ a: ArmSummary, _ b: ArmSummary) -> Double {
        let v1 = a.sd * a.sd / Double(a.n), v2 = b.sd * b.sd / Double(b.n)
        let s = v1 + v2
        return s * s / (v1 * v1 / Double(a.n - 1) + v2 * v2 / Double(b.n - 1))
    }

    /// The difference as an output row; `ArmSummary.difference(_:test:level:null:)` gives the typed result.
    public static func difference(_ a: ArmSummary, _ b: ArmSummary, test: TwoArmTest = .welch,
                                  level: Double = 0.95, null: Double = 0) throws(InputError) -> ResultRow {
        try compute(a, b, test: test, level: level, null: null).resultRow
    }

    static func compute(_ a: ArmSummary, _ b: ArmSummary, test: TwoArmTest, level: Double, null: Double) throws(InputError) -> MeanDifference {
        guard level > 0, level < 1 else { throw InputError(.parameter("level"), "must be inside (0, 1), got \(level)") }
        guard null.isFinite else { throw InputError(.parameter("null"), "must be a finite number") }
        guard a.sd.isFinite, a.sd > 0, b.sd.isFinite, b.sd > 0 else { throw InputError(.parameter("sd"), "must be > 0 in both arms") }
        let n1 = Double(a.n), n2 = Double(b.n)
        let diff = a.mean - b.mean
        let se: Double, df: Double
        switch test {
        case .student:
            se = pooledSD(a, b) * (1 / n1 + 1 / n2).squareRoot()
            df = n1 + n2 - 2
        case .welch:
            se = (a.sd * a.sd / n1 + b.sd * b.sd / n2).squareRoot()
            df = welchDF(a, b)
        case .z:
            se = (a.sd * a.sd / n1 + b.sd * b.sd / n2).squareRoot()
            df = .infinity
        }
        let c = try SDConversions.critical(level: level, df: df, distribution: df.isInfinite ? .z : .t)
        let stat = (diff - null) / se
        let labels: (first: String, second: String)? = a.label.flatMap { l1 in b.label.map { (l1, $0) } }
        return MeanDifference(
            estimate: diff, se: se, interval: ConfidenceInterval(centre: diff, halfWidth: c * se, level: level),
            test: TestResult(statistic: stat, df: df.isInfinite ? nil : df, pValue: twoSidedP(stat, df: df)),
            method: test, null: null, labels: labels)
    }
}
