import TSLinearAlgebra
import TSModels
import TSCore

/// One certified value checked: what `trialstats certify` prints.
public struct CertificationRow: Sendable {
    public var dataset: String
    public var kind: NISTDataset.Kind
    public var statistic: String
    public var certified: Double
    public var computed: Double
    /// Log relative error (`logRelativeError`), capped at 15.
    public var lre: Double
    /// The minimum LRE `trialstats certify` requires of this value, nil where none is set (reported only).
    public var target: Double?
    public var passes: Bool { target.map { lre >= $0 } ?? true }
}

/// Recomputes every NIST StRD certified value (11 linear-regression, 11 ANOVA and 9 univariate data sets,
/// embedded in the library) with TrialStats' own code paths — `LinearModelFit` (pivoted QR + refinement),
/// `OneWayAnova`, `UnivariateSummary` — and scores each by its log relative error.
///
/// Targets: regression coefficients, their SEs and the residual SD ≥ 9 (Filip ≥ 7); ANOVA F ≥ 9;
/// univariate mean and SD ≥ 13. The other certified values are reported without a target.
public enum Certification {
    /// Names of the embedded data sets, in table order.
    public static var datasetNames: [String] { NISTEmbedded.sets.map(\.name) }

    public static func run(datasets: [String]? = nil) throws(ModelError) -> [CertificationRow] {
        var out: [CertificationRow] = []
        for set in try NISTDataset.all() where datasets.map({ $0.contains { $0.lowercased() == set.name.lowercased() } }) ?? true {
            out += try check(set)
        }
        return out
    }

    public static func check(_ set: NISTDataset) throws(ModelError) -> [CertificationRow] {
        var computed: [String: Double] = [:]
        switch set.kind {
        case .linearRegression:
            let fit = try LinearModelFit(set.regressionDesign())
            for (k, c) in fit.coefficients.enumerated() {
                computed["b\(k)"] = c.estimate
                computed["se(b\(k))"] = c.se
            }
            computed["residual_sd"] = fit.residualSD
            computed["r_squared"] = fit.rSquared
        case .anova:
            var groups: [Double: [DoubleWord]] = [:]
            var order: [Double] = []
            for r in set.rows {
                if groups[r[0].value] == nil { order.append(r[0].value) }
                groups[r[0].value, default: []].append(r[1])
            }
            let a = try OneWayAnova(groups: order.map { groups[$0]! })
            computed = ["between_df": Double(a.betweenDF), "between_ss": a.betweenSS, "between_ms": a.betweenMS,
                        "f_statistic": a.fStatistic, "within_df": Double(a.withinDF), "within_ss": a.withinSS,
                        "within_ms": a.withinMS, "r_squared": a.rSquared, "residual_sd": a.residualSD]
        case .univariate:
            let s = try UnivariateSummary(set.rows.map { $0[0] })
            computed = ["mean": s.mean, "sd": s.standardDeviation, "autocorrelation_lag1": s.autocorrelationLag1]
        }
        var rows: [CertificationRow] = []
        for c in set.certified {
            rows.append(row(set, c.name, c.value, computed[c.name] ?? .nan))
            if let sd = c.sd, set.kind == .linearRegression { rows.append(row(set, "se(\(c.name))", sd, computed["se(\(c.name))"] ?? .nan)) }
        }
        return rows
    }

    static func row(_ set: NISTDataset, _ statistic: String, _ certified: Double, _ computed: Double) -> CertificationRow {
        CertificationRow(dataset: set.name, kind: set.kind, statistic: statistic, certified: certified, computed: computed,
                         lre: logRelativeError(computed: computed, certified: certified),
                         target: target(set.kind, set.name, statistic))
    }

    /// The minimum LRE required of one value (nil: reported only).
    public static func target(_ kind: NISTDataset.Kind, _ dataset: String, _ statistic: String) -> Double? {
        switch kind {
        case .linearRegression:
            guard statistic.hasPrefix("b") || statistic.hasPrefix("se(") || statistic == "residual_sd" else { return nil }
            return dataset == "Filip" ? 7 : 9
        case .anova: return statistic == "f_statistic" ? 9 : nil
        case .univariate: return statistic == "mean" || statistic == "sd" ? 13 : nil
        }
    }
}
