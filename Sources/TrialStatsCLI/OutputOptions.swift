import ArgumentParser
import Foundation
import TrialStats

/// `--format text|csv|json`, shared by every command that prints results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, csv, json
}

struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text (rounded for reading), csv or json (17 significant digits).")
    var format: OutputFormat = .text

    /// Prints rows in the chosen format to standard output.
    func emit(_ rows: [ResultRow], title: String? = nil) throws {
        switch format {
        case .text: try Output.print(ResultTable.text(rows, title: title), terminator: "")
        case .csv: try Output.print(ResultTable.csv(rows), terminator: "")
        case .json: try Output.print(JSONRows.render(rows), terminator: "")
        }
    }
}

/// JSON of result rows: the standard columns as numbers (17 significant digits, `null` when absent), then the
/// extra columns in sorted order; an extra that holds a number ("level": 0.95, "n": 35) is a JSON number.
enum JSONRows {
    /// Extra columns that hold names, never numbers, even when a name looks like one.
    static let textColumns: Set<String> = ["id", "label", "arm", "group", "term", "row", "column", "comparison", "bound",
                                           "scores", "note", "alternative", "ci_method", "method", "reference"]

    static func render(_ rows: [ResultRow]) -> String {
        let extra = Array(Set(rows.flatMap { $0.extra.keys })).sorted()
        if rows.isEmpty { return "[\n]\n" }
        return "[\n" + rows.map { object($0, extra: extra) }.joined(separator: ",\n") + "\n]\n"
    }

    /// One row as a JSON object on one line (`  {…}`).
    static func object(_ r: ResultRow, extra: [String]? = nil) -> String {
        var pairs = ["\"quantity\": " + ResultTable.jsonString(r.quantity)]
        let columns: [(String, Double?)] = [("estimate", r.estimate), ("se", r.se), ("ci_lower", r.ciLower), ("ci_upper", r.ciUpper),
                                            ("statistic", r.statistic), ("df", r.df), ("p_value", r.pValue)]
        for (name, value) in columns { pairs.append("\"\(name)\": " + ResultTable.jsonNumber(value)) }
        pairs.append("\"method\": " + ResultTable.jsonString(r.method))
        for k in extra ?? r.extra.keys.sorted() {
            guard let v = r.extra[k] else { continue }
            pairs.append(ResultTable.jsonString(k) + ": " + value(v, key: k))
        }
        return "  {" + pairs.joined(separator: ", ") + "}"
    }

    /// A JSON number when the text is one (as written: "0.95" stays 0.95), else a JSON string.
    static func value(_ text: String, key: String) -> String {
        if !textColumns.contains(key), isNumber(text) { return text }
        return ResultTable.jsonString(text)
    }

    static func isNumber(_ text: String) -> Bool {
        text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }
}
