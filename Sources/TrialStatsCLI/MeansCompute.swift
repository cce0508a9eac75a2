import ArgumentParser
import Foundation
import TrialStatsKit

/// What `trialstats means` computes, shared by the flag mode and the `--data` batch mode.
struct MeansSettings {
    var level = 0.95
    var test: TwoArmTest = .welch
    var reference = 0.0
    var interval: IntervalDistribution = .t
    var ciLevel = 0.95
    var ciDistribution: IntervalDistribution = .t
    var effects = false
    var smdVariance: StandardizedMeanDifference.Variance = .LS
}

/// The spread fields of one arm as given (any may be missing).
struct ArmInput {
    var n: Int
    var mean: Double
    var sd: Double?
    var se: Double?
    var ciLower: Double?
    var ciUpper: Double?
    var label: String?
}

enum MeansCompute {
    /// Builds an arm; errors keep the library's parameter names (`n`, `sd`, `se`, `ci`, `level`, `mean`).
    static func arm(_ a: ArmInput, settings: MeansSettings) throws(InputError) -> ArmSummary {
        let given = [a.sd != nil, a.se != nil, a.ciLower != nil || a.ciUpper != nil].filter { $0 }.count
        guard given == 1 else {
            throw InputError(given == 0 ? "sd" : "se", given == 0
                ? "give one of SD, SE or CI for each arm"
                : "give only one of SD, SE or CI per arm")
        }
        let spread: Spread
        if let sd = a.sd { spread = .sd(sd) }
        else if let se = a.se { spread = .se(se) }
        else {
            guard let lo = a.ciLower, let hi = a.ciUpper else { throw InputError("ci", "needs both a lower and an upper bound") }
            spread = .ci(lower: lo, upper: hi, level: settings.ciLevel, distribution: settings.ciDistribution)
        }
        return try ArmSummary(n: a.n, mean: a.mean, spread: spread, label: a.label)
    }

    /// One arm: its mean; two arms: each arm's mean, the difference and, with `effects`, the ratio of
    /// means and the standardized differences (normal and exact CIs).
    static func rows(_ arms: [ArmSummary], settings s: MeansSettings, armRows: Bool = true) throws(InputError) -> [ResultRow] {
        var rows: [ResultRow] = []
        if arms.count == 1 || armRows {
            for a in arms { rows.append(try a.meanEstimate(level: s.level, reference: arms.count == 1 ? s.reference : 0, distribution: s.interval).resultRow) }
        }
        guard arms.count == 2 else { return rows }
        let (a, b) = (arms[0], arms[1])
        rows.append(try a.difference(b, test: s.test, level: s.level, null: s.reference).resultRow)
        if s.effects {
            if a.mean > 0, b.mean > 0 { rows.append(try RatioOfMeans.ratio(a, b, level: s.level)) }
            for kind in StandardizedMeanDifference.Kind.allCases {
                rows.append(try StandardizedMeanDifference.normalCI(kind, a, b, level: s.level, variance: s.smdVariance))
                rows.append(try StandardizedMeanDifference.exactCI(kind, a, b, level: s.level))
            }
        }
        return rows
    }
}
