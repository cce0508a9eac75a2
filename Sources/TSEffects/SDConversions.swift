import TSCore
import TSDistributions

/// Recovering standard deviations from what papers print.
///
/// Source: Higgins JPT et al. (eds), Cochrane Handbook for Systematic Reviews of Interventions,
/// version 6.5 (2024), chapter 6, section 6.5.2 ("Extracting estimates of the means and SDs").
public enum SDConversions {
    /// SD = SE × √n (Handbook 6.5.2.2).
    public static func sdFromSE(_ se: Double, n: Int) -> Double { se * Double(n).squareRoot() }

    /// The two-sided critical value for `level`: t with `df` degrees of freedom, or z.
    public static func critical(level: Double, df: Double, distribution: IntervalDistribution) throws(InputError) -> Double {
        guard level > 0, level < 1 else { throw InputError(.parameter("level"), "must be inside (0, 1), got \(level)") }
        let tail = (1 - level) / 2
        do {
            switch distribution {
            case .z: return Normal.standard.inverseSF(tail)
            case .t: return try StudentT(df: df).inverseSF(tail)
            }
        } catch { throw InputError(.parameter("df"), error.description) }
    }

    /// SD of one arm from the CI of its mean (Handbook 6.5.2.2): SD = √n (upper − lower) / (2 c),
    /// c the two-sided critical value of t with n − 1 df ("for small samples", the Handbook's advice
    /// below n ≈ 60) or of z (the Handbook's 3.92 for 95%).
    public static func sdFromCI(lower: Double, upper: Double, n: Int, level: Double = 0.95,
                                distribution: IntervalDistribution = .t) throws(InputError) -> Double {
        guard n >= 2 else { throw InputError(.parameter("n"), "needs at least 2, got \(n)") }
        guard lower < upper else { throw InputError(.parameter("ci"), "lower bound \(lower) is not below upper bound \(upper)") }
        let c = try critical(level: level, df: Double(n - 1), distribution: distribution)
        return Double(n).squareRoot() * (upper - lower) / (2 * c)
    }

    /// Within-group (pooled) SD from the CI of a difference in means (Handbook 6.5.2.3):
    /// SE = (upper − lower)/(2 c) with c from t on n1 + n2 − 2 df (or z), SD = SE / √(1/n1 + 1/n2).
    public static func pooledSDFromDifferenceCI(lower: Double, upper: Double, n1: Int, n2: Int, level: Double = 0.95,
                                                distribution: IntervalDistribution = .t) throws(InputError) -> Double {
        guard n1 >= 2, n2 >= 2 else { throw InputError(.parameter("n"), "needs at least 2 per arm") }
        guard lower < upper else { throw InputError(.parameter("ci"), "lower bound \(lower) is not below upper bound \(upper)") }
        let c = try critical(level: level, df: Double(n1 + n2 - 2), distribution: distribution)
        return (upper - lower) / (2 * c) / (1 / Double(n1) + 1 / Double(n2)).squareRoot()
    }

    /// Pooled SD from a two-sample t statistic and the difference it tests (Handbook 6.5.2.3):
    /// SE = difference / t, SD = SE / √(1/n1 + 1/n2).
    public static func pooledSDFromT(_ t: Double, difference: Double, n1: Int, n2: Int) throws(InputError) -> Double {
        guard t != 0, t.isFinite else { throw InputError(.parameter("t"), "must be a finite non-zero number") }
        guard n1 >= 2, n2 >= 2 else { throw InputError(.parameter("n"), "needs at least 2 per arm") }
        return abs(difference / t) / (1 / Double(n1) + 1 / Double(n2)).squareRoot()
    }

    /// Pooled SD from a two-sided p value of a two-sample t test (Handbook 6.5.2.3): |t| is the
    /// upper p/2 quantile of t with n1 + n2 − 2 df (or z), then `pooledSDFromT`.
    public static func pooledSDFromP(_ p: Double, difference: Double, n1: Int, n2: Int,
                                     distribution: IntervalDistribution = .t) throws(InputError) -> Double {
        guard p > 0, p < 1 else { throw InputError(.parameter("p"), "must be inside (0, 1), got \(p)") }
        let t = try critical(level: 1 - p, df: Double(n1 + n2 - 2), distribution: distribution)
        return try pooledSDFromT(t, difference: difference, n1: n1, n2: n2)
    }

    /// One-arm SD from a one-sample t statistic: SD = √n |mean / t|.
    public static func sdFromOneSampleT(_ t: Double, mean: Double, n: Int) throws(InputError) -> Double {
        guard t != 0, t.isFinite else { throw InputError(.parameter("t"), "must be a finite non-zero number") }
        return Double(n).squareRoot() * abs(mean / t)
    }

    /// One-arm SD from the two-sided p value of a one-sample t test against 0 (df = n − 1).
    public static func sdFromOneSampleP(_ p: Double, mean: Double, n: Int,
                                        distribution: IntervalDistribution = .t) throws(InputError) -> Double {
        guard p > 0, p < 1 else { throw InputError(.parameter("p"), "must be inside (0, 1), got \(p)") }
        let t = try critical(level: 1 - p, df: Double(n - 1), distribution: distribution)
        return try sdFromOneSampleT(t, mean: mean, n: n)
    }
}
