import TSTestSupport
import Foundation
import Testing
import TSEffects
@testable import TSAudit
import TSCore

/// Prints x with `decimals` decimals as a paper would (correctly rounded from the double; exact decimal ties,
/// which random doubles essentially never hit, are covered by the tie tests in VerdictEngine).
func printed(_ x: Double, _ decimals: Int) -> String {
    var s = String(format: "%.\(decimals)f", x)
    if s.hasPrefix("-"), Double(s) == 0 { s.removeFirst() }
    return s
}

/// A printed p: three decimals, or "<0.001".
func printedP(_ p: Double) -> String { p < 0.0005 ? "<0.001" : printed(p, 3) }

/// Two arms' summaries and the comparison's CI and p: true inputs drawn at random, outputs computed with the
/// true method (Student or Welch, TSEffects.TwoArmDifference), everything printed as a paper would. The true
/// method must never come out inconsistent; an output moved beyond its recomputed range must.
@Suite struct TwoArmProperties {
    struct Case {
        var a: PrintedArm, b: PrintedArm, n1: Int, n2: Int, test: TwoArmTest, comparison: PrintedComparison
        var ciDecimals: Int
    }

    static func draw(_ g: inout SplitMix64, seAsSD: Bool = false, reversed: Bool = false) -> Case {
        let n1 = g.int(3...300), n2 = g.int(3...300)
        let s1 = g.logUniform(0.2, 20), s2 = s1 * g.logUniform(0.3, 3)
        let m1 = g.uniform(-50, 50)
        let seD = (s1 * s1 / Double(n1) + s2 * s2 / Double(n2)).squareRoot()
        let m2 = m1 - g.uniform(-4, 4) * seD
        let test: TwoArmTest = g.unit() < 0.5 ? .student : .welch
        let dm = g.int(1...2), ds = g.int(1...2), dc = g.int(1...2)
        let x = try! ArmSummary(n: n1, mean: m1, sd: s1), y = try! ArmSummary(n: n2, mean: m2, sd: s2)
        let r = reversed ? try! TwoArmDifference.difference(y, x, test: test, level: 0.95)
                         : try! TwoArmDifference.difference(x, y, test: test, level: 0.95)
        func p(_ t: String, _ dom: ClosedRange<Double> = -Double.infinity...Double.infinity) -> PrintedInterval { try! PrintedInterval(t, domain: dom) }
        // An SE printed under the label SD: the "SD" column holds SD/√n.
        let sdText1 = seAsSD ? printed(s1 / Double(n1).squareRoot(), ds + 1) : printed(s1, ds)
        let sdText2 = seAsSD ? printed(s2 / Double(n2).squareRoot(), ds + 1) : printed(s2, ds)
        let a = PrintedArm(label: "A", n: n1, mean: p(printed(m1, dm)), sd: p(sdText1, 0...Double.infinity))
        let b = PrintedArm(label: "B", n: n2, mean: p(printed(m2, dm)), sd: p(sdText2, 0...Double.infinity))
        let c = PrintedComparison(ciLower: p(printed(r.ciLower!, dc)), ciUpper: p(printed(r.ciUpper!, dc)),
                                  p: p(printedP(r.pValue!), 0...1))
        return Case(a: a, b: b, n1: n1, n2: n2, test: test, comparison: c, ciDecimals: dc)
    }

    static func rows(_ c: Case) -> [AuditRow] {
        DifferenceChecks.interval(c.a, c.b, pairs: [(c.n1, c.n2)], comparison: c.comparison)
            + PValueChecks.twoArm(c.a, c.b, pairs: [(c.n1, c.n2)], comparison: c.comparison)
    }

    static func trueRow(_ rows: [AuditRow], _ check: String, _ test: TwoArmTest) -> AuditRow? {
        rows.first { $0.check == check && $0.method.hasPrefix(DifferenceChecks.methodName(test))
            && !$0.method.contains("sign reversed") && !$0.method.contains("SEs") && !$0.method.contains("one-sided") }
    }

    @Test func twoArmTrueMethodIsNeverInconsistent() {
        var g = SplitMix64(seed: 20111)
        var failures: [String] = []
        for _ in 0..<100_000 {
            let c = Self.draw(&g)
            let rows = Self.rows(c)
            for check in ["difference_ci_lower", "difference_ci_upper", "difference_p"] {
                guard let r = Self.trueRow(rows, check, c.test) else { failures.append("\(check): no row"); continue }
                if !r.verdict.reproduces, failures.count < 5 {
                    failures.append("\(check) \(r.reported) \(r.verdict) \(r.method) n \(c.n1),\(c.n2) \(c.a.mean!.text)±\(c.a.sd!.text) \(c.b.mean!.text)±\(c.b.sd!.text)")
                } else if !r.verdict.reproduces { failures.append("") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) false inconsistent: \(failures.prefix(5))")
    }

    @Test func twoArmOutputsMovedBeyondTheirRangeAreInconsistent() {
        var g = SplitMix64(seed: 20112)
        var missed = 0, tried = 0
        for _ in 0..<100_000 {
            var c = Self.draw(&g)
            guard let r = Self.trueRow(Self.rows(c), "difference_ci_lower", c.test), let range = r.recomputed else { continue }
            // Print the lower bound three units of its last digit below anything the box can give.
            let step = pow(10, -Double(c.ciDecimals))
            c.comparison.ciLower = try! PrintedInterval(printed(range.lower - 3 * step, c.ciDecimals))
            guard let moved = Self.trueRow(Self.rows(c), "difference_ci_lower", c.test) else { continue }
            tried += 1
            if moved.verdict.miss == nil { missed += 1 }
        }
        #expect(tried > 99_000 && missed == 0, "\(missed) of \(tried) moved bounds not flagged")
    }

    @Test func twoArmSEPrintedAsSDOrReversedSignIsNeverInconsistent() {
        var g = SplitMix64(seed: 20113)
        var failures = 0
        var example = ""
        for i in 0..<100_000 {
            let c = Self.draw(&g, seAsSD: i % 2 == 0, reversed: i % 2 == 1)
            let findings = Finding.organise(Self.rows(c)).filter { $0.scope == .result }
            // A reversed sign leaves a two-sided p unchanged; an SE printed as SD is tried for CI and p.
            for f in findings where f.verdict.miss != nil {
                failures += 1
                if example.isEmpty { example = "\(f.check) \(f.reported) \(f.verdict) i=\(i)" }
            }
        }
        #expect(failures == 0, "\(failures) false inconsistent, e.g. \(example)")
    }
}
