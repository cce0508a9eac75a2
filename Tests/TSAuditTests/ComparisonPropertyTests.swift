import TSTestSupport
import Foundation
import Testing
@testable import TSAudit
import TSCore

/// Prints `x` to `decimals` places as a paper would under `reading`, checked against the project's reading of
/// the printed text (so a binary value next to a tie is printed the way its interval says).
func paperPrint(_ x: Double, _ decimals: Int, _ reading: RoundingReading) -> String {
    let scale = Foundation.pow(10, Double(decimals))
    let k = Int((x * scale).rounded(reading == .halfUp ? .toNearestOrAwayFromZero : .toNearestOrEven))
    for c in [k, k - 1, k + 1] {
        let s = decimalText(c, decimals, negative: x < 0)
        if let p = try? PrintedInterval(s), p.interval(reading).contains(x) { return s }
    }
    return decimalText(k, decimals, negative: x < 0)
}

/// k × 10^−decimals as text ("-0.0" keeps the sign of a value that rounds to zero).
func decimalText(_ k: Int, _ decimals: Int, negative: Bool = false) -> String {
    var digits = String(abs(k))
    if decimals > 0 {
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return (k < 0 || (k == 0 && negative) ? "-" : "") + digits
}

/// p as a paper prints it: "<0.001" below 0.001, else three decimals (two from 0.1 up, half the time).
func paperP(_ p: Double, _ reading: RoundingReading, _ rng: inout SplitMix64) -> String {
    if p < 0.001 { return "<0.001" }
    return paperPrint(p, p >= 0.1 && rng.bool() ? 2 : 3, reading)
}

/// Property suites for a printed comparison alone: true inputs drawn, outputs computed by the true method and
/// printed as a paper would; the true method must never come out inconsistent, and an output moved outside
/// what the rounding box can give must.
@Suite struct ComparisonPropertyTests {
    static let cases = 100_000

    func pv(_ s: String) -> PrintedInterval { try! PrintedInterval(s, domain: 0...1) }

    /// Runs one family; `ratio` draws log-scale effects.
    func run(ratio: Bool, seed: UInt64) -> (cases: Int, moved: Int, failures: [String]) {
        var rng = SplitMix64(seed: seed)
        var failures: [String] = []
        var moved = 0, checked = 0
        for i in 0..<Self.cases {
            let reading: RoundingReading = rng.bool() ? .halfUp : .halfEven
            let level = [0.95, 0.95, 0.90, 0.99][rng.int(0...3)]
            let df: Double? = rng.int(0...3) == 0 ? Double(rng.int(3...300)) : nil
            let c = Tails.critical(level: level, df: df ?? .infinity)
            let theta = ratio ? rng.uniform(-2, 2) : rng.uniform(-5, 5)
            let se = Foundation.exp(rng.uniform(Foundation.log(ratio ? 0.03 : 0.05), Foundation.log(ratio ? 1 : 3)))
            let p = Tails.p(theta / se, df: df ?? .infinity, sided: .twoSided)
            let nat: (Double) -> Double = ratio ? { Foundation.exp($0) } : { $0 }
            let (e, l, u) = (nat(theta), nat(theta - c * se), nat(theta + c * se))
            var decimals = ratio ? 2 : rng.int(1...3)
            if ratio { while l * Foundation.pow(10, Double(decimals)) < 10, decimals < 5 { decimals += 1 } }
            let est = try! PrintedInterval(paperPrint(e, decimals, reading))
            let lo = try! PrintedInterval(paperPrint(l, decimals, reading))
            let hi = try! PrintedInterval(paperPrint(u, decimals, reading))
            let pp = pv(paperP(p, reading, &rng))
            if ratio, lo.value <= 0 { continue }
            checked += 1
            let effect = PrintedEffect(measure: ratio ? .rr : .difference, estimate: est, ciLower: lo, ciUpper: hi, p: pp,
                                       level: level, df: df)
            // The true method alone: a finding is inconsistent only when no method reproduces, so the true
            // method reproducing is what keeps every finding off "inconsistent".
            let truth: (ComparisonAlone.Reference, Sidedness) = (df.map { .t($0) } ?? .normal, .twoSided)
            let centreRow = ComparisonAlone.centre(effect, label: "case \(i)")!
            let pRow = ComparisonAlone.pFromCI(effect, label: "case \(i)", approximations: false, only: truth)[0]
            let ciRows = ComparisonAlone.ciFromP(effect, label: "case \(i)", approximations: false, only: truth)
            let context = "case \(i): \(est.text) (\(lo.text) to \(hi.text)) p \(pp.text), level \(level), df \(df.map { fmt($0) } ?? "none")"
            for row in [centreRow, pRow] + ciRows where !row.verdict.reproduces {
                failures.append("\(context): \(row.check) \(row.method) \(row.verdict)")
            }
            if ciRows.count != 2 { failures.append("\(context): \(ciRows.count) CI rows") }
            // Every 100th case: the whole check (all methods) and its findings.
            if i % 100 == 0 {
                let rows = ComparisonAlone.check(effect, label: "case \(i)", approximations: true)
                for check in ["effect_vs_ci", "effect_p", "effect_ci_lower", "effect_ci_upper"] {
                    let group = rows.filter { $0.check == check }
                    if group.isEmpty || Finding.result(group).verdict.miss != nil { failures.append("\(context): \(check) finding") }
                }
            }
            // Moved outputs. The estimate 2 steps off: the centre of the box of bounds moves at most ½ step,
            // the estimate's own interval ½ step, so 2 steps is out of reach.
            let step = est.step * (rng.bool() ? 2 : -2)
            if !ratio {
                let off = try! PrintedInterval(decimalText(Int(((est.value + step) * Foundation.pow(10, Double(decimals))).rounded()), decimals))
                let r = ComparisonAlone.centre(PrintedEffect(estimate: off, ciLower: lo, ciUpper: hi), label: "moved")!
                if r.verdict.miss == nil { failures.append("\(context): moved estimate \(off.text) \(r.verdict)") }
                moved += 1
            }
            // p moved one printed step beyond the exact recomputed range of the true method.
            if let range = pRow.recomputed {
                let up = (range.upper * 1000).rounded(.up) / 1000 + 0.001
                let down = (range.lower * 1000).rounded(.down) / 1000 - 0.001
                let target = up <= 0.999 ? up : down >= 0.002 ? down : nil
                if let target {
                    let off = PrintedEffect(measure: effect.measure, estimate: est, ciLower: lo, ciUpper: hi,
                                            p: pv(decimalText(Int((target * 1000).rounded()), 3)), level: level, df: df)
                    let r = ComparisonAlone.pFromCI(off, label: "moved", approximations: false, only: truth)[0]
                    if r.verdict.miss == nil { failures.append("\(context): moved p \(target) \(r.verdict) range \(range)") }
                    moved += 1
                }
            }
            // The lower CI bound moved 2 printed steps below the exact recomputed range of the true method.
            if let range = ciRows.first?.recomputed, range.lower.isFinite {
                let scale = Foundation.pow(10, Double(decimals))
                let k = Int((range.lower * scale).rounded(.down)) - 2
                let off = try! PrintedInterval(decimalText(k, decimals))
                if !ratio || off.value > 0 {
                    let moved1 = PrintedEffect(measure: effect.measure, estimate: est, ciLower: off, ciUpper: hi, p: pp, level: level, df: df)
                    let r = ComparisonAlone.ciFromP(moved1, label: "moved", approximations: false, only: truth)[0]
                    if r.verdict.miss == nil { failures.append("\(context): moved lower bound \(off.text) \(r.verdict)") }
                    moved += 1
                }
            }
            if failures.count > 20 { break }
        }
        return (checked, moved, failures)
    }

    @Test func comparisonAloneLinearNeverAccusesTheTrueMethod() {
        let start = Date()
        let r = run(ratio: false, seed: 20_110_808)
        #expect(r.failures.isEmpty, "\(r.failures.prefix(10).joined(separator: "\n"))")
        // Every draw is checked (none skipped) and every one moves its estimate.
        #expect(r.cases == Self.cases && r.moved >= Self.cases, "\(r.cases) cases checked, \(r.moved) moved outputs")
        print("comparison alone, linear: \(r.cases) cases, \(r.moved) moved outputs, \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }

    @Test func comparisonAloneRatioNeverAccusesTheTrueMethod() {
        let start = Date()
        let r = run(ratio: true, seed: 2304)
        #expect(r.failures.isEmpty, "\(r.failures.prefix(10).joined(separator: "\n"))")
        // Draws whose printed lower limit is 0 are skipped (a ratio's limit must be positive): at most 1%.
        #expect(r.cases >= Self.cases * 99 / 100 && r.moved >= r.cases / 2, "\(r.cases) cases checked, \(r.moved) moved outputs")
        print("comparison alone, ratio: \(r.cases) cases, \(r.moved) moved outputs, \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}
