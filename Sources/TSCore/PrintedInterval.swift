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

/// A number as a paper printed it, read as the interval of unrounded values that print that way: the one
/// printed-value type of TrialStats (dataset cells, audit flags and checks all use it; `PrintedValue` is
/// another name for it).
///
/// "−1.4" stands for [−1.45, −1.35] when rounded (half-up: (−1.45, −1.35]; half-even: the closed interval
/// when the last digit is even, the open one when odd) or (−1.5, −1.4] when truncated. "<0.0001" stands for
/// (0, 0.0001) under every reading, "≤ 0.05" for (0, 0.05], "> 0.05" for (0.05, upper limit).
/// Precision is the count of printed decimals (trailing zeros count: "2.70" has two); exponent notation
/// shifts it ("1.5e-3" has four). The idea of reading printed values as intervals is the one behind the
/// GRIM test (Brown & Heathers 2017) and statcheck's allowance for a rounded test statistic (Nuijten et al. 2016).
public struct PrintedInterval: Sendable, Equatable, CustomStringConvertible {
    public enum Relation: String, Sendable { case equal = "=", less = "<", lessOrEqual = "≤", greater = ">", greaterOrEqual = "≥" }

    /// The relation under the names the dataset reader uses.
    public enum Bound: String, Sendable, Equatable {
        case exact                          // "0.006": the quantity rounds to this
        case lessThan = "less-than"         // "<0.0001"
        case greaterThan = "greater-than"   // ">0.05"
        case atMost = "at-most"             // "≤0.05"
        case atLeast = "at-least"           // "≥5"
    }

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
    public private(set) var domain: ClosedRange<Double>
    /// Whether the text carried a "%" sign.
    public let percent: Bool

    /// Reads printed text such as "−1.4", "0.006", "<0.0001", "≤ .05", "⩽0.05", "12.5%", "1.5e-3", "p = 0.006".
    /// A leading "p"/"P" label is skipped; `label` names another label to skip ("n = 35" with label "n").
    /// `location` names the flag or field for error messages.
    public init(_ text: String, location: InputLocation = .parameter("value"),
                domain: ClosedRange<Double> = -Double.infinity...Double.infinity, label: String? = nil) throws(InputError) {
        let printed = text.trimmingCharacters(in: .whitespaces)
        guard !printed.isEmpty else { throw InputError(location, "expected a number, found nothing") }
        var s = Substring(printed)
        for l in [label, "p"].compactMap({ $0 }) where s.lowercased().hasPrefix(l.lowercased()) {
            let after = s.dropFirst(l.count)
            if let c = after.first, c == " " || "=<>≤≥⩽⩾".contains(c) { s = after.drop(while: { $0 == " " }); break }
        }
        var relation = Relation.equal
        let prefixes: [(String, Relation)] = [("<=", .lessOrEqual), (">=", .greaterOrEqual), ("=<", .lessOrEqual), ("=>", .greaterOrEqual),
                                              ("≤", .lessOrEqual), ("⩽", .lessOrEqual), ("≥", .greaterOrEqual), ("⩾", .greaterOrEqual),
                                              ("<", .less), (">", .greater), ("=", .equal)]
        for (p, r) in prefixes where s.hasPrefix(p) {
            relation = r
            s = s.dropFirst(p.count).drop(while: { $0 == " " })
            break
        }
        guard !s.isEmpty else { throw InputError(location, "expected a number after \(InputError.quoted(printed))") }
        let body = String(s)
        let number: (value: Double, decimals: Int)
        do {
            number = try PrintedNumber.parseWithDecimals(body, location: location)
        } catch {
            throw InputError(location, "expected a number, found \(InputError.quoted(printed))")
        }
        guard domain.contains(number.value) else {
            throw InputError(location, "\(printed) is outside the possible range \(NumberFormat.readable(domain.lowerBound))…\(NumberFormat.readable(domain.upperBound))")
        }
        self.init(text: printed, value: number.value, decimals: number.decimals, relation: relation, percent: body.contains("%"),
                  domain: domain)
    }

    /// A printed value from its parts (the dataset reader's memberwise form).
    public init(text: String, value: Double, decimals: Int, bound: Bound = .exact, percent: Bool = false) {
        let relation: Relation
        switch bound {
        case .exact: relation = .equal
        case .lessThan: relation = .less
        case .atMost: relation = .lessOrEqual
        case .greaterThan: relation = .greater
        case .atLeast: relation = .greaterOrEqual
        }
        self.init(text: text, value: value, decimals: decimals, relation: relation, percent: percent,
                  domain: -Double.infinity...Double.infinity)
    }

    init(text: String, value: Double, decimals: Int, relation: Relation, percent: Bool, domain: ClosedRange<Double>) {
        self.text = text
        self.value = value
        self.decimals = decimals
        self.relation = relation
        self.isExact = false
        self.domain = domain
        self.percent = percent
        let scaled = abs(value) * Foundation.pow(10, Double(decimals))
        self.digits = scaled < 9e15 ? Int(scaled.rounded()) : nil
    }

    /// Parses one printed value (see `init(_:location:domain:label:)`).
    public static func parse(_ text: String, location: InputLocation, label: String? = nil) throws(InputError) -> PrintedInterval {
        try PrintedInterval(text, location: location, label: label)
    }

    /// The same printed value known to lie in `limits` (a p in 0...1, an SD in 0...∞): a bound such as
    /// "<0.001" then stands for [0, 0.001). Nil when the printed value itself lies outside.
    public func within(_ limits: ClosedRange<Double>) -> PrintedInterval? {
        guard limits.contains(value) else { return nil }
        var out = self
        out.domain = max(domain.lowerBound, limits.lowerBound)...min(domain.upperBound, limits.upperBound)
        return out
    }

    /// The relation under the dataset reader's names.
    public var bound: Bound {
        switch relation {
        case .equal: return .exact
        case .less: return .lessThan
        case .lessOrEqual: return .atMost
        case .greater: return .greaterThan
        case .greaterOrEqual: return .atLeast
        }
    }

    /// Half a unit in the last printed place: the largest rounding error the printed value allows.
    public var halfUnit: Double { 0.5 * Foundation.pow(10.0, Double(-decimals)) }

    /// The closed interval of unrounded values consistent with the print: value ± half a unit in the last
    /// place (closed at both ends, so that half-up and half-even are both covered), or everything on the
    /// side of a bound (to ±∞ unless a domain was set).
    public var interval: (lower: Double, upper: Double) {
        switch relation {
        case .equal: return (value - halfUnit, value + halfUnit)
        case .less, .lessOrEqual: return (domain.lowerBound, value)
        case .greater, .greaterOrEqual: return (value, domain.upperBound)
        }
    }

    /// `interval` intersected with `limits` (e.g. 0...1 for a p-value, 0...∞ for an SD).
    public func interval(within limits: ClosedRange<Double>) -> (lower: Double, upper: Double) {
        let i = interval
        return (Swift.max(i.lower, limits.lowerBound), Swift.min(i.upper, limits.upperBound))
    }

    /// Whether an unrounded value is consistent with the print (strict at the open side of < and >).
    public func isConsistent(with x: Double) -> Bool {
        switch relation {
        case .equal: return x >= value - halfUnit && x <= value + halfUnit
        case .less: return x < value
        case .lessOrEqual: return x <= value
        case .greater: return x > value
        case .greaterOrEqual: return x >= value
        }
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
        self.percent = false
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

    /// The printed digits as a signed integer over 10^decimals, when they are an exact decimal that fits.
    public var decimalFraction: (numerator: Int, denominator: Int)? {
        guard !isExact, relation == .equal, let p = digits, decimals >= 0, decimals <= 15 else { return nil }
        var den = 1
        for _ in 0..<decimals { den *= 10 }
        return (value < 0 ? -p : p, den)
    }

    /// a + b as an exact decimal fraction (numerator over a power of ten), when both are exact decimals.
    public static func decimalSum(_ a: PrintedInterval, _ b: PrintedInterval) -> (Int, Int)? {
        decimalCombination(a, b, sign: 1)
    }

    /// a − b as an exact decimal fraction, when both are exact decimals.
    public static func decimalDifference(_ a: PrintedInterval, _ b: PrintedInterval) -> (Int, Int)? {
        decimalCombination(a, b, sign: -1)
    }

    static func decimalCombination(_ a: PrintedInterval, _ b: PrintedInterval, sign: Int) -> (Int, Int)? {
        guard let x = a.decimalFraction, let y = b.decimalFraction else { return nil }
        let den = max(x.denominator, y.denominator)
        let (xn, o1) = x.numerator.multipliedReportingOverflow(by: den / x.denominator)
        let (yn, o2) = y.numerator.multipliedReportingOverflow(by: den / y.denominator)
        let (sum, o3) = xn.addingReportingOverflow(sign * yn)
        return o1 || o2 || o3 ? nil : (sum, den)
    }

    /// Whether the exact fraction num/den prints as this text under half-up or half-even rounding.
    public func printsFraction(numerator: Int, denominator: Int) -> Bool {
        containsFraction(numerator: numerator, denominator: denominator, reading: .halfUp)
            || containsFraction(numerator: numerator, denominator: denominator, reading: .halfEven)
    }

    public var description: String { text }
}
