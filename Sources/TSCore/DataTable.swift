/// One cell of an output table, typed, so that each format renders it the way the format means it:
/// a number is a JSON number and a CSV field at 17 significant digits, text is a quoted string.
public enum TableCell: Sendable, Equatable {
    case text(String)
    /// CSV: 17 significant digits, "NA" when nil, "Inf"/"-Inf"; JSON: 17 significant digits, `null` when nil or
    /// not finite.
    case number(Double?)
    case integer(Int)
    case bool(Bool)
    /// A number kept as it was written ("0.95", "35"): the same text in CSV, a bare JSON number. Built with
    /// `TableCell.written(_:)`, which keeps anything that is not JSON number syntax as text.
    case numeral(String)
    /// Not given for this row: an empty CSV field, and no key in JSON.
    case absent
}

extension TableCell {
    /// `.numeral` when `text` is a number in JSON syntax (RFC 8259 §6), else `.text`.
    public static func written(_ text: String) -> TableCell {
        isJSONNumber(text) ? .numeral(text) : .text(text)
    }

    static func isJSONNumber(_ s: String) -> Bool {
        var u = Array(s.utf8)[...]
        func digits() -> Int { var n = 0; while let c = u.first, c >= 0x30, c <= 0x39 { u.removeFirst(); n += 1 }; return n }
        if u.first == 0x2D { u.removeFirst() }
        guard let first = u.first else { return false }
        if first == 0x30 { u.removeFirst() } else if digits() == 0 { return false }
        if u.first == 0x2E { u.removeFirst(); guard digits() > 0 else { return false } }
        if u.first == 0x65 || u.first == 0x45 {
            u.removeFirst()
            if u.first == 0x2B || u.first == 0x2D { u.removeFirst() }
            guard digits() > 0 else { return false }
        }
        return u.isEmpty
    }
}

/// The one renderer of tabular output: a column schema and rows of typed cells, written as CSV (RFC 4180)
/// or JSON (an array of objects, keys in column order, one object per line). Every table the library and the
/// command-line tool print as CSV or JSON goes through here; text layouts, which round for reading, are
/// rendered by each result's own `text`.
public struct DataTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[TableCell]]

    public init(columns: [String], rows: [[TableCell]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// RFC 4180 quoting: fields with comma, quote, CR or LF are quoted, quotes doubled.
    public static func csvField(_ s: String) -> String {
        // Byte scan: the four specials are ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte character.
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// A text cell as a CSV field that a spreadsheet cannot run as a formula: text starting with `=`, `@`, a tab,
    /// a carriage return, or a `+` or `-` that is not simply the sign of a number ("+1.9" stays as printed) gets
    /// a leading apostrophe (the OWASP rule for CSV injection), then RFC 4180 quoting. Numbers and numerals are
    /// never changed.
    public static func csvText(_ s: String) -> String {
        guard let first = s.utf8.first else { return s }
        let risky = first == 0x3D || first == 0x40 || first == 0x09 || first == 0x0D
            || ((first == 0x2B || first == 0x2D) && !TableCell.isJSONNumber(String(s.dropFirst())))
        return csvField(risky ? "'" + s : s)
    }

    public static func csvCell(_ c: TableCell) -> String {
        switch c {
        case .text(let s): return csvText(s)
        case .number(let x): return NumberFormat.full(x)
        case .integer(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .numeral(let s): return s
        case .absent: return ""
        }
    }

    public static func csvLine(_ cells: [TableCell]) -> String {
        cells.map(csvCell).joined(separator: ",") + "\n"
    }

    public var csvHeader: String { columns.map(Self.csvField).joined(separator: ",") + "\n" }

    public func csv() -> String {
        rows.reduce(into: csvHeader) { $0 += Self.csvLine($1) }
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
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A JSON number with 17 significant digits; `null` for nil, NaN and infinities.
    public static func jsonNumber(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return NumberFormat.full(x)
    }

    /// One row as a JSON object on one line, indented two spaces; absent cells have no key.
    public func jsonObject(_ cells: [TableCell]) -> String {
        var pairs: [String] = []
        for (name, c) in zip(columns, cells) {
            let v: String
            switch c {
            case .text(let s): v = Self.jsonString(s)
            case .number(let x): v = Self.jsonNumber(x)
            case .integer(let n): v = String(n)
            case .bool(let b): v = b ? "true" : "false"
            case .numeral(let s): v = s
            case .absent: continue
            }
            pairs.append(Self.jsonString(name) + ": " + v)
        }
        return "  {" + pairs.joined(separator: ", ") + "}"
    }

    public func json() -> String {
        if rows.isEmpty { return "[\n]\n" }
        return "[\n" + rows.map(jsonObject).joined(separator: ",\n") + "\n]\n"
    }
}
