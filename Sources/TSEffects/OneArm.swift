import TSCore
import TSDistributions

/// One arm's mean: SE, confidence interval and a test against a reference value.
///
/// SE = SD/√n; CI = mean ± c·SE with c the two-sided critical value of t on n − 1 df (or z on request);
/// t = (mean − μ0)/SE with two-sided p = 2·P(T > |t|). This is what R's `t.test(x, mu = μ0)` computes
/// from raw data (Student 1908; any textbook, e.g. Armitage, Berry & Matthews 2002, section 4.2).
public enum OneArm {
    /// The mean as an output row; `ArmSummary.meanEstimate(level:reference:distribution:)` gives the typed result.
    public static func mean(_ arm: ArmSummary, level: Double = 0.95, reference: Double = 0,
                            distribution: IntervalDistribution = .t) throws(InputError) -> ResultRow {
        try compute(arm, level: level, reference: reference, distribution: distribution).resultRow
    }

    static func compute(_ arm: ArmSummary, level: Double, reference: Double,
                        distribution: IntervalDistribution) throws(InputError) -> MeanEstimate {
        guard level > 0, level < 1 else { throw InputError(.parameter("level"), "must be inside (0, 1), got \(level)") }
        guard reference.isFinite else { throw InputError(.parameter("reference"), "must be a finite number") }
        let se = arm.se
        guard se.isFinite, se > 0 else { throw InputError(.parameter("ci"), "does not give a positive finite SE") }
        let df = Double(arm.n - 1)
        let c = try SDConversions.critical(level: level, df: df, distribution: distribution)
        let stat = (arm.mean - reference) / se
        let p = twoSidedP(stat, df: distribution == .t ? df : .infinity)
        return MeanEstimate(estimate: arm.mean, se: se, interval: ConfidenceInterval(centre: arm.mean, halfWidth: c * se, level: level),
                            test: TestResult(statistic: stat, df: distribution == .t ? df : nil, pValue: p),
                            distribution: distribution, reference: reference, n: arm.n, label: arm.label)
    }
}

/// Two-sided p value 2·P(T > |t|) for t with `df` degrees of freedom (df = ∞ gives the normal).
func twoSidedP(_ t: Double, df: Double) -> Double {
    guard t.isFinite else { return t.isNaN ? .nan : 0 }
    let tail: Double
    if df.isInfinite {
        tail = Normal.standard.sf(abs(t))
    } else {
        tail = (try? StudentT(df: df))!.sf(abs(t))
    }
    return min(1, 2 * tail)
}
