import Foundation
@testable import TSLinearAlgebra
import TSTestSupport
import TSCore

/// Log relative error, the StRD measure of correct significant digits (log absolute error when the
/// certified value is 0), capped at 15 as NIST does for values certified to 15 digits; 0 for a NaN or infinite
/// result (`Tolerance.lre`).
func lre(_ computed: Double, _ certified: Double) -> Double {
    Tolerance.lre(computed, certified, cap: 15)
}

/// A NIST StRD linear-regression fixture (Tests/Fixtures/nist/*.csv), data parsed as exact decimals.
struct NISTRegression {
    var model: [String] = ["linear"]
    var certified: [String: (value: Double, sd: Double?)] = [:]
    var rows: [[DoubleWord]] = []

    init(_ name: String) throws {
        let shown = "Tests/Fixtures/nist/\(name).csv"
        let text = try Fixtures.text("nist/\(name).csv")
        var sawHeader = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let location = "\(shown):\(index + 1)"
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            switch cells[0] {
            case "model": model = Array(cells.dropFirst())
            case "cert":
                guard cells.count == 4, let value = Double(cells[2]), cells[3].isEmpty || Double(cells[3]) != nil else {
                    throw FixtureError(location, "bad certified value line")
                }
                certified[cells[1]] = (value, cells[3].isEmpty ? nil : Double(cells[3]))
            default:
                if !sawHeader { sawHeader = true; continue }
                var row: [DoubleWord] = []
                for c in cells {
                    guard let v = DoubleWord(decimal: c) else { throw FixtureError(location, "not a decimal number: \"\(c)\"") }
                    row.append(v)
                }
                rows.append(row)
            }
        }
        guard !rows.isEmpty, !certified.isEmpty else { throw FixtureError(shown, "no data rows or no certified values") }
    }

    /// Design columns in double-word: intercept and x columns, powers of x, or x alone.
    var design: (x: Matrix, xLow: Matrix, y: [Double], yLow: [Double]) {
        var cols: [[DoubleWord]]
        switch model[0] {
        case "polynomial":
            let d = Int(model[1])!
            cols = (0...d).map { k in rows.map { r in (0..<k).reduce(DoubleWord(1)) { p, _ in p * r[1] } } }
        case "no_intercept":
            cols = [rows.map { $0[1] }]
        default:
            cols = [rows.map { _ in DoubleWord(1) }] + (1..<rows[0].count).map { j in rows.map { $0[j] } }
        }
        return (Matrix(columns: cols.map { $0.map(\.hi) }), Matrix(columns: cols.map { $0.map(\.lo) }),
                rows.map { $0[0].hi }, rows.map { $0[0].lo })
    }

    var parameterCount: Int { certified.keys.filter { $0.hasPrefix("b") }.count }
}
