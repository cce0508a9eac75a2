import Foundation
import TSCore

/// Printed numbers as exact decimals, for checks whose ties must be decided in decimal rather than binary
/// floating point (the centre of 2.1 and 3.0 is exactly 2.55, a tie that half-up and half-even both print
/// as 2.6; (2.1 + 3.0)/2 in binary is 2.5499999999999998). The same idea as `PrintedInterval.containsFraction`.
enum ExactDecimal {
    /// The printed value as an exact decimal, nil for bounds ("<0.001"), exact inputs and unusual exponents.
    static func value(_ p: PrintedInterval) -> Decimal? {
        guard !p.isExact, p.relation == .equal, let d = p.digits, p.decimals >= -12, p.decimals <= 18 else { return nil }
        let negative = p.value < 0 || (p.value == 0 && p.text.contains(where: { $0 == "-" || $0 == "\u{2212}" }))
        return Decimal(sign: negative ? .minus : .plus, exponent: -p.decimals, significand: Decimal(d))
    }

    /// Half a unit in the last printed place, exactly.
    static func half(_ p: PrintedInterval) -> Decimal {
        Decimal(sign: .plus, exponent: -p.decimals - 1, significand: 5)
    }

    /// The rounding interval of `p` under `reading` with exact ends (ends open or closed as `interval(reading)`).
    static func interval(_ p: PrintedInterval, _ reading: RoundingReading) -> (lo: Decimal, hi: Decimal, iv: ValueInterval)? {
        guard let v = value(p), reading != .truncation else { return nil }
        let h = half(p)
        return (v - h, v + h, p.interval(reading))
    }

    /// Whether `x` lies in [lo, hi] with the ends of `iv` (open or closed).
    static func inside(_ x: Decimal, _ lo: Decimal, _ hi: Decimal, _ iv: ValueInterval) -> Bool {
        (iv.lowerClosed ? x >= lo : x > lo) && (iv.upperClosed ? x <= hi : x < hi)
    }

    static func double(_ x: Decimal) -> Double { NSDecimalNumber(decimal: x).doubleValue }
}
