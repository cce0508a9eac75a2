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

    public static func csv(_ report: StudyReport) -> String { table(report).csv() }

    /// The report's lines as a table (`DataTable`).
    public static func table(_ report: StudyReport) -> DataTable {
        DataTable(columns: columns, rows: report.lines.map { row($0, study: report.id) })
    }

    static func row(_ l: ReportLine, study: String) -> [TableCell] {
        let printedInterval = l.printed?.interval
        let text: [String] = [study, l.section.rawValue, l.outcome, l.timepoint, l.arm, l.agent, l.quantity]
        return text.map(TableCell.text) + [
            .number(l.recomputed), .number(l.range?.low), .number(l.range?.high), .text(l.unit),
            .text(l.printedDisplay), .number(printedInterval?.lower), .number(printedInterval?.upper),
            .number(l.difference), .number(l.beyondRounding), .text(l.flag.rawValue), .text(l.method), .text(l.detail),
            .text(l.scope?.rawValue ?? ""),
        ]
    }
}

/// `index.csv`: one row per study with what its report holds.
public enum ReportIndex {
    public static let columns = [
        "study", "citation", "year", "design", "arms", "report_csv", "report_text", "rows", "compared",
        "face_value_matches", "face_value_off", "bound_met", "bound_not_met", "implied", "audit_consistent", "audit_rounding",
        "audit_inconsistent", "audit_unchecked", "largest_miss_in_units", "largest_miss_quantity", "regimens",
    ]

    public static func csv(_ reports: [StudyReport]) -> String { table(reports).csv() }

    /// One row per study (`DataTable`).
    public static func table(_ reports: [StudyReport]) -> DataTable {
        var table = DataTable(columns: columns)
        for r in reports {
            let m = r.study.metadata
            let compared = r.lines.filter { [.matches, .differs, .boundMet, .boundNotMet].contains($0.flag) }.count
            let findings = r.lines.filter { $0.section == .audit && $0.scope == .result }
            func audit(_ f: ReportFlag) -> Int { findings.filter { $0.flag == f }.count }
            let worst = findings.filter { $0.flag == .inconsistent && $0.missInUnits != nil }.max { $0.missInUnits! < $1.missInUnits! }
            let text: [String] = [
                r.id, m.value("citation") ?? m.value("title") ?? "", m.value("year") ?? "", m.value("design") ?? "",
                m.arms.joined(separator: "; "), "\(r.id).csv", "\(r.id).txt",
            ]
            let counts = [r.lines.count, compared, r.count(.matches), r.count(.differs), r.count(.boundMet), r.count(.boundNotMet),
                          r.count(.implied), audit(.consistent), audit(.rounding), audit(.inconsistent), audit(.unchecked)]
            table.rows.append(text.map(TableCell.text) + counts.map(TableCell.integer) + [
                .number(worst?.missInUnits), .text(worst.map { "\($0.arm): \($0.quantity)" } ?? ""), .integer(r.study.regimens.count),
            ])
        }
        return table
    }
}
