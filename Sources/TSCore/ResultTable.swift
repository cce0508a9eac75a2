import Foundation

/// Renders result rows as CSV, JSON or aligned text. CSV and JSON carry 17 significant digits;
/// text rounds for reading and always names the method.
public enum ResultTable {
    public static let standardColumns = [
        "quantity", "estimate", "se", "ci_lower", "ci_upper", "statistic", "df", "p_value", "method",
    ]

    /// Extra column names across rows, sorted, after the standard ones.
    static func extraColumns(_ rows: [ResultRow]) -> [String] {
        Array(Set(rows.flatMap { $0.extra.keys })).sorted()
    }

    static func fields(_ r: ResultRow) -> [Double?] {
        [r.estimate, r.se, r.ciLower, r.ciUpper, r.statistic, r.df, r.pValue]
    }

    /// RFC 4180 quoting (`DataTable.csvField`).
    public static func csvField(_ s: String) -> String { DataTable.csvField(s) }

    public static func csvHeader(extra: [String]) -> String { DataTable(columns: standardColumns + extra).csvHeader }

    public static func csvLine(_ r: ResultRow, extra: [String]) -> String { DataTable.csvLine(cells(r, extra: extra)) }

    /// Appends `csvLine(r, extra:)` as UTF-8 bytes, byte for byte the same (the batch writer's path).
    public static func appendCSVLine(_ r: ResultRow, extra: [String], to out: inout [UInt8]) {
        out.append(contentsOf: DataTable.csvText(r.quantity).utf8)
        for x in [r.estimate, r.se, r.ciLower, r.ciUpper, r.statistic, r.df, r.pValue] as [Double?] {
            out.append(UInt8(ascii: ","))
            NumberFormat.appendFull(x, to: &out)
        }
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: DataTable.csvText(r.method).utf8)
        for key in extra {
            out.append(UInt8(ascii: ","))
            if let v = r.extra[key] { out.append(contentsOf: DataTable.csvText(v).utf8) }
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// Extra columns that hold names, never numbers, even when a name looks like one.
    public static let textColumns: Set<String> = ["id", "label", "arm", "group", "term", "row", "column", "comparison", "bound",
                                                  "scores", "note", "alternative", "ci_method", "method", "reference", "outcome"]

    /// The rows as a table: the standard columns, then the extra columns in sorted order. An extra that holds a
    /// number as written ("level" 0.95, "n" 35) is a number cell (bare in JSON); names stay text.
    public static func table(_ rows: [ResultRow]) -> DataTable {
        let extra = extraColumns(rows)
        return DataTable(columns: standardColumns + extra, rows: rows.map { cells($0, extra: extra) })
    }

    static func cells(_ r: ResultRow, extra: [String]) -> [TableCell] {
        var c: [TableCell] = [.text(r.quantity)]
        c += fields(r).map { .number($0) }
        c.append(.text(r.method))
        for k in extra {
            guard let v = r.extra[k] else { c.append(.absent); continue }
            c.append(textColumns.contains(k) ? .text(v) : .written(v))
        }
        return c
    }

    public static func csv(_ rows: [ResultRow]) -> String { table(rows).csv() }

    public static func json(_ rows: [ResultRow]) -> String { table(rows).json() }

    /// One row as a JSON object line with its own extra columns (the batch writer streams rows one at a time).
    public static func jsonObject(_ r: ResultRow) -> String {
        let extra = r.extra.keys.sorted()
        return DataTable(columns: standardColumns + extra).jsonObject(cells(r, extra: extra))
    }

    /// A JSON string literal (`DataTable.jsonString`).
    public static func jsonString(_ s: String) -> String { DataTable.jsonString(s) }

    /// A JSON number with 17 significant digits; `null` for nil, NaN and infinities (`DataTable.jsonNumber`).
    public static func jsonNumber(_ x: Double?) -> String { DataTable.jsonNumber(x) }

    /// Aligned text for reading: estimate, CI, statistic, df and p rounded; the method spelled out.
    public static func text(_ rows: [ResultRow], title: String? = nil, digits: Int = 4) -> String {
        var out = title.map { $0 + "\n" } ?? ""
        let label = rows.map { r -> String in
            let tag = ["arm", "group", "label"].compactMap { r.extra[$0] }.first
            return tag.map { "\(r.quantity) [\($0)]" } ?? r.quantity
        }
        let width = label.map(\.count).max() ?? 0
        for (r, name) in zip(rows, label) {
            var line = name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            line += NumberFormat.readable(r.estimate, digits: digits)
            if let lo = r.ciLower, let hi = r.ciUpper {
                let level = r.extra["level"].flatMap(Double.init).map { String(format: "%g%%", $0 * 100) } ?? "95%"
                line += "  \(level) CI \(NumberFormat.readable(lo, digits: digits)) to \(NumberFormat.readable(hi, digits: digits))"
            }
            if let se = r.se { line += "  SE \(NumberFormat.readable(se, digits: digits))" }
            if let s = r.statistic { line += "  stat \(NumberFormat.readable(s, digits: digits))" }
            if let df = r.df { line += "  df \(NumberFormat.readable(df, digits: digits))" }
            if let p = r.pValue { line += "  p \(NumberFormat.pValue(p))" }
            line += "  (\(r.method))"
            out += line + "\n"
        }
        return out
    }
}
