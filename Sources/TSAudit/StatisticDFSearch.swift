import Foundation
import TSDistributions
import TSCore

/// The df a test printed without them ("chi2 = 7.81, p = 0.050") could have had, searched exactly.
///
/// Searched: t and r on integer df 1…10^5 (t also on ∞, the z test); χ² on 1…1000; F on df1 1…50 with
/// df2 1…10^5 (a printed df1 or df2 is kept). A df reproduces the printed p when the p range over the
/// statistic's rounding interval at that df meets the p's rounding interval (the test of `StatisticVsP.check`).
///
/// Monotonicity makes the search exact with binary searches:
/// - p is decreasing in |x| (every kind) and, at fixed |t| > 0, decreasing in df: P(|T_ν| > t) = E g(χ²_ν/ν)
///   with g(v) = 2Φ̄(t√v) convex, and χ²_ν/ν decreases in convex order as ν grows (a sample mean). So the df
///   whose p range meets [p_lo, p_hi] form one interval {df : p(|x|_hi, df) ≤ p_hi} ∩ {df : p(|x|_lo, df) ≥ p_lo}.
/// - r: t = r√(df/(1 − r²)) grows with df and p(t) falls with df, so p is decreasing in df.
/// - χ²: at fixed x, P(X_ν ≥ x) is increasing in ν (χ²_{ν+1} = χ²_ν + χ²_1 stochastically larger).
/// - F: at fixed df1 and f, P(F ≥ f) is not monotone in df2 in general; numerically (scipy 1.17, df1 1…50,
///   f 0.01…100 on 200 log-spaced points, df2 1…10^5) it is monotone or turns once. It is evaluated at every
///   df2 ≤ 200 and on a geometric grid (ratio 1.02) above, and bisected between grid points where a condition
///   changes; between grid points above 200 the p is taken as monotone.
enum DFSearch {
    static let maxT = 100_000
    static let maxChi2 = 1000
    static let maxF1 = 50
    static let maxF2 = 100_000

    static func needsSearch(_ t: PrintedTest) -> Bool {
        switch t.kind {
        case .z: return false
        case .t, .r, .chi2: return t.df1 == nil
        case .F: return t.df1 == nil || t.df2 == nil
        }
    }

    /// p of the extremeness `x` ≥ 0 (|t|, |r|, χ², F) on (d1, d2).
    static func p(_ kind: PrintedTest.Kind, _ x: Double, _ d1: Double, _ d2: Double, _ sided: Sidedness) -> Double {
        switch kind {
        case .t, .z: return Tails.p(x, df: d1, sided: sided)
        case .r:
            let r = min(abs(x), 1)
            if r >= 1 { return 0 }
            if d1.isInfinite { return r == 0 ? 1 : 0 }
            return Tails.p(r * (d1 / (1 - r * r)).squareRoot(), df: d1, sided: sided)
        case .chi2: return (try? ChiSquared(df: d1))?.sf(max(x, 0)) ?? .nan
        case .F: return (try? FDistribution(df1: d1, df2: d2))?.sf(max(x, 0)) ?? .nan
        }
    }

    /// Smallest n in lo…hi with `pred` true, for `pred` false…false true…true; nil if none.
    /// Gallops up from `lo` (df boundaries are mostly small, where p is cheap) before bisecting.
    static func firstTrue(_ lo: Int, _ hi: Int, _ pred: (Int) -> Bool) -> Int? {
        guard lo <= hi else { return nil }
        if pred(lo) { return lo }
        var a = lo, step = 1
        var b = min(hi, lo + step)
        while !pred(b) {
            if b == hi { return nil }
            a = b; step *= 4; b = min(hi, lo + step)
        }
        while b - a > 1 { let m = a + (b - a) / 2; if pred(m) { b = m } else { a = m } }
        return b
    }

    /// Largest n in lo…hi with `pred` true, for `pred` true…true false…false; nil if none.
    static func lastTrue(_ lo: Int, _ hi: Int, _ pred: (Int) -> Bool) -> Int? {
        guard lo <= hi, pred(lo) else { return nil }
        if pred(hi) { return hi }
        var a = lo, b = hi
        while b - a > 1 { let m = a + (b - a) / 2; if pred(m) { a = m } else { b = m } }
        return a
    }

    /// The part of a..b where a predicate that is monotone on a..b holds (known at both ends).
    static func monotonePart(_ a: Int, _ b: Int, _ atA: Bool, _ atB: Bool, _ pred: (Int) -> Bool) -> ClosedRange<Int>? {
        switch (atA, atB) {
        case (true, true): return a...b
        case (false, false): return nil
        case (true, false): return lastTrue(a, b - 1, pred).map { a...$0 }
        case (false, true): return firstTrue(a + 1, b, pred).map { $0...b }
        }
    }

    /// df2 grid for F: every value to 200, then ×1.02, ending at `maxF2`.
    static let f2Grid: [Int] = {
        var g = Array(1...200)
        var x = 200
        while x < maxF2 { x = min(maxF2, max(x + 1, Int((Double(x) * 1.02).rounded(.down)))); g.append(x) }
        return g
    }()

    static func merge(_ rs: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        for r in rs.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else { out.append(r) }
        }
        return out
    }

    static func describe(_ r: ClosedRange<Int>) -> String {
        r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
    }

    /// The result of a search: the df (or df pairs) whose box reproduces, those whose printed statistic does,
    /// the hull of p over the reproducing df (or over all df when none), and the smallest miss.
    struct Outcome {
        /// One df: [df ranges] under key 0 (∞ flagged separately); F: df1 → df2 ranges.
        var box: [Int: [ClosedRange<Int>]] = [:]
        var boxInfinity = false
        var nominal: [Int: [ClosedRange<Int>]] = [:]
        var nominalInfinity = false
        var range = ValueInterval(.nan, .nan)
        var nominalP: Double? = nil
        var miss = Double.infinity
        var reason = ""
        var reproduces: Bool { !box.isEmpty || boxInfinity }
        var reproducesAsPrinted: Bool { !nominal.isEmpty || nominalInfinity }
    }
}

extension StatisticVsP {
    /// A test printed without its df: searches the df (see `DFSearch`) and reports which reproduce the p,
    /// "df 3 reproduces", "df 12–15 reproduce". Consistent when the printed statistic reproduces the p at some
    /// df, rounding when only its rounding interval does, inconsistent when no df can (the detail says why).
    public static func searchDF(_ test: PrintedTest, sided: Sidedness = .twoSided) -> AuditRow {
        let tail = test.kind == .F || test.kind == .chi2 ? "upper tail" : sided.rawValue
        let s = test.statistic.interval(.halfUp).closed.hull(test.statistic.interval(.halfEven).closed)
        let xa: Double, xb: Double
        switch test.kind {
        case .t, .z, .r:
            xa = s.meets(.point(0)) ? 0 : min(abs(s.lower), abs(s.upper))
            xb = max(abs(s.lower), abs(s.upper))
        case .chi2, .F:
            xa = max(s.lower, 0)
            xb = max(s.upper, 0)
        }
        let v = test.kind == .chi2 || test.kind == .F ? max(test.statistic.value, 0) : abs(test.statistic.value)
        let target = test.p.rounded
        let o: DFSearch.Outcome
        let searched: String
        switch test.kind {
        case .F:
            o = searchF(test, xa: xa, xb: xb, v: v, target: target)
            let d1 = test.df1.map { fmt($0) } ?? "1–\(DFSearch.maxF1)"
            let d2 = test.df2.map { fmt($0) } ?? "1–\(DFSearch.maxF2)"
            searched = "df1 \(d1), df2 \(d2)"
        default:
            o = searchOne(test.kind, xa: xa, xb: xb, v: v, target: target, sided: sided)
            searched = test.kind == .chi2 ? "df 1–\(DFSearch.maxChi2)"
                : test.kind == .t ? "df 1–\(DFSearch.maxT) and ∞ (z)" : "df 1–\(DFSearch.maxT)"
        }
        let method = "\(test.kind.rawValue) \(tail), df searched (\(searched))"
        let verdict: Verdict = o.reproducesAsPrinted ? .consistent : o.reproduces ? .rounding : .inconsistent(miss: o.miss)
        var detail: String
        if o.reproduces {
            detail = describe(o.box, infinity: o.boxInfinity, kind: test.kind)
            if !o.reproducesAsPrinted { detail += " (through the statistic's rounding only)" }
        } else {
            detail = "no df reproduces: " + o.reason
            if sided == .twoSided, test.kind != .F, test.kind != .chi2 {
                let one = searchDF(test, sided: .oneSided)
                if one.verdict.reproduces { detail += "; reproduced as a one-sided p (\(one.verdict.label)): \(one.detail)" }
            }
        }
        return AuditRow(check: "statistic_p", arm: test.label, reported: test.p.text, recomputed: o.range, nominal: o.nominalP,
                        verdict: verdict, readings: o.reproduces ? [.halfUp, .halfEven] : [], method: method, detail: detail)
    }

    static func describe(_ sets: [Int: [ClosedRange<Int>]], infinity: Bool, kind: PrintedTest.Kind) -> String {
        if kind == .F {
            let keys = sets.keys.sorted()
            let parts = keys.map { k in "(\(k), \(sets[k]!.map(DFSearch.describe).joined(separator: ", ")))" }
            let shown = parts.count > 6 ? parts.prefix(4).joined(separator: ", ") + ", … (\(parts.count) df1 values)"
                                        : parts.joined(separator: ", ")
            let one = keys.count == 1 && sets[keys[0]]!.count == 1 && sets[keys[0]]![0].count == 1
            return "df \(shown) " + (one ? "reproduces" : "reproduce")
        }
        var parts = (sets[0] ?? []).map(DFSearch.describe)
        if infinity { parts.append("∞ (z)") }
        let finite = sets[0] ?? []
        let one = (finite.count == 1 && finite[0].count == 1 && !infinity) || (finite.isEmpty && infinity)
        return "df \(parts.joined(separator: " and ")) " + (one ? "reproduces" : "reproduce")
    }

    /// t, r, χ²: one df, p monotone in it (decreasing for t and r, increasing for χ²).
    static func searchOne(_ kind: PrintedTest.Kind, xa: Double, xb: Double, v: Double, target: ValueInterval,
                          sided: Sidedness) -> DFSearch.Outcome {
        let n = kind == .chi2 ? DFSearch.maxChi2 : DFSearch.maxT
        let decreasing = kind != .chi2
        func p(_ x: Double, _ df: Int) -> Double { DFSearch.p(kind, x, Double(df), 0, sided) }
        func pInf(_ x: Double) -> Double { DFSearch.p(kind, x, .infinity, 0, sided) }
        // Box at df: [p(xb), p(xa)] meets [lo, hi] ⇔ p(xb) ≤ hi ∧ p(xa) ≥ lo.
        func set(_ a: Double, _ b: Double, within: ClosedRange<Int> = 1...n) -> (ClosedRange<Int>?, Int?, Int?) {
            let c1: (Int) -> Bool = { p(b, $0) <= target.upper }
            let c2: (Int) -> Bool = { p(a, $0) >= target.lower }
            let first: Int?, last: Int?
            let (lo, hi) = (within.lowerBound, within.upperBound)
            if decreasing { first = DFSearch.firstTrue(lo, hi, c1); last = DFSearch.lastTrue(lo, hi, c2) }
            else { first = DFSearch.firstTrue(lo, hi, c2); last = DFSearch.lastTrue(lo, hi, c1) }
            if let f = first, let l = last, f <= l { return (f...l, first, last) }
            return (nil, first, last)
        }
        var o = DFSearch.Outcome()
        let (box, f, l) = set(xa, xb)
        if let box { o.box[0] = [box] }
        if kind == .t { o.boxInfinity = pInf(xb) <= target.upper && pInf(xa) >= target.lower }
        if o.reproduces {
            // v lies in the statistic's interval, so only df of the box set can reproduce as printed.
            if let box, let nom = set(v, v, within: box).0 { o.nominal[0] = [nom]; o.nominalP = p(v, nom.lowerBound) }
            if kind == .t, pInf(v) <= target.upper, pInf(v) >= target.lower {
                o.nominalInfinity = true
                if o.nominalP == nil { o.nominalP = pInf(v) }
            }
            var ends: [Double] = []
            if let box { ends += [p(xb, box.lowerBound), p(xa, box.lowerBound), p(xb, box.upperBound), p(xa, box.upperBound)] }
            if o.boxInfinity { ends += [pInf(xb), pInf(xa)] }
            o.range = ValueInterval.hull(of: ends)!
            o.miss = 0
            return o
        }
        // No df: the hull over all df, and the nearest df's miss.
        let loDF = decreasing ? n : 1, hiDF = decreasing ? 1 : n
        var lower = p(xb, loDF), upper = p(xa, hiDF)
        if kind == .t { lower = min(lower, pInf(xb)) }
        o.range = ValueInterval(lower, upper)
        var candidates = Set([1, n])
        for x in [f, l].compactMap({ $0 }) { for d in [x - 1, x, x + 1] where d >= 1 && d <= n { candidates.insert(d) } }
        for d in candidates { o.miss = min(o.miss, ValueInterval(p(xb, d), p(xa, d)).distance(to: target)) }
        if kind == .t { o.miss = min(o.miss, ValueInterval(pInf(xb), pInf(xa)).distance(to: target)) }
        let ends: String
        switch kind {
        case .t: ends = "p is \(fmt(upper)) at df 1 and \(fmt(lower)) at ∞ (z)"
        case .r: ends = "p is \(fmt(upper)) at df 1 and \(fmt(lower)) at df \(n)"
        default: ends = "p is \(fmt(lower)) at df 1 and \(fmt(upper)) at df \(n)"
        }
        if !o.range.meets(target) {
            o.reason = "the reported p lies outside the p range over every df (\(ends))"
        } else if let f, let l {
            let a = min(f, l), b = max(f, l)
            o.reason = "the p range jumps past the reported p between df \(a) and \(b) (\(ends))"
        } else {
            o.reason = "the reported p is not reached at any df (\(ends))"
        }
        return o
    }

    /// F: df1 printed or 1…50; df2 printed or searched on the grid of `DFSearch.f2Grid` with bisection.
    static func searchF(_ test: PrintedTest, xa: Double, xb: Double, v: Double, target: ValueInterval) -> DFSearch.Outcome {
        let d1s: [Int] = test.df1.map { [Int($0)] } ?? Array(1...DFSearch.maxF1)
        let d1Exact = test.df1
        var o = DFSearch.Outcome()
        var all = ValueInterval(.infinity, -.infinity)
        var hull = ValueInterval(.infinity, -.infinity)
        func pf(_ x: Double, _ d1: Double, _ d2: Double) -> Double { DFSearch.p(.F, x, d1, d2, .twoSided) }
        /// Sets of df2 (for one df1) where [pf(b), pf(a)] meets the target, with the values seen.
        func df2Set(_ d1: Double, _ a: Double, _ b: Double, track: Bool) -> [ClosedRange<Int>] {
            if let d2 = test.df2 {
                let lo = pf(b, d1, d2), hi = pf(a, d1, d2)
                if track { all = all.hull(ValueInterval(lo, hi)); o.miss = min(o.miss, ValueInterval(lo, hi).distance(to: target)) }
                return lo <= target.upper && hi >= target.lower ? [Int(d2)...Int(d2)] : []
            }
            let g = DFSearch.f2Grid
            let pb = g.map { pf(b, d1, Double($0)) }, pa = g.map { pf(a, d1, Double($0)) }
            if track {
                for i in g.indices {
                    all = all.hull(ValueInterval(pb[i], pa[i]))
                    o.miss = min(o.miss, ValueInterval(pb[i], pa[i]).distance(to: target))
                }
            }
            let c1: (Int) -> Bool = { pf(b, d1, Double($0)) <= target.upper }
            let c2: (Int) -> Bool = { pf(a, d1, Double($0)) >= target.lower }
            var out: [ClosedRange<Int>] = []
            for i in g.indices {
                let ok1 = pb[i] <= target.upper, ok2 = pa[i] >= target.lower
                if ok1 && ok2 { out.append(g[i]...g[i]) }
                guard i + 1 < g.count, g[i + 1] - g[i] > 1 else { continue }
                let n1 = pb[i + 1] <= target.upper, n2 = pa[i + 1] >= target.lower
                guard let r1 = DFSearch.monotonePart(g[i], g[i + 1], ok1, n1, c1),
                      let r2 = DFSearch.monotonePart(g[i], g[i + 1], ok2, n2, c2) else { continue }
                let lo = max(r1.lowerBound, r2.lowerBound), hi = min(r1.upperBound, r2.upperBound)
                if lo <= hi { out.append(lo...hi) }
            }
            return DFSearch.merge(out)
        }
        for d1 in d1s {
            let df1 = d1Exact ?? Double(d1)
            let box = df2Set(df1, xa, xb, track: true)
            guard !box.isEmpty else { continue }
            o.box[d1] = box
            for r in box {
                for d2 in [r.lowerBound, r.upperBound] {
                    hull = hull.hull(ValueInterval(pf(xb, df1, Double(d2)), pf(xa, df1, Double(d2))))
                }
            }
            let nom = df2Set(df1, v, v, track: false).compactMap { r -> ClosedRange<Int>? in
                // Only df2 inside the box set can reproduce as printed (v lies in the statistic's interval).
                box.compactMap { b in max(b.lowerBound, r.lowerBound) <= min(b.upperBound, r.upperBound)
                    ? max(b.lowerBound, r.lowerBound)...min(b.upperBound, r.upperBound) : nil }.first
            }
            if !nom.isEmpty {
                o.nominal[d1] = nom
                if o.nominalP == nil { o.nominalP = pf(v, df1, test.df2 ?? Double(nom[0].lowerBound)) }
            }
        }
        if o.reproduces {
            o.range = hull
            o.miss = 0
        } else {
            o.range = all
            o.reason = all.meets(target)
                ? "the p ranges of neighbouring df skip the reported p (p over all df searched: \(fmt(all.lower)) to \(fmt(all.upper)))"
                : "the reported p lies outside the p range over every df searched (\(fmt(all.lower)) to \(fmt(all.upper)))"
        }
        return o
    }
}
