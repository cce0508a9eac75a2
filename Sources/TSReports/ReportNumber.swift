import Foundation
import TSCore
import TSStudies

/// Fixed number formats for the text report (the CSV uses `NumberFormat.full`, 17 significant digits).
/// Everything goes through `String(format:)` with a C locale-independent pattern or integer arithmetic,
/// so the output is the same on every run and machine.
public enum ReportNumber {
    /// 4 significant digits for reading (`%.4g`), Unicode minus for negatives, "NA" for nil/NaN.
    public static func readable(_ x: Double?, digits: Int = 4) -> String {
        guard let x, !x.isNaN else { return "NA" }
        return minus(NumberFormat.readable(x, digits: digits))
    }

    /// A dose or count: whole numbers with thousands separators ("1,920,000"), small values to 4 significant
    /// digits ("714.3", "0.5").
    public static func amount(_ x: Double) -> String {
        guard x.isFinite else { return NumberFormat.readable(x) }
        if abs(x) >= 1000 {
            return minus(grouped(Int64(x.rounded())))
        }
        var s = String(format: "%.4g", x)
        if s.contains("e") { s = String(format: "%.6f", x) }
        return minus(s)
    }

    /// A range of amounts: "2,857" or "30,000–42,857".
    public static func amount(_ r: DoseRange) -> String {
        let lo = amount(r.low), hi = amount(r.high)
        return lo == hi ? lo : "\(lo)–\(hi)"
    }

    /// A ratio to 3 significant digits ("0.714", "10.7").
    public static func ratio(_ r: DoseRange) -> String {
        let lo = readable(r.low, digits: 3), hi = readable(r.high, digits: 3)
        return lo == hi ? lo : "\(lo)–\(hi)"
    }

    /// A confidence level as a percentage: 0.95 → "95%".
    public static func percent(_ level: Double) -> String {
        String(format: "%g%%", level * 100)
    }

    /// A p-value for reading: 4 significant digits ("0.005485", "5.512e-05").
    public static func pValue(_ p: Double?) -> String {
        guard let p, !p.isNaN else { return "NA" }
        return String(format: "%.4g", p)
    }

    static func grouped(_ v: Int64) -> String {
        let digits = String(v.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (v < 0 ? "-" : "") + out
    }

    /// Unicode minus for display, as papers print it.
    static func minus(_ s: String) -> String {
        s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s
    }
}
