import RealModule
import TSCore

/// Fisher's exact test for a 2×2 table, conditional on both margins (Fisher 1935).
/// Two-sided p-values: "minlike" sums the probabilities of all tables no more likely than the
/// observed one, with R's relative tolerance 1e-7 (R fisher.test); "central" doubles the smaller
/// tail, capped at 1 (Agresti 2002 §3.5.3; exact2x2's tsmethod = "central").
public enum FisherExact2x2 {
    public struct Result: Sendable, Equatable {
        public let pMinlike: Double
        public let pCentral: Double
        public let pLess: Double
        public let pGreater: Double
    }

    /// R's fuzz: tables with P ≤ P(obs)·(1 + 1e-7) count as "as or more extreme".
    static let relativeTolerance = 1e-7

    public static func test(_ g: TwoGroupCounts) -> Result {
        let t = g.cells
        return test(HypergeometricSupport(a: t.a, b: t.b, c: t.c, d: t.d))
    }

    static func test(_ h: HypergeometricSupport) -> Result {
        let p = h.probabilities()
        let i = h.observed - h.lo
        let cut = h.logWeight[i] + Double.log(onePlus: relativeTolerance)
        var minlike = 0.0
        for (k, lw) in h.logWeight.enumerated() where lw <= cut { minlike += p[k] }
        let less = p[...i].reduce(0, +), greater = p[i...].reduce(0, +)
        return Result(pMinlike: min(1, minlike), pCentral: min(1, 2 * min(less, greater)), pLess: min(1, less), pGreater: min(1, greater))
    }
}
