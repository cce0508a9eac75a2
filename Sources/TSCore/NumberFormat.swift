import Foundation

/// How numbers are printed. Machine formats (CSV, JSON) use 17 significant digits, which
/// round-trips every double; text is rounded for reading.
public enum NumberFormat {
    /// 17 significant digits (`%.17g`), `NA` for nil or NaN, `Inf`/`-Inf` for infinities.
    public static func full(_ x: Double?) -> String {
        guard let x, !x.isNaN else { return "NA" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            let count = printFull(x, into: buffer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    /// Appends `full(x)` as UTF-8 bytes (the batch writer's path: no intermediate String).
    public static func appendFull(_ x: Double?, to out: inout [UInt8]) {
        guard let x, !x.isNaN else { out.append(contentsOf: "NA".utf8); return }
        if x.isInfinite { out.append(contentsOf: (x > 0 ? "Inf" : "-Inf").utf8); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            let count = printFull(x, into: buffer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// `%.17g` of a finite double through the C library's formatter into a caller's 32-byte buffer (the
    /// longest output, e.g. "-1.2345678901234567e-308", is 24 bytes); returns the byte count.
    private static func printFull(_ x: Double, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        if let n = printFullExact(x, into: buffer) { return n }
        let n = withVaList([x]) { args in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                vsnprintf($0, buffer.count, "%.17g", args)
            }
        }
        return Int(n)
    }

    /// Exact powers of ten 10⁰ … 10²² (every one is a double).
    private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// `%.17g` without the C library for 1e-6 ≤ |x| < 1e17 (else nil): with k = 16 − ⌊log10|x|⌋ in 0…22,
    /// 10^k is exact and x·10^k = hi + lo exactly (fma two-product), hi an integer because it is ≥ 2^53;
    /// rounding hi + lo to an integer half-to-even gives the 17 significant digits exactly as glibc's
    /// correctly rounded printf does. Then %g's layout: fixed notation for exponents −4 … 16, otherwise
    /// d.ddde±XX, trailing zeros removed. Checked against vsnprintf in NumberFormatTests.
    static func printFullExact(_ x: Double, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        if x == 0 { return nil }
        let ax = abs(x)
        guard ax >= 1e-6 && ax < 1e17 else { return nil }
        var e10 = Int(Foundation.floor(Foundation.log10(ax)))
        var digits: UInt64 = 0
        for _ in 0..<3 {
            let k = 16 - e10
            guard k >= 0 && k <= 22 else { return nil }
            let p = exactPowersOfTen[k]
            let hi = ax * p
            let negHi: Double = -hi
            let lo = negHi.addingProduct(ax, p)   // exact: ax·p − hi
            // Compare the exact product hi + lo (hi alone may have rounded onto 10^16 or 10^17).
            if hi < 1e16 || (hi == 1e16 && lo < 0) { e10 -= 1; continue }
            if hi > 1e17 || (hi == 1e17 && lo >= 0) { e10 += 1; continue }
            let whole: Double = Foundation.floor(lo)
            let frac = lo - whole
            var n = UInt64(hi) &+ UInt64(bitPattern: Int64(whole))
            if frac > 0.5 || (frac == 0.5 && n & 1 == 1) { n &+= 1 }
            if n == 100_000_000_000_000_000 { n = 10_000_000_000_000_000; e10 += 1 }
            guard n >= 10_000_000_000_000_000 && n < 100_000_000_000_000_000 else { return nil }
            digits = n
            break
        }
        guard digits != 0 else { return nil }
        var trailing = 0   // zeros at the end of the 17 digits
        while trailing < 16 && (digits / powersOfTenInt[trailing]) % 10 == 0 { trailing += 1 }
        let last = 16 - trailing
        @inline(__always) func digit(_ j: Int) -> UInt8 { 48 + UInt8((digits / powersOfTenInt[16 - j]) % 10) }
        var i = 0
        @inline(__always) func put(_ c: UInt8) { buffer[i] = c; i += 1 }
        if x < 0 { put(UInt8(ascii: "-")) }
        if e10 >= -4 && e10 < 17 {
            if e10 < 0 {
                put(UInt8(ascii: "0")); put(UInt8(ascii: "."))
                for _ in 0..<(-e10 - 1) { put(UInt8(ascii: "0")) }
                for j in 0...last { put(digit(j)) }
            } else {
                for j in 0...e10 { put(digit(j)) }
                if last > e10 {
                    put(UInt8(ascii: "."))
                    for j in (e10 + 1)...last { put(digit(j)) }
                }
            }
        } else {
            put(digit(0))
            if last > 0 { put(UInt8(ascii: ".")); for j in 1...last { put(digit(j)) } }
            put(UInt8(ascii: "e")); put(e10 < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let ae = e10 < 0 ? -e10 : e10
            if ae >= 100 { put(48 + UInt8(ae / 100)) }
            put(48 + UInt8((ae / 10) % 10)); put(48 + UInt8(ae % 10))
        }
        return i
    }

    private static let powersOfTenInt: [UInt64] = (0...17).map { k in (0..<k).reduce(UInt64(1)) { r, _ in r * 10 } }

    /// `digits` significant digits for reading (`%.{digits}g`), `NA` for nil or NaN.
    public static func readable(_ x: Double?, digits: Int = 4) -> String {
        guard let x, !x.isNaN else { return "NA" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        return String(format: "%.\(digits)g", x)
    }

    /// A p-value for reading: `< 1e-16` style below `floor`, otherwise 4 significant digits.
    public static func pValue(_ p: Double?, floor: Double = 1e-4) -> String {
        guard let p, !p.isNaN else { return "NA" }
        if p < floor { return String(format: "%.3g", p) }
        return String(format: "%.4g", p)
    }
}
