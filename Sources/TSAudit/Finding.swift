import TSCore

/// The finding about one printed quantity, aggregated over the plausible methods that could have produced it.
///
/// A printed number is **consistent** when some method reproduces it from the printed inputs taken as
/// printed, **rounding** when some method reproduces it only from unrounded inputs inside their rounding
/// box, and **inconsistent** only when at least one method had every input it needs and none reproduces
/// it (the miss is the smallest over those methods). When no method had its inputs the finding is
/// **unchecked** and names what is missing. The method rows stay under the result so a reader sees which
/// method reproduces and which does not; a method that does not reproduce is never, by itself, a finding
/// about the paper.
public enum Finding {
    /// The result row over `methods`, the rows of one printed quantity (same check, arm and printed text).
    public static func result(_ methods: [AuditRow]) -> AuditRow {
        precondition(!methods.isEmpty, "Finding.result needs at least one method row")
        if methods.count == 1 {
            var r = methods[0]
            r.scope = .result
            return r
        }
        let first = methods[0]
        let consistent = methods.filter { $0.verdict == .consistent }
        let rounding = methods.filter { $0.verdict == .rounding }
        let inconsistent = methods.filter { $0.verdict.miss != nil }
        let unchecked = methods.filter { if case .unchecked = $0.verdict { return true } else { return false } }
        let reproducing = consistent + rounding
        var out = AuditRow(check: first.check, arm: first.arm, reported: first.reported, verdict: .unchecked(missing: ""),
                           scope: .result)
        out.printed = methods.lazy.compactMap(\.printed).first
        func names(_ rs: [AuditRow]) -> String { unique(rs.map(\.method)).joined(separator: "; ") }
        if let best = consistent.first ?? rounding.first {
            out.verdict = consistent.isEmpty ? .rounding : .consistent
            out.recomputed = best.recomputed
            out.nominal = best.nominal
            out.readings = RoundingReading.allCases.filter { r in reproducing.contains { $0.readings.contains(r) } }
            out.method = names(consistent.isEmpty ? rounding : consistent)
            out.alternativeReading = reproducing.allSatisfy(\.alternativeReading)
            var parts: [String] = []
            if !consistent.isEmpty, !rounding.isEmpty { parts.append("at the edge of the rounding also: " + names(rounding)) }
            if !inconsistent.isEmpty { parts.append("not reproduced by: " + names(inconsistent)) }
            if !best.detail.isEmpty { parts.append(best.detail) }
            out.detail = parts.joined(separator: "; ")
        } else if let closest = inconsistent.min(by: { ($0.verdict.miss ?? .infinity).lessNaNLast($1.verdict.miss ?? .infinity) }) {
            out.verdict = closest.verdict
            out.recomputed = closest.recomputed
            out.nominal = closest.nominal
            out.readings = closest.readings
            out.method = "none of: " + names(inconsistent)
            var parts = ["closest: \(closest.method)"]
            if !closest.detail.isEmpty { parts.append(closest.detail) }
            if !unchecked.isEmpty { parts.append("not tried (inputs missing): " + names(unchecked)) }
            out.detail = parts.joined(separator: "; ")
        } else {
            let missing = unique(unchecked.compactMap { r -> String? in
                if case .unchecked(let w) = r.verdict { return w } else { return nil }
            })
            out.verdict = .unchecked(missing: missing.joined(separator: " or "))
            out.method = names(unchecked)
        }
        return out
    }

    /// Groups rows by printed quantity (check, arm, printed text) in order of first appearance and puts each
    /// group's result row before its method rows. A quantity with one method gives its result row alone;
    /// rows already marked `result` pass through unchanged.
    public static func organise(_ rows: [AuditRow]) -> [AuditRow] {
        byQuantity(rows).flatMap { g -> [AuditRow] in
            if g.count == 1, g[0].scope == .result { return g }
            return [result(g)] + (g.count > 1 ? g.map { var m = $0; m.scope = .method; return m } : [])
        }
    }

    /// Rows grouped by printed quantity (check, arm, printed text), groups and rows in order of first
    /// appearance; a row already marked `result` is a group of its own.
    static func byQuantity(_ rows: [AuditRow]) -> [[AuditRow]] {
        var groups: [[AuditRow]] = []
        var index: [String: Int] = [:]
        for r in rows {
            if r.scope == .result { groups.append([r]); continue }
            let k = r.check + "\u{1F}" + r.arm + "\u{1F}" + r.reported
            if let g = index[k] { groups[g].append(r) } else { index[k] = groups.count; groups.append([r]) }
        }
        return groups
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension Double {
    /// Orders NaN after every number (an unknown miss ranks last).
    func lessNaNLast(_ other: Double) -> Bool {
        if isNaN { return false }
        if other.isNaN { return true }
        return self < other
    }
}
