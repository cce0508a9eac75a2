import Foundation
import Testing
import TSCore
import TSStudies
@testable import TSReports

/// Spot values of the shipped reports with their methods. Reference numbers come from
/// Tests/Reference/reports_reference_values.py (mpmath, 50 digits), or are exact arithmetic stated beside them.
/// Tolerance: relative 1e-12 — the t quantiles and incomplete beta ratios behind them are accurate to a few
/// ulps in TSDistributions; 1e-12 leaves room for that and still catches a wrong df, level or formula.
func close(_ x: Double?, _ reference: Double, rel: Double = 1e-12) -> Bool {
    guard let x else { return false }
    return abs(x - reference) <= rel * abs(reference)
}

enum Shipped {
    static let inputs: ReportInputs = try! ReportInputs.read(["Datasets"], base: packageRoot())
    static func report(_ id: String) -> StudyReport {
        StudyReport(study: inputs.studies.first { $0.id == id }!, references: inputs.references)
    }
    static let steffensen = report("steffensen2011")
    static let liang = report("liang2022")

    static func line(_ r: StudyReport, _ section: ReportSection, _ arm: String, _ quantity: String,
                     method: String = "") -> ReportLine? {
        r.lines.first { $0.section == section && $0.arm == arm && $0.quantity == quantity && (method.isEmpty || $0.method.contains(method)) }
    }
}

@Suite struct SteffensenReport {
    let r = Shipped.steffensen

    @Test func placeboCIFromTheArmsSizeFromTheCompanionReportMissesThePrintedLowerBound() throws {
        let lo = try #require(Shipped.line(r, .arm, "Placebo", "ci_lower"))
        #expect(close(lo.recomputed, -2.3573783707723497053))
        #expect(lo.method.contains("one-sample t, df = n − 1 = 32"))
        #expect(lo.printed?.text == "−2.3")
        #expect(lo.flag == .differs)
        // Outside [−2.35, −2.25] by 0.00738 (exact: −2.35 − recomputed).
        #expect(close(lo.beyondRounding, 2.3573783707723497053 - 2.35, rel: 1e-9))   // 1e-9: a difference of nearby numbers
        #expect(lo.detail.contains("from-elsewhere"))
        let hi = try #require(Shipped.line(r, .arm, "Placebo", "ci_upper"))
        #expect(close(hi.recomputed, -0.44262162922765029466))
        #expect(hi.flag == .matches)
        let p = try #require(Shipped.line(r, .arm, "Placebo", "p"))
        #expect(close(p.recomputed, 0.0054850806893737631666))
        #expect(p.flag == .differs)   // 0.005485 is just below 0.0055, the lower end of "0.006"
    }

    @Test func vitaminDArmPAndSDFromItsCI() throws {
        let p = try #require(Shipped.line(r, .arm, "Vitamin D3", "p"))
        #expect(close(p.recomputed, 0.13433297226468226684))
        #expect(p.flag == .differs && p.printed?.text == "p = 0.118")
        let sd = try #require(Shipped.line(r, .arm, "Vitamin D3", "sd_from_ci"))
        #expect(close(sd.recomputed, 2.6199956650773423882))
        #expect(sd.method.contains("Cochrane Handbook 6.5 §6.5.2.2"))
        let lo = try #require(Shipped.line(r, .arm, "Vitamin D3", "ci_lower"))
        #expect(close(lo.recomputed, -1.6274824505972097829))
        #expect(lo.flag == .matches)
    }

    @Test func printedDifferenceCIIsNotTheArmsStudentOrWelchCI() throws {
        let label = "Vitamin D3 − Placebo"
        let d = try #require(Shipped.line(r, .comparison, label, "difference"))
        #expect(close(d.recomputed, 0.7, rel: 1e-15))   // −0.7 − (−1.4); 1e-15: one rounding of the subtraction
        #expect(d.flag == .matches)
        let lo = try #require(Shipped.line(r, .comparison, label, "ci_lower_student"))
        #expect(close(lo.recomputed, -0.60800846805543506754))
        #expect(lo.method.contains("Student t (pooled SD"))
        #expect(lo.flag == .differs)
        let hi = try #require(Shipped.line(r, .comparison, label, "ci_upper_student"))
        #expect(close(hi.recomputed, 2.0080084680554350675))
        let p = try #require(Shipped.line(r, .comparison, label, "p_student"))
        #expect(close(p.recomputed, 0.2891916727840210085))
        #expect(try #require(Shipped.line(r, .comparison, label, "p_welch")).method.contains("Welch"))
        // The audit finds the printed CI centred on −0.6, i.e. the sign reversed.
        let centre = try #require(Shipped.line(r, .audit, label, "difference_vs_ci"))
        #expect(centre.flag == .inconsistent)
        #expect(centre.detail.contains("sign is reversed"))
    }

    @Test func twentyFiveOHDAndTheWeeklyRegimen() throws {
        let change = try #require(Shipped.line(r, .arm, "Vitamin D3", "change"))
        #expect(change.recomputed == 68)   // 123 − 55, exact
        let pc = try #require(Shipped.line(r, .arm, "Vitamin D3", "percent_change"))
        #expect(close(pc.recomputed, 100.0 * 68 / 55))   // exact arithmetic
        let daily = try #require(r.lines.first { $0.section == .regimen && $0.arm == "Vitamin D3" && $0.agent == "vitamin D3" && $0.quantity == "daily_equivalent" && $0.unit == "IU/day" })
        #expect(close(daily.recomputed, 20000.0 / 7))   // about 2,857 IU a day (Datasets/README.md, worked example)
        let total = try #require(r.lines.first { $0.section == .regimen && $0.arm == "Vitamin D3" && $0.quantity == "cumulative_dose" && $0.unit == "IU" })
        #expect(close(total.recomputed, 1_920_000))   // 96 weekly doses of 20,000 IU
        let upper = try #require(r.lines.first { $0.section == .intake && $0.arm == "Vitamin D3" && $0.quantity == "ratio_to_upper-limit" && $0.printedText == "4000 IU daily" })
        #expect(close(upper.recomputed, 20000.0 / 7 / 4000))
        #expect(upper.flag == .below)
        let text = ReportText.text(r)
        #expect(text.contains("daily equivalent 2,857 IU/day (71.43 µg/day); cumulative 1,920,000 IU (48 mg)"))
        #expect(text.contains("Companion report: Kampman MT et al."))
    }
}

@Suite struct LiangReport {
    let r = Shipped.liang

    @Test func theBoundPLessThan00001ImpliesMinimaForTheGroupSizesOnly() throws {
        let label = "Vitamin D alone vs Vitamin D with calcium"
        let chi = try #require(Shipped.line(r, .bound, label, "min_chi_square"))
        #expect(close(chi.recomputed, 18.420680743952365472))
        #expect(chi.method.contains("2x3 table"))
        #expect(chi.flag == .implied && chi.printedText == "P<0.0001")
        #expect(chi.detail.contains("Vitamin D alone 1,725, Vitamin D with calcium 1,240"))
        let v = try #require(Shipped.line(r, .bound, label, "min_cramers_v"))
        #expect(close(v.recomputed, 0.078820736573445960856))
        let d = try #require(Shipped.line(r, .bound, label, "min_risk_difference_2x2_collapse"))
        #expect(close(d.recomputed, 0.072425689373147100452))
        // Smallest over integer 2×2 collapses: 11/1240 − 0/1725 is the rare-event extreme (exact fraction).
        let rare = try #require(Shipped.line(r, .bound, label, "min_risk_difference_2x2_collapse_integer_tables"))
        #expect(close(rare.recomputed, 11.0 / 1240))
    }

    @Test func noCountIsInventedAndTheTotalAddsUp() throws {
        #expect(!r.lines.contains { $0.section == .comparison })
        #expect(!r.lines.contains { $0.quantity.hasPrefix("percent") || $0.quantity.hasPrefix("proportion") })
        let total = try #require(Shipped.line(r, .audit, "all", "total_n"))
        #expect(total.recomputed == 2965 && total.flag == .consistent)   // 1,725 + 1,240
        let text = ReportText.text(r)
        #expect(text.contains("Cramér's V = 0.079"))
        #expect(text.contains("count not printed (of 1,725)"))
    }

    @Test func intramuscularCourseAgainstTheUpperLimit() throws {
        let daily = try #require(r.lines.first { $0.section == .regimen && $0.arm == "Vitamin D alone" && $0.quantity == "daily_equivalent" && $0.unit == "IU/day" })
        // 300,000 IU every 7–10 days: 30,000 to 42,857 IU/day (exact arithmetic).
        #expect(daily.recomputed == nil)
        #expect(close(daily.range?.low, 30_000) && close(daily.range?.high, 300_000.0 / 7))
        let total = try #require(r.lines.first { $0.section == .regimen && $0.arm == "Vitamin D alone" && $0.quantity == "cumulative_dose" && $0.unit == "IU" })
        #expect(close(total.range?.low, 1_200_000) && close(total.range?.high, 1_800_000))   // 4–6 doses
        let calcium = try #require(r.lines.first { $0.section == .regimen && $0.arm == "Vitamin D with calcium" && $0.quantity == "daily_equivalent" && $0.unit == "mg/day" })
        #expect(close(calcium.range?.low, 5000.0 / 7) && close(calcium.range?.high, 1000))   // ≥5 days a week
        let upper = try #require(r.lines.first { $0.section == .intake && $0.arm == "Vitamin D alone" && $0.quantity == "ratio_to_upper-limit" })
        #expect(upper.flag == .above)
        #expect(close(upper.range?.low, 7.5) && close(upper.range?.high, 300_000.0 / 7 / 4000))
    }
}

/// de Nijs et al. 2006 (N Engl J Med 355:675), lumbar spine BMD at 18 months: arm CIs and the printed
/// difference 4.0 (2.4 to 5.5). Reference values: Tests/Reference/reports_reference_values.py.
@Suite struct DeNijsReport {
    let r = Shipped.report("denijs2006")

    @Test func deNijs2006ArmSDsFromTheirCIs() throws {
        let a = try #require(Shipped.line(r, .arm, "Alendronate", "sd_from_ci"))
        #expect(close(a.recomputed, 5.0397714786202276697))
        #expect(a.method.contains("t on 99 df"))
        let b = try #require(Shipped.line(r, .arm, "Alfacalcidol", "sd_from_ci"))
        #expect(close(b.recomputed, 6.0786410655329689542))
    }

    @Test func deNijs2006DifferenceUpperBoundMissesThePrintAndTheAuditFindsACentre395() throws {
        let up = try #require(Shipped.line(r, .comparison, "Alendronate − Alfacalcidol", "ci_upper_student"))
        #expect(close(up.recomputed, 5.553950182425049476))
        #expect(up.printed?.text == "5.5" && up.flag == .differs)
        // The audit: only a difference in [3.95, 4.0] (the printed 4.0 read as a rounded 3.95) reproduces
        // every printed digit of 4.0 (2.4 to 5.5).
        let method = try #require(Shipped.line(r, .audit, "Alendronate − Alfacalcidol", "joint"))
        #expect(method.flag == .rounding)
        #expect(close(method.range?.low, 3.95, rel: 1e-9))   // 1e-9: an endpoint found on a grid of SEs
        // Arm sizes are the numbers allocated (inferred), so the total matches study.csv randomised.
        let total = try #require(Shipped.line(r, .audit, "all", "total_n"))
        #expect(total.recomputed == 201 && total.flag == .consistent && total.method.hasSuffix("randomised"))
        #expect(ReportText.text(r).contains("Alendronate, new vertebral deformity: 3, denominator not printed"))
    }
}

/// Ushiroyama et al. 2002 (Maturitas 41:211), vertebral BMD at 24 months, vitamin K2 + D3 arm:
/// 4.92 ± 7.89 % read as mean ± SD with n 43 (randomised). Reference: reports_reference_values.py.
@Suite struct UshiroyamaReport {
    let r = Shipped.report("ushiroyama2002")

    @Test func ushiroyama2002CombinedArmCIFromMeanSDAndN() throws {
        let lo = try #require(Shipped.line(r, .arm, "Vitamin K2 and D3", "ci_lower"))
        let hi = try #require(Shipped.line(r, .arm, "Vitamin K2 and D3", "ci_upper"))
        #expect(close(lo.recomputed, 2.4918164072407527297) && close(hi.recomputed, 7.3481835927592472703))
        #expect(lo.method.contains("df = n − 1 = 42") && lo.flag == .derived)
    }
}

/// Over every shipped study: the findings are organised, nothing unchecked is silent about what it misses, and
/// the only inconsistent findings are the ones the papers' printed numbers force.
@Suite struct ShippedFindings {
    @Test func everyUncheckedNamesWhatIsMissingAndNoStudyIsAccusedWrongly() throws {
        let inputs = try ReportInputs.read(["Datasets"], base: packageRoot())
        var inconsistent: [String] = []
        for study in inputs.studies {
            let r = StudyReport(study: study, references: inputs.references)
            for l in r.lines where l.section == .audit {
                if l.flag == .unchecked { #expect(l.detail.hasPrefix("missing "), "\(r.id) \(l.quantity): \(l.detail)") }
                if l.flag == .inconsistent, l.scope == .result { inconsistent.append("\(r.id) \(l.quantity)") }
            }
        }
        // Steffensen 2011 prints the difference 0.7 with the CI −1.9 to 0.7, centred on −0.6: the CI belongs to
        // placebo − vitamin D3 (its sign is reversed). It is the one inconsistency in the shipped studies, seen
        // three ways: the estimate off its CI's centre, the CI bounds off what 0.7 and p = 0.332 imply
        // (−0.71 to 2.11 under z), and no joint fit.
        #expect(inconsistent == ["steffensen2011 difference_vs_ci", "steffensen2011 effect_ci_lower", "steffensen2011 effect_ci_upper",
                                 "steffensen2011 joint"])
    }
}

@Suite struct Jiang2014Report {
    let r = Shipped.report("jiang2014")

    /// The 2×2 fracture comparison (Menatetrenone 2/108 vs Alfacalcidol 4/105) is named from typed results:
    /// the conditional-MLE lines are `_exact` and `_mid_p` (a method text containing "noncentral" once made them
    /// `_exact_central`), Fisher's one-sided p-values are not set against the printed two-sided p, and the
    /// two-sided ones are.
    @Test func jiang2014FractureTableLinesAreNamedByMethodNotByText() throws {
        let arm = "Menatetrenone − Alfacalcidol"
        #expect(Shipped.line(r, .comparison, arm, "odds_ratio_conditional_mle_exact") != nil)
        #expect(Shipped.line(r, .comparison, arm, "odds_ratio_conditional_mle_mid_p") != nil)
        #expect(!r.lines.contains { $0.quantity.hasSuffix("_central") && $0.quantity.hasPrefix("odds_ratio") })
        let less = try #require(Shipped.line(r, .comparison, arm, "p_fisher_exact_less"))
        #expect(less.printed == nil && less.detail.contains("one-sided"))
        let minlike = try #require(Shipped.line(r, .comparison, arm, "p_fisher_exact_minlike"))
        #expect(minlike.method.hasPrefix("two-sided p, "))
        // Conditional MLE of the odds ratio: the root of E[X | θ] = 2 under the noncentral hypergeometric with
        // margins 108, 105 and 6 events, solved with mpmath at 40 digits: 0.47802207030869575929.
        let mle = try #require(Shipped.line(r, .comparison, arm, "odds_ratio_conditional_mle_exact"))
        #expect(close(mle.recomputed, 0.47802207030869575929, rel: 1e-10))
    }
}
