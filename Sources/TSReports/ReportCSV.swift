import Foundation
import TSCore
import TSStudies

/// A study's report as CSV: one row per recomputed quantity, numbers at 17 significant digits
/// (`NumberFormat.full`; "NA" when absent, "Inf"/"-Inf"), RFC 4180 quoting, LF line ends, UTF-8.
public enum ReportCSV {
    public static let columns = [
        "study", "section", "outcome", "timepoint", "arm", "agent", "quantity", "recomputed", "low", "high", "unit",
        "printed", "printed_low", "printed_high", "difference", "beyond_rounding", "flag", "method", "detail", "scope",
    ]

    public static func csv(_ report: StudyReport) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for l in report.lines { out += row(l, study: report.id) }
        return out
    }

    static func row(_ l: ReportLine, study: String) -> String {
        let printedInterval = l.printed?.interval
        let cells: [String] = [
            study, l.section.rawValue, l.outcome, l.timepoint, l.arm, l.agent, l.quantity,
            NumberFormat.full(l.recomputed), NumberFormat.full(l.range?.low), NumberFormat.full(l.range?.high), l.unit,
            l.printedDisplay, NumberFormat.full(printedInterval?.lower), NumberFormat.full(printedInterval?.upper),
            NumberFormat.full(l.difference), NumberFormat.full(l.beyondRounding), l.flag.rawValue, l.method, l.detail,
            l.scope?.rawValue ?? "",
        ]
        return cells.map(ResultTable.csvField).joined(separator: ",") + "\n"
    }
}

/// `index.csv`: one row per study with what its report holds.
public enum ReportIndex {
    public static let columns = [
        "study", "citation", "year", "design", "arms", "report_csv", "report_text", "rows", "compared",
        "face_value_matches", "face_value_off", "bound_met", "bound_not_met", "implied", "audit_consistent", "audit_rounding",
        "audit_inconsistent", "audit_unchecked", "largest_miss_in_units", "largest_miss_quantity", "regimens",
    ]

    public static func csv(_ reports: [StudyReport]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for r in reports {
            let m = r.study.metadata
            let compared = r.lines.filter { [.matches, .differs, .boundMet, .boundNotMet].contains($0.flag) }.count
            let findings = r.lines.filter { $0.section == .audit && $0.scope == .result }
            func audit(_ f: ReportFlag) -> String { "\(findings.filter { $0.flag == f }.count)" }
            let worst = findings.filter { $0.flag == .inconsistent && $0.missInUnits != nil }.max { $0.missInUnits! < $1.missInUnits! }
            let cells: [String] = [
                r.id, m.value("citation") ?? m.value("title") ?? "", m.value("year") ?? "", m.value("design") ?? "",
                m.arms.joined(separator: "; "), "\(r.id).csv", "\(r.id).txt",
                "\(r.lines.count)", "\(compared)", "\(r.count(.matches))", "\(r.count(.differs))",
                "\(r.count(.boundMet))", "\(r.count(.boundNotMet))", "\(r.count(.implied))",
                audit(.consistent), audit(.rounding), audit(.inconsistent), audit(.unchecked),
                NumberFormat.full(worst?.missInUnits),
                worst.map { "\($0.arm): \($0.quantity)" } ?? "",
                "\(r.study.regimens.count)",
            ]
            out += cells.map(ResultTable.csvField).joined(separator: ",") + "\n"
        }
        return out
    }
}
