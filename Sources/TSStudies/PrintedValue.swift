import Foundation
import TSCore

/// A number as a paper printed it: the text, the value, the number of decimals it was printed with, and
/// whether it is a bound ("P<0.0001") rather than a rounded value. "0.70" and "0.7" have the same value
/// but different precision, so they stand for different intervals of unrounded values.
public struct PrintedValue: Sendable, Equatable, CustomStringConvertible {
    /// How the printed number relates to the quantity it reports.
    public enum Bound: String, Sendable, Equatable {
        case exact                          // "0.006": the quantity rounds to this
        case lessThan = "less-than"         // "<0.0001"
        case greaterThan = "greater-than"   // ">0.05"
        case atMost = "at-most"             // "≤0.05"
        case atLeast = "at-least"           // "≥5"
    }

    /// The cell as printed (trimmed).
    public var text: String
    public var value: Double
    /// Decimal places printed ("0.70" → 2, "1,725" → 0, "1.5e3" → −2).
    public var decimals: Int
    public var bound: Bound
    /// Whether the text carried a "%" sign.
    public var percent: Bool

    public init(text: String, value: Double, decimals: Int, bound: Bound = .exact, percent: Bool = false) {
        self.text = text
        self.value = value
        self.decimals = decimals
        self.bound = bound
        self.percent = percent
    }

    public var description: String { text }

    /// Half a unit in the last printed place: the largest rounding error the printed value allows.
    public var halfUnit: Double { 0.5 * Foundation.pow(10.0, Double(-decimals)) }

    /// The closed interval of unrounded values consistent with the print. An exact value covers
    /// value ± half a unit in the last place (closed at both ends, so that both round-half-up and
    /// round-half-even are covered); a bound covers everything on its side of the value.
    public var interval: (lower: Double, upper: Double) {
        switch bound {
        case .exact: return (value - halfUnit, value + halfUnit)
        case .lessThan, .atMost: return (-Double.infinity, value)
        case .greaterThan, .atLeast: return (value, Double.infinity)
        }
    }

    /// `interval` intersected with `limits` (e.g. 0...1 for a p-value, 0...∞ for an SD).
    public func interval(within limits: ClosedRange<Double>) -> (lower: Double, upper: Double) {
        let i = interval
        return (Swift.max(i.lower, limits.lowerBound), Swift.min(i.upper, limits.upperBound))
    }

    /// Whether an unrounded value is consistent with the print (strict at the open side of < and >).
    public func isConsistent(with x: Double) -> Bool {
        switch bound {
        case .exact: return x >= value - halfUnit && x <= value + halfUnit
        case .lessThan: return x < value
        case .atMost: return x <= value
        case .greaterThan: return x > value
        case .atLeast: return x >= value
        }
    }

    /// Parses one printed value. Accepts everything `PrintedNumber` accepts (Unicode minus, "1,725", "%"),
    /// a leading relation ("<0.001", "≤ 0.05", ">=5", "= 0.006") and, when `label` is given, that label
    /// in front ("p = 0.006", "P<0.0001" with label "p"; the label is matched case-insensitively).
    public static func parse(_ text: String, location: String, label: String? = nil) throws(InputError) -> PrintedValue {
        let printed = text.trimmingCharacters(in: .whitespaces)
        guard !printed.isEmpty else { throw InputError(location, "expected a number, found nothing") }
        var rest = Substring(printed)
        if let label, rest.lowercased().hasPrefix(label.lowercased()) {
            let after = rest.dropFirst(label.count)
            if let c = after.first, c == " " || "=<>≤≥⩽⩾".contains(c) { rest = after.drop(while: { $0 == " " }) }
        }
        var bound = Bound.exact
        let relations: [(String, Bound)] = [
            ("<=", .atMost), (">=", .atLeast), ("=<", .atMost), ("=>", .atLeast), ("≤", .atMost), ("⩽", .atMost),
            ("≥", .atLeast), ("⩾", .atLeast), ("<", .lessThan), (">", .greaterThan), ("=", .exact),
        ]
        for (symbol, b) in relations where rest.hasPrefix(symbol) {
            bound = b
            rest = rest.dropFirst(symbol.count).drop(while: { $0 == " " })
            break
        }
        guard !rest.isEmpty else { throw InputError(location, "expected a number after \"\(printed)\"") }
        let number: (value: Double, decimals: Int)
        do {
            number = try PrintedNumber.parseWithDecimals(String(rest), location: location)
        } catch {
            throw InputError(location, "expected a number, found \"\(printed)\"")
        }
        return PrintedValue(text: printed, value: number.value, decimals: number.decimals, bound: bound,
                            percent: rest.contains("%"))
    }
}
