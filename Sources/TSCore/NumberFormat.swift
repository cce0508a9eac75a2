import Foundation

/// How numbers are printed. Machine formats (CSV, JSON) use 17 significant digits, which
/// round-trips every double; text is rounded for reading.
public enum NumberFormat {
    /// 17 significant digits (`%.17g`), `NA` for nil or NaN, `Inf`/`-Inf` for infinities.
    public static func full(_ x: Double?) -> String {
        guard let x, !x.isNaN else { return "NA" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        return String(format: "%.17g", x)
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
