/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator so the property suites are deterministic.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
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
