import RealModule

/// The conditional distribution of the (1,1) cell of a 2×2 table given both margins: X with
/// P(X = k) ∝ C(m, k) C(n, t − k) ψ^k on k = lo...hi (Fisher's noncentral hypergeometric; ψ = 1 is
/// the central case). Log weights are taken relative to the observed cell through exact
/// double-double log-factorial differences, so no log N! cancellation enters the p-values.
struct HypergeometricSupport: Sendable {
    let lo: Int, hi: Int, observed: Int
    /// log[C(m,k)C(n,t−k) / C(m,x)C(n,t−x)] for k = lo...hi (index k − lo).
    let logWeight: [Double]

    /// Table [[a, b], [c, d]]: m = a + b, n = c + d, t = a + c, X = a.
    init(a: Int, b: Int, c: Int, d: Int) {
        let m = a + b, n = c + d, t = a + c
        lo = max(0, t - n); hi = min(t, m); observed = a
        let lf = LogFactorials(upTo: m + n)
        // log C(m,k) + log C(n,t−k) − same at x  =  −[k! − a!] − [(m−k)! − b!] − [(t−k)! − c!] − [(n−t+k)! − d!]
        logWeight = (lo...hi).map { k in
            -(lf.diff(k, a) + lf.diff(m - k, b) + lf.diff(t - k, c) + lf.diff(n - t + k, d))
        }
    }

    var support: ClosedRange<Int> { lo...hi }

    /// Probabilities under log odds ratio θ (ψ = e^θ), normalised.
    func probabilities(logOddsRatio theta: Double = 0) -> [Double] {
        let l = logWeight.enumerated().map { $0.element + Double($0.offset + lo - observed) * theta }
        let m = l.max()!
        let w = l.map { Double.exp($0 - m) }
        let s = w.reduce(0, +)
        return w.map { $0 / s }
    }

    /// (P(X < x), P(X = x), P(X > x)) under θ, each summed directly (no 1 − P cancellation).
    func tails(logOddsRatio theta: Double) -> (below: Double, at: Double, above: Double) {
        let p = probabilities(logOddsRatio: theta)
        let i = observed - lo
        return (p[..<i].reduce(0, +), p[i], p[(i + 1)...].reduce(0, +))
    }

    /// E[X] under θ.
    func mean(logOddsRatio theta: Double) -> Double {
        let p = probabilities(logOddsRatio: theta)
        return p.enumerated().reduce(0) { $0 + $1.element * Double($1.offset + lo) }
    }

    /// Solves f(θ) = 0 for f increasing in θ, expanding the bracket from [−1, 1].
    static func solveIncreasing(_ f: (Double) -> Double) -> Double {
        var a = -1.0, b = 1.0
        while f(a) > 0 && a > -745 { a *= 2 }
        while f(b) < 0 && b < 745 { b *= 2 }
        return bisect(a, b, f)
    }
}
