import Foundation
import TSCore
import TSAudit
import TSStudies

/// Runs the TSAudit consistency checks on a study's dataset rows and turns the verdicts into report lines.
///
/// Per outcome and time point: each printed `difference` comparison (or a p-only one whose two arms have
/// sizes) is audited with its two arms (`Audit.run` on a two-arm `PrintedStudy`); arms in no such comparison
/// are audited alone. Printed percentages are checked against their counts (`PercentVsCounts`), and the sum of
/// the arm sizes against the study's `included` (else `completed`) count.
enum AuditBridge {
    static func audit(_ study: StudyDataset) -> (lines: [ReportLine], unaudited: [String]) {
        var out: [ReportLine] = []
        var unaudited: [String] = []
        var fed = Set<Int>()
        var groups: [(outcome: String, timepoint: String)] = []
        for r in study.arms where !groups.contains(where: { $0 == (r.outcome, r.timepoint) }) { groups.append((r.outcome, r.timepoint)) }
        for g in groups {
            let rows = study.arms.filter { $0.outcome == g.outcome && $0.timepoint == g.timepoint }
            var audited = Set<String>()
            var seen: [AuditRow] = []
            func add(_ rows: [AuditRow], comparison: String?) {
                for r in rows where !seen.contains(r) {
                    seen.append(r)
                    out.append(line(r, outcome: g.outcome, timepoint: g.timepoint, comparison: comparison))
                }
            }
            for (ci, c) in study.comparisons.enumerated() where c.outcome == g.outcome && c.timepoint == g.timepoint {
                guard let a = rows.first(where: { $0.arm == c.armA }), let b = rows.first(where: { $0.arm == c.armB }) else { continue }
                let usable = c.measure == .difference || (c.measure == .pOnly && a.n != nil && b.n != nil)
                guard usable, let pa = printedArm(a), let pb = printedArm(b) else { continue }
                fed.insert(ci)
                let comparison = PrintedComparison(
                    estimate: c.measure == .difference ? c.estimate : nil,
                    ciLower: c.ciLower, ciUpper: c.ciUpper, p: c.p?.within(0...1), level: c.ciLevel ?? 0.95)
                add(Audit.run(PrintedStudy(arms: [pa, pb], comparison: comparison)), comparison: "\(c.armA) − \(c.armB)")
                audited.insert(a.arm); audited.insert(b.arm)
            }
            for r in rows where !audited.contains(r.arm) {
                // An arm with nothing to check its numbers against (no CI and no p) gives no audit rows; it is
                // listed as not audited, with the reason.
                guard r.ciLower != nil || r.p != nil, let pa = printedArm(r) else {
                    unaudited.append("\(g.outcome)\(g.timepoint.isEmpty ? "" : " \(g.timepoint)"), \(r.arm): \(r.measure.rawValue) "
                        + "\(r.mean.text) — nothing printed to check it against (a CI, or a p with the spread)")
                    continue
                }
                add(Audit.run(PrintedStudy(arms: [pa])), comparison: nil)
            }
        }
        // Printed percentages against their counts.
        for r in study.counts {
            guard let pct = r.percent, let total = r.total, total.value >= 1, let p = pct.within(0...100) else { continue }
            let row = PercentVsCounts.check(percent: p, n: Int(total.value), count: r.count.map { Int($0.value) }, arm: r.arm)
            var l = line(row, outcome: r.outcome, timepoint: r.timepoint, comparison: nil)
            l.quantity = "percent[\(r.category)]"
            out.append(l)
        }
        if let total = totalLine(study) { out.append(total) }
        for (ci, c) in study.comparisons.enumerated() where !fed.contains(ci) {
            // A p printed for a table of counts: which test reproduces it.
            if c.measure == .pOnly, let p = c.p?.within(0...1), let counts = table(c, study: study) {
                let label = "\(c.armA) vs \(c.armB)"
                let rows = Audit.run(PrintedStudy(arms: [], tables: [PrintedTable(label: label, counts: counts, p: p)]))
                for r in rows { out.append(line(r, outcome: c.outcome, timepoint: c.timepoint, comparison: label, armLabel: label)) }
                continue
            }
            // A comparison printed without its arms: its estimate, CI and p against each other.
            if let effect = effect(c), effect.p != nil || (effect.estimate != nil && effect.ciLower != nil) {
                let rows = Audit.run(PrintedStudy(arms: [], effects: [NamedEffect(label: "\(c.armA) − \(c.armB)", effect: effect)]))
                let label = c.measure == .difference || c.measure == .riskDifference ? "\(c.armA) − \(c.armB)" : "\(c.armA) vs \(c.armB)"
                for r in rows { out.append(line(r, outcome: c.outcome, timepoint: c.timepoint, comparison: label, armLabel: label)) }
                continue
            }
            unaudited.append("\(c.outcome)\(c.timepoint.isEmpty ? "" : " \(c.timepoint)"), \(c.armA) vs \(c.armB): "
                + "\(c.measure.rawValue) \(c.estimate?.text ?? c.p?.text ?? "") — " + unauditedReason(c, study: study))
        }
        return (out, unaudited)
    }

    /// The two arms' counts over the outcome's categories (rows armA, armB), when every count is printed.
    static func table(_ c: PrintedComparisonRow, study: StudyDataset) -> [[Int]]? {
        let rows = study.counts.filter { $0.outcome == c.outcome && $0.timepoint == c.timepoint }
        var categories: [String] = []
        for r in rows where !categories.contains(r.category) { categories.append(r.category) }
        guard categories.count >= 2 else { return nil }
        var out: [[Int]] = []
        for arm in [c.armA, c.armB] {
            var line: [Int] = []
            for cat in categories {
                guard let r = rows.first(where: { $0.arm == arm && $0.category == cat }), let k = r.count else { return nil }
                line.append(Int(k.value))
            }
            out.append(line)
        }
        return out
    }

    /// A dataset comparison as a printed effect for `ComparisonAlone` (nil for a p-only row).
    static func effect(_ c: PrintedComparisonRow) -> PrintedEffect? {
        let measure: EffectMeasure
        switch c.measure {
        case .difference, .riskDifference: measure = .difference
        case .riskRatio, .ratio: measure = .rr
        case .oddsRatio: measure = .or
        case .hazardRatio: measure = .hr
        case .pOnly: return nil
        }
        return PrintedEffect(measure: measure, estimate: c.estimate, ciLower: c.ciLower, ciUpper: c.ciUpper,
                             p: c.p?.within(0...1), level: c.ciLevel ?? 0.95)
    }

    /// Why a printed comparison was not audited.
    static func unauditedReason(_ c: PrintedComparisonRow, study: StudyDataset) -> String {
        let arms = study.arms.filter { $0.outcome == c.outcome && $0.timepoint == c.timepoint }
        let hasArms = arms.contains { $0.arm == c.armA } && arms.contains { $0.arm == c.armB }
        switch c.measure {
        case .pOnly:
            let counted = study.counts.contains { $0.outcome == c.outcome && $0.timepoint == c.timepoint }
            if counted { return "only a p is printed, and the counts of its table are not all printed" }
            return hasArms ? "only a p is printed and the arm sizes are not" : "only a p is printed, without both arms' summaries or counts"
        case .difference where c.ciLower == nil && c.p == nil:
            return "only the estimate is printed: no CI, p or arm summaries to check it against"
        case .difference: return "the arms' summaries are not printed for this outcome and time point"
        default:
            if c.ciLower == nil && c.p == nil { return "only the estimate is printed: no CI, p or counts to check it against" }
            return "a \(c.measure.rawValue) without the counts or arm summaries it comes from"
        }
    }

    /// The sum of the arm sizes (from arms.csv n or counts.csv totals, one per arm) against study.csv's
    /// `included`, `completed` and `randomised`, in that order: consistent when it equals any of them (arm
    /// sizes are often the numbers allocated), named in the method; otherwise inconsistent against the first.
    static func totalLine(_ study: StudyDataset) -> ReportLine? {
        var sizes: [String: Double] = [:]
        for r in study.arms { if let n = r.n, sizes[r.arm] == nil { sizes[r.arm] = n.value } }
        for r in study.counts { if let n = r.total, sizes[r.arm] == nil { sizes[r.arm] = n.value } }
        let arms = study.metadata.arms
        guard arms.allSatisfy({ sizes[$0] != nil }) else { return nil }
        let totals: [(key: String, value: PrintedValue)] = ["included", "completed", "randomised"].compactMap { key in
            guard let text = study.metadata.value(key), let v = try? PrintedValue.parse(text, location: .parameter(key)) else { return nil }
            return (key, v)
        }
        let sum = arms.reduce(0) { $0 + sizes[$1]! }
        guard let (key, printed) = totals.first(where: { $0.value.value == sum }) ?? totals.first else { return nil }
        let parts = arms.map { "\($0) \(ReportNumber.amount(sizes[$0]!))" }.joined(separator: " + ")
        let ok = sum == printed.value
        return ReportLine(section: .audit, arm: "all", quantity: "total_n", recomputed: sum, printed: printed,
                          flag: ok ? .consistent : .inconsistent, difference: sum - printed.value,
                          method: "sum of the arm sizes against study.csv \(key)", detail: parts)
    }

    /// A dataset arm row as TSAudit's `PrintedArm`: the printed values themselves, never re-read from text.
    static func printedArm(_ r: ArmSummaryRow) -> PrintedArm? {
        PrintedArm(
            label: r.arm, n: r.n.map { Int($0.value) }, mean: r.mean,
            sd: r.sd?.within(0...Double.infinity), se: r.se?.within(0...Double.infinity),
            ciLower: r.ciLower, ciUpper: r.ciUpper, p: r.p?.within(0...1), level: r.ciLevel ?? 0.95)
    }

    static func line(_ r: AuditRow, outcome: String, timepoint: String, comparison: String?, armLabel: String? = nil) -> ReportLine {
        let flag: ReportFlag
        switch r.verdict {
        case .consistent: flag = .consistent
        case .rounding: flag = .rounding
        case .inconsistent: flag = .inconsistent
        case .unchecked: flag = .unchecked
        }
        var detail = r.detail
        if case .unchecked(let what) = r.verdict { detail = "missing \(what)" + (detail.isEmpty ? "" : "; " + detail) }
        if !r.readings.isEmpty { detail += (detail.isEmpty ? "" : "; ") + "readings: " + r.readings.map(\.rawValue).joined(separator: " ") }
        let arm = armLabel ?? (r.arm == "difference" ? (comparison ?? r.arm) : r.arm)
        var l = ReportLine(section: .audit, outcome: outcome, timepoint: timepoint, arm: arm, quantity: r.check,
                           recomputed: r.nominal, range: r.recomputed.map { (low: $0.lower, high: $0.upper) },
                           printedText: r.reported, flag: flag, difference: r.verdict.miss, method: r.method, detail: detail)
        l.scope = r.scope
        l.alternativeReading = r.alternativeReading
        if let m = r.verdict.miss, !m.isNaN, let printed = r.printed, printed.relation == .equal { l.missInUnits = m / (2 * printed.halfUnit) }
        return l
    }
}
