import Foundation
import Testing
@testable import TSCore

/// `NumberFormat.full` prints `%.17g`; its own exact formatter must give the C library's bytes.
@Suite struct NumberFormatFull {
    func viaC(_ x: Double) -> String { String(format: "%.17g", x) }
    func viaFast(_ x: Double) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            NumberFormat.printFullExact(x, into: buffer).map {
                String(decoding: UnsafeBufferPointer(rebasing: buffer[..<$0]), as: UTF8.self)
            }
        }
    }

    @Test func exactFormatterEqualsPrintfOnAMillionDoubles() {
        // SplitMix64 (Steele, Lea & Flood 2014), fixed seed: random bit patterns and random decimal-looking values.
        var state: UInt64 = 0x5EED_1234_ABCD_0001
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var mismatches: [String] = []
        var fast = 0
        for i in 0..<1_000_000 {
            let x: Double
            switch i % 3 {
            case 0:   // uniform in the exponent over the fast path's range and a little beyond
                let e = Double(next() % 2600) / 100 - 8   // 1e-8 … 1e18
                x = Foundation.pow(10, e) * (next() & 1 == 0 ? 1 : -1)
            case 1:   // short decimals, as papers print them
                x = Double(Int64(next() % 2_000_000) - 1_000_000) / Foundation.pow(10, Double(next() % 8))
            default:  // raw bit patterns with moderate exponents
                let bits = (next() & 0x800F_FFFF_FFFF_FFFF) | (UInt64(1023 - 22 + next() % 80) << 52)
                x = Double(bitPattern: bits)
            }
            if let f = viaFast(x) {
                fast += 1
                if f != viaC(x), mismatches.count < 5 { mismatches.append("\(x.bitPattern): \(f) vs \(viaC(x))") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(fast > 800_000)   // the fast path must actually run
    }

    @Test func exactFormatterOnTiesAndBoundaries() {
        // 1234567890123456.75 · 10 = 12345678901234567.5: a tie, rounded to even (…568? no: …567 is odd → …568).
        let cases: [Double] = [1234567890123456.75, 1234567890123455.25, 0.1, 0.5, 1, 10, 1e16, 1e16 + 2,
                               99999999999999984, 9.9999999999999995e-7, 1e-6, 0.0001, 0.00001, 123456.789,
                               -2.3573783707723495, 5.490000000000002, 2.0369333434601007, 1e15 + 0.5,
                               Double(bitPattern: 0x4340_0000_0000_0001), 0.1 + 0.2, 1.0 / 3, 2.0 / 3]
        for x in cases {
            let f = viaFast(x)
            #expect(f == nil || f == viaC(x), "\(x)")
            #expect(NumberFormat.full(x) == viaC(x))
        }
        #expect(NumberFormat.full(0) == "0" && NumberFormat.full(-0.0) == "-0" && NumberFormat.full(1e300) == viaC(1e300))
    }
}
