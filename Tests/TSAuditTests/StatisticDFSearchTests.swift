import Testing
@testable import TSAudit
import TSCore

/// Tests printed without df. Cases from statcheck's test suite (Nuijten & Epskamp, R package statcheck,
/// tests/testthat: test-compute-pvalues.R, test-error.R, test-extract-chi2-tests.R, test-extract-F-tests.R,
/// test-decisionerror.R) with the df removed; the df sets were found by brute force over every df
/// (Tests/Reference/comparison_alone_mpmath.py, scipy 1.17).
@Suite struct StatisticDFSearchTests {
    func test(_ kind: PrintedTest.Kind, _ stat: String, df1: Double? = nil, df2: Double? = nil, p: String) -> AuditRow {
        StatisticVsP.check(PrintedTest(kind: kind, statistic: try! PrintedInterval(stat), df1: df1, df2: df2,
                                       p: try! PrintedInterval(p, domain: 0...1)))
    }

    @Test func statcheckComputePValuesTWithoutDF() {
        // "t(28) = 2.20, p = .03" (test-compute-pvalues.R): without df, df 32–100000 and z reproduce
        // (p(2.195, 32) = 0.0351 ≤ .035); at z the printed 2.20 gives p = 0.0278: consistent.
        let r = test(.t, "2.20", p: ".03")
        #expect(r.verdict == .consistent)
        #expect(r.detail.hasPrefix("df 32–100000 and ∞ (z) reproduce"))
        #expect(r.method.contains("df searched"))
    }

    @Test func statcheckErrorTCorrectWithoutDF() {
        // "t(28) = 2.20, p = .036" (test-error.R, not an error): df 27–32 reproduce, 28 among them.
        let r = test(.t, "2.20", p: ".036")
        #expect(r.verdict == .consistent)
        #expect(r.detail.hasPrefix("df 27–32 reproduce"))
    }

    @Test func statcheckDecisionErrorTWithoutDF() {
        // "t(28) = 1.20, p = .03" (test-decisionerror.R): no df reproduces, since p(1.205) is 0.228 at z and
        // larger at every finite df.
        let r = test(.t, "1.20", p: ".03")
        #expect(r.verdict.miss != nil)
        #expect(r.detail.contains("outside the p range over every df"))
        #expect(r.recomputed!.lower > 0.22 && r.recomputed!.upper > 0.4)
    }

    @Test func statcheckDecisionErrorChi2WithoutDF() {
        // "chi2(28) = 2.20, p = .03": p is smallest at df 1 (0.134 at 2.205), above .035: no df.
        let r = test(.chi2, "2.20", p: ".03")
        #expect(r.verdict.miss != nil && r.detail.contains("outside"))
        #expect(abs(r.recomputed!.lower - 0.1377) < 1e-3)
    }

    @Test func statcheckComputePValuesChi2Gap() {
        // "chi2(28) = 22.20, p = .79" (test-compute-pvalues.R computes 0.773 at df 28, an error in test-error.R):
        // p jumps from 0.773 (df 28) to 0.807 (df 29), past [.785, .795]: no df, with the gap named.
        let r = test(.chi2, "22.20", p: ".79")
        #expect(r.verdict.miss != nil)
        #expect(r.detail.contains("between df 28 and 29"))
    }

    @Test func statcheckExtractChi2DFVariants() {
        // test-extract-chi2-tests.R: "chi2(1, n = 81) = 3.25, p = 0.07" and "chi2(1, N = 11,455) = 16.78, p <.001".
        let a = test(.chi2, "3.25", p: "0.07")
        #expect(a.verdict == .consistent && a.detail == "df 1 reproduces")
        let b = test(.chi2, "16.78", p: "<.001")
        #expect(b.verdict == .consistent && b.detail == "df 1–3 reproduce")
        // With the df printed, the ordinary check is unchanged.
        #expect(test(.chi2, "3.25", df1: 1, p: "0.07").method == "chi2 upper tail df 1")
    }

    @Test func chi2WithoutDFExample() {
        // "chi2 = 7.81, p = 0.050": the 95% point of χ²(3) is 7.815; only df 3 reproduces.
        let r = test(.chi2, "7.81", p: "0.050")
        #expect(r.verdict.reproduces && r.detail.hasPrefix("df 3 reproduces"))
    }

    @Test func statcheckComputePValuesFWithoutDF2() {
        // "F(2, 28) = 2.20, p = .15" (test-compute-pvalues.R computes 0.129 at df2 28): with df2 dropped,
        // df2 12–15 reproduce.
        let r = test(.F, "2.20", df1: 2, p: ".15")
        #expect(r.verdict.reproduces)
        #expect(r.detail.hasPrefix("df (2, 12–15) reproduce"))
        // Both df dropped: df1 = 2 gives the same df2.
        let both = test(.F, "2.20", p: ".15")
        #expect(both.verdict.reproduces && both.detail.contains("(2, 12–15)"))
    }

    @Test func statcheckCorrelationWithoutDF() {
        // "r(28) = .22, p = .26" (test-compute-pvalues.R; an error in test-error.R: p = 0.243 at df 28).
        // Without df, df 25–27 reproduce (scipy brute force: at df 28 the box gives 0.232 to 0.254 < .255).
        let r = test(.r, ".22", p: ".26")
        #expect(r.verdict == .consistent)
        #expect(r.detail.hasPrefix("df 25–27 reproduce"))
        #expect(test(.r, ".22", df1: 28, p: ".26").verdict.miss != nil)
    }

    @Test func oneSidedIsNamedWhenOnlyItReproduces() {
        // "t(28) = 2.20, p = .018, one-sided" (test-error.R) without df: two-sided needs p ≥ 0.0278.
        let r = test(.t, "2.20", p: ".018")
        #expect(r.verdict.miss != nil && r.detail.contains("one-sided"))
    }

    @Test func zNeedsNoSearch() {
        #expect(test(.z, "2.20", p: ".06").verdict.miss != nil)
        #expect(!test(.z, "2.20", p: ".06").method.contains("searched"))
    }
}
