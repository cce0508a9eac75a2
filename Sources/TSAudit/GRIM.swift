import Foundation
import TSCore

/// GRIM: can a mean of integer data from n participants and k items print as reported?
///
/// Brown NJL, Heathers JAJ (2017). The GRIM test: a simple technique detects numerous anomalies in the reporting
/// of results in psychology. Soc Psychol Personal Sci 8(4):363–369. The mean of integer data is T/(n·k) for an
/// integer total T; the check looks for a T whose fraction prints as the mean, deciding ties exactly under each
/// reading (half-up, half-even, truncation) in integer arithmetic. When n·k ≥ 10^decimals every printed value is
/// attainable and GRIM cannot test it.
public enum GRIM {
    /// Totals T (consecutive integers) whose T/(n·k) prints as `mean` under `reading`.
    public static func totals(mean: PrintedInterval, n: Int, items: Int = 1, reading: RoundingReading) -> [Int] {
        search(mean: mean, n: n, items: items, reading: reading) ?? []
    }

    /// The totals, or nil when they cannot be searched: n·items not positive or overflowing, totals beyond
    /// ±2^53, or more than 10^6 candidates.
    static func search(mean: PrintedInterval, n: Int, items: Int, reading: RoundingReading) -> [Int]? {
        let (N, overflow) = n.multipliedReportingOverflow(by: items)
        guard N > 0, !overflow else { return nil }
        let box = mean.anyReading
        let a = (box.lower * Double(N)).rounded(.down), b = (box.upper * Double(N)).rounded(.up)
        guard abs(a) < 0x1p53, abs(b) < 0x1p53 else { return nil }
        let lo = Int(a) - 1, hi = Int(b) + 1
        guard hi - lo < 1_000_000 else { return nil }
        return (lo...hi).filter { mean.containsFraction(numerator: $0, denominator: N, reading: reading) }
    }

    public static func check(mean: PrintedInterval, n: Int, items: Int = 1, arm: String = "") -> AuditRow {
        // Nothing to test (and nothing to accuse) without n ≥ 1 and items ≥ 1, or when n·items is so large that
        // every printed mean is attainable: only a search that ran can find a mean impossible.
        let (N, overflow) = n.multipliedReportingOverflow(by: items)
        guard n >= 1, items >= 1, !overflow else {
            return .unchecked("grim", arm: arm, reported: mean.text, missing: "n ≥ 1 and items ≥ 1 (got n = \(n), items = \(items))")
        }
        var readings: [RoundingReading] = []
        var all: [Int] = []
        let method = "T/(n·items), n = \(n), items = \(items)"
        var detail = ""
        if mean.decimals >= 0, Double(N) >= pow(10, Double(mean.decimals)) {
            detail = "n·items = \(N) ≥ 10^\(mean.decimals): every printed mean is possible, GRIM cannot test this"
        }
        for r in RoundingReading.allCases {
            guard let t = search(mean: mean, n: n, items: items, reading: r) else {
                if !detail.isEmpty { return AuditRow(check: "grim", arm: arm, reported: mean.text, verdict: .consistent, method: method, detail: detail) }
                return .unchecked("grim", arm: arm, reported: mean.text, missing: "a total within ±2^53 (the search over totals T is out of range)")
            }
            if !t.isEmpty { readings.append(r); all += t }
        }
        let roundedFits = readings.contains(.halfUp) || readings.contains(.halfEven)
        if roundedFits, let lo = all.min(), let hi = all.max() {
            let verdict: Verdict = .consistent
            if detail.isEmpty {
                detail = "total \(lo == hi ? "\(lo)" : "\(lo)–\(hi)") over \(N) gives \(fmt(Double(lo) / Double(N), 6))"
            }
            return AuditRow(check: "grim", arm: arm, reported: mean.text, recomputed: ValueInterval(Double(lo) / Double(N), Double(hi) / Double(N)),
                            verdict: verdict, readings: readings, method: method, detail: detail)
        }
        // Nearest attainable means on either side.
        let below = (mean.rounded.lower * Double(N)).rounded(.down), above = (mean.rounded.upper * Double(N)).rounded(.up)
        let r = ValueInterval(below / Double(N), above / Double(N))
        let miss = min(mean.rounded.lower - r.lower, r.upper - mean.rounded.upper)
        if readings.contains(.truncation) { detail = "possible only if the paper truncated instead of rounding; " } else { detail = "" }
        detail += "nearest possible means \(fmt(r.lower, 6)) (total \(Int(below))) and \(fmt(r.upper, 6)) (total \(Int(above)))"
        return AuditRow(check: "grim", arm: arm, reported: mean.text, recomputed: r, verdict: .inconsistent(miss: max(miss, 0)),
                        readings: readings, method: method, detail: detail)
    }
}
