import Testing
@testable import TSAudit
import TSCore

/// The verdict engine's rules: a printed number is inconsistent only when a method had all its inputs and no
/// plausible method reproduces it; what cannot be checked says what is missing; ties are decided in decimal.
@Suite struct VerdictEngine {
    static func p(_ s: String, _ domain: ClosedRange<Double> = -Double.infinity...Double.infinity) -> PrintedInterval {
        try! PrintedInterval(s, domain: domain)
    }

    @Test func meanAndSDAloneLeaveHiddenArmSizesUnchecked() {
        // Means 1.2 and 0.4 with SDs 2.1 and 2.4, total 120: nothing constrains the split.
        let a = PrintedArm(label: "A", mean: Self.p("1.2"), sd: Self.p("2.1"))
        let b = PrintedArm(label: "B", mean: Self.p("0.4"), sd: Self.p("2.4"))
        let rows = Audit.run(PrintedStudy(arms: [a, b], totalN: 120))
        let sizes = rows.filter { $0.check == "n" }
        #expect(sizes.count == 2)
        for r in sizes {
            guard case .unchecked(let what) = r.verdict else { Issue.record("expected unchecked, got \(r.verdict)"); continue }
            #expect(what.contains("CI or p"))
        }
    }

    @Test func comparisonWithoutArmSpreadIsNeverInconsistent() {
        // Means 2.10 and 1.30, n 60 and 58, difference CI 0.15 to 1.45 and p 0.016: no arm SD, so the arm-based
        // checks are unchecked and the joint search, which needs the arms' spread, says so too.
        let a = PrintedArm(label: "A", n: 60, mean: Self.p("2.10"))
        let b = PrintedArm(label: "B", n: 58, mean: Self.p("1.30"))
        let c = PrintedComparison(ciLower: Self.p("0.15"), ciUpper: Self.p("1.45"), p: Self.p("0.016", 0...1))
        let rows = Audit.run(PrintedStudy(arms: [a, b], comparison: c))
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.verdict.miss == nil })
        #expect(rows.filter { $0.scope == .result }.allSatisfy { r in
            if case .unchecked(let w) = r.verdict { return !w.isEmpty } else { return true }
        })
    }

    @Test func ciCentreTieIsDecidedInDecimal() throws {
        // (2.1 + 3.0)/2 is exactly 2.55, which half-up and half-even both print as 2.6 (in binary it is
        // 2.5499999999999998, which would print as 2.5).
        let six = try #require(CIChecks.centre(PrintedArm(label: "a", mean: Self.p("2.6"), ciLower: Self.p("2.1"), ciUpper: Self.p("3.0"))).first)
        #expect(six.verdict == .consistent)
        let five = try #require(CIChecks.centre(PrintedArm(label: "a", mean: Self.p("2.5"), ciLower: Self.p("2.1"), ciUpper: Self.p("3.0"))).first)
        #expect(five.verdict == .rounding)
        // A negative tie: (−2.1 + −3.0)/2 = −2.55 prints as −2.6 (half away from zero; half-even: 6 is even).
        let neg = try #require(CIChecks.centre(PrintedArm(label: "a", mean: Self.p("−2.6"), ciLower: Self.p("−3.0"), ciUpper: Self.p("−2.1"))).first)
        #expect(neg.verdict == .consistent)
        // A geometric mean 2.0 with its CI 1.0 to 4.0 computed on logs: off the arithmetic centre 2.5, on √(1·4).
        let geo = Finding.result(CIChecks.centre(PrintedArm(label: "a", mean: Self.p("2.0"), ciLower: Self.p("1.0"), ciUpper: Self.p("4.0"))))
        #expect(geo.verdict == .consistent && geo.alternativeReading && geo.method.contains("log scale"))
    }

    @Test func welchStaysInTheMethodListWhenPIsABound() throws {
        let a = PrintedArm(label: "A", n: 40, mean: Self.p("5.2"), sd: Self.p("1.1"))
        let b = PrintedArm(label: "B", n: 38, mean: Self.p("3.9"), sd: Self.p("1.3"))
        let c = PrintedComparison(estimate: Self.p("1.3"), ciLower: Self.p("0.75"), ciUpper: Self.p("1.85"), p: Self.p("<0.001", 0...1))
        let rows = Audit.run(PrintedStudy(arms: [a, b], comparison: c))
        let p = rows.filter { $0.check == "difference_p" }
        let welch = try #require(p.first { $0.method.hasPrefix("Welch") })
        #expect(welch.verdict == .consistent)
        #expect(rows.allSatisfy { r in r.recomputed.map { !$0.lower.isNaN && !$0.upper.isNaN } ?? true })
        let joint = try #require(rows.first { $0.check == "joint" && $0.arm == "difference" })
        #expect(joint.verdict.reproduces && !joint.detail.contains("nan"))
    }

    @Test func standardErrorsPrintedAsSDsAreTriedForTwoArmP() throws {
        // True SDs 4.0 and 4.4 with n 25 each; the paper prints the SEs 0.80 and 0.88 as "±" and p = 0.45
        // (Welch p of (10.3 − 9.3)/√(0.8² + 0.88²) = 0.837 on 47.5 df is 0.4067; printed 0.41). Read as SDs the
        // p would be far below 0.001.
        let a = PrintedArm(label: "A", n: 25, mean: Self.p("10.3"), sd: Self.p("0.80"))
        let b = PrintedArm(label: "B", n: 25, mean: Self.p("9.3"), sd: Self.p("0.88"))
        let rows = PValueChecks.twoArm(a, b, pairs: [(25, 25)], comparison: PrintedComparison(p: Self.p("0.41", 0...1)))
        let result = Finding.result(rows)
        #expect(result.verdict.reproduces && result.alternativeReading)
        #expect(result.method.contains("printed SDs read as SEs"))
        #expect(rows.contains { $0.method.hasPrefix("Student") && !$0.method.contains("SEs") && $0.verdict.miss != nil })
    }

    @Test func findingIsInconsistentOnlyWhenEveryTriedMethodMisses() {
        func row(_ v: Verdict, _ m: String) -> AuditRow { AuditRow(check: "x", arm: "a", reported: "1", verdict: v, method: m) }
        #expect(Finding.result([row(.inconsistent(miss: 0.3), "A"), row(.rounding, "B")]).verdict == .rounding)
        #expect(Finding.result([row(.inconsistent(miss: 0.3), "A"), row(.consistent, "B")]).verdict == .consistent)
        let bad = Finding.result([row(.inconsistent(miss: 0.3), "A"), row(.inconsistent(miss: 0.1), "B"), row(.unchecked(missing: "df"), "C")])
        #expect(bad.verdict == .inconsistent(miss: 0.1) && bad.detail.contains("closest: B") && bad.detail.contains("not tried"))
        let none = Finding.result([row(.unchecked(missing: "df"), "A"), row(.unchecked(missing: "n"), "B")])
        #expect(none.verdict == .unchecked(missing: "df or n"))
    }
}

/// Forms papers print, through the one printed-value type.
@Suite struct PrintedForms {
    @Test func unicodeBoundsAreReadAndAudited() throws {
        // "p ⩽ 0.006" (U+2A7D) is a bound at most 0.006: it reaches the audit instead of vanishing.
        let p = try PrintedInterval("p ⩽ 0.006", domain: 0...1)
        #expect(p.relation == .lessOrEqual && p.value == 0.006 && p.bound == .atMost)
        let arm = PrintedArm(label: "a", n: 33, mean: try PrintedInterval("−1.4"), sd: try PrintedInterval("2.7"), p: p)
        let rows = Audit.run(PrintedStudy(arms: [arm]))
        let r = try #require(rows.first { $0.check == "p" && $0.scope == .result })
        #expect(r.verdict == .consistent && r.reported == "p ⩽ 0.006")
        for text in ["P<0.0001", "p = .04", "P=0.03", "≥ 5", "=< 0.05", "1,725", "−2.3", "12.5%"] {
            #expect((try? PrintedInterval(text)) != nil, "\(text) not read")
        }
    }

    @Test func ratioMeasuresAreAuditedOnTheLogScale() throws {
        // HR 0.81 (0.70 to 0.94), p = 0.005 (Altman & Bland, BMJ 2011;343:d2304, example): consistent under z.
        let e = PrintedEffect(measure: .hr, estimate: try PrintedInterval("0.81"), ciLower: try PrintedInterval("0.70"),
                              ciUpper: try PrintedInterval("0.94"), p: try PrintedInterval("0.005", domain: 0...1))
        let rows = Audit.run(PrintedStudy(arms: [], effects: [NamedEffect(label: "HR", effect: e)]))
        let results = rows.filter { $0.scope == .result }
        #expect(Set(results.map(\.check)) == ["effect_vs_ci", "effect_p", "effect_ci_lower", "effect_ci_upper"])
        #expect(results.allSatisfy { $0.verdict.reproduces })
        // The same CI with p = 0.05 cannot be: z = 2.78 gives p = 0.0054.
        var bad = e
        bad.p = try PrintedInterval("0.05", domain: 0...1)
        let worse = Audit.run(PrintedStudy(arms: [], effects: [NamedEffect(label: "HR", effect: bad)]))
        #expect(worse.contains { $0.check == "effect_p" && $0.scope == .result && $0.verdict.miss != nil })
    }
}

@Suite struct CountsCostBound {
    @Test func hugeTablesSkipExactEnumerationInsteadOfExhaustingMemory() {
        // 2×10^15 in one cell: the exact 2 × 2 sums would need ~1.6×10^16 bytes; they are unchecked with the reason,
        // and the χ² methods still decide.
        let rows = CountsVsP.check([[2_000_000_000_000_000, 3], [2, 4]], p: try! PrintedInterval("<0.001", domain: 0...1))
        let fisher = rows.filter { $0.method.hasPrefix("Fisher") }
        #expect(!fisher.isEmpty && fisher.allSatisfy { if case .unchecked(let w) = $0.verdict { return w.contains("exact enumeration") } else { return false } })
        #expect(Finding.result(rows).verdict == .consistent)
    }
}
