import Foundation
@testable import TSLinearAlgebra

/// Package root found from this file's path, so fixtures load without bundles.
func fixtureURL(_ relative: String, file: String = #filePath) -> URL {
    var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        dir = dir.deletingLastPathComponent()
    }
    return dir.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative)
}

/// Log relative error, the StRD measure of correct significant digits (log absolute error when the
/// certified value is 0), capped at 15 as NIST does for values certified to 15 digits.
func lre(_ computed: Double, _ certified: Double) -> Double {
    if computed == certified { return 15 }
    let err = certified == 0 ? abs(computed) : abs(computed - certified) / abs(certified)
    return min(15, -log10(err))
}

/// A NIST StRD linear-regression fixture (Tests/Fixtures/nist/*.csv), data parsed as exact decimals.
struct NISTRegression {
    var model: [String] = ["linear"]
    var certified: [String: (value: Double, sd: Double?)] = [:]
    var rows: [[DoubleWord]] = []

    init(_ name: String) throws {
        let text = try String(contentsOf: fixtureURL("nist/\(name).csv"), encoding: .utf8)
        var sawHeader = false
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            switch cells[0] {
            case "model": model = Array(cells.dropFirst())
            case "cert": certified[cells[1]] = (Double(cells[2])!, cells[3].isEmpty ? nil : Double(cells[3]))
            default:
                if !sawHeader { sawHeader = true } else { rows.append(cells.map { DoubleWord(decimal: $0)! }) }
            }
        }
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
