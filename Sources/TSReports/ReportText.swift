import Foundation
import TSCore
import TSStudies
import TSTables

/// A study's report as plain text a clinician can read: the study, what it reported, what recomputes, each
/// difference with its size, what a printed bound implies, the audit verdicts, the regimens against the
/// reference intakes, and what could not be recomputed. Numbers are rounded for reading (4 significant digits,
/// doses with thousands separators); the CSV beside it has every value at full precision.
public enum ReportText {
    public static func text(_ r: StudyReport) -> String {
        var out = header(r)
        out += section("Findings") + findings(r)
        out += section("1. What was reported") + ReportedSection.text(r.study)
        out += section("2. What recomputes") + recomputes(r)
        let bounds = r.lines.filter { $0.section == .bound }
        if !bounds.isEmpty { out += section("3. What the printed bound implies") + boundText(bounds, implication: r.boundImplications.first) }
        out += section("\(bounds.isEmpty ? 3 : 4). Consistency audit (TSAudit)") + audit(r)
        out += section("\(bounds.isEmpty ? 4 : 5). Regimens and doses") + RegimenText.text(r)
        out += section("\(bounds.isEmpty ? 5 : 6). Not recomputed")
        out += r.notes.isEmpty ? "Nothing: every printed value with enough inputs was recomputed.\n"
            : r.notes.map { "- \($0)\n" }.joined()
        out += section("Reproducibility") + ReportStamp.text(r)
        return out
    }

    static func section(_ title: String) -> String {
        "\n" + title + "\n" + String(repeating: "-", count: title.count) + "\n"
    }

    static func header(_ r: StudyReport) -> String {
        let m = r.study.metadata
        let title = "TrialStats report: \(r.id)"
        var out = title + "\n" + String(repeating: "=", count: title.count) + "\n\n"
        out += wrap(m.value("citation") ?? m.value("title") ?? r.id) + "\n"
        var facts: [String] = []
        if let v = m.value("design") { facts.append("Design: \(v)") }
        if let v = m.value("population") { facts.append("Population: \(v)" + (m.value("age").map { "; age \($0)" } ?? "")) }
        let sizes = ["randomised", "included", "completed"].compactMap { k in m.value(k).map { "\(k) \($0)" } }
        if !sizes.isEmpty { facts.append(sizes.joined(separator: "; ").capitalizedFirst) }
        if let v = m.value("duration") { facts.append("Duration: \(v)") }
        let ids = [m.value("pmid").map { "PMID \($0)" }, m.value("doi").map { "doi \($0)" }, m.value("registration")].compactMap { $0 }
        if !ids.isEmpty { facts.append(ids.joined(separator: "; ")) }
        facts.append("Arms: " + m.arms.joined(separator: "; "))
        out += facts.map { wrap($0) + "\n" }.joined()
        for e in m.entries where e.key == "companion" || e.key == "note" {
            out += wrap((e.key == "companion" ? "Companion report: " : "Dataset note: ") + e.value) + "\n"
        }
        out += "\n" + wrap("How to read this: the findings come first. A printed number is CONSISTENT when some plausible method "
            + "reproduces it from the paper's other numbers as printed, ROUNDING when it is reproduced only from unrounded values "
            + "within the printed precision, INCONSISTENT only when no plausible method reproduces it (the miss is the smallest "
            + "gap), and UNCHECKED when an input is missing. Section 2 sets each printed number beside its recomputation at face "
            + "value, with the audit's verdict where it ran. Values are rounded here for reading; \(r.id).csv has every value "
            + "to 17 significant digits with its method.") + "\n"
        return out
    }

    /// Recomputed quantities of the arm, comparison and bound sections, compared ones first per block.
    static func recomputes(_ r: StudyReport) -> String {
        let lines = r.lines.filter { $0.section == .arm || $0.section == .comparison }
        guard !lines.isEmpty else { return "Nothing printed here can be recomputed (see the last section).\n" }
        var out = ""
        var block = ""
        for l in lines {
            let key = "\(l.outcome), \(l.timepoint) — \(l.arm)"
            if key != block {
                block = key
                out += "\n" + key + "\n"
            }
            out += "  " + describe(l, in: r) + "\n"
        }
        return out
    }

    /// "ci_lower  printed −2.3  recomputed −2.357  DIFFERS by −0.05737 (0.007374 beyond rounding)  [method]"
    static func describe(_ l: ReportLine, in r: StudyReport) -> String {
        var s = l.quantity.padding(toLength: max(l.quantity.count + 2, 26), withPad: " ", startingAt: 0)
        s += value(l)
        if !l.printedDisplay.isEmpty { s += "  (printed \(l.printedDisplay))" }
        s += "  " + verdict(l)
        if l.flag == .matches || l.flag == .differs, let a = auditCounterpart(l, in: r) {
            s += "; audit: " + a.flag.rawValue.uppercased()
        }
        s += "  [\(l.method)]"
        return s
    }

    static func value(_ l: ReportLine) -> String {
        let u = l.unit.isEmpty || l.unit == "×" ? (l.unit == "×" ? "×" : "") : " " + l.unit
        if let x = l.recomputed {
            var s = (l.quantity.hasPrefix("p") && l.quantity != "percent" && !l.quantity.hasPrefix("percent") && !l.quantity.hasPrefix("proportion")
                        ? ReportNumber.pValue(x) : ReportNumber.readable(x)) + u
            if let r = l.range, l.section != .audit { s += " (\(ReportNumber.readable(r.low)) to \(ReportNumber.readable(r.high)))" }
            return s
        }
        if let r = l.range { return "\(ReportNumber.readable(r.low)) to \(ReportNumber.readable(r.high))" + u }
        return "NA"
    }

    static func verdict(_ l: ReportLine) -> String {
        switch l.flag {
        case .differs:
            return "at face value off by \(ReportNumber.readable(l.difference)) (\(ReportNumber.readable(l.beyondRounding)) beyond rounding)"
        case .boundNotMet: return "BOUND NOT MET"
        case .boundMet: return "bound met"
        default: return l.flag.rawValue
        }
    }

    /// The findings, ranked: inconsistent printed numbers (largest miss, in units of the last printed digit,
    /// first), then those reproduced only at the edge of the rounding, then what the audit could not check and why.
    static func findings(_ r: StudyReport) -> String {
        let results = r.lines.filter { $0.section == .audit && $0.scope == .result }
        let bad = results.enumerated().filter { $0.element.flag == .inconsistent }.sorted { x, y in
            let a = x.element.missInUnits ?? -1, b = y.element.missInUnits ?? -1
            return a != b ? a > b : x.offset < y.offset
        }.map(\.element)
        let other = results.filter { ($0.flag == .rounding || $0.flag == .consistent) && $0.alternativeReading }
        let edge = results.filter { $0.flag == .rounding && !$0.alternativeReading }
        let unchecked = results.filter { $0.flag == .unchecked }
        func place(_ l: ReportLine) -> String {
            (l.outcome.isEmpty ? "" : "\(l.outcome)\(l.timepoint.isEmpty ? "" : " \(l.timepoint)"), ") + l.arm
        }
        var out = ""
        if bad.isEmpty {
            out += results.isEmpty ? "No printed number had the inputs the audit needs.\n"
                : "No printed number is inconsistent: every checked number is reproduced by some plausible method.\n"
        } else {
            out += "Inconsistent: no plausible method reproduces these printed numbers (largest miss first):\n"
            for l in bad {
                var s = "- \(place(l)): \(l.quantity) printed \(l.printedDisplay): INCONSISTENT"
                if let m = l.difference, !m.isNaN {
                    s += ", miss \(ReportNumber.readable(m, digits: 3))"
                    if let u = l.missInUnits { s += " (\(ReportNumber.readable(u, digits: 3)) units of the last printed digit)" }
                }
                if !l.method.isEmpty { s += " [\(l.method)]" }
                if !l.detail.isEmpty { s += ": " + l.detail }
                out += wrap(s, indent: "  ") + "\n"
            }
        }
        if !other.isEmpty {
            out += "\nReproduced only under another reading than the usual one (named in brackets; worth a look):\n"
            for l in other {
                out += wrap("- \(place(l)): \(l.quantity) printed \(l.printedDisplay): \(l.flag.rawValue.uppercased()) [\(l.method)]",
                            indent: "  ") + "\n"
            }
        }
        if !edge.isEmpty {
            out += "\nReproduced only at the edge of the rounding (from unrounded values within the printed precision):\n"
            for l in edge {
                var s = "- \(place(l)): \(l.quantity) printed \(l.printedDisplay): ROUNDING, reproduced by \(l.method)"
                if let x = l.recomputed { s += "; from the printed inputs as printed: \(ReportNumber.readable(x))" }
                out += wrap(s, indent: "  ") + "\n"
            }
        }
        if !unchecked.isEmpty || !r.unaudited.isEmpty {
            out += "\nNot audited:\n"
            for l in unchecked {
                let what = l.printedDisplay.hasPrefix("not printed") ? "\(l.quantity) \(l.printedDisplay)" : "\(l.quantity) printed \(l.printedDisplay)"
                out += wrap("- \(place(l)): \(what): \(l.detail)", indent: "  ") + "\n"
            }
            for n in r.unaudited { out += wrap("- " + n, indent: "  ") + "\n" }
        }
        return out
    }

    /// The audit line that checks the same printed number as a recomputation line, if the audit ran on it.
    static func auditCounterpart(_ l: ReportLine, in r: StudyReport) -> ReportLine? {
        let map: [String: (check: String, method: String)] = [
            "ci_lower": ("ci_lower", ""), "ci_upper": ("ci_upper", ""), "p": ("p", ""), "sd_from_ci": ("sd_vs_ci", ""),
            "mean_from_ci_centre": ("mean_vs_ci", ""), "difference": ("difference", ""),
            "ci_lower_student": ("difference_ci_lower", "Student"), "ci_upper_student": ("difference_ci_upper", "Student"),
            "ci_lower_welch": ("difference_ci_lower", "Welch"), "ci_upper_welch": ("difference_ci_upper", "Welch"),
            "p_student": ("difference_p", "Student"), "p_welch": ("difference_p", "Welch"),
        ]
        guard let m = map[l.quantity] else { return nil }
        return r.lines.first { a in
            a.section == .audit && a.scope == .result && a.quantity == m.check && a.arm == l.arm && a.outcome == l.outcome
                && a.timepoint == l.timepoint
        }
    }

    static func boundText(_ lines: [ReportLine], implication: BoundImplication?) -> String {
        var out = ""
        var block = ""
        for l in lines {
            let key = "\(l.outcome), \(l.timepoint): \(l.printedDisplay), \(l.arm)"
            if key != block { block = key; out += key + "\n" + wrap("  " + l.detail, indent: "  ") + "\n" }
            out += wrap("  - \(l.quantity) ≥ \(ReportNumber.readable(l.recomputed)): \(l.method)", indent: "    ") + "\n"
        }
        out += wrap("  No counts are assumed: each value is the smallest that any table with the printed group sizes must "
            + "reach to give the printed p-value.", indent: "  ") + "\n"
        if let implication, let collapse = implication.collapse {
            let (v, half, rare) = (implication.minimumCramersV, collapse.minimumRiskDifferenceAtHalf, collapse.smallestRiskDifference)
            out += "\n" + wrap("  In words: with these group sizes, \(lines[0].printedDisplay) is compatible with an association as weak as "
                + "Cramér's V = \(ReportNumber.readable(v, digits: 2)) (0.1 counts as small, Cohen 1988). Split into two outcome "
                + "categories, the two groups' proportions need differ by only \(ReportNumber.readable(100 * half, digits: 2)) "
                + "percentage points when the outcome affects about half the patients, and by \(ReportNumber.readable(100 * rare, digits: 2)) "
                + "when it is rare. The bound shows the difference is unlikely to be chance; it does not show that it is large.",
                indent: "  ") + "\n"
        }
        return out
    }

    static func audit(_ r: StudyReport) -> String {
        let lines = r.lines.filter { $0.section == .audit }
        guard !lines.isEmpty else { return "No printed value has the inputs the audit checks need.\n" }
        var out = wrap("Verdicts: consistent (recomputed from the printed inputs as printed, it prints as reported); rounding "
            + "(only some unrounded inputs within the printed precision reproduce it); inconsistent (none do; miss = gap); "
            + "unchecked (an input is missing).") + "\n"
        var block = ""
        for l in lines {
            let key = l.outcome.isEmpty ? "Study totals" : "\(l.outcome), \(l.timepoint)"
            if key != block { block = key; out += "\n" + key + "\n" }
            if l.scope == .method {
                var s = "      · \(l.method): "
                switch l.flag {
                case .consistent: s += "reproduces"
                case .rounding: s += "reproduces at the edge of the rounding"
                case .inconsistent: s += "does not reproduce" + (l.difference.map { $0.isNaN ? "" : " (miss \(ReportNumber.readable($0, digits: 3)))" } ?? "")
                default: s += "not tried"
                }
                if let rg = l.range { s += ", recomputed \(ReportNumber.readable(rg.low)) to \(ReportNumber.readable(rg.high))" }
                out += wrap(s, indent: "        ") + "\n"
                continue
            }
            var s = "  \(l.quantity) [\(l.arm)]  reported \(l.printedDisplay)"
            if let x = l.recomputed { s += "  recomputed \(ReportNumber.readable(x))" }
            if let rg = l.range, rg.low != rg.high { s += " (range \(ReportNumber.readable(rg.low)) to \(ReportNumber.readable(rg.high)))" }
            s += "  " + l.flag.rawValue.uppercased()
            if l.flag == .inconsistent, let m = l.difference, !m.isNaN { s += " (miss \(ReportNumber.readable(m, digits: 3)))" }
            if !l.method.isEmpty { s += "  [\(l.method)]" }
            if !l.detail.isEmpty { s += "  " + l.detail }
            out += wrap(s, indent: "    ") + "\n"
        }
        return out
    }

    /// Wraps at `width` characters on spaces, keeping the text's leading spaces; continuation lines get `indent`.
    static func wrap(_ text: String, width: Int = 110, indent: String = "") -> String {
        let lead = String(text.prefix(while: { $0 == " " }))
        var lines: [String] = []
        var current = lead
        var length = lead.count   // characters in `current`, kept alongside it (String.count is linear)
        let indentLength = indent.count
        var empty = true
        for word in text.dropFirst(lead.count).split(separator: " ") {
            let w = word.count
            if empty { current += word; length += w; empty = false; continue }
            if length + 1 + w > width {
                lines.append(current)
                current = indent + word
                length = indentLength + w
            } else {
                current += " " + word
                length += 1 + w
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
