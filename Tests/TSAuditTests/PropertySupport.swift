import TSTestSupport

/// Draws for the property suites on the shared seeded generator.
extension SplitMix64 {
    mutating func uniform() -> Double { unit() }
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }
    mutating func logUniform(_ a: Double, _ b: Double) -> Double { (uniform(a.logValue, b.logValue)).expValue }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
    mutating func bool() -> Bool { next() & 1 == 1 }
}

import Foundation

extension Double {
    var logValue: Double { Foundation.log(self) }
    var expValue: Double { Foundation.exp(self) }
}
