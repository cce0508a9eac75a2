import Foundation
import TSTestSupport

/// The rows of a committed fixture (Tests/Fixtures/NAME) keyed by header name; throws, naming the file and line,
/// when it is missing, empty or ragged (`Fixtures.table`).
func loadFixture(_ name: String) throws -> [FixtureRow] {
    try Fixtures.table(name)
}

/// Relative error, absolute at a reference of 0 (`Tolerance.mixedError`; a NaN never passes).
func relErr(_ a: Double, _ b: Double) -> Double {
    Tolerance.mixedError(a, b)
}

/// |a − b| / scale (`Tolerance.scaledError`): error of a quantity that is a difference of terms of size `scale`
/// (e.g. a CI bound mean ± c·SE near zero), measured against the size of the terms rather than the small result.
func scaledErr(_ a: Double, _ b: Double, scale: Double) -> Double {
    Tolerance.scaledError(a, b, scale: scale)
}

/// Running maximum of errors per quantity, printed for the report.
final class ErrorLog: @unchecked Sendable {
    var worst: [String: Double] = [:]
    func note(_ key: String, _ e: Double) { worst[key] = Swift.max(worst[key] ?? 0, e) }
    func dump(_ title: String) {
        for (k, v) in worst.sorted(by: { $0.key < $1.key }) { print("[\(title)] max error \(k): \(v)") }
    }
}
