import TSTestSupport
import Foundation
import Testing
import TSEffects
@testable import TSAudit
import TSCore

/// One arm printed as mean, SD, t CI and p against 0: true inputs drawn at random, outputs computed with
/// the one-sample t (TSEffects.OneArm formulas: mean ∓ t(n − 1)·SD/√n, two-sided p), everything printed as a
/// paper would (including "<0.001"). No printed number of the arm may come out inconsistent, and the arm's
/// size, hidden, must be inferred to a set that holds the true n.
@Suite struct OneArmProperties {
    @Test func oneArmTrueMethodIsNeverInconsistent() {
        var g = SplitMix64(seed: 19080)
        var failures = 0, sizesMissed = 0, hidden = 0
        var example = ""
        for i in 0..<100_000 {
            let n = g.int(3...400)
            let sd = g.logUniform(0.1, 30)
            let se = sd / Double(n).squareRoot()
            let mean = g.uniform(-4, 4) * se
            let c = Tails.critical(level: 0.95, df: Double(n - 1))
            let p = Tails.p(mean / se, df: Double(n - 1), sided: .twoSided)
            let dm = g.int(1...2), ds = g.int(1...2), dc = g.int(1...2)
            func pi(_ s: String, _ d: ClosedRange<Double> = -Double.infinity...Double.infinity) -> PrintedInterval {
                try! PrintedInterval(s, domain: d)
            }
            // Every 1,000th case hides n (inferred from the CI width and p over 2…2000 under every method,
            // which costs ~10^4 region computations: 100 such cases).
            let hide = i % 1000 == 0
            let arm = PrintedArm(label: "a", n: hide ? nil : n, mean: pi(printed(mean, dm)), sd: pi(printed(sd, ds), 0...Double.infinity),
                                 ciLower: pi(printed(mean - c * se, dc)), ciUpper: pi(printed(mean + c * se, dc)),
                                 p: pi(printedP(p), 0...1))
            let rows = Audit.run(PrintedStudy(arms: [arm]))
            for r in rows where r.scope == .result && r.verdict.miss != nil {
                failures += 1
                if example.isEmpty { example = "\(r.check) \(r.reported) \(r.verdict) n=\(n) \(arm.mean!.text)±\(arm.sd!.text) (\(arm.ciLower!.text), \(arm.ciUpper!.text)) p \(arm.p!.text)" }
            }
            if hide {
                // Every hidden size must come back as an inferred range holding n (a missing row or range is a miss).
                hidden += 1
                if let s = rows.first(where: { $0.check == "n" }), let range = s.recomputed, range.contains(Double(n)) {} else { sizesMissed += 1 }
            }
        }
        #expect(failures == 0, "\(failures) false inconsistent, e.g. \(example)")
        #expect(hidden == 100 && sizesMissed == 0, "\(sizesMissed) of \(hidden) hidden sizes not bracketed")
    }
}
