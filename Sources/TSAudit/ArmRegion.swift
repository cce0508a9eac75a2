import TSCore

/// How an arm's CI and p may have been computed from its mean, spread and size.
public struct ArmMethod: Sendable, Hashable, CustomStringConvertible {
    /// `t` (df = n − 1) or `z`.
    public var useT: Bool
    public var sided: Sidedness
    /// The printed "SD" is really the standard error of the mean.
    public var seReadAsSD: Bool

    public init(useT: Bool = true, sided: Sidedness = .twoSided, seReadAsSD: Bool = false) {
        self.useT = useT
        self.sided = sided
        self.seReadAsSD = seReadAsSD
    }

    public static let standard = ArmMethod()

    /// Every combination, the standard one first.
    public static let all: [ArmMethod] = {
        var out: [ArmMethod] = []
        for se in [false, true] { for t in [true, false] { for s in Sidedness.allCases {
            out.append(ArmMethod(useT: t, sided: s, seReadAsSD: se))
        } } }
        return out
    }()

    public var description: String {
        (useT ? "one-sample t (df = n − 1)" : "one-sample z") + ", \(sided.rawValue) p" + (seReadAsSD ? ", printed SD read as SE" : "")
    }
}

/// The exact set of unrounded (mean, SE) pairs that reproduce every printed number of one arm, for a given n and
/// method: mean in its rounding interval; SE = SD/√n with SD in its interval (or the printed SE, or the printed
/// "SD" itself when it is really an SE); mean − c·SE and mean + c·SE in the CI bounds' intervals; |mean|/SE in
/// the |t| interval that prints as the p. All constraints are half-planes in (mean, SE), so the set is a convex
/// polygon per sign of the mean (computed by clipping, no grid).
struct ArmRegion: Sendable {
    var polygons: [ConvexPolygon]
    var n: Int
    var method: ArmMethod

    var isEmpty: Bool { polygons.allSatisfy(\.isEmpty) }

    /// Which printed constraints to impose.
    struct Use: Sendable { var ci = true; var p = true }

    init(arm: PrintedArm, n: Int, method: ArmMethod, reading: RoundingReading = .halfUp, use: Use = Use()) {
        self.n = n
        self.method = method
        let df = method.useT ? Double(n - 1) : .infinity
        let rootN = Double(n).squareRoot()
        let ciL = use.ci ? arm.ciLower.map { $0.interval(reading).closed } : nil
        let ciU = use.ci ? arm.ciUpper.map { $0.interval(reading).closed } : nil
        let c = (ciL != nil || ciU != nil) ? Tails.critical(level: arm.level, df: df) : 0
        // Mean box: printed mean, else the CI's reach.
        var m = arm.mean.map { $0.interval(reading).closed }
            ?? ValueInterval(ciL?.lower ?? -1e300, ciU?.upper ?? 1e300)
        if let l = ciL, let u = ciU { m = m.intersection(ValueInterval(l.lower, u.upper)) ?? ValueInterval(1, 0) }
        // SE box.
        var se: ValueInterval
        if let sd = arm.sd?.interval(reading).closed {
            se = method.seReadAsSD ? sd : ValueInterval(sd.lower / rootN, sd.upper / rootN)
        } else if let s = arm.se?.interval(reading).closed {
            se = s
        } else if let l = ciL, let u = ciU {
            se = ValueInterval(0, (u.upper - l.lower) / (2 * c))
        } else {
            se = ValueInterval(0, 1e300)
        }
        se.lower = max(se.lower, 0)
        let tAbs = use.p ? arm.p.map { Tails.absT(for: $0.interval(reading).closed, df: df, sided: method.sided) } : nil
        var polys: [ConvexPolygon] = []
        let signs: [Double] = tAbs == nil ? [0] : [1, -1]
        for s in signs {
            var x0 = m.lower, x1 = m.upper
            if s > 0 { x0 = max(x0, 0) } else if s < 0 { x1 = min(x1, 0) }
            var poly = ConvexPolygon(x0: x0, x1: x1, y0: se.lower, y1: se.upper)
            if let l = ciL {   // l.lower ≤ m − c·se ≤ l.upper
                poly.clip(a: 1, b: -c, c: l.upper)
                poly.clip(a: -1, b: c, c: -l.lower)
            }
            if let u = ciU {   // u.lower ≤ m + c·se ≤ u.upper
                poly.clip(a: 1, b: c, c: u.upper)
                poly.clip(a: -1, b: -c, c: -u.lower)
            }
            if let t = tAbs {  // t.lower·se ≤ s·m ≤ t.upper·se
                poly.clip(a: -s, b: t.lower, c: 0)
                if t.upper.isFinite { poly.clip(a: s, b: -t.upper, c: 0) }
            }
            if !poly.isEmpty { polys.append(poly) }
        }
        polygons = polys
    }

    var meanRange: ValueInterval? {
        Self.union(polygons.compactMap(\.xRange))
    }

    var seRange: ValueInterval? {
        Self.union(polygons.compactMap(\.yRange))
    }

    /// The SD range (SE·√n, or SE itself when the printed SD is an SE).
    var sdRange: ValueInterval? {
        guard let s = seRange else { return nil }
        let f = method.seReadAsSD ? 1 : Double(n).squareRoot()
        return ValueInterval(s.lower * f, s.upper * f)
    }

    /// Mean interval at SE = y (union over the sign polygons' hull).
    func meanSlice(se y: Double) -> ValueInterval? {
        Self.union(polygons.compactMap { $0.slice(y: y) })
    }

    /// Closed hull of intervals, nil when there are none.
    static func union(_ xs: [ValueInterval]) -> ValueInterval? {
        guard var h = xs.first else { return nil }
        for x in xs.dropFirst() { h = h.hull(x) }
        return h
    }
}
