import RealModule
import TSCore

/// The odds ratio (a·d)/(b·c) of [[x1, n1−x1], [x2, n2−x2]].
/// Sources: Woolf (1955) Ann Hum Genet 19:251 (log OR ± z√Σ1/cell; with any zero cell 0.5 is added to
/// every cell, Haldane 1956 / Anscombe 1956, and reported); conditional MLE and exact interval from
/// Fisher's noncentral hypergeometric distribution of the (1,1) cell given both margins (Cornfield
/// 1956; as in R fisher.test and exact2x2): lower ψ with P_ψ(X ≥ x) = α/2, upper with P_ψ(X ≤ x) = α/2;
/// mid-p interval with P_ψ(X > x) + P_ψ(X = x)/2 = α/2 (Lancaster 1961; Agresti 2002 §3.6.1).
public enum OddsRatio {
    public static func sampleOddsRatio(_ g: TwoGroupCounts) -> Double {
        let t = g.cells
        return Double(t.a) * Double(t.d) / (Double(t.b) * Double(t.c))
    }

    /// Woolf interval; `note` says when 0.5 was added.
    public static func woolf(_ g: TwoGroupCounts, level: Double = 0.95) -> (estimate: Double, lower: Double, upper: Double, note: String?) {
        let z = ProportionInterval.zCritical(level)
        let t = g.cells
        var a = Double(t.a), b = Double(t.b), c = Double(t.c), d = Double(t.d)
        var note: String? = nil
        if g.hasZeroCell { a += 0.5; b += 0.5; c += 0.5; d += 0.5; note = "0.5 added to every cell (zero cell; Haldane-Anscombe)" }
        let l = Double.log(a * d / (b * c)), se = (1 / a + 1 / b + 1 / c + 1 / d).squareRoot()
        return (Double.exp(l), Double.exp(l - z * se), Double.exp(l + z * se), note)
    }

    /// Conditional MLE of ψ: E_ψ[X] = x (0 or ∞ at the ends of the support).
    public static func conditionalMLE(_ g: TwoGroupCounts) -> Double {
        conditionalMLE(support(g))
    }

    static func support(_ g: TwoGroupCounts) -> HypergeometricSupport {
        let t = g.cells
        return HypergeometricSupport(a: t.a, b: t.b, c: t.c, d: t.d)
    }

    static func conditionalMLE(_ h: HypergeometricSupport) -> Double {
        if h.lo == h.hi { return .nan }
        if h.observed == h.lo { return 0 }
        if h.observed == h.hi { return .infinity }
        let x = Double(h.observed)
        return Double.exp(HypergeometricSupport.solveIncreasing { h.mean(logOddsRatio: $0) - x })
    }

    /// Exact (Cornfield) or mid-p conditional interval for ψ.
    public static func conditionalInterval(_ g: TwoGroupCounts, level: Double = 0.95, midP: Bool = false) -> (lower: Double, upper: Double) {
        conditionalInterval(support(g), level: level, midP: midP)
    }

    static func conditionalInterval(_ h: HypergeometricSupport, level: Double, midP: Bool) -> (lower: Double, upper: Double) {
        if h.lo == h.hi { return (0, .infinity) }
        let half = (1 - level) / 2
        let w = midP ? 0.5 : 1.0
        // Upper-tail probability increases with θ; lower-tail decreases.
        let lower = h.observed == h.lo ? 0 : Double.exp(HypergeometricSupport.solveIncreasing { th in
            let t = h.tails(logOddsRatio: th); return t.above + w * t.at - half })
        let upper = h.observed == h.hi ? Double.infinity : Double.exp(HypergeometricSupport.solveIncreasing { th in
            let t = h.tails(logOddsRatio: th); return half - (t.below + w * t.at) })
        return (lower, upper)
    }
}
