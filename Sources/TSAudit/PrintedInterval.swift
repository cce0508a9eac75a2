import Foundation
import TSCore

/// How a paper may have turned an unrounded value into the digits it printed.
public enum RoundingReading: String, Sendable, CaseIterable {
    /// Round half away from zero (what `printf`, Excel and SPSS print): 1.25 → 1.3, −1.25 → −1.3.
    case halfUp = "half-up"
    /// Round half to even (IEEE 754 default, R's `round`): 1.25 → 1.2, 1.35 → 1.4.
    case halfEven = "half-even"
    /// Cut the digits off (toward zero): 1.29 → 1.2, −1.29 → −1.2.
    case truncation
}

/// A printed number read as the interval of unrounded values that print that way.
///
/// "−1.4" stands for [−1.45, −1.35] when rounded (half-up: (−1.45, −1.35]; half-even: the closed interval
/// when the last digit is even, the open one when odd) or (−1.5, −1.4] when truncated. "<0.0001" stands for
/// (0, 0.0001) under every reading, "≤ 0.05" for (0, 0.05], "> 0.05" for (0.05, upper limit).
/// Precision is the count of printed decimals (trailing zeros count: "2.70" has two); exponent notation
/// shifts it ("1.5e-3" has four). The idea of reading printed values as intervals is the one behind the
/// GRIM test (Brown & Heathers 2017) and statcheck's allowance for a rounded test statistic (Nuijten et al. 2016).
public struct PrintedInterval: Sendable, Equatable, CustomStringConvertible {
    public enum Relation: String, Sendable { case equal = "=", less = "<", lessOrEqual = "≤", greater = ">", greaterOrEqual = "≥" }

    /// The text as printed (for display).
    public let text: String
    public let value: Double
    /// Printed decimals (negative when the last printed digit is left of the point, as in "1.2e3").
    public let decimals: Int
    /// |value| × 10^decimals as an exact integer (the printed digits), when it fits.
    public let digits: Int?
    public let relation: Relation
    /// True for counts and other exact values (no rounding interval).
    public let isExact: Bool
    /// Smallest and largest values the quantity can take (e.g. 0 and 1 for a p value).
    public let domain: ClosedRange<Double>

    /// Reads printed text such as "−1.4", "0.006", "<0.0001", "≤ .05", "12.5%", "1.5e-3".
    /// `location` names the flag or field for error messages.
    public init(_ text: String, location: String = "value",
                domain: ClosedRange<Double> = -Double.infinity...Double.infinity) throws(InputError) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var relation = Relation.equal
        if s.lowercased().hasPrefix("p") { s = s.dropFirst().drop(while: { $0 == " " }) }
        let prefixes: [(String, Relation)] = [("<=", .lessOrEqual), (">=", .greaterOrEqual), ("≤", .lessOrEqual),
                                              ("≥", .greaterOrEqual), ("<", .less), (">", .greater), ("=", .equal)]
        for (p, r) in prefixes where s.hasPrefix(p) {
            relation = r
            s = s.dropFirst(p.count).drop(while: { $0 == " " })
            break
        }
        let body = String(s)
        let value = try PrintedNumber.parse(body, location: location)
        guard domain.contains(value) else {
            throw InputError(location, "\(text) is outside the possible range \(domain.lowerBound)…\(domain.upperBound)")
        }
        let decimals = PrintedInterval.countDecimals(body)
        self.text = text.trimmingCharacters(in: .whitespaces)
        self.value = value
        self.decimals = decimals
        self.relation = relation
        self.isExact = false
        self.domain = domain
        let scaled = abs(value) * Foundation.pow(10, Double(decimals))
        self.digits = scaled < 9e15 ? Int(scaled.rounded()) : nil
    }

    /// An exact value (a count, a known constant): its interval is the point itself.
    public init(exact value: Double, text: String? = nil) {
        self.text = text ?? NumberFormat.readable(value, digits: 15)
        self.value = value
        self.decimals = 0
        self.digits = nil
        self.relation = .equal
        self.isExact = true
        self.domain = -Double.infinity...Double.infinity
    }

    /// Decimals of a printed number: digits after the point minus the exponent.
    static func countDecimals(_ body: String) -> Int {
        var mantissa = Substring(body), exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = Int(body[body.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        }
        guard let dot = mantissa.firstIndex(of: ".") else { return -exponent }
        let frac = mantissa[mantissa.index(after: dot)...].filter { $0.isNumber }
        return frac.count - exponent
    }

    /// 10^−decimals: one unit in the last printed place.
    public var step: Double { Foundation.pow(10, -Double(decimals)) }

    /// The unrounded values that print as this text under `reading`.
    public func interval(_ reading: RoundingReading) -> ValueInterval {
        if isExact { return .point(value) }
        switch relation {
        case .less: return ValueInterval(domain.lowerBound, value, lowerClosed: true, upperClosed: false)
        case .lessOrEqual: return ValueInterval(domain.lowerBound, value)
        case .greater: return ValueInterval(value, domain.upperBound, lowerClosed: false, upperClosed: true)
        case .greaterOrEqual: return ValueInterval(value, domain.upperBound)
        case .equal: break
        }
        let h = step / 2
        let negative = value < 0 || (value == 0 && text.contains(where: { $0 == "-" || $0 == "\u{2212}" }))
        var r: ValueInterval
        switch reading {
        case .halfUp:
            if value == 0 { r = ValueInterval(-h, h, lowerClosed: false, upperClosed: false) }
            else if negative { r = ValueInterval(value - h, value + h, lowerClosed: false, upperClosed: true) }
            else { r = ValueInterval(value - h, value + h, lowerClosed: true, upperClosed: false) }
        case .halfEven:
            let even = (digits ?? 0) % 2 == 0
            r = ValueInterval(value - h, value + h, lowerClosed: even, upperClosed: even)
        case .truncation:
            if value == 0 { r = ValueInterval(-step, step, lowerClosed: false, upperClosed: false) }
            else if negative { r = ValueInterval(value - step, value, lowerClosed: false, upperClosed: true) }
            else { r = ValueInterval(value, value + step, lowerClosed: true, upperClosed: false) }
        }
        r.lower = max(r.lower, domain.lowerBound)
        r.upper = min(r.upper, domain.upperBound)
        return r
    }

    /// The closed hull of the half-up and half-even readings: [v − step/2, v + step/2].
    public var rounded: ValueInterval { interval(.halfUp).closed.hull(interval(.halfEven).closed) }

    /// Closed hull over all readings (rounding or truncation).
    public var anyReading: ValueInterval { rounded.hull(interval(.truncation).closed) }

    /// Exact test of whether the fraction num/den prints as this text under `reading` (integer arithmetic,
    /// so ties such as 5/8 = 0.625 are decided by the reading, as GRIM needs).
    public func containsFraction(numerator num: Int, denominator den: Int, reading: RoundingReading) -> Bool {
        guard den > 0 else { return false }
        guard !isExact, relation == .equal, let p = digits, decimals >= 0, decimals <= 15 else {
            return interval(reading).contains(Double(num) / Double(den))
        }
        let negative = value < 0 || (value == 0 && text.contains(where: { $0 == "-" || $0 == "\u{2212}" }))
        if (num < 0) != negative && num != 0 && p != 0 { return false }
        // Compare |num|/den with the printed digits p (scaled by 10^d): work with x = 2·|num|·10^d vs p, den.
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let (x2, o1) = (2 * abs(num)).multipliedReportingOverflow(by: scale)   // 2|num|·10^d
        let (lo, o2) = (2 * p - 1).multipliedReportingOverflow(by: den)         // (2p − 1)·den
        let (hi, o3) = (2 * p + 1).multipliedReportingOverflow(by: den)
        let (tr, o4) = (2 * p + 2).multipliedReportingOverflow(by: den)         // 2(p + 1)·den
        let (p2, o5) = (2 * p).multipliedReportingOverflow(by: den)
        if o1 || o2 || o3 || o4 || o5 { return interval(reading).contains(Double(num) / Double(den)) }
        switch reading {
        case .halfUp:     // magnitude in [p − ½, p + ½) (half away from zero), symmetric in sign
            return p == 0 ? x2 < hi : (x2 >= lo && x2 < hi)
        case .halfEven:
            let even = p % 2 == 0
            return even ? (x2 >= max(lo, 0) && x2 <= hi) : (x2 > lo && x2 < hi)
        case .truncation:
            return x2 >= p2 && x2 < tr
        }
    }

    public var description: String { text }
}
