import TSCore

/// The outcome of one consistency check.
///
/// - `consistent`: the value recomputed from the printed inputs, taken as printed, prints as reported.
/// - `rounding`: it does not, but some unrounded inputs that print as the printed inputs (the box of their
///   rounding intervals) give a value that prints as reported — consistent only at the edge of the printed
///   precision, or only when the paper truncated instead of rounding.
/// - `inconsistent`: no point of the box reproduces the reported number; `miss` is the gap between the
///   recomputed interval and the reported number's rounding interval (in the reported number's units).
/// - `unchecked`: an input the check needs is missing (named).
public enum Verdict: Sendable, Equatable, CustomStringConvertible {
    case consistent
    case rounding
    case inconsistent(miss: Double)
    case unchecked(missing: String)

    /// `consistent`, `rounding`, `inconsistent` or `unchecked`.
    public var label: String {
        switch self {
        case .consistent: return "consistent"
        case .rounding: return "rounding"
        case .inconsistent: return "inconsistent"
        case .unchecked: return "unchecked"
        }
    }

    public var miss: Double? {
        if case .inconsistent(let m) = self { return m }
        return nil
    }

    /// True for `consistent` and `rounding`.
    public var reproduces: Bool { self == .consistent || self == .rounding }

    public var description: String {
        switch self {
        case .inconsistent(let m): return "inconsistent (miss \(m))"
        case .unchecked(let what): return "unchecked (missing \(what))"
        default: return label
        }
    }
}

/// A verdict with the readings of the reported number that fit and the recomputed range under rounding.
public struct Judgement: Sendable, Equatable {
    public var verdict: Verdict
    /// The readings (half-up, half-even, truncation) under which some point of the box reproduces the report.
    /// The verdict itself is decided under rounding (half-up or half-even); a fit only under truncation is
    /// listed here and named in the row's detail, but leaves the verdict `inconsistent`.
    public var readings: [RoundingReading]
    /// Range of the recomputed value over the box of rounded inputs.
    public var range: ValueInterval
    /// The value recomputed from the inputs exactly as printed.
    public var nominal: Double?

    /// Judges a recomputation against a reported number.
    ///
    /// `nominal`: recomputed from the printed inputs at face value (nil if no single value exists, e.g. an
    /// inferred n). `range(reading)`: the closed range of the recomputed value when every printed input is
    /// read under `reading` (half-up and half-even give the same closed box; truncation a shifted one).
    public static func judge(reported: PrintedInterval, nominal: Double?,
                             range: (RoundingReading) -> ValueInterval) -> Judgement {
        judge(reported: reported, nominal: nominal, nominalFits: nil, range: range)
    }

    /// As `judge(reported:nominal:range:)`, with the test of the nominal value given exactly (`nominalFits`,
    /// e.g. a decimal fraction decided in integers) instead of in binary floating point.
    static func judge(reported: PrintedInterval, nominal: Double?, nominalFits exact: Bool?,
                      range: (RoundingReading) -> ValueInterval) -> Judgement {
        let rounded = range(.halfUp)
        let truncated = range(.truncation)
        var readings: [RoundingReading] = []
        for r in RoundingReading.allCases {
            let box = r == .truncation ? truncated : rounded
            if box.meets(reported.interval(r).closed) { readings.append(r) }
        }
        let nominalFits = exact ?? nominal.map { x in
            reported.interval(.halfUp).contains(x) || reported.interval(.halfEven).contains(x)
                || reported.rounded.contains(x)
        } ?? false
        let verdict: Verdict
        if nominalFits { verdict = .consistent }
        else if readings.contains(.halfUp) || readings.contains(.halfEven) { verdict = .rounding }
        else { verdict = .inconsistent(miss: rounded.distance(to: reported.rounded)) }
        return Judgement(verdict: verdict, readings: readings, range: rounded, nominal: nominal)
    }

    /// The printed estimate against the centre (L + U)/2 of its printed interval, with the nominal centre decided
    /// exactly in decimal (a centre such as 2.55 is a tie that half-up and half-even both print as 2.6).
    static func judgeCentre(reported e: PrintedInterval, lower l: PrintedInterval, upper u: PrintedInterval) -> Judgement {
        let centre = (l.value + u.value) / 2
        var exact: Bool? = nil
        if let (num, den) = PrintedInterval.decimalSum(l, u) {
            exact = e.containsFraction(numerator: num, denominator: 2 * den, reading: .halfUp)
                || e.containsFraction(numerator: num, denominator: 2 * den, reading: .halfEven)
        }
        return judge(reported: e, nominal: centre, nominalFits: exact) { reading in
            let a = l.interval(reading).closed, b = u.interval(reading).closed
            return ValueInterval((a.lower + b.lower) / 2, (a.upper + b.upper) / 2)
        }
    }

    /// Several candidate recomputations (e.g. one per feasible arm size): consistent if any nominal value fits,
    /// rounding if any box does, otherwise inconsistent by the smallest miss.
    public static func best(_ js: [Judgement]) -> Judgement? {
        guard var out = js.first else { return nil }
        var range = out.range
        var readings = Set(out.readings)
        for j in js.dropFirst() {
            range = range.hull(j.range)
            readings.formUnion(j.readings)
            switch (out.verdict, j.verdict) {
            case (.consistent, _): break
            case (_, .consistent): out.verdict = .consistent
            case (.rounding, _): break
            case (_, .rounding): out.verdict = .rounding
            case (.inconsistent(let a), .inconsistent(let b)): out.verdict = .inconsistent(miss: min(a, b))
            default: break
            }
        }
        out.range = range
        out.readings = RoundingReading.allCases.filter { readings.contains($0) }
        out.nominal = js.count == 1 ? js[0].nominal : nil
        if case .inconsistent = out.verdict, out.readings.contains(.halfUp) || out.readings.contains(.halfEven) { out.verdict = .rounding }
        return out
    }
}
