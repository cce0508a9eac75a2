import Foundation
import TSCore

/// One row of `counts.csv`: how many participants of one arm fell in one category of an outcome.
/// `count` may be empty when the paper names the category but prints no count: such a row records the
/// category and that its count is unknown; nothing is filled in.
public struct CategoryCountRow: Sendable, Equatable {
    public var outcome: String
    public var timepoint: String
    public var arm: String
    public var category: String
    /// The printed count, nil when not printed.
    public var count: PrintedValue?
    /// The arm's number of participants the count is out of, nil when not printed.
    public var total: PrintedValue?
    /// The printed percentage of the arm, nil when not printed.
    public var percent: PrintedValue?
    public var provenance: Provenance
    /// `file:line` of the row.
    public var location: String
    /// `file:line:column` of each cell, by column name.
    public var cellLocations: [String: InputLocation]

    static let columns = ["outcome", "timepoint", "arm", "category", "count", "total", "percent", "source", "status", "reason"]
    static let valueColumns = ["count", "total", "percent"]

    static func read(text: String, name: String) throws(InputError) -> [CategoryCountRow] {
        let table = try CSVTable(text: text, name: name, required: columns)
        var out: [CategoryCountRow] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let outcome = try row.required("outcome", "name the outcome the categories belong to")
            let arm = try row.required("arm", "name the arm as declared in study.csv")
            let category = try row.required("category", "name the category as printed")
            let timepoint = row.text("timepoint")
            let key = [outcome, timepoint, arm, category].joined(separator: "\u{1}")
            if let first = seen[key] {
                throw InputError(.position(file: name, line: row.line, column: 1), "duplicate row for outcome \(InputError.quoted(outcome)), arm \(InputError.quoted(arm)), category \(InputError.quoted(category)) (first at line \(first))")
            }
            seen[key] = row.line
            let percent = try row.number("percent")
            if let percent, !(0...100).contains(percent.value) {
                throw InputError(row.location("percent"), "percent \(InputError.quoted(percent.text)) is not between 0 and 100")
            }
            let count = try row.count("count"), total = try row.count("total")
            if let count, let total, count.value > total.value {
                throw InputError(row.location("count"), "count \(count.text) is larger than total \(total.text)")
            }
            out.append(CategoryCountRow(
                outcome: outcome, timepoint: timepoint, arm: arm, category: category, count: count, total: total,
                percent: percent, provenance: try Provenance.read(row, valueColumns: valueColumns),
                location: "\(name):\(row.line)", cellLocations: row.locations))
        }
        return out
    }
}
