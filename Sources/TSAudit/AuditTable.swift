import Foundation
import TSCore

/// Renders audit rows: CSV (17 significant digits, `ResultTable.csvField` quoting), JSON, or aligned text.
/// Columns: check, arm, reported, recomputed_low, recomputed_high, nominal, verdict, miss, readings, method, detail,
/// scope (`result`: the finding about the printed quantity; `method`: what one method alone gives).
public enum AuditTable {
    public static let columns = ["check", "arm", "reported", "recomputed_low", "recomputed_high", "nominal",
                                 "verdict", "miss", "readings", "method", "detail", "scope"]

    static func cells(_ r: AuditRow) -> [TableCell] {
        [.text(r.check), .text(r.arm), .text(r.reported), .number(r.recomputed?.lower), .number(r.recomputed?.upper),
         .number(r.nominal), .text(r.verdict.label), .number(r.verdict.miss),
         .text(r.readings.map(\.rawValue).joined(separator: " ")), .text(r.method), .text(detailText(r)), .text(r.scope.rawValue)]
    }

    static func detailText(_ r: AuditRow) -> String {
        if case .unchecked(let what) = r.verdict { return r.detail.isEmpty ? "missing \(what)" : "missing \(what); \(r.detail)" }
        return r.detail
    }

    /// The rows as a table (`DataTable`): the printed text stays text, recomputed values and misses are numbers.
    public static func table(_ rows: [AuditRow]) -> DataTable { DataTable(columns: columns, rows: rows.map(cells)) }

    public static func csv(_ rows: [AuditRow]) -> String { table(rows).csv() }

    public static func json(_ rows: [AuditRow]) -> String { table(rows).json() }

    /// Aligned text for reading: one line per check, the recomputed range rounded to 4 significant digits.
    /// Method rows are indented under their result and say "reproduces" or "does not reproduce"; only result
    /// rows carry the verdict words.
    public static func text(_ rows: [AuditRow], title: String? = nil) -> String {
        var out = title.map { $0 + "\n" } ?? ""
        let names = rows.map { $0.scope == .method ? "  · \($0.method)" : "\($0.check) [\($0.arm)]" }
        let width = names.map(\.count).max() ?? 0
        let reportedWidth = rows.map(\.reported.count).max() ?? 0
        for (r, name) in zip(rows, names) {
            var line = name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            line += r.reported.padding(toLength: reportedWidth, withPad: " ", startingAt: 0) + "  "
            if let rc = r.recomputed {
                line += rc.lower == rc.upper ? "= \(NumberFormat.readable(rc.lower))"
                    : "recomputed \(NumberFormat.readable(rc.lower)) to \(NumberFormat.readable(rc.upper))"
                line += "  "
            }
            if r.scope == .method {
                switch r.verdict {
                case .consistent: line += "reproduces"
                case .rounding: line += "reproduces at the edge of the rounding"
                case .inconsistent(let m): line += "does not reproduce" + (m.isNaN ? "" : " (miss \(NumberFormat.readable(m, digits: 3)))")
                case .unchecked: line += "not tried"
                }
            } else {
                line += r.verdict.label.uppercased()
                if let m = r.verdict.miss, !m.isNaN { line += " (miss \(NumberFormat.readable(m, digits: 3)))" }
                if !r.method.isEmpty { line += "  [\(r.method)]" }
            }
            let d = detailText(r)
            if !d.isEmpty { line += "  " + d }
            out += line + "\n"
        }
        return out
    }
}
