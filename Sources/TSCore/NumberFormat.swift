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
        let n = withVaList([x]) { args in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                vsnprintf($0, buffer.count, "%.17g", args)
            }
        }
        return Int(n)
    }

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
