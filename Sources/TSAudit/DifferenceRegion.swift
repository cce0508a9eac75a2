import TSEffects
import TSCore

/// How a printed comparison of two arms may have been computed.
public struct DifferenceMethod: Sendable, Hashable, CustomStringConvertible {
    public var test: TwoArmTest
    public var sided: Sidedness
    /// +1: first − second (as the arms are listed); −1: second − first.
    public var sign: Double

    public init(test: TwoArmTest, sided: Sidedness = .twoSided, sign: Double = 1) {
        self.test = test
        self.sided = sided
        self.sign = sign
    }

    /// Student, Welch, z × two-/one-sided × either sign; the usual reading (Student, two-sided, as listed) first.
    public static let all: [DifferenceMethod] = {
        var out: [DifferenceMethod] = []
        for sign in [1.0, -1.0] { for sided in Sidedness.allCases { for test in [TwoArmTest.student, .welch, .z] {
            out.append(DifferenceMethod(test: test, sided: sided, sign: sign))
        } } }
        return out
    }()

    public var description: String {
        DifferenceChecks.methodName(test) + ", \(sided.rawValue) p"
    }
}

/// Joint search: unrounded arm values that reproduce every printed arm number (each arm's `ArmRegion`) and,
/// with a given difference method, the printed difference CI and p (and, separately, the estimate).
///
/// For fixed SEs (se1, se2) each arm's feasible means form an interval (a slice of its convex region), so
/// d = sign·(m1 − m2) ranges over an interval, and the comparison's constraints are intervals in d:
/// L ∈ printed lower ⇔ d ∈ [L_lo + c·SE_d, L_hi + c·SE_d], likewise U, and |d| ∈ [t_lo·SE_d, t_hi·SE_d] from p.
/// The means are therefore handled exactly; the SEs are searched on a `steps` × `steps` grid over each region's
/// SE range (corners included). SE_d, df and c follow `TSEffects.TwoArmDifference` (Student pooled, Welch–
/// Satterthwaite, z); c and the |t| interval are interpolated in df between 9 exact values for Welch.
struct DifferenceRegion {
    /// Range of d (in the method's orientation) reproducing the CI and p; nil if none.
    var d: ValueInterval?
    /// Range of d reproducing the CI, p and the printed estimate.
    var dWithEstimate: ValueInterval?

    /// No reproducing values (a method ruled out beforehand).
    init() {
        d = nil
        dWithEstimate = nil
    }

    init(_ r1: ArmRegion, _ r2: ArmRegion, comparison: PrintedComparison, method: DifferenceMethod,
         reading: RoundingReading = .halfUp, steps: Int = 48) {
        d = nil
        dWithEstimate = nil
        guard let y1 = r1.seRange, let y2 = r2.seRange else { return }
        let n1 = Double(r1.n), n2 = Double(r2.n)
        let L = comparison.ciLower?.interval(reading).closed, U = comparison.ciUpper?.interval(reading).closed
        let P = comparison.p?.interval(reading).closed
        // The estimate is printed as first − second; in the method's orientation it is sign·estimate.
        let E = comparison.estimate.map { e -> ValueInterval in
            let b = e.interval(reading).closed
            return method.sign > 0 ? b : ValueInterval(-b.upper, -b.lower)
        }
        func seD(_ s1: Double, _ s2: Double) -> (se: Double, df: Double) {
            let v1 = s1 * s1, v2 = s2 * s2
            switch method.test {
            case .student:
                let sp2 = ((n1 - 1) * n1 * v1 + (n2 - 1) * n2 * v2) / (n1 + n2 - 2)
                return ((sp2 * (1 / n1 + 1 / n2)).squareRoot(), n1 + n2 - 2)
            case .welch:
                let s = v1 + v2
                return (s.squareRoot(), s * s / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1)))
            case .z:
                return ((v1 + v2).squareRoot(), .infinity)
            }
        }
        // df range over the SE box (Welch only varies) and the interpolation table.
        var dfs: [Double] = []
        for a in [y1.lower, y1.upper] { for b in [y2.lower, y2.upper] { dfs.append(seD(max(a, 1e-300), max(b, 1e-300)).df) } }
        let table = DFTable(dfRange: ValueInterval.hull(of: dfs)!, level: comparison.level, p: P, sided: method.sided)
        var dHull: ValueInterval? = nil, eHull: ValueInterval? = nil
        for i in 0...steps {
            let s1 = y1.lower + Double(i) / Double(steps) * y1.width
            guard s1 > 0, let m1 = r1.meanSlice(se: s1) else { continue }
            for j in 0...steps {
                let s2 = y2.lower + Double(j) / Double(steps) * y2.width
                guard s2 > 0, let m2 = r2.meanSlice(se: s2) else { continue }
                let lo = m1.lower - m2.upper, hi = m1.upper - m2.lower
                var dd = method.sign > 0 ? ValueInterval(lo, hi) : ValueInterval(-hi, -lo)
                let (se, df) = seD(s1, s2)
                let (c, t) = table.values(df)
                if let L { guard let x = dd.intersection(ValueInterval(L.lower + c * se, L.upper + c * se)) else { continue }; dd = x }
                if let U { guard let x = dd.intersection(ValueInterval(U.lower - c * se, U.upper - c * se)) else { continue }; dd = x }
                var pieces = [dd]
                if let t {
                    let pos = ValueInterval(t.lower * se, t.upper * se), neg = ValueInterval(-t.upper * se, -t.lower * se)
                    pieces = [dd.intersection(pos), dd.intersection(neg)].compactMap { $0 }
                }
                for piece in pieces {
                    dHull = dHull.map { $0.hull(piece) } ?? piece
                    if let E, let x = piece.intersection(E) { eHull = eHull.map { $0.hull(x) } ?? x }
                    else if E == nil { eHull = dHull }
                }
            }
        }
        d = dHull
        dWithEstimate = eHull
    }
}

/// Critical value and |t| interval as functions of df, tabulated at 9 df values over a range and linearly
/// interpolated in 1/df (exact at the nodes; a constant when the range is a point, as for Student and z).
struct DFTable {
    var nodes: [(df: Double, c: Double, t: ValueInterval?)]

    init(dfRange: ValueInterval, level: Double, p: ValueInterval?, sided: Sidedness) {
        let k = dfRange.width > 1e-9 * max(1, dfRange.upper) && dfRange.upper.isFinite ? 8 : 0
        nodes = (0...k).map { i in
            let df = k == 0 ? dfRange.lower : dfRange.lower + Double(i) / Double(k) * dfRange.width
            return (df, Tails.critical(level: level, df: df), p.map { Tails.absT(for: $0, df: df, sided: sided) })
        }
    }

    func values(_ df: Double) -> (c: Double, t: ValueInterval?) {
        if nodes.count == 1 { return (nodes[0].c, nodes[0].t) }
        let x = 1 / df
        var i = 0
        while i < nodes.count - 2, 1 / nodes[i + 1].df > x { i += 1 }
        let a = nodes[i], b = nodes[i + 1]
        let w = min(max((x - 1 / a.df) / (1 / b.df - 1 / a.df), 0), 1)
        let c = a.c + w * (b.c - a.c)
        guard let ta = a.t, let tb = b.t else { return (c, nil) }
        // A p printed as a bound ("<0.001") leaves |t| unbounded above: ∞ at both nodes stays ∞ (not ∞ − ∞).
        func lerp(_ x: Double, _ y: Double) -> Double { x == y ? x : x + w * (y - x) }
        return (c, ValueInterval(lerp(ta.lower, tb.lower), lerp(ta.upper, tb.upper)))
    }
}
