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

    /// RFC 4180 quoting: fields with comma, quote, CR or LF are quoted, quotes doubled.
    public static func csvField(_ s: String) -> String {
        // Byte scan: the four specials are ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte character.
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func csvHeader(extra: [String]) -> String {
        (standardColumns + extra).map(csvField).joined(separator: ",") + "\n"
    }

    public static func csvLine(_ r: ResultRow, extra: [String]) -> String {
        var cells = [csvField(r.quantity)]
        cells += fields(r).map { NumberFormat.full($0) }
        cells.append(csvField(r.method))
        cells += extra.map { csvField(r.extra[$0] ?? "") }
        return cells.joined(separator: ",") + "\n"
    }

    /// Appends `csvLine(r, extra:)` as UTF-8 bytes, byte for byte the same (the batch writer's path).
    public static func appendCSVLine(_ r: ResultRow, extra: [String], to out: inout [UInt8]) {
        out.append(contentsOf: csvField(r.quantity).utf8)
        for x in [r.estimate, r.se, r.ciLower, r.ciUpper, r.statistic, r.df, r.pValue] as [Double?] {
            out.append(UInt8(ascii: ","))
            NumberFormat.appendFull(x, to: &out)
        }
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: csvField(r.method).utf8)
        for key in extra {
            out.append(UInt8(ascii: ","))
            if let v = r.extra[key] { out.append(contentsOf: csvField(v).utf8) }
        }
        out.append(UInt8(ascii: "\n"))
    }

    public static func csv(_ rows: [ResultRow]) -> String {
        let extra = extraColumns(rows)
        return rows.reduce(csvHeader(extra: extra)) { $0 + csvLine($1, extra: extra) }
    }

    /// A JSON string literal with the required escapes (RFC 8259 §7).
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// A JSON number with 17 significant digits; `null` for NaN and infinities.
    public static func jsonNumber(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return String(format: "%.17g", x)
    }

    /// A JSON array of objects, one per row, keys in a fixed order (byte-identical output).
    public static func json(_ rows: [ResultRow]) -> String {
        let extra = extraColumns(rows)
        let objects = rows.map { r -> String in
            var pairs = ["\"quantity\": " + jsonString(r.quantity)]
            for (name, value) in zip(standardColumns.dropFirst().dropLast(), fields(r)) {
                pairs.append("\"\(name)\": " + jsonNumber(value))
            }
            pairs.append("\"method\": " + jsonString(r.method))
            for k in extra where r.extra[k] != nil { pairs.append(jsonString(k) + ": " + jsonString(r.extra[k]!)) }
            return "  {" + pairs.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

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
