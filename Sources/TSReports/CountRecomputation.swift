import Foundation
import TSCore
import TSStudies
import TSTables

/// Category counts: each printed percentage against 100·count/total, each arm's proportion with its Wilson
/// interval (`TSTables.ProportionInterval`), and, when a paper prints group sizes and a p-value bound but no
/// counts, what the bound implies (`TSTables.BoundImplications`). Counts are never invented: with the counts
/// missing only bounds that hold for every table with the printed group sizes are given.
enum CountRecomputation {
    /// Percentages and proportions of the printed counts.
    static func lines(_ rows: [CategoryCountRow]) -> [ReportLine] {
        var out: [ReportLine] = []
        for r in rows {
            guard let x = r.count, let n = r.total, n.value > 0 else { continue }
            let inputs = "\(x.text)/\(n.text)"
            out.append(ReportLine(section: .arm, outcome: r.outcome, timepoint: r.timepoint, arm: r.arm,
                                  quantity: "percent[\(r.category)]", recomputed: 100 * x.value / n.value, unit: "%",
                                  printed: r.percent, method: "100 × count/total", detail: inputs))
            if let c = try? BinomialCount(events: Int(x.value), n: Int(n.value)) {
                let (lo, hi) = ProportionInterval.interval(c, method: .wilson, level: 0.95)
                out.append(ReportLine(section: .arm, outcome: r.outcome, timepoint: r.timepoint, arm: r.arm,
                                      quantity: "proportion[\(r.category)]", recomputed: c.proportion, range: (lo, hi),
                                      method: ProportionMethod.wilson.label, detail: inputs + "; interval: 95% CI"))
            }
        }
        return out
    }

    /// For a comparison printed only as a p-value bound over categories whose counts are not printed:
    /// the smallest chi-square and Cramér's V for the groups × categories table, and the smallest difference
    /// in a proportion for any 2×2 collapse, with the group sizes taken from the counts file's totals
    /// (in the order the arms are declared in study.csv).
    static func boundLines(_ c: PrintedComparisonRow, study: StudyDataset) -> (lines: [ReportLine], notes: [String], implication: BoundImplication?) {
        guard c.measure == .pOnly, let p = c.p, p.bound == .lessThan || p.bound == .atMost, p.value > 0, p.value < 1 else { return ([], [], nil) }
        let counts = study.counts.filter { $0.outcome == c.outcome && $0.timepoint == c.timepoint }
        guard !counts.isEmpty, counts.contains(where: { $0.count == nil }) else { return ([], [], nil) }
        var categories: [String] = []
        for r in counts where !categories.contains(r.category) { categories.append(r.category) }
        var sizes: [(arm: String, n: Int)] = []
        for arm in study.metadata.arms where arm == c.armA || arm == c.armB {
            guard let total = counts.first(where: { $0.arm == arm && $0.total != nil })?.total else {
                return ([], ["\(c.outcome): the group size of \(arm) is not printed, so the bound \(p.text) implies nothing here"], nil)
            }
            sizes.append((arm, Int(total.value)))
        }
        guard sizes.count == 2, categories.count >= 2,
              let implication = try? BoundImplications.implication(groupSizes: sizes.map(\.n), categories: categories.count, pBound: p.value)
        else { return ([], [], nil) }
        let groups = sizes.map { "\($0.arm) \(ReportNumber.amount(Double($0.n)))" }.joined(separator: ", ")
        let label = sizes.map(\.arm).joined(separator: " vs ")
        let detail = "printed \(p.text); groups \(groups); \(categories.count) categories (\(categories.joined(separator: ", "))); counts not printed"
        var out: [ReportLine] = []
        for m in implication.minima {
            var d = detail
            if let pooled = m.pooledProportionText { d += "; pooled proportion \(pooled)" }
            d += "; df \(ReportNumber.readable(m.df))"
            out.append(ReportLine(section: .bound, outcome: c.outcome, timepoint: c.timepoint, arm: label,
                                  quantity: m.quantity + (m.overIntegerTables ? "_integer_tables" : ""),
                                  recomputed: m.value, printedText: p.text, flag: .implied, method: m.method, detail: d))
        }
        let note = "\(c.outcome): the counts in the \(categories.count) categories are not printed; only what \(p.text) implies for any table with these group sizes is given, no counts are assumed"
        return (out, [note], implication)
    }
}
