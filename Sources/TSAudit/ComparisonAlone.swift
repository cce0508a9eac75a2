import Foundation
import TSDistributions
import TSCore

/// What a printed comparison estimates: a difference (linear scale) or a ratio (log scale).
public enum EffectMeasure: String, Sendable, CaseIterable {
    case difference
    case rr = "RR"
    case or = "OR"
    case hr = "HR"
    case irr = "IRR"

    /// The scale on which the estimate is normal and its CI symmetric: log for ratios.
    public var scale: EffectScale { self == .difference ? .linear : .log }
}

/// The scale on which a comparison's CI is estimate ± c·SE.
public enum EffectScale: String, Sendable {
    case linear
    case log
}

/// A printed comparison with no arm summaries: an estimate with its CI and/or p, e.g.
/// "difference 0.42 (95% CI −0.10 to 0.94), p = 0.11" or "HR 0.81 (0.70 to 0.94), p = 0.005".
public struct PrintedEffect: Sendable {
    public var measure: EffectMeasure
    public var estimate: PrintedInterval?
    public var ciLower: PrintedInterval?
    public var ciUpper: PrintedInterval?
    /// The printed p (read with domain 0…1 so that "<0.001" stands for (0, 0.001)).
    public var p: PrintedInterval?
    /// Confidence level of the printed CI.
    public var level: Double
    /// Degrees of freedom of a t reference, when known (two arms of known size: n1 + n2 − 2).
    public var df: Double?

    public init(measure: EffectMeasure = .difference, estimate: PrintedInterval? = nil, ciLower: PrintedInterval? = nil,
                ciUpper: PrintedInterval? = nil, p: PrintedInterval? = nil, level: Double = 0.95, df: Double? = nil) {
        self.measure = measure
        self.estimate = estimate
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.p = p
        self.level = level
        self.df = df
    }

    public var scale: EffectScale { measure.scale }
}

/// A printed comparison checked against itself: estimate vs its CI's centre, p vs the CI, CI vs the p.
///
/// - `effect_vs_ci`: the estimate against the centre of its CI: (L + U)/2 on the linear scale, √(L·U) (the
///   centre on the log scale) for ratios. Decided in exact decimal arithmetic, so ties such as
///   (2.1 + 3.0)/2 = 2.55 are decided by the reading, not by binary rounding.
/// - `effect_p`: p from the CI (Altman & Bland, "How to obtain the P value from a confidence interval",
///   BMJ 2011;343:d2304): SE = (U − L)/(2·c), z = Est/SE, p from the normal (or t on `df`), two- and one-sided,
///   on the log scale for ratios. |z| = 2c·|Est|/(U − L) is increasing in |Est| and decreasing in U − L, so
///   its range over the rounding box comes from the box's ends.
/// - `effect_ci_lower` / `effect_ci_upper`: the CI from the p (Altman & Bland, "How to obtain the confidence
///   interval from a P value", BMJ 2011;343:d2090): z from p, SE = |Est|/z, bounds Est ∓ c·SE (log scale for
///   ratios, then exponentiated). A bound is Est ∓ k·|Est| with k = c/z, bilinear in (Est, k) on each sign of
///   Est, so its range over the box is attained at the corners (Est split at 0). A p printed as a bound
///   ("P<0.001") leaves z unbounded on one side: the bound's range is then one-sided, never NaN.
///
/// With `approximations`, the papers' own closed forms are added as named methods: p = exp(−0.717z − 0.416z²)
/// and z = −0.862 + √(0.743 − 2.404·ln p), with c = 1.96 (1.65 for 90%, 2.57 for 99%).
public enum ComparisonAlone {
    /// Every check the printed comparison supports, as method rows (one printed quantity may have several).
    public static func check(_ e: PrintedEffect, label: String, approximations: Bool = false) -> [AuditRow] {
        var rows: [AuditRow] = []
        if let r = centre(e, label: label) { rows.append(r) }
        rows += pFromCI(e, label: label, approximations: approximations)
        rows += ciFromP(e, label: label, approximations: approximations)
        return rows
    }

    // MARK: reference distributions

    /// How a paper may have turned an estimate and SE into a p or CI.
    enum Reference: Equatable {
        case normal
        case t(Double)
        /// Altman & Bland's closed forms (two-sided).
        case approximation

        var name: String {
            switch self {
            case .normal: return "normal (z)"
            case .t(let df): return "t(\(fmt(df)))"
            case .approximation: return "Altman–Bland approximation"
            }
        }

        /// Two-sided critical value for a `level` interval.
        func critical(_ level: Double) -> Double {
            switch self {
            case .normal: return Tails.critical(level: level, df: .infinity)
            case .t(let df): return Tails.critical(level: level, df: df)
            case .approximation:
                if abs(level - 0.95) < 1e-12 { return 1.96 }
                if abs(level - 0.90) < 1e-12 { return 1.65 }
                if abs(level - 0.99) < 1e-12 { return 2.57 }
                return Tails.critical(level: level, df: .infinity)
            }
        }

        /// p of |stat| (∞ gives 0).
        func p(_ stat: Double, sided: Sidedness) -> Double {
            let z = abs(stat)
            if z.isInfinite { return 0 }
            switch self {
            case .normal: return Tails.p(z, df: .infinity, sided: sided)
            case .t(let df): return Tails.p(z, df: df, sided: sided)
            case .approximation: return min(1, Foundation.exp(-0.717 * z - 0.416 * z * z))
            }
        }

        /// The |stat| values whose p lies in `p` (closed hull; p = 0 gives ∞, p ≥ 1 gives 0).
        func stat(for p: ValueInterval, sided: Sidedness) -> ValueInterval {
            switch self {
            case .normal: return Tails.absT(for: p, df: .infinity, sided: sided)
            case .t(let df): return Tails.absT(for: p, df: df, sided: sided)
            case .approximation:
                func z(_ q: Double) -> Double {
                    if q <= 0 { return .infinity }
                    return max(0, -0.862 + (0.743 - 2.404 * Foundation.log(min(q, 1))).squareRoot())
                }
                return ValueInterval(z(min(p.upper, 1)), z(max(p.lower, 0)))
            }
        }
    }

    static func references(_ e: PrintedEffect, approximations: Bool) -> [(Reference, Sidedness)] {
        var out: [(Reference, Sidedness)] = [(.normal, .twoSided), (.normal, .oneSided)]
        if let df = e.df, df > 0 { out += [(.t(df), .twoSided), (.t(df), .oneSided)] }
        if approximations { out.append((.approximation, .twoSided)) }
        return out
    }

    // MARK: scale helpers

    /// Natural log that stays finite at 0 (a printed ratio of 0.00 stands for values down to 0).
    static func safeLog(_ x: Double) -> Double { Foundation.log(max(x, 1e-300)) }

    /// An interval on the working scale (log for ratios).
    static func work(_ iv: ValueInterval, _ scale: EffectScale) -> ValueInterval {
        scale == .linear ? iv : ValueInterval(safeLog(iv.lower), safeLog(iv.upper))
    }

    static func work(_ x: Double, _ scale: EffectScale) -> Double { scale == .linear ? x : safeLog(x) }
    static func natural(_ x: Double, _ scale: EffectScale) -> Double { scale == .linear ? x : Foundation.exp(x) }

    /// Range of |x| over an interval.
    static func absRange(_ iv: ValueInterval) -> ValueInterval {
        if iv.lower <= 0 && iv.upper >= 0 { return ValueInterval(0, max(-iv.lower, iv.upper)) }
        return ValueInterval(min(abs(iv.lower), abs(iv.upper)), max(abs(iv.lower), abs(iv.upper)))
    }

    /// Widens a recomputed range by 1e-12 relative (and 1e-300 absolute) so that a floating rounding error in
    /// its ends cannot turn a touch into a miss; a real miss is far larger.
    static func widen(_ r: ValueInterval) -> ValueInterval {
        ValueInterval(r.lower - 1e-12 * abs(r.lower) - 1e-300, r.upper + 1e-12 * abs(r.upper) + 1e-300)
    }

    /// A short number for method names and details without `String(format:)` (slow and locale-bound on Linux).
    static func short(_ x: Double, _ digits: Int = 6) -> String {
        guard x.isFinite else { return fmt(x) }
        if x == x.rounded(), abs(x) < 1e9 { return String(Int(x)) }
        let scale = Foundation.pow(10, Double(max(0, digits - 1 - Int(Foundation.log10(abs(x)).rounded(.down)))))
        let s = String((x * scale).rounded() / scale)
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }

    static func ratioInputsPositive(_ xs: [PrintedInterval?]) -> Bool {
        xs.allSatisfy { ($0?.value ?? 1) > 0 }
    }

    // MARK: estimate vs CI centre

    /// `effect_vs_ci`: the printed estimate against the centre of its printed CI.
    public static func centre(_ e: PrintedEffect, label: String) -> AuditRow? {
        guard let est = e.estimate, let l = e.ciLower, let u = e.ciUpper else { return nil }
        let method = e.scale == .linear ? "centre of a symmetric CI, (L + U)/2"
                                        : "centre on the log scale, √(L·U) (geometric mean of the bounds)"
        if e.scale == .log, !ratioInputsPositive([est, l, u]) {
            return .unchecked("effect_vs_ci", arm: label, reported: est.text, missing: "positive ratio and CI bounds")
        }
        let nominal = e.scale == .linear ? (l.value + u.value) / 2 : (l.value * u.value).squareRoot()
        func floatRange(_ reading: RoundingReading) -> ValueInterval {
            let a = l.interval(reading).closed, b = u.interval(reading).closed
            if e.scale == .linear { return widen(ValueInterval((a.lower + b.lower) / 2, (a.upper + b.upper) / 2)) }
            return widen(ValueInterval((max(a.lower, 0) * max(b.lower, 0)).squareRoot(), (a.upper * b.upper).squareRoot()))
        }
        var j: Judgement
        if let exact = exactCentre(est: est, l: l, u: u, scale: e.scale) {
            let truncation = floatRange(.truncation).meets(est.interval(.truncation).closed)
            var readings: [RoundingReading] = exact.meets ? [.halfUp, .halfEven] : []
            if truncation { readings.append(.truncation) }
            let range = floatRange(.halfUp)
            let verdict: Verdict = exact.nominalFits ? .consistent
                : exact.meets ? .rounding : .inconsistent(miss: range.distance(to: est.rounded))
            j = Judgement(verdict: verdict, readings: readings, range: range, nominal: nominal)
        } else {
            j = Judgement.judge(reported: est, nominal: nominal, range: floatRange)
        }
        var detail = ""
        if !j.verdict.reproduces {
            detail = "the CI \(l.text) to \(u.text) is centred on \(short(nominal, 4)), not on \(est.text)"
            if !est.rounded.meets(ValueInterval(l.rounded.lower, u.rounded.upper)) { detail += "; the estimate lies outside its own CI" }
        }
        return AuditRow(check: "effect_vs_ci", arm: label, reported: est, judgement: j, method: method, detail: detail)
    }

    /// Exact decimal decision of the centre check: whether the centre of the printed bounds prints as the
    /// estimate under half-up or half-even, and whether the box of bounds reaches the estimate's rounding
    /// interval. Log scale: compares squares, √(L·U) ∈ [a, b] ⇔ L·U ∈ [a², b²] for a ≥ 0.
    static func exactCentre(est: PrintedInterval, l: PrintedInterval, u: PrintedInterval,
                            scale: EffectScale) -> (nominalFits: Bool, meets: Bool)? {
        guard let lv = ExactDecimal.value(l), let uv = ExactDecimal.value(u),
              let up = ExactDecimal.interval(est, .halfUp), let even = ExactDecimal.interval(est, .halfEven) else { return nil }
        let hl = ExactDecimal.half(l), hu = ExactDecimal.half(u)
        let zero = Decimal(0)
        if scale == .linear {
            let two = Decimal(2)
            let n2 = lv + uv                                       // 2 × centre
            let fits = [up, even].contains { ExactDecimal.inside(n2, two * $0.lo, two * $0.hi, $0.iv) }
            let boxLo = lv - hl + uv - hu, boxHi = lv + hl + uv + hu
            let meets = boxLo <= two * up.hi && two * up.lo <= boxHi
            return (fits, meets)
        }
        func sq(_ x: Decimal) -> Decimal { let y = max(x, zero); return y * y }
        let n2 = lv * uv                                           // centre²
        let fits = [up, even].contains { ExactDecimal.inside(n2, sq($0.lo), sq($0.hi), $0.iv) }
        let boxLo = max(lv - hl, zero) * max(uv - hu, zero), boxHi = (lv + hl) * (uv + hu)
        let meets = boxLo <= sq(up.hi) && sq(up.lo) <= boxHi
        return (fits, meets)
    }

    // MARK: p from the CI

    static func scaleNote(_ s: EffectScale) -> String { s == .log ? " on the log scale" : "" }

    /// |stat| = 2c·|E|/(U − L) over a box (working scale): increasing in |E|, decreasing in U − L.
    static func statRange(e: ValueInterval, l: ValueInterval, u: ValueInterval, c: Double) -> ValueInterval {
        let a = absRange(e)
        let wlo = max(u.lower - l.upper, 0), whi = u.upper - l.lower
        let lo = (a.lower == 0 || whi.isInfinite) ? 0 : 2 * c * a.lower / whi
        let hi = a.upper == 0 ? 0 : (wlo <= 0 ? .infinity : 2 * c * a.upper / wlo)
        return ValueInterval(lo, hi)
    }

    /// `effect_p` method rows: the printed p against the p recomputed from the estimate and CI.
    public static func pFromCI(_ e: PrintedEffect, label: String, approximations: Bool = false) -> [AuditRow] {
        pFromCI(e, label: label, approximations: approximations, only: nil)
    }

    /// `only`: one reference and sidedness (property tests check the true method alone).
    static func pFromCI(_ e: PrintedEffect, label: String, approximations: Bool, only: (Reference, Sidedness)?) -> [AuditRow] {
        guard let p = e.p else { return [] }
        guard let l = e.ciLower, let u = e.ciUpper else { return [.unchecked("effect_p", arm: label, reported: p.text, missing: "CI")] }
        if e.scale == .log, !ratioInputsPositive([e.estimate, l, u]) {
            return [.unchecked("effect_p", arm: label, reported: p.text, missing: "positive ratio and CI bounds")]
        }
        let s = e.scale
        // Without a printed estimate the CI's centre (on the working scale) stands for it: its range over the
        // box is taken independently of the bounds', an enclosure of the true range.
        func estimate(_ reading: RoundingReading) -> ValueInterval {
            if let est = e.estimate { return work(est.interval(reading).closed, s) }
            let a = work(l.interval(reading).closed, s), b = work(u.interval(reading).closed, s)
            return ValueInterval((a.lower + b.lower) / 2, (a.upper + b.upper) / 2)
        }
        let estValue = e.estimate.map { work($0.value, s) } ?? (work(l.value, s) + work(u.value, s)) / 2
        let refs = only.map { [$0] } ?? references(e, approximations: approximations)
        return refs.map { (ref, sided) in
            let c = ref.critical(e.level)
            let w = work(u.value, s) - work(l.value, s)
            let zNom = w > 0 ? 2 * c * abs(estValue) / w : .infinity
            let nominal = ref.p(zNom, sided: sided)
            let j = Judgement.judge(reported: p, nominal: nominal) { reading in
                let z = statRange(e: estimate(reading), l: work(l.interval(reading).closed, s),
                                  u: work(u.interval(reading).closed, s), c: c)
                return widen(ValueInterval(ref.p(z.upper, sided: sided), ref.p(z.lower, sided: sided)))
            }
            let method = "p from the CI\(scaleNote(s)), \(ref.name) \(sided.rawValue): SE = (U − L)/(2·\(short(c))), z = "
                + (e.estimate == nil ? "CI centre/SE" : "Est/SE")
            return AuditRow(check: "effect_p", arm: label, reported: p, judgement: j, method: method,
                            detail: j.verdict.reproduces ? "" : "recomputed p \(short(j.range.lower, 4)) to \(short(j.range.upper, 4))",
                            alternative: sided == .oneSided)
        }
    }

    // MARK: CI from the p

    /// A CI bound on the working scale, Est + side·k·|Est| with k = c/|stat| (k = ∞ sends a nonzero Est's bound
    /// to side·∞; Est = 0 gives 0).
    static func bound(_ x: Double, k: Double, side: Double) -> Double {
        if x == 0 { return 0 }
        if k.isInfinite { return side * .infinity }
        return x + side * k * abs(x)
    }

    /// Range of a bound over Est ∈ `e` (working scale) and |stat| ∈ `stat`: corners of each sign piece of Est.
    static func boundRange(e: ValueInterval, stat: ValueInterval, c: Double, side: Double) -> ValueInterval {
        let klo = stat.upper.isInfinite ? 0 : c / stat.upper
        let khi = stat.lower <= 0 ? Double.infinity : c / stat.lower
        var xs = [e.lower, e.upper]
        if e.lower < 0 && e.upper > 0 { xs.append(0) }
        var vals: [Double] = []
        for x in xs { for k in [klo, khi] { vals.append(bound(x, k: k, side: side)) } }
        return ValueInterval(vals.min()!, vals.max()!)
    }

    /// `effect_ci_lower` / `effect_ci_upper` method rows: each printed bound against Est ∓ c·|Est|/z(p).
    /// Needs the estimate and the p; without a p nothing is claimed about the CI here (`effect_vs_ci` covers it).
    public static func ciFromP(_ e: PrintedEffect, label: String, approximations: Bool = false) -> [AuditRow] {
        ciFromP(e, label: label, approximations: approximations, only: nil)
    }

    static func ciFromP(_ e: PrintedEffect, label: String, approximations: Bool, only: (Reference, Sidedness)?) -> [AuditRow] {
        guard let p = e.p else { return [] }
        let refs = only.map { [$0] } ?? references(e, approximations: approximations)
        // Critical values and the |z| range of the p under each reading, shared by both bounds.
        var cache: [Int: (c: Double, z: [RoundingReading: ValueInterval])] = [:]
        func shared(_ i: Int, _ reading: RoundingReading) -> (Double, ValueInterval) {
            let (ref, sided) = refs[i]
            if cache[i] == nil { cache[i] = (ref.critical(e.level), [:]) }
            if let z = cache[i]!.z[reading] { return (cache[i]!.c, z) }
            let z = ref.stat(for: p.interval(reading).closed, sided: sided)
            cache[i]!.z[reading] = z
            return (cache[i]!.c, z)
        }
        var rows: [AuditRow] = []
        for (name, printed, side) in [("effect_ci_lower", e.ciLower, -1.0), ("effect_ci_upper", e.ciUpper, 1.0)] {
            guard let printed else { continue }
            guard let est = e.estimate else { rows.append(.unchecked(name, arm: label, reported: printed.text, missing: "estimate")); continue }
            if e.scale == .log, !ratioInputsPositive([est, printed]) {
                rows.append(.unchecked(name, arm: label, reported: printed.text, missing: "positive ratio and CI bound")); continue
            }
            let s = e.scale
            for (i, (ref, sided)) in refs.enumerated() {
                let c = shared(i, .halfUp).0
                var nominal: Double? = nil
                if p.relation == .equal {
                    let z = ref.stat(for: .point(p.value), sided: sided).lower
                    if z > 0 {
                        let b = natural(bound(work(est.value, s), k: z.isInfinite ? 0 : c / z, side: side), s)
                        if b.isFinite { nominal = b }
                    }
                }
                func range(_ reading: RoundingReading, estimateAsPrinted: Bool = false) -> ValueInterval {
                    let ev = estimateAsPrinted ? .point(est.value) : est.interval(reading).closed
                    let z = shared(i, reading).1
                    let r = boundRange(e: work(ev, s), stat: z, c: c, side: side)
                    return widen(ValueInterval(natural(r.lower, s), natural(r.upper, s)))
                }
                var j = Judgement.judge(reported: printed, nominal: nominal) { range($0) }
                // A p printed as a bound: every p in it counts as printed, so the estimate at face value with
                // the whole bound interval is the "as printed" recomputation.
                if p.relation != .equal, j.verdict == .rounding, range(.halfUp, estimateAsPrinted: true).meets(printed.rounded) {
                    j.verdict = .consistent
                }
                let method = "CI from the p\(scaleNote(s)), \(ref.name) \(sided.rawValue): z from p, SE = |Est|/z, "
                    + "Est \(side < 0 ? "−" : "+") \(short(c))·SE"
                let detail = j.verdict.reproduces ? "" : "recomputed bound \(short(j.range.lower, 4)) to \(short(j.range.upper, 4))"
                rows.append(AuditRow(check: name, arm: label, reported: printed, judgement: j, method: method, detail: detail,
                                     alternative: sided == .oneSided))
            }
        }
        return rows
    }
}
