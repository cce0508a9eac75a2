import Foundation
import TSCore

/// Renders audit rows: CSV (17 significant digits, `ResultTable.csvField` quoting), JSON, or aligned text.
/// Columns: check, arm, reported, recomputed_low, recomputed_high, nominal, verdict, miss, readings, method, detail,
/// scope (`result`: the finding about the printed quantity; `method`: what one method alone gives).
public enum AuditTable {
    public static let columns = ["check", "arm", "reported", "recomputed_low", "recomputed_high", "nominal",
                                 "verdict", "miss", "readings", "method", "detail", "scope"]

    static func cells(_ r: AuditRow) -> [String] {
        [r.check, r.arm, r.reported, NumberFormat.full(r.recomputed?.lower), NumberFormat.full(r.recomputed?.upper),
         NumberFormat.full(r.nominal), r.verdict.label, NumberFormat.full(r.verdict.miss),
         r.readings.map(\.rawValue).joined(separator: " "), r.method, detailText(r), r.scope.rawValue]
    }

    static func detailText(_ r: AuditRow) -> String {
        if case .unchecked(let what) = r.verdict { return r.detail.isEmpty ? "missing \(what)" : "missing \(what); \(r.detail)" }
        return r.detail
    }

    public static func csv(_ rows: [AuditRow]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for r in rows { out += cells(r).map(ResultTable.csvField).joined(separator: ",") + "\n" }
        return out
    }

    public static func json(_ rows: [AuditRow]) -> String {
        let objects = rows.map { r -> String in
            let c = cells(r)
            var pairs: [String] = []
            for (i, name) in columns.enumerated() {
                let numeric = ["recomputed_low", "recomputed_high", "nominal", "miss"].contains(name)
                if numeric {
                    let v: Double? = [r.recomputed?.lower, r.recomputed?.upper, r.nominal, r.verdict.miss][
                        ["recomputed_low", "recomputed_high", "nominal", "miss"].firstIndex(of: name)!]
                    pairs.append("\"\(name)\": " + ResultTable.jsonNumber(v))
                } else {
                    pairs.append("\"\(name)\": " + ResultTable.jsonString(c[i]))
                }
            }
            return "  {" + pairs.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

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
