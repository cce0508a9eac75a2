import Foundation
import TSCore

/// Reads a committed fixture (Tests/Fixtures/NAME) as rows keyed by header name.
/// The package root is found by walking up from this file until Package.swift appears.
func loadFixture(_ name: String, filePath: String = #filePath) throws -> [[String: String]] {
    var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
        let up = dir.deletingLastPathComponent()
        guard up.path != dir.path else { throw InputError(.path(name), "package root not found") }
        dir = up
    }
    let text = try String(contentsOf: dir.appendingPathComponent("Tests/Fixtures/\(name)"), encoding: .utf8)
    var reader = CSVReader(string: text, name: name)
    guard let header = try reader.next() else { return [] }
    var rows: [[String: String]] = []
    while let r = try reader.next() {
        rows.append(Dictionary(uniqueKeysWithValues: zip(header.fields, r.fields)))
    }
    return rows
}

extension Dictionary where Key == String, Value == String {
    /// The numeric value of a column; nil for "NA".
    func num(_ key: String) -> Double? {
        guard let s = self[key], s != "NA", !s.isEmpty else { return nil }
        return Double(s)
    }
}

/// |a − b| / |b| (or |a − b| when b = 0).
func relErr(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a) : abs(a - b) / abs(b)
}

/// |a − b| / scale: error of a quantity that is a difference of terms of size `scale` (e.g. a CI bound
/// mean ± c·SE near zero), measured against the size of the terms rather than the small result.
func scaledErr(_ a: Double, _ b: Double, scale: Double) -> Double {
    abs(a - b) / scale
}

/// Running maximum of errors per quantity, printed for the report.
final class ErrorLog: @unchecked Sendable {
    var worst: [String: Double] = [:]
    func note(_ key: String, _ e: Double) { worst[key] = Swift.max(worst[key] ?? 0, e) }
    func dump(_ title: String) {
        for (k, v) in worst.sorted(by: { $0.key < $1.key }) { print("[\(title)] max error \(k): \(v)") }
    }
}
