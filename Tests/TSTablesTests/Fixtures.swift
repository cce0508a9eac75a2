import Foundation
import Testing
import TSTestSupport

/// Reference values from the committed generators (Tests/Reference/tables_*.{py,R}), keyed by
/// "case|quantity|method". A missing or malformed file, or a key written twice, is a recorded issue in every
/// test that reads it (never an empty table that lets the lookups below skip their checks).
enum Fixture {
    static func load(_ name: String) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for line in try Fixtures.lines(name, fields: 4) {
            let key = "\(try line.string(0))|\(try line.string(1))|\(try line.string(2))"
            guard out[key] == nil else { throw FixtureError(line.location, "\(key) given twice") }
            out[key] = try line.double(3)
        }
        return out
    }

    static let mpmath = Result { try load("tables_mpmath.csv") }
    static let r = Result { try load("tables_r.csv") }

    /// The value under one key; nil when the fixture has no such key (and a recorded issue when it failed to load).
    static func value(_ table: Result<[String: Double], any Error>, _ key: String,
                      sourceLocation: SourceLocation = #_sourceLocation) -> Double? {
        switch table {
        case .success(let values): return values[key]
        case .failure(let error):
            Issue.record(error, sourceLocation: sourceLocation)
            return nil
        }
    }

    static func mp(_ c: String, _ q: String, _ m: String, sourceLocation: SourceLocation = #_sourceLocation) -> Double? {
        value(mpmath, "\(c)|\(q)|\(m)", sourceLocation: sourceLocation)
    }
    static func rv(_ c: String, _ q: String, _ m: String, sourceLocation: SourceLocation = #_sourceLocation) -> Double? {
        value(r, "\(c)|\(q)|\(m)", sourceLocation: sourceLocation)
    }
}

/// |a − b| ≤ tol·max(|b|, floor): relative error with an absolute floor for values near zero
/// (`Tolerance.isClose`; a NaN never passes).
func close(_ a: Double, _ b: Double, rel: Double, floor: Double = 1e-300) -> Bool {
    Tolerance.isClose(a, b, rel: rel, floor: floor)
}
