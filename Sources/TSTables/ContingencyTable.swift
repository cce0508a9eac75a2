import TSCore

/// A validated r×c table of non-negative whole counts with optional row and column labels.
/// Every row and every column must have a positive total; rows must all have the same length.
public struct ContingencyTable: Sendable, Equatable {
    public let counts: [[Int]]
    public let rowLabels: [String]
    public let columnLabels: [String]

    /// Validates `counts`; `location` names the parameter or source used in error messages (`counts` by default).
    public init(_ counts: [[Int]], rowLabels: [String]? = nil, columnLabels: [String]? = nil,
                location: InputLocation = .parameter("counts")) throws(InputError) {
        guard !counts.isEmpty else { throw InputError(location, "the table has no rows") }
        let c = counts[0].count
        guard c > 0 else { throw InputError(location, "row 1 has no counts") }
        for (i, row) in counts.enumerated() where row.count != c {
            throw InputError(location, "ragged table: row 1 has \(c) counts but row \(i + 1) has \(row.count)")
        }
        for (i, row) in counts.enumerated() {
            for (j, v) in row.enumerated() where v < 0 {
                throw InputError(location, "count in row \(i + 1), column \(j + 1) is negative (\(v))")
            }
        }
        guard counts.count >= 2 else { throw InputError(location, "need at least 2 rows, found 1") }
        guard c >= 2 else { throw InputError(location, "need at least 2 columns, found 1") }
        for (i, row) in counts.enumerated() where row.reduce(0, +) == 0 {
            throw InputError(location, "row \(i + 1) is all zero; drop it or check the counts")
        }
        for j in 0..<c where counts.reduce(0, { $0 + $1[j] }) == 0 {
            throw InputError(location, "column \(j + 1) is all zero; drop it or check the counts")
        }
        if let r = rowLabels, r.count != counts.count {
            throw InputError(.parameter("rowLabels"), "\(r.count) row labels given for \(counts.count) rows")
        }
        if let l = columnLabels, l.count != c {
            throw InputError(.parameter("columnLabels"), "\(l.count) column labels given for \(c) columns")
        }
        self.counts = counts
        self.rowLabels = rowLabels ?? (1...counts.count).map { "row\($0)" }
        self.columnLabels = columnLabels ?? (1...c).map { "col\($0)" }
    }

    /// Parses `"30,15,5;18,20,12"`: rows separated by `;`, counts by `,` or spaces. A count with a
    /// thousands separator is written in double quotes (`"\"1,725\",20;..."`). Each count goes through
    /// `PrintedNumber.parseCount`, so fractions and negatives are rejected with the flag named.
    public static func parse(_ text: String, rowLabels: [String]? = nil, columnLabels: [String]? = nil,
                             location: InputLocation = .parameter("counts")) throws(InputError) -> ContingencyTable {
        var rows: [[Int]] = []
        for rowText in text.split(separator: ";", omittingEmptySubsequences: false) {
            var cells: [String] = [], current = "", inQuotes = false
            for ch in rowText {
                if ch == "\"" { inQuotes.toggle(); continue }
                if !inQuotes && (ch == "," || ch == " " || ch == "\t") {
                    if !current.isEmpty { cells.append(current); current = "" }
                    continue
                }
                current.append(ch)
            }
            if inQuotes { throw InputError(location, "unbalanced double quote in row \(rows.count + 1)") }
            if !current.isEmpty { cells.append(current) }
            if cells.isEmpty { throw InputError(location, "empty row \(rows.count + 1) in \(InputError.quoted(text))") }
            var row: [Int] = []
            for s in cells {
                if s.hasPrefix("-") || s.hasPrefix("\u{2212}") {
                    throw InputError(location, "count \(InputError.quoted(s)) in row \(rows.count + 1) is negative")
                }
                row.append(try PrintedNumber.parseCount(s, location: location))
            }
            rows.append(row)
        }
        return try ContingencyTable(rows, rowLabels: rowLabels, columnLabels: columnLabels, location: location)
    }

    public var rowCount: Int { counts.count }
    public var columnCount: Int { counts[0].count }
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] { (0..<columnCount).map { j in counts.reduce(0) { $0 + $1[j] } } }
    public var total: Int { rowTotals.reduce(0, +) }
    public var isTwoByTwo: Bool { rowCount == 2 && columnCount == 2 }

    /// The transposed table (labels swapped too).
    public var transposed: ContingencyTable {
        let t = (0..<columnCount).map { j in counts.map { $0[j] } }
        // Margins stay positive, so this cannot fail.
        return try! ContingencyTable(t, rowLabels: columnLabels, columnLabels: rowLabels)
    }

    /// Expected counts under independence, r_i c_j / N.
    public var expected: [[Double]] {
        let r = rowTotals, c = columnTotals, n = Double(total)
        return r.map { ri in c.map { cj in Double(ri) * Double(cj) / n } }
    }
}

/// Events out of a group size, validated (0 ≤ events ≤ n, 1 ≤ n ≤ 2^52).
public struct BinomialCount: Sendable, Equatable {
    public let events: Int
    public let n: Int
    /// Largest group size: the limit of `TSDistributions.Binomial`, whose tails the exact intervals use.
    public static let maxN = 1 << 52
    /// `events` and `n` name the parameters an error reports (`.parameter("events")` by default).
    public init(events: Int, n: Int, eventsLocation: InputLocation = .parameter("events"),
                nLocation: InputLocation = .parameter("n")) throws(InputError) {
        guard n >= 1 else { throw InputError(nLocation, "group size must be at least 1, found \(n)") }
        guard n <= BinomialCount.maxN else {
            throw InputError(nLocation, "group size at most 2^52 = \(BinomialCount.maxN), found \(n): the exact binomial tails are computed up to there")
        }
        guard events >= 0 else { throw InputError(eventsLocation, "events must be non-negative, found \(events)") }
        guard events <= n else { throw InputError(eventsLocation, "events (\(events)) exceed the group size \(n)") }
        self.events = events
        self.n = n
    }
    public var proportion: Double { Double(events) / Double(n) }
}
