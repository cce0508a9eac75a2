import Foundation
import TSCore

/// Where a value came from: printed in the paper, taken from elsewhere (another report of the same study),
/// or inferred by the reviewer. Every dataset row carries a source, and any value not printed in the paper
/// is marked so, with the reason.
public enum ValueStatus: String, Sendable, Equatable, CaseIterable {
    case printed
    case fromElsewhere = "from-elsewhere"
    case inferred
}

/// The `source`, `status` and `reason` cells of a row.
///
/// `status` grammar: empty or `printed` (everything in the row was printed), a bare kind
/// (`from-elsewhere`, `inferred`: the whole row), or items `KIND: column, column` separated by `;`
/// naming the columns that were not printed, e.g. `from-elsewhere: n` or `from-elsewhere: n; inferred: ci_level`.
/// Any status other than printed needs a reason.
public struct Provenance: Sendable, Equatable {
    /// Where in the paper (or the other report): "abstract", "Table 2, p. 5".
    public var source: String
    /// Why a value was not printed / where it came from; empty when everything is printed.
    public var reason: String
    /// Status of the whole row when not given per column.
    public var rowStatus: ValueStatus
    /// Per-column statuses that override `rowStatus`.
    public var columnStatus: [String: ValueStatus]

    public init(source: String, reason: String = "", rowStatus: ValueStatus = .printed, columnStatus: [String: ValueStatus] = [:]) {
        self.source = source
        self.reason = reason
        self.rowStatus = rowStatus
        self.columnStatus = columnStatus
    }

    /// Status of one column's value.
    public func status(of column: String) -> ValueStatus { columnStatus[column] ?? rowStatus }

    /// Whether anything in the row was not printed.
    public var hasUnprintedValues: Bool { rowStatus != .printed || columnStatus.values.contains { $0 != .printed } }

    /// Reads the provenance cells of a row. `valueColumns` are the columns a status item may name.
    static func read(_ row: CSVTable.Row, valueColumns: [String]) throws(InputError) -> Provenance {
        let source = try row.required("source", "say where the row's values are printed (e.g. \"abstract\", \"Table 2\")")
        let status = row.text("status")
        let at = row.location("status")
        var result = Provenance(source: source, reason: row.text("reason"))
        if !(status.isEmpty || status == "printed") {
            let items = status.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            for item in items {
                let pieces = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let kind = ValueStatus(rawValue: pieces.first ?? "") else {
                    throw InputError(at, "unknown status \(InputError.quoted(item)); use printed, from-elsewhere or inferred, optionally followed by \": column, column\"")
                }
                if pieces.count == 1 {
                    guard items.count == 1 else {
                        throw InputError(at, "status \(InputError.quoted(item)) names no columns; in a list every item needs \"kind: column\"")
                    }
                    result.rowStatus = kind
                    continue
                }
                let columns = pieces[1].split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                guard !columns.isEmpty else { throw InputError(at, "status \(InputError.quoted(item)) names no columns after \":\"") }
                for column in columns {
                    guard valueColumns.contains(column) else {
                        throw InputError(at, "status names \(InputError.quoted(column)), which is not a value column here (\(valueColumns.joined(separator: ", ")))")
                    }
                    guard result.columnStatus[column] == nil else {
                        throw InputError(at, "status names \(InputError.quoted(column)) twice")
                    }
                    result.columnStatus[column] = kind
                }
            }
        }
        if result.hasUnprintedValues && result.reason.isEmpty {
            throw InputError(row.location("reason"), "reason is empty: status \(InputError.quoted(status)) needs one (which report, or how the value was inferred)")
        }
        return result
    }
}
