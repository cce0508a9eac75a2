import Foundation
import TSCore
import TSLinearAlgebra

/// The family of a model fitted from a frame.
public enum ModelFamily: String, Sendable, CaseIterable {
    case gaussian, binomial
}

/// A CSV table read for modelling: a header and string cells with their `file:line:column` positions, turned
/// into a design the way R's `model.matrix` does for `y ~ arm + covariates`: numeric columns enter as they are,
/// categorical ones by treatment (dummy) coding with the first level (sorted; numerically when all levels are
/// numbers) as reference, named column+level ("armB"). Rows with a missing value ("" or "NA") in a used column
/// are dropped (complete cases, R's `na.omit`). Numbers are parsed as exact decimals (`DoubleWord(decimal:)`),
/// falling back to printed forms (Unicode minus, "1,725") via `PrintedNumber`.
public struct ModelFrame: Sendable {
    public let name: String
    public let header: [String]
    let cells: [[String]]
    let positions: [[(line: Int, column: Int)]]

    /// Reads every record. Rows with a different number of fields are an error at their line.
    public init(reader: inout CSVReader) throws(InputError) {
        name = reader.name
        guard let head = try reader.next() else { throw InputError(.path(reader.name), "the file is empty") }
        header = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for (i, h) in header.enumerated() {
            if let first = header[..<i].firstIndex(of: h) {
                throw InputError(.position(file: name, line: head.line, column: head.positions[i].column),
                                 "column \(InputError.quoted(h)) appears twice (first as column \(first + 1)); columns are named once")
            }
        }
        var cells: [[String]] = [], positions: [[(line: Int, column: Int)]] = []
        while let rec = try reader.next() {
            guard rec.fields.count == header.count else {
                throw InputError(.position(file: name, line: rec.line, column: 1), "expected \(header.count) fields as in the header, found \(rec.fields.count)")
            }
            cells.append(rec.fields.map { $0.trimmingCharacters(in: .whitespaces) })
            positions.append(rec.positions)
        }
        self.cells = cells
        self.positions = positions
    }

    public init(csv text: String, name: String = "<string>") throws(InputError) {
        var reader = CSVReader(string: text, name: name)
        try self.init(reader: &reader)
    }

    /// A design for `outcome ~ arm + covariates` (arm first), its arm levels and what was dropped.
    public struct Result: Sendable {
        public var design: DesignMatrix
        /// Arm levels, reference first.
        public var armLevels: [String]
        public var armColumnNames: [String]
        public var droppedRows: Int
    }

    func index(of column: String, parameter: String) throws(InputError) -> Int {
        guard let i = header.firstIndex(of: column) else {
            throw InputError(.parameter(parameter), "unknown column \(InputError.quoted(column)) in \(name); columns are: \(header.joined(separator: ", "))")
        }
        return i
    }

    static func isMissing(_ s: String) -> Bool { s.isEmpty || s == "NA" }

    func number(_ row: Int, _ col: Int) throws(InputError) -> DoubleWord {
        let s = cells[row][col]
        if let v = DoubleWord(decimal: s) { return v }
        let at = InputLocation.position(file: name, line: positions[row][col].line, column: positions[row][col].column)
        do { return DoubleWord(try PrintedNumber.parse(s, location: at)) } catch {
            throw InputError(at, "column \(InputError.quoted(header[col])): expected a number, found \(InputError.quoted(s))")
        }
    }

    static func sortedLevels(_ values: Set<String>) -> [String] {
        let numeric = values.compactMap { v in Double(v).map { (v, $0) } }
        if numeric.count == values.count { return numeric.sorted { $0.1 < $1.1 }.map(\.0) }
        return values.sorted()
    }

    public func design(outcome: String, arm: String, covariates: [String] = [], family: ModelFamily = .gaussian)
        throws(InputError) -> Result
    {
        let yCol = try index(of: outcome, parameter: "outcome")
        let aCol = try index(of: arm, parameter: "arm")
        var cCols: [Int] = []
        guard aCol != yCol else { throw InputError(.parameter("arm"), "\(InputError.quoted(arm)) is the outcome; the arm is another column") }
        for c in covariates {
            let i = try index(of: c, parameter: "covariates")
            guard i != yCol, i != aCol else {
                throw InputError(.parameter("covariates"), "\(InputError.quoted(c)) is the \(i == yCol ? "outcome" : "arm"); a covariate is another column")
            }
            guard !cCols.contains(i) else { throw InputError(.parameter("covariates"), "\(InputError.quoted(c)) is named twice") }
            cCols.append(i)
        }
        let used = [yCol, aCol] + cCols
        let keep = cells.indices.filter { r in used.allSatisfy { !Self.isMissing(cells[r][$0]) } }
        guard !keep.isEmpty else { throw InputError(.path(name), "no row has all of \(used.map { header[$0] }.joined(separator: ", ")) present") }

        var y: [DoubleWord] = []
        for r in keep {
            let v = try number(r, yCol)
            if family == .binomial && v.value != 0 && v.value != 1 {
                throw InputError(.position(file: name, line: positions[r][yCol].line, column: positions[r][yCol].column),
                                 "column \"\(outcome)\": a binomial outcome must be 0 or 1, found \(InputError.quoted(cells[r][yCol]))")
            }
            y.append(v)
        }
        var names = ["(Intercept)"]
        var cols: [[DoubleWord]] = [keep.map { _ in DoubleWord(1) }]
        var terms: [ModelTerm] = []

        let levels = Self.sortedLevels(Set(keep.map { cells[$0][aCol] }))
        guard levels.count >= 2 else {
            throw InputError(.parameter("arm"), "column \(InputError.quoted(arm)) has one level (\"\(levels.first ?? "")\") among the \(keep.count) complete rows; an arm needs at least two")
        }
        let armNames = levels.dropFirst().map { arm + $0 }
        for level in levels.dropFirst() { cols.append(keep.map { DoubleWord(cells[$0][aCol] == level ? 1 : 0) }) }
        names += armNames
        terms.append(ModelTerm(name: arm, columns: 1..<cols.count))

        for c in cCols {
            let start = cols.count
            let firstNumeric = keep.first.map { DoubleWord(decimal: cells[$0][c]) != nil || Double(cells[$0][c].replacingOccurrences(of: "−", with: "-")) != nil } ?? false
            if firstNumeric {
                var v: [DoubleWord] = []
                for r in keep { v.append(try number(r, c)) }
                cols.append(v)
                names.append(header[c])
            } else {
                let lv = Self.sortedLevels(Set(keep.map { cells[$0][c] }))
                guard lv.count >= 2 else {
                    throw InputError(.parameter("covariates"), "column \(InputError.quoted(header[c])) has one level (\"\(lv.first ?? "")\") among complete rows")
                }
                for level in lv.dropFirst() {
                    cols.append(keep.map { DoubleWord(cells[$0][c] == level ? 1 : 0) })
                    names.append(header[c] + level)
                }
            }
            terms.append(ModelTerm(name: header[c], columns: start..<cols.count))
        }
        guard keep.count > cols.count else {
            throw InputError(.path(name), "the model has \(cols.count) coefficients but only \(keep.count) complete rows; it needs more rows than coefficients")
        }
        let design = DesignMatrix(
            columnNames: names, terms: terms, hasIntercept: true,
            x: Matrix(columns: cols.map { $0.map(\.hi) }), xLow: Matrix(columns: cols.map { $0.map(\.lo) }),
            y: y.map(\.hi), yLow: y.map(\.lo))
        return Result(design: design, armLevels: levels, armColumnNames: armNames, droppedRows: cells.count - keep.count)
    }
}
