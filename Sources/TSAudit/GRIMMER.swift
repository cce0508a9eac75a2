import Foundation
import TSCore

/// GRIMMER: can an SD of integer data (one item) print as reported, given n and a GRIM-consistent mean?
///
/// Anaya J (2016). The GRIMMER test: a method for testing the validity of reported measures of variability.
/// PeerJ Preprints 4:e2400v1. For integer data with total T and sum of squares Q (both integers),
/// SD² = (Q − T²/n)/(n − 1), and Q ≡ T (mod 2) because x² ≡ x (mod 2). The check looks for a GRIM-consistent T
/// and an integer Q of T's parity whose SD lies in the SD's rounding interval.
public enum GRIMMER {
    /// Sums of squares Q with Q ≡ T (mod 2) whose SD falls in `sd` (closed interval).
    static func sumsOfSquares(total T: Int, n: Int, sd: ValueInterval) -> [Int] {
        let nn = Double(n), base = Double(T) * Double(T) / nn
        let sl = max(0, sd.lower)
        let lo = (nn - 1) * sl * sl + base, hi = (nn - 1) * sd.upper * sd.upper + base
        // Small relative slack only against floating error in the bounds (not a loosened rounding interval).
        let eps = 1e-9 * max(1, abs(hi))
        var q = Int((lo - eps).rounded(.up))
        var out: [Int] = []
        while Double(q) <= hi + eps, out.count < 100_000 {
            if (q - T) % 2 == 0 { out.append(q) }
            q += 1
        }
        return out
    }

    public static func check(mean: PrintedInterval, sd: PrintedInterval, n: Int, arm: String = "") -> AuditRow {
        let method = "SD² = (Q − T²/n)/(n − 1), Q ≡ T (mod 2), n = \(n)"
        guard n >= 2 else { return .unchecked("grimmer", arm: arm, reported: sd.text, missing: "n ≥ 2") }
        // Totals and sums of squares are searched as integers held exactly in a double: beyond 2^53 the search
        // could miss an attainable SD, and a missed SD must never read as an impossible one.
        let m = mean.anyReading, sdBox = sd.anyReading, nn = Double(n)
        let largestQ = (nn - 1) * (sdBox.upper + 1) * (sdBox.upper + 1) + nn * max(m.lower * m.lower, m.upper * m.upper)
        guard largestQ.isFinite, largestQ < 0x1p53 else {
            return .unchecked("grimmer", arm: arm, reported: sd.text, missing: "sums of squares below 2^53 (an exact integer search)")
        }
        var readings: [RoundingReading] = []
        var sds: [Double] = []
        var parityOnly = false
        for r in RoundingReading.allCases {
            let box = sd.interval(r).closed
            var ok = false
            for T in GRIM.totals(mean: mean, n: n, reading: r) {
                let qs = sumsOfSquares(total: T, n: n, sd: box)
                for q in qs {
                    let v = (Double(q) - Double(T) * Double(T) / Double(n)) / Double(n - 1)
                    let s = v.squareRoot()
                    if sd.interval(r).contains(s) || box.contains(s) { ok = true; sds.append(s) }
                }
                if qs.isEmpty, !sumsOfSquares(total: T, n: n, sd: box, anyParity: true).isEmpty { parityOnly = true }
            }
            if ok { readings.append(r) }
        }
        if GRIM.totals(mean: mean, n: n, reading: .halfUp).isEmpty && GRIM.totals(mean: mean, n: n, reading: .halfEven).isEmpty
            && GRIM.totals(mean: mean, n: n, reading: .truncation).isEmpty {
            return .unchecked("grimmer", arm: arm, reported: sd.text, missing: "a GRIM-consistent mean")
        }
        if let lo = sds.min(), let hi = sds.max(), readings.contains(.halfUp) || readings.contains(.halfEven) {
            return AuditRow(check: "grimmer", arm: arm, reported: sd.text, recomputed: ValueInterval(lo, hi),
                            verdict: .consistent, readings: readings, method: method)
        }
        // Nearest attainable SDs around the printed one (any GRIM total, right parity).
        let b = sd.rounded
        var below = -Double.infinity, above = Double.infinity
        for T in GRIM.totals(mean: mean, n: n, reading: .halfUp) + GRIM.totals(mean: mean, n: n, reading: .halfEven) {
            let wide = ValueInterval(max(0, b.lower - 1), b.upper + 1)
            for q in sumsOfSquares(total: T, n: n, sd: wide) {
                let s = ((Double(q) - Double(T) * Double(T) / Double(n)) / Double(n - 1)).squareRoot()
                if s < b.lower { below = max(below, s) } else if s > b.upper { above = min(above, s) }
            }
        }
        let miss = min(b.lower - below, above - b.upper)
        var detail = "nearest possible SDs \(fmt(below, 6)) and \(fmt(above, 6))"
        if parityOnly { detail += "; an integer sum of squares fits but has the wrong parity" }
        if readings.contains(.truncation) { detail += "; possible only if the paper truncated instead of rounding" }
        return AuditRow(check: "grimmer", arm: arm, reported: sd.text,
                        recomputed: below.isFinite && above.isFinite ? ValueInterval(below, above) : nil,
                        verdict: .inconsistent(miss: miss.isFinite ? miss : .nan), readings: readings, method: method, detail: detail)
    }

    static func sumsOfSquares(total T: Int, n: Int, sd: ValueInterval, anyParity: Bool) -> [Int] {
        guard anyParity else { return sumsOfSquares(total: T, n: n, sd: sd) }
        let nn = Double(n), base = Double(T) * Double(T) / nn
        let sl = max(0, sd.lower)
        let lo = (nn - 1) * sl * sl + base, hi = (nn - 1) * sd.upper * sd.upper + base
        let eps = 1e-9 * max(1, abs(hi))
        let q = Int((lo - eps).rounded(.up))
        return Double(q) <= hi + eps ? [q] : []
    }
}
