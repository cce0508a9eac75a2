// Fixture loading for the test targets. Every failure is loud: a missing file, an empty file, a row with the
// wrong number of fields or a cell that is not the number it should be throws a `FixtureError` that names the
// file and line, so a test reading a fixture fails instead of checking nothing.
import Foundation
import Testing
import TSCore

/// Why a fixture could not be read, with the place: "Tests/Fixtures/NAME:LINE" (or the path alone).
public struct FixtureError: Error, CustomStringConvertible, Sendable {
    public var location: String
    public var message: String
    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }
    public var description: String { "\(location): \(message)" }
}

/// The committed fixtures under Tests/Fixtures, found from this file's own path (no bundles, no working folder).
public enum Fixtures {
    /// The package root: the folder holding Package.swift above this file (Tests/TSTestSupport/Fixtures.swift).
    public static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            let up = dir.deletingLastPathComponent()
            precondition(up.path != dir.path, "TSTestSupport: no Package.swift above \(#filePath)")
            dir = up
        }
        return dir
    }()

    /// Tests/Fixtures.
    public static var folder: URL { packageRoot.appendingPathComponent("Tests/Fixtures") }

    /// The URL of Tests/Fixtures/`relative`; throws when nothing is there.
    public static func url(_ relative: String) throws -> URL {
        let url = folder.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FixtureError("Tests/Fixtures/\(relative)", "fixture missing (looked for \(url.path))")
        }
        return url
    }

    /// The URL of `relative` under the package root (e.g. "Datasets", "Tests/Reference/x.csv"); throws when
    /// nothing is there.
    public static func packageURL(_ relative: String) throws -> URL {
        let url = packageRoot.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FixtureError(relative, "file missing (looked for \(url.path))")
        }
        return url
    }

    /// The text of Tests/Fixtures/`relative`; throws when it is missing, not UTF-8 or empty.
    public static func text(_ relative: String) throws -> String {
        try read(url(relative), shown: "Tests/Fixtures/\(relative)")
    }

    static func read(_ url: URL, shown: String) throws -> String {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw FixtureError(shown, "cannot be read as UTF-8: \(error)")
        }
        guard !text.isEmpty else { throw FixtureError(shown, "empty") }
        return text
    }

    /// The data lines of a plain comma-separated fixture (no quoting) after its header line, each split into
    /// fields. Throws when the file is missing, has no data line, or a line does not have `fields` fields
    /// (when given). Blank lines are skipped; so are lines starting with `comment` (when given).
    public static func lines(_ relative: String, fields: Int? = nil, comment: Character? = nil) throws -> [FixtureLine] {
        let shown = "Tests/Fixtures/\(relative)"
        let text = try text(relative)
        var out: [FixtureLine] = []
        var sawHeader = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if raw.isEmpty || (comment.map { raw.first == $0 } ?? false) { continue }
            if !sawHeader { sawHeader = true; continue }
            let cells = raw.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let line = FixtureLine(file: shown, line: index + 1, fields: cells)
            if let n = fields, cells.count != n {
                throw FixtureError(line.location, "\(cells.count) fields, expected \(n)")
            }
            out.append(line)
        }
        guard !out.isEmpty else { throw FixtureError(shown, "no data lines after the header") }
        return out
    }

    /// The rows of a CSV fixture (RFC 4180 quoting, read by TSCore's `CSVReader`) keyed by header name. Throws
    /// when the file is missing, has no data row, or a row's field count differs from the header's.
    public static func table(_ relative: String) throws -> [FixtureRow] {
        try table(at: url(relative), shown: "Tests/Fixtures/\(relative)")
    }

    /// `table(_:)` for a file under the package root given by its path from there.
    public static func packageTable(_ relative: String) throws -> [FixtureRow] {
        try table(at: packageURL(relative), shown: relative)
    }

    static func table(at url: URL, shown: String) throws -> [FixtureRow] {
        var reader = CSVReader(string: try read(url, shown: shown), name: shown)
        do {
            guard let header = try reader.next() else { throw FixtureError(shown, "no header") }
            var rows: [FixtureRow] = []
            while let r = try reader.next() {
                let location = "\(shown):\(r.line)"
                guard r.fields.count == header.fields.count else {
                    throw FixtureError(location, "\(r.fields.count) fields, header has \(header.fields.count)")
                }
                rows.append(FixtureRow(location: location, values: Dictionary(zip(header.fields, r.fields)) { a, _ in a }))
            }
            guard !rows.isEmpty else { throw FixtureError(shown, "no data rows after the header") }
            return rows
        } catch let error as InputError {
            throw FixtureError(shown, "not valid CSV: \(error)")
        }
    }
}

/// One data line of a plain comma-separated fixture.
public struct FixtureLine: Sendable {
    public let file: String
    public let line: Int
    public let fields: [String]
    public var location: String { "\(file):\(line)" }

    public func string(_ i: Int) throws -> String {
        guard fields.indices.contains(i) else { throw FixtureError(location, "no field \(i + 1) (\(fields.count) fields)") }
        return fields[i]
    }
    /// Field `i` as a Double; throws when it is absent or not a number ("inf", "-inf" and "nan" are numbers).
    public func double(_ i: Int) throws -> Double {
        let s = try string(i)
        guard let v = Double(s) else { throw FixtureError(location, "field \(i + 1) is not a number: \"\(s)\"") }
        return v
    }
    public func int(_ i: Int) throws -> Int {
        let s = try string(i)
        guard let v = Int(s) else { throw FixtureError(location, "field \(i + 1) is not an integer: \"\(s)\"") }
        return v
    }
}

/// One row of a CSV fixture, keyed by header name.
public struct FixtureRow: Sendable {
    /// "Tests/Fixtures/NAME:LINE".
    public let location: String
    public let values: [String: String]

    /// The cell as written (nil only when the header has no such column).
    public subscript(_ column: String) -> String? { values[column] }

    public func string(_ column: String) throws -> String {
        guard let s = values[column] else { throw FixtureError(location, "no column \"\(column)\"") }
        return s
    }
    /// The cell as a Double; throws when the column is absent or the cell is not a number.
    public func double(_ column: String) throws -> Double {
        let s = try string(column)
        guard let v = Double(s) else { throw FixtureError(location, "column \(column) is not a number: \"\(s)\"") }
        return v
    }
    public func int(_ column: String) throws -> Int {
        let s = try string(column)
        guard let v = Int(s) else { throw FixtureError(location, "column \(column) is not an integer: \"\(s)\"") }
        return v
    }
    /// The cell as a Double, nil for a missing value ("NA" or empty, as R writes it). An absent column or a cell
    /// that is neither a number nor missing is a recorded issue (naming the file, line and column) and gives nil.
    public func num(_ column: String, sourceLocation: SourceLocation = #_sourceLocation) -> Double? {
        do { return try optionalDouble(column) } catch {
            Issue.record(error, sourceLocation: sourceLocation)
            return nil
        }
    }
    /// `num(_:)` that throws instead of recording an issue.
    public func optionalDouble(_ column: String) throws -> Double? {
        let s = try string(column)
        if s == "NA" || s.isEmpty { return nil }
        guard let v = Double(s) else { throw FixtureError(location, "column \(column) is not a number or NA: \"\(s)\"") }
        return v
    }
}
