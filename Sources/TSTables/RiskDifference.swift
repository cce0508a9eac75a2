import RealModule
import TSCore

/// Interval methods for the risk difference p1 − p2.
/// Sources: Newcombe (1998) Stat Med 17:873–890 — method 1 (Wald), method 10 (hybrid Wilson score),
/// method 11 (hybrid score with continuity correction); Miettinen & Nurminen (1985) Stat Med 4:213,
/// score with variance factor N/(N−1), restricted MLE under p1 − p2 = δ; Agresti & Caffo (2000) Am Stat
/// 54:280 (add one success and one failure to each group, then Wald).
public enum RiskDifferenceMethod: String, CaseIterable, Sendable {
    case wald, newcombe, newcombeCC = "newcombe_cc", miettinenNurminen = "miettinen_nurminen", agrestiCaffo = "agresti_caffo"

    public var label: String {
        switch self {
        case .wald: "Wald (Newcombe 1998 method 1)"
        case .newcombe: "Newcombe hybrid Wilson score (Newcombe 1998 method 10)"
        case .newcombeCC: "Newcombe hybrid score, continuity-corrected (Newcombe 1998 method 11)"
        case .miettinenNurminen: "Miettinen-Nurminen score (1985)"
        case .agrestiCaffo: "Agresti-Caffo add-one Wald (2000)"
        }
    }
}

public enum RiskDifference {
    public static func interval(_ g: TwoGroupCounts, method: RiskDifferenceMethod, level: Double = 0.95) -> (lower: Double, upper: Double) {
        let z = ProportionInterval.zCritical(level)
        let p1 = g.p1, p2 = g.p2, d = p1 - p2
        let n1 = Double(g.n1), n2 = Double(g.n2)
        switch method {
        case .wald:
            let h = z * (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2).squareRoot()
            return (d - h, d + h)
        case .agrestiCaffo:
            let q1 = (Double(g.x1) + 1) / (n1 + 2), q2 = (Double(g.x2) + 1) / (n2 + 2)
            let h = z * (q1 * (1 - q1) / (n1 + 2) + q2 * (1 - q2) / (n2 + 2)).squareRoot()
            return (q1 - q2 - h, q1 - q2 + h)
        case .newcombe, .newcombeCC:
            let m: ProportionMethod = method == .newcombe ? .wilson : .wilsonCC
            let (l1, u1) = ProportionInterval.interval(try! BinomialCount(events: g.x1, n: g.n1), method: m, level: level)
            let (l2, u2) = ProportionInterval.interval(try! BinomialCount(events: g.x2, n: g.n2), method: m, level: level)
            let lo = d - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
            let hi = d + ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot()
            return (lo, hi)
        case .miettinenNurminen:
            let lo = bisect(-1, d) { delta in z - scoreMN(g, delta) }
            let hi = bisect(d, 1) { delta in -z - scoreMN(g, delta) }
            return (d <= -1 ? -1 : lo, d >= 1 ? 1 : hi)
        }
    }

    /// Miettinen–Nurminen score z(δ) = (p̂1 − p̂2 − δ) / √(V(δ)), V = [p̃1q̃1/n1 + p̃2q̃2/n2]·N/(N−1).
    static func scoreMN(_ g: TwoGroupCounts, _ delta: Double) -> Double {
        let (t1, t2) = restrictedMLE(g, delta)
        let n1 = Double(g.n1), n2 = Double(g.n2), n = n1 + n2
        let v = (t1 * (1 - t1) / n1 + t2 * (1 - t2) / n2) * n / (n - 1)
        let num = g.p1 - g.p2 - delta
        if v <= 0 { return num == 0 ? 0 : (num > 0 ? .infinity : -.infinity) }
        return num / v.squareRoot()
    }

    /// Maximises the binomial likelihood subject to p1 = p2 + δ (concave in p2; the score
    /// x1/p1 − (n1−x1)/(1−p1) + x2/p2 − (n2−x2)/(1−p2) is decreasing, so bisection on it is exact
    /// to double precision and needs no special case for zero cells).
    static func restrictedMLE(_ g: TwoGroupCounts, _ delta: Double) -> (Double, Double) {
        let lo = max(0, -delta), hi = min(1, 1 - delta)
        if hi <= lo { return (lo + delta, lo) }
        let x1 = Double(g.x1), f1 = Double(g.n1 - g.x1), x2 = Double(g.x2), f2 = Double(g.n2 - g.x2)
        func score(_ p2: Double) -> Double {
            let p1 = p2 + delta
            var s = 0.0
            if x1 > 0 { s += x1 / p1 }
            if f1 > 0 { s -= f1 / (1 - p1) }
            if x2 > 0 { s += x2 / p2 }
            if f2 > 0 { s -= f2 / (1 - p2) }
            return s
        }
        let p2: Double
        if score(lo) <= 0 { p2 = lo } else if score(hi) >= 0 { p2 = hi } else { p2 = bisect(lo, hi) { -score($0) } }
        return (p2 + delta, p2)
    }
}
