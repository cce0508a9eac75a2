import TSTestSupport
import Foundation
import Testing
@testable import TSAudit
import TSCore

/// Property suite for tests printed without df: true df and statistic drawn, p computed on the true df, both
/// printed as a paper would (statistic 2 decimals, p 3 decimals or "<0.001"); the df search must reproduce
/// (never inconsistent), and a p moved outside the p range over every df must come out inconsistent.
@Suite struct StatisticDFSearchPropertyTests {
    static let cases = 100_000
    /// F searches df2 on a 1030-point grid per df1: fewer cases (df1 printed), and a few with both df missing.
    static let fCases = 300
    static let fBothCases = 4

    func run(_ n: Int, seed: UInt64, kinds: [PrintedTest.Kind], bothF: Bool = false) -> (checked: Int, moved: Int, failures: [String]) {
        var rng = SplitMix64(seed: seed)
        var failures: [String] = []
        var moved = 0, checked = 0
        for i in 0..<n {
            checked += 1
            let reading: RoundingReading = rng.bool() ? .halfUp : .halfEven
            let kind = kinds[rng.int(0...(kinds.count - 1))]
            var d1 = 0.0, d2 = 0.0, x = 0.0
            switch kind {
            case .t: d1 = Double(rng.int(0...9) == 0 ? rng.int(201...100_000) : rng.int(1...200)); x = rng.uniform(-6, 6)
            case .r: d1 = Double(rng.int(3...500)); x = rng.uniform(-0.9, 0.9)
            case .chi2: d1 = Double(rng.int(1...40)); x = max(0.05, d1 + (2 * d1).squareRoot() * rng.uniform(-1.5, 4))
            case .F: d1 = Double(rng.int(1...10)); d2 = Double(rng.int(5...300)); x = rng.uniform(0.1, 8)
            case .z: break
            }
            let p = DFSearch.p(kind, abs(x), d1, d2, .twoSided)
            let stat = try! PrintedInterval(paperPrint(x, 2, reading))
            let pText = paperP(p, reading, &rng)
            let test = PrintedTest(label: "case \(i)", kind: kind, statistic: stat, df1: kind == .F && !bothF ? d1 : nil,
                                   p: try! PrintedInterval(pText, domain: 0...1))
            let row = StatisticVsP.check(test)
            let context = "case \(i): \(kind.rawValue)(\(fmt(d1))\(kind == .F ? ", \(fmt(d2))" : "")) = \(stat.text), p \(pText)"
            if !row.verdict.reproduces { failures.append("\(context): \(row.verdict) \(row.detail)") }
            // Moved p: outside the p range over every df (t: [p(|x|hi, ∞), p(|x|lo, 1)]; r: [0, p(|x|lo, 1)];
            // χ²: [p(x_hi, 1), p(x_lo, 1000)]), one printed step clear of it; every 4th case.
            if kind != .F, i % 4 == 0 {
                let s = stat.rounded
                let lo = kind == .chi2 ? max(s.lower, 0) : (s.meets(.point(0)) ? 0 : min(abs(s.lower), abs(s.upper)))
                let hi = kind == .chi2 ? s.upper : max(abs(s.lower), abs(s.upper))
                let top = kind == .chi2 ? DFSearch.p(kind, lo, 1000, 0, .twoSided) : DFSearch.p(kind, lo, 1, 0, .twoSided)
                let bottom = kind == .t ? DFSearch.p(kind, hi, .infinity, 0, .twoSided)
                           : kind == .chi2 ? DFSearch.p(kind, hi, 1, 0, .twoSided) : 0
                let up = (top * 1000).rounded(.up) / 1000 + 0.001
                let down = (bottom * 1000).rounded(.down) / 1000 - 0.001
                if let target = up <= 0.999 ? up : down >= 0.001 ? down : nil {
                    var m = test
                    m.p = try! PrintedInterval(decimalText(Int((target * 1000).rounded()), 3), domain: 0...1)
                    let r = StatisticVsP.searchDF(m, sided: .twoSided)
                    if r.verdict.miss == nil { failures.append("\(context): moved p \(m.p.text) \(r.verdict) \(r.detail)") }
                    moved += 1
                }
            }
            if failures.count > 20 { break }
        }
        return (checked, moved, failures)
    }

    @Test func statisticWithoutDFNeverAccusesTheTrueDF() {
        let start = Date()
        let r = run(Self.cases, seed: 1205, kinds: [.t, .t, .r, .chi2])
        #expect(r.failures.isEmpty, "\(r.failures.prefix(10).joined(separator: "\n"))")
        // Every case checked; a moved p is tried on every 4th case when one printed step clears the range.
        #expect(r.checked == Self.cases && r.moved >= Self.cases / 8, "\(r.checked) cases, \(r.moved) moved")
        print("statistic without df (t, r, chi2): \(Self.cases) cases, \(r.moved) moved, \(Date().timeIntervalSince(start)) s")
    }

    @Test func fWithoutDF2NeverAccusesTheTrueDF() {
        let start = Date()
        let r = run(Self.fCases, seed: 45, kinds: [.F])
        #expect(r.failures.isEmpty, "\(r.failures.prefix(10).joined(separator: "\n"))")
        let both = run(Self.fBothCases, seed: 46, kinds: [.F], bothF: true)
        #expect(both.failures.isEmpty, "\(both.failures.prefix(10).joined(separator: "\n"))")
        #expect(r.checked == Self.fCases && both.checked == Self.fBothCases, "\(r.checked) and \(both.checked) cases")
        print("F without df2: \(Self.fCases) cases, both df: \(Self.fBothCases) cases, \(Date().timeIntervalSince(start)) s")
    }

    @Test func fDF2SearchMatchesBruteForce() {
        // Every df2 1…100000 evaluated against the grid-and-bisection search, for a few printed F tests.
        for (f, d1, p) in [("2.20", 2.0, ".15"), ("3.10", 3.0, ".040"), ("0.45", 5.0, ".81"), ("1.05", 30.0, ".42")] {
            let stat = try! PrintedInterval(f), pp = try! PrintedInterval(p, domain: 0...1)
            let s = stat.rounded, t = pp.rounded
            var brute: [ClosedRange<Int>] = []
            for d2 in 1...100_000 {
                let lo = DFSearch.p(.F, s.upper, d1, Double(d2), .twoSided), hi = DFSearch.p(.F, s.lower, d1, Double(d2), .twoSided)
                if lo <= t.upper && hi >= t.lower { brute.append(d2...d2) }
            }
            let expected = DFSearch.merge(brute)
            let o = StatisticVsP.searchF(PrintedTest(kind: .F, statistic: stat, df1: d1, p: pp), xa: s.lower, xb: s.upper,
                                         v: stat.value, target: t)
            #expect((o.box[Int(d1)] ?? []) == expected, "F(\(d1), ·) = \(f), p = \(p): \(o.box) vs \(expected)")
        }
    }
}
