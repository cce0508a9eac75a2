import RealModule

extension FisherExact2x2 {
    /// Lancaster's mid-p for a 2×2 table given both margins (Lancaster 1961, JASA 56:223): each one-sided
    /// tail counts the observed table with weight ½, P(X < x) + ½P(X = x) and P(X > x) + ½P(X = x); the
    /// two-sided value doubles the smaller, capped at 1 (Agresti 2002 §3.5.4; Rothman, Modern Epidemiology).
    /// Each part is summed directly from the hypergeometric probabilities (no 1 − P cancellation).
    public struct MidPResult: Sendable, Equatable {
        public let less: Double
        public let greater: Double
        public let twoSided: Double
        /// Probability of the observed table, P(X = x).
        public let observed: Double
    }

    public static func midP(_ g: TwoGroupCounts) -> MidPResult {
        let t = g.cells
        let tails = HypergeometricSupport(a: t.a, b: t.b, c: t.c, d: t.d).tails(logOddsRatio: 0)
        let less = tails.below + 0.5 * tails.at, greater = tails.above + 0.5 * tails.at
        return MidPResult(less: min(1, less), greater: min(1, greater), twoSided: min(1, 2 * min(less, greater)),
                          observed: tails.at)
    }
}
