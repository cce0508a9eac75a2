import Testing
@testable import TSAudit
import TSCore

/// Test statistics against their p, with the statistic's own rounding. Cases from statcheck's test suite
/// (Nuijten & Epskamp, R package statcheck, tests/testthat/test-decisionerror.R, test-error.R, test-statcheck.R).
@Suite struct StatcheckExamples {
    func test(_ kind: PrintedTest.Kind, _ stat: String, df1: Double? = nil, df2: Double? = nil, p: String) -> AuditRow {
        StatisticVsP.check(PrintedTest(kind: kind, statistic: try! PrintedInterval(stat), df1: df1, df2: df2,
                                       p: try! PrintedInterval(p, domain: 0...1)))
    }

    @Test func statcheckDecisionErrors() {
        // "t(28) = 2.20, p = .06": recomputed p 0.036 — a decision error in statcheck.
        let a = test(.t, "2.20", df1: 28, p: ".06")
        #expect(a.verdict.miss != nil && a.recomputed!.upper < 0.05)
        // "t(28) = 1.20, p = .03", "z = 2.20, p = .06", "chi2(28) = 52.20, p = .06", "F(2, 28) = 2.20, p = .03".
        #expect(test(.t, "1.20", df1: 28, p: ".03").verdict.miss != nil)
        #expect(test(.z, "2.20", p: ".06").verdict.miss != nil)
        #expect(test(.chi2, "52.20", df1: 28, p: ".06").verdict.miss != nil)
        #expect(test(.F, "2.20", df1: 2, df2: 28, p: ".03").verdict.miss != nil)
    }

    @Test func statcheckErrorT48() {
        // "t(48) = 1.02, p < .05": an error (p ≈ 0.31).
        #expect(test(.t, "1.02", df1: 48, p: "< .05").verdict.miss != nil)
    }

    @Test func statcheckOneTailed() {
        // "t(48) = 1.82, p < .05": inconsistent two-sided (p ≈ 0.075), consistent one-sided (p ≈ 0.037).
        let r = test(.t, "1.82", df1: 48, p: "< .05")
        #expect(r.verdict.miss != nil && r.detail.contains("one-sided"))
    }

    @Test func statcheckF45() {
        // "F(2,45) = 5.81, p = .03": error (p ≈ 0.0057).
        let r = test(.F, "5.81", df1: 2, df2: 45, p: ".03")
        #expect(r.verdict.miss != nil && abs(r.nominal! - 0.0057) < 1e-4)   // 1e-4: p printed to 2 significant digits here
    }

    @Test func roundedStatisticWidensTheRange() {
        // "t(100) = 1, p = 0.3" (statcheck test-statcheck.R): p(1) = 0.3197 prints 0.3; the integer statistic
        // stands for [0.5, 1.5], so the recomputed p range is wide.
        let r = test(.t, "1", df1: 100, p: "0.3")
        #expect(r.verdict == .consistent)
        #expect(r.recomputed!.lower < 0.14 && r.recomputed!.upper > 0.61)
        // p = 0.20 is reached only through the statistic's rounding (|t| ≈ 1.29): rounding.
        #expect(test(.t, "1", df1: 100, p: "0.20").verdict == .rounding)
    }
}
