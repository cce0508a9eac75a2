import TSCore

/// A printed percentage against its count and denominator (GRIM for proportions, Brown & Heathers 2017):
/// 100·k/n must print as the percentage. With the count printed the fraction is tested exactly (ties decided
/// per reading); without it, the counts k in 0…n that fit are listed.
public enum PercentVsCounts {
    /// `scale` 100 for a percentage, 1 for a proportion.
    public static func check(percent: PrintedInterval, n: Int, count: Int? = nil, scale: Int = 100, arm: String = "") -> AuditRow {
        let method = count == nil ? "\(scale == 100 ? "100·" : "")k/n over k = 0…\(n)" : "\(scale == 100 ? "100·" : "")\(count!)/\(n)"
        guard n > 0 else { return .unchecked("percent", arm: arm, reported: percent.text, missing: "n > 0") }
        let ks = count.map { [$0] } ?? Array(0...n)
        var fits: [RoundingReading: [Int]] = [:]
        for r in RoundingReading.allCases {
            fits[r] = ks.filter { percent.containsFraction(numerator: scale * $0, denominator: n, reading: r) }
        }
        let readings = RoundingReading.allCases.filter { !(fits[$0]!.isEmpty) }
        let rounded = Set(fits[.halfUp]! + fits[.halfEven]!).sorted()
        let any = Set(rounded + fits[.truncation]!).sorted()
        let value = { (k: Int) in Double(scale * k) / Double(n) }
        if let lo = rounded.first, let hi = rounded.last {
            let verdict: Verdict = .consistent
            var detail = count == nil ? "counts that fit: \(HiddenArmSizes.describe(rounded))" : ""
            if fits[.truncation]! != rounded, !(fits[.truncation]!.isEmpty), count == nil {
                detail += "; if truncated: \(HiddenArmSizes.describe(fits[.truncation]!))"
            }
            return AuditRow(check: "percent", arm: arm, reported: percent.text, recomputed: ValueInterval(value(lo), value(hi)),
                            nominal: count.map(value), verdict: verdict, readings: readings, method: method, detail: detail)
        }
        let b = percent.rounded
        let recomputed: ValueInterval
        if let k = count { recomputed = .point(value(k)) }
        else {
            let below = ks.map(value).filter { $0 < b.lower }.max() ?? value(0)
            let above = ks.map(value).filter { $0 > b.upper }.min() ?? value(n)
            recomputed = ValueInterval(below, above)
        }
        let miss = count != nil ? recomputed.distance(to: b) : min(b.lower - recomputed.lower, recomputed.upper - b.upper)
        return AuditRow(check: "percent", arm: arm, reported: percent.text, recomputed: recomputed, nominal: count.map(value),
                        verdict: .inconsistent(miss: max(0, miss)), readings: readings, method: method,
                        detail: (count == nil ? "no count k out of \(n) rounds to \(percent.text)" : "")
                            + (any.isEmpty ? "" : "; possible only if the paper truncated (k = \(HiddenArmSizes.describe(any)))"))
    }
}
