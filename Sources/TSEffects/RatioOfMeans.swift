import RealModule
import TSCore
import TSDistributions

/// Ratio of means, first arm over second, analysed on the log scale (the "response ratio").
///
/// log ROM = ln(m1/m2). Variance by the delta method (Hedges, Gurevitch & Curtis 1999, Ecology 80:1150, eq. 1;
/// metafor `escalc(measure = "ROM")`):
///   vtype `.unpooled` (metafor "LS"): s1²/(n1 m1²) + s2²/(n2 m2²);
///   vtype `.pooled` (metafor "HO"):   s_p²/(n1 m1²) + s_p²/(n2 m2²).
/// CI = exp(log ROM ± z·SE); z test of log ROM = 0. Both means must be positive.
public enum RatioOfMeans {
    public enum Variance: String, Sendable, CaseIterable { case unpooled, pooled }

    public static func ratio(_ a: ArmSummary, _ b: ArmSummary, level: Double = 0.95,
                             variance: Variance = .unpooled) throws(InputError) -> ResultRow {
        guard a.mean > 0, b.mean > 0 else {
            throw InputError(.parameter("mean"), "a ratio of means needs both means > 0 (got \(a.mean) and \(b.mean))")
        }
        let n1 = Double(a.n), n2 = Double(b.n)
        let s1: Double, s2: Double
        switch variance {
        case .unpooled: (s1, s2) = (a.sd, b.sd)
        case .pooled: let sp = TwoArmDifference.pooledSD(a, b); (s1, s2) = (sp, sp)
        }
        let v = s1 * s1 / (n1 * a.mean * a.mean) + s2 * s2 / (n2 * b.mean * b.mean)
        return try logScaleRow(quantity: "ratio_of_means", logEstimate: Double.log(a.mean / b.mean), variance: v,
                               level: level,
                               method: "log ratio of means, delta-method SE (\(variance == .unpooled ? "unpooled SDs" : "pooled SD")), z CI exponentiated")
    }

    /// Paired (before/after in one group) ratio of means, e.g. follow-up over baseline (metafor "ROMC";
    /// Lajeunesse 2011, Ecology 92:2049, eq. 12): var = s1²/(n m1²) + s2²/(n m2²) − 2 r s1 s2/(n m1 m2).
    public static func pairedRatio(n: Int, mean1: Double, sd1: Double, mean2: Double, sd2: Double,
                                   correlation r: Double, level: Double = 0.95) throws(InputError) -> ResultRow {
        guard n >= 2 else { throw InputError(.parameter("n"), "needs at least 2, got \(n)") }
        guard mean1 > 0, mean2 > 0 else { throw InputError(.parameter("mean"), "a ratio of means needs both means > 0") }
        guard sd1 > 0, sd2 > 0 else { throw InputError(.parameter("sd"), "must be > 0") }
        guard r >= -1, r <= 1 else { throw InputError(.parameter("correlation"), "must be within [−1, 1], got \(r)") }
        let nn = Double(n)
        let v = sd1 * sd1 / (nn * mean1 * mean1) + sd2 * sd2 / (nn * mean2 * mean2) - 2 * r * sd1 * sd2 / (mean1 * mean2 * nn)
        return try logScaleRow(quantity: "paired_ratio_of_means", logEstimate: Double.log(mean1 / mean2), variance: v,
                               level: level, method: "log ratio of paired means, delta-method SE with correlation, z CI exponentiated")
    }

    static func logScaleRow(quantity: String, logEstimate: Double, variance v: Double, level: Double,
                            method: String) throws(InputError) -> ResultRow {
        guard v > 0, v.isFinite else { throw InputError(.parameter("sd"), "gives a non-positive variance of the log ratio") }
        let se = v.squareRoot()
        let z = try SDConversions.critical(level: level, df: .infinity, distribution: .z)
        let stat = logEstimate / se
        return ResultRow(
            quantity: quantity, estimate: Double.exp(logEstimate), se: se,
            ciLower: Double.exp(logEstimate - z * se), ciUpper: Double.exp(logEstimate + z * se),
            statistic: stat, pValue: twoSidedP(stat, df: .infinity), method: method,
            extra: ["level": String(level), "log_estimate": NumberFormat.full(logEstimate)])
    }
}
