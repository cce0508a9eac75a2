import TSCore

/// Percent change within one group from its baseline and follow-up means.
///
/// Printed percent changes are analysed as ordinary means (`OneArm`, `TwoArmDifference`). When only
/// baseline and follow-up means are printed, the percent change of the means is
/// 100 (follow-up − baseline)/baseline; its CI needs the within-person correlation and comes from the
/// paired ratio of means (`RatioOfMeans.pairedRatio`, Lajeunesse 2011), mapped by 100 (ratio − 1).
/// Note the percent change of the means is not the mean of individual percent changes.
public enum PercentChange {
    public static func fromMeans(baseline: Double, followUp: Double) throws(InputError) -> Double {
        guard baseline != 0, baseline.isFinite else { throw InputError(.parameter("baseline"), "must be a non-zero finite number") }
        guard followUp.isFinite else { throw InputError(.parameter("follow_up"), "must be a finite number") }
        return 100 * (followUp - baseline) / baseline
    }

    /// Percent change with a delta-method CI from the paired log ratio (needs positive means and r).
    public static func fromMeans(n: Int, baseline: Double, baselineSD: Double, followUp: Double, followUpSD: Double,
                                 correlation: Double, level: Double = 0.95) throws(InputError) -> ResultRow {
        let r = try RatioOfMeans.pairedRatio(n: n, mean1: followUp, sd1: followUpSD, mean2: baseline, sd2: baselineSD,
                                             correlation: correlation, level: level)
        return ResultRow(
            quantity: "percent_change_of_means", estimate: 100 * (r.estimate - 1), se: nil,
            ciLower: r.ciLower.map { 100 * ($0 - 1) }, ciUpper: r.ciUpper.map { 100 * ($0 - 1) },
            statistic: r.statistic, pValue: r.pValue,
            method: "100 (follow-up/baseline - 1), CI from the paired log ratio of means (delta method)",
            extra: ["level": String(level)])
    }
}
