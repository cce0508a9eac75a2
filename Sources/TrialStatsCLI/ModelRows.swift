import Foundation
import TrialStatsKit

/// Turns model fits into result rows: terms, arm comparisons, fit statistics.
enum ModelRows {
    static let olsMethod = "OLS by pivoted QR (LAPACK dgeqp3) with iterative refinement where the condition estimate requires it; t on residual df"

    static func gaussian(_ frame: ModelFrame.Result, level: Double) throws -> [ResultRow] {
        let a = try Ancova(frame, level: level)
        let fit = a.adjustedFit
        let lv = String(format: "%g", level)
        var rows = fit.coefficients.map { c in
            ResultRow(quantity: "coefficient", estimate: c.estimate, se: c.se, ciLower: c.ciLower, ciUpper: c.ciUpper,
                      statistic: c.tStatistic, df: Double(fit.residualDF), pValue: c.pValue, method: olsMethod,
                      extra: ["term": c.name, "label": c.name, "level": lv])
        }
        for d in a.differences {
            for (q, c, f, how) in [("adjusted_difference", d.adjusted, fit, "ANCOVA: arm coefficient adjusted for covariates"),
                                   ("unadjusted_difference", d.unadjusted, a.unadjustedFit, "arm coefficient of outcome ~ arm, same rows")] {
                rows.append(ResultRow(quantity: q, estimate: c.estimate, se: c.se, ciLower: c.ciLower, ciUpper: c.ciUpper,
                                      statistic: c.tStatistic, df: Double(f.residualDF), pValue: c.pValue, method: how,
                                      extra: ["arm": d.label, "level": lv]))
            }
        }
        rows.append(ResultRow(quantity: "residual_sd", estimate: fit.residualSD, df: Double(fit.residualDF), method: "sqrt(RSS / (n - rank))"))
        rows.append(ResultRow(quantity: "r_squared", estimate: fit.rSquared, method: "1 - RSS/TSS",
                              extra: ["adjusted_r_squared": NumberFormat.full(fit.adjustedRSquared)]))
        rows.append(ResultRow(quantity: "f_statistic", estimate: fit.fStatistic, statistic: fit.fStatistic, df: Double(fit.fDF1),
                              pValue: fit.pValueF, method: "overall F test of all terms",
                              extra: ["df2": String(fit.residualDF)]))
        return rows
    }

    static func binomial(_ frame: ModelFrame.Result, level: Double, profile: Bool) throws -> [ResultRow] {
        let fit = try LogisticRegressionFit(frame.design, level: level, profile: profile)
        let unadjusted = try LogisticRegressionFit(frame.design.leadingTerms(1), level: level, profile: profile)
        let lv = String(format: "%g", level)
        let method = "logistic regression by IRLS on pivoted QR; Wald z" + (profile ? "; odds-ratio CI by profile likelihood" : "")
        var rows = fit.coefficients.map { c in
            ResultRow(quantity: "coefficient", estimate: c.estimate, se: c.se, ciLower: c.waldLower, ciUpper: c.waldUpper,
                      statistic: c.zStatistic, pValue: c.pValue, method: method,
                      extra: ["term": c.name, "label": c.name, "level": lv, "odds_ratio": NumberFormat.full(c.oddsRatio),
                              "or_profile_lower": NumberFormat.full(exp(c.profileLower)),
                              "or_profile_upper": NumberFormat.full(exp(c.profileUpper))])
        }
        for (level0, column) in zip(frame.armLevels.dropFirst(), frame.armColumnNames) {
            let label = "\(level0) vs \(frame.armLevels[0])"
            for (q, f) in [("adjusted_odds_ratio", fit), ("unadjusted_odds_ratio", unadjusted)] {
                guard let c = f.coefficient(column) else { continue }
                let (lo, hi) = profile ? (c.profileLower, c.profileUpper) : (c.waldLower, c.waldUpper)
                rows.append(ResultRow(quantity: q, estimate: c.oddsRatio, se: c.se, ciLower: exp(lo), ciUpper: exp(hi),
                                      statistic: c.zStatistic, pValue: c.pValue,
                                      method: profile ? "exp(coefficient); profile-likelihood CI; Wald p" : "exp(coefficient); Wald CI and p",
                                      extra: ["arm": label, "level": lv]))
            }
        }
        rows.append(ResultRow(quantity: "deviance", estimate: fit.deviance, df: Double(frame.design.rows - frame.design.x.columns),
                              method: "-2 log likelihood"))
        rows.append(ResultRow(quantity: "null_deviance", estimate: fit.nullDeviance, df: Double(frame.design.rows - 1),
                              method: "intercept-only model"))
        rows.append(ResultRow(quantity: "aic", estimate: fit.aic, method: "deviance + 2 × coefficients"))
        return rows
    }
}
