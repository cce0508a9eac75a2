import Foundation
import TSCore
import TSStudies

/// "What was reported": the dataset's printed values, grouped by outcome and time point, exactly as printed,
/// with every value that was not printed in the paper marked (from elsewhere / inferred) and its reason.
enum ReportedSection {
    static func text(_ s: StudyDataset) -> String {
        var out = ""
        var reasons: [String] = []
        func mark(_ p: Provenance, _ column: String) -> String {
            let st = p.status(of: column)
            guard st != .printed else { return "" }
            if !reasons.contains(p.reason) { reasons.append(p.reason) }
            return " [\(st.rawValue), note \(reasons.firstIndex(of: p.reason)! + 1)]"
        }
        var blocks: [(String, String)] = []
        for r in s.arms where !blocks.contains(where: { $0 == (r.outcome, r.timepoint) }) { blocks.append((r.outcome, r.timepoint)) }
        for r in s.counts where !blocks.contains(where: { $0 == (r.outcome, r.timepoint) }) { blocks.append((r.outcome, r.timepoint)) }
        for c in s.comparisons where !blocks.contains(where: { $0 == (c.outcome, c.timepoint) }) { blocks.append((c.outcome, c.timepoint)) }
        for (outcome, timepoint) in blocks {
            out += "\n\(outcome)" + (timepoint.isEmpty ? "" : ", \(timepoint)") + "\n"
            let arms = s.arms.filter { $0.outcome == outcome && $0.timepoint == timepoint }
            let width = arms.map(\.arm.count).max() ?? 0
            for a in arms {
                let p = a.provenance
                var parts: [String] = []
                parts.append("n " + (a.n.map { $0.text + mark(p, "n") } ?? "not printed"))
                parts.append("\(a.measure.rawValue) \(a.mean.text)\(a.unit == "%" || a.mean.text.hasSuffix("%") ? "" : " " + a.unit)" + mark(p, "mean"))
                if let sd = a.sd { parts.append("SD \(sd.text)" + mark(p, "sd")) }
                if let se = a.se { parts.append("SE \(se.text)" + mark(p, "se")) }
                if let lo = a.ciLower, let hi = a.ciUpper {
                    parts.append("\(ReportNumber.percent(a.ciLevel ?? 0.95))\(mark(p, "ci_level")) CI \(lo.text) to \(hi.text)" + mark(p, "ci_lower"))
                }
                if let pv = a.p { parts.append(pv.text.lowercased().hasPrefix("p") ? pv.text : "p \(pv.text)") }
                out += "  " + a.arm.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + parts.joined(separator: ", ") + "\n"
            }
            for c in s.counts where c.outcome == outcome && c.timepoint == timepoint {
                var t = "  \(c.arm), \(c.category): "
                if let x = c.count, let n = c.total { t += "\(x.text)/\(n.text)" + mark(c.provenance, "count") }
                else if let n = c.total { t += "count not printed (of \(n.text))" }
                else if let x = c.count { t += "\(x.text), denominator not printed" + mark(c.provenance, "count") }
                else { t += "count not printed" }
                if let pct = c.percent { t += " (\(pct.text))" }
                out += t + "\n"
            }
            for c in s.comparisons where c.outcome == outcome && c.timepoint == timepoint {
                var t = "  \(c.armA) vs \(c.armB): "
                if c.measure == .pOnly { t += "only a p-value printed" }
                else {
                    t += "\(c.measure.rawValue) (\(c.armA) − \(c.armB)) " + (c.estimate?.text ?? "not printed")
                    if let lo = c.ciLower, let hi = c.ciUpper {
                        t += ", \(ReportNumber.percent(c.ciLevel ?? 0.95))\(mark(c.provenance, "ci_level")) CI \(lo.text) to \(hi.text)"
                    }
                }
                if let p = c.p { t += ", " + (p.text.lowercased().hasPrefix("p") ? p.text : "p \(p.text)") }
                t += c.test.isEmpty ? "; test not named" : "; test: \(c.test)"
                out += ReportText.wrap(t, indent: "    ") + "\n"
            }
        }
        if blocks.isEmpty { out += "No outcome values are entered for this study.\n" }
        if !reasons.isEmpty {
            out += "\nNot printed in the paper (from another report of the study, or inferred):\n"
            for (i, r) in reasons.enumerated() { out += ReportText.wrap("  \(i + 1). \(r)", indent: "     ") + "\n" }
        }
        return out
    }
}
