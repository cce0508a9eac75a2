import Foundation
import Testing
import TSCore
@testable import TSModels
import TSTestSupport

/// R's values from Tests/Reference/models_r.R (Tests/Fixtures/models_r.csv): model → quantity → term → value.
enum RReference {
    static let loaded = Result { () throws -> [String: [String: [String: Double]]] in
        var out: [String: [String: [String: Double]]] = [:]
        for line in try Fixtures.lines("models_r.csv", fields: 4) {
            let (model, quantity, term) = (try line.string(0), try line.string(1), try line.string(2))
            guard out[model]?[quantity]?[term] == nil else { throw FixtureError(line.location, "\(model) \(quantity) \(term) given twice") }
            out[model, default: [:]][quantity, default: [:]][term] = try line.double(3)
        }
        return out
    }
    /// R's values; throws (naming the file and line) when the fixture is missing or a value is not a number.
    static var values: [String: [String: [String: Double]]] { get throws { try loaded.get() } }

    static func frame(_ name: String, outcome: String, arm: String, covariates: [String], family: ModelFamily = .gaussian) throws -> ModelFrame.Result {
        let text = try Fixtures.text("models_data_\(name).csv")
        return try ModelFrame(csv: text, name: name).design(outcome: outcome, arm: arm, covariates: covariates, family: family)
    }
}

/// Relative error, absolute at a reference of 0 (`Tolerance.mixedError`; a NaN never passes).
func relErr(_ a: Double, _ b: Double) -> Double { Tolerance.mixedError(a, b) }

@Suite struct ReferenceR {
    /// lm on ToothGrowth (len ~ supp + dose), warpbreaks (breaks ~ wool + tension) and the unadjusted
    /// ToothGrowth model: estimates, SEs, t, CIs, residual SD, R², F and sequential ANOVA agree with R to
    /// 1e-12 relative (both are backward-stable QR solutions of well-conditioned problems; R's lm is one QR solve
    /// without refinement, so agreement is limited by R's rounding, about κ·u ≈ 1e-14 here).
    @Test(arguments: [("toothgrowth_adjusted", "toothgrowth", "len", "supp", ["dose"], 1),
                      ("warpbreaks", "warpbreaks", "breaks", "wool", ["tension"], 1),
                      ("toothgrowth_unadjusted", "toothgrowth", "len", "supp", ["dose"], 0)])
    func linearModelsAgreeWithLm(_ model: String, _ data: String, _ y: String, _ arm: String, _ cov: [String], _ adjusted: Int) throws {
        let frame = try RReference.frame(data, outcome: y, arm: arm, covariates: cov)
        let design = adjusted == 1 ? frame.design : frame.design.leadingTerms(1)
        let fit = try LinearModelFit(design)
        let r = try #require(try RReference.values[model])
        for c in fit.coefficients {
            #expect(relErr(c.estimate, r["estimate"]![c.name]!) < 1e-12, "\(model) \(c.name)")
            #expect(relErr(c.se, r["se"]![c.name]!) < 1e-12)
            #expect(relErr(c.tStatistic, r["t"]![c.name]!) < 1e-12)
            #expect(relErr(c.ciLower, r["ci_lower"]![c.name]!) < 1e-12)
            #expect(relErr(c.ciUpper, r["ci_upper"]![c.name]!) < 1e-12)
            // p-values pass through the t distribution: 1e-9 relative (TSDistributions' accuracy budget).
            #expect(relErr(c.pValue, r["p"]![c.name]!) < 1e-9)
        }
        #expect(relErr(fit.residualSD, r["residual_sd"]![""]!) < 1e-12)
        #expect(relErr(fit.rSquared, r["r_squared"]![""]!) < 1e-12)
        #expect(relErr(fit.adjustedRSquared, r["adj_r_squared"]![""]!) < 1e-12)
        #expect(relErr(fit.fStatistic, r["f"]![""]!) < 1e-12)
        #expect(relErr(fit.pValueF, r["f_p"]![""]!) < 1e-9)
        for row in try fit.anova().rows {
            #expect(relErr(row.sumOfSquares, r["anova_ss"]![row.source]!) < 1e-11, "\(model) anova \(row.source)")
        }
    }

    /// glm(binomial) on infert (case ~ education + spontaneous + induced, and case ~ education), R run with
    /// epsilon 1e-14: estimates, SEs and Wald limits to 1e-9 relative (both iterate to convergence; the residual
    /// difference is the IRLS stopping point), deviance and AIC to 1e-12, profile-likelihood limits (R: uniroot on
    /// the profile deviance, tol 1e-13) to 1e-8.
    @Test(arguments: [("infert_adjusted", ["spontaneous", "induced"], 1), ("infert_unadjusted", ["spontaneous", "induced"], 0)])
    func logisticAgreesWithGlm(_ model: String, _ cov: [String], _ adjusted: Int) throws {
        let frame = try RReference.frame("infert", outcome: "case", arm: "education", covariates: cov, family: .binomial)
        let design = adjusted == 1 ? frame.design : frame.design.leadingTerms(1)
        let fit = try LogisticRegressionFit(design)
        let r = try #require(try RReference.values[model])
        for c in fit.coefficients {
            let scale = abs(r["estimate"]![c.name]!) < 0.1 ? r["se"]![c.name]! : r["estimate"]![c.name]!
            #expect(abs(c.estimate - r["estimate"]![c.name]!) / abs(scale) < 1e-9, "\(model) \(c.name)")
            #expect(relErr(c.se, r["se"]![c.name]!) < 1e-9)
            #expect(relErr(c.waldLower, r["wald_lower"]![c.name]!) < 1e-9)
            #expect(relErr(c.waldUpper, r["wald_upper"]![c.name]!) < 1e-9)
            #expect(relErr(c.profileLower, r["profile_lower"]![c.name]!) < 1e-8, "\(model) \(c.name) profile lower \(c.profileLower)")
            #expect(relErr(c.profileUpper, r["profile_upper"]![c.name]!) < 1e-8, "\(model) \(c.name) profile upper \(c.profileUpper)")
        }
        #expect(relErr(fit.deviance, r["deviance"]![""]!) < 1e-12)
        #expect(relErr(fit.nullDeviance, r["null_deviance"]![""]!) < 1e-12)
        #expect(relErr(fit.aic, r["aic"]![""]!) < 1e-12)
    }

    /// ANCOVA on ToothGrowth: the adjusted supplement difference (VC − OJ) is lm(len ~ supp + dose)'s coefficient,
    /// the unadjusted one lm(len ~ supp)'s, on the same rows.
    @Test func ancovaReportsAdjustedAndUnadjusted() throws {
        let a = try Ancova(try RReference.frame("toothgrowth", outcome: "len", arm: "supp", covariates: ["dose"]))
        #expect(a.differences.count == 1 && a.differences[0].label == "VC vs OJ")
        #expect(relErr(a.differences[0].adjusted.se, (try RReference.values)["toothgrowth_adjusted"]!["se"]!["suppVC"]!) < 1e-12)
        #expect(relErr(a.differences[0].unadjusted.se, (try RReference.values)["toothgrowth_unadjusted"]!["se"]!["suppVC"]!) < 1e-12)
    }
}
