import Foundation
import TSCore

/// One dataset CSV file read whole, its header checked against the columns its kind allows.
/// Cells are trimmed of surrounding spaces. Rows whose cells are all empty (spreadsheets export them)
/// are skipped. Every problem is an `InputError` at `name:line:column`.
struct CSVTable {
    struct Cell {
        var text: String
        var line: Int
        var column: Int
    }

    struct Row {
        let name: String
        let line: Int
        let cells: [String: Cell]

        /// Trimmed text of a column ("" when the column is absent from an optional set).
        func text(_ column: String) -> String { cells[column]?.text ?? "" }

        /// `name:line:column` of a cell (the row start when the column is absent).
        func location(_ column: String) -> InputLocation {
            guard let c = cells[column] else { return .position(file: name, line: line, column: 1) }
            return .position(file: name, line: c.line, column: c.column)
        }

        /// `file:line:column` of every cell, by column.
        var locations: [String: InputLocation] { cells.mapValues { .position(file: name, line: $0.line, column: $0.column) } }

        /// The text of a column that must not be empty.
        func required(_ column: String, _ what: String) throws(InputError) -> String {
            let t = text(column)
            guard !t.isEmpty else { throw InputError(location(column), "\(column) is empty: \(what)") }
            return t
        }
    }

    let name: String
    let header: [String]
    let rows: [Row]

    /// Reads `text` as the file `name`. `required` columns must all appear; `optional` ones may;
    /// anything else, a duplicate or an empty column name is an error. The header is matched exactly
    /// (after trimming spaces): column names are lower case with underscores.
    init(text: String, name: String, required: [String], optional: [String] = []) throws(InputError) {
        self.name = name
        var reader = CSVReader(string: text, name: name)
        guard let head = try reader.next() else {
            throw InputError(.position(file: name, line: 1, column: 1), "the file is empty; expected a header row: \(required.joined(separator: ","))")
        }
        let known = Set(required + optional)
        var seen: [String: Int] = [:]
        var header: [String] = []
        for (i, raw) in head.fields.enumerated() {
            let column = raw.trimmingCharacters(in: .whitespaces)
            let at = InputLocation.position(file: name, line: head.positions[i].line, column: head.positions[i].column)
            guard !column.isEmpty else { throw InputError(at, "column \(i + 1) of the header has no name") }
            guard known.contains(column) else {
                throw InputError(at, "unknown column \(InputError.quoted(column)); the columns are: \((required + optional).joined(separator: ", "))")
            }
            if let first = seen[column] {
                throw InputError(at, "column \(InputError.quoted(column)) appears twice (first as column \(first))")
            }
            seen[column] = i + 1
            header.append(column)
        }
        for column in required where seen[column] == nil {
            throw InputError(.position(file: name, line: head.line, column: 1), "missing column \(InputError.quoted(column))")
        }
        self.header = header
        var rows: [Row] = []
        while let record = try reader.next() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == header.count else {
                let k = min(record.fields.count, header.count) - 1
                let p = record.positions[max(k, 0)]
                throw InputError(.position(file: name, line: p.line, column: p.column),
                                 "row has \(record.fields.count) fields; the header has \(header.count)")
            }
            var cells: [String: Cell] = [:]
            for (i, column) in header.enumerated() {
                let text = record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
                cells[column] = Cell(text: text, line: record.positions[i].line, column: record.positions[i].column)
            }
            rows.append(Row(name: name, line: record.line, cells: cells))
        }
        self.rows = rows
    }
}
