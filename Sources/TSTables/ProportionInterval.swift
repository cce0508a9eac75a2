import RealModule
import TSCore
import TSDistributions

/// Confidence intervals for one binomial proportion x/n.
/// Sources: Newcombe (1998) Stat Med 17:857–872, methods 1–7 (Wald, Wald with continuity correction,
/// Wilson score, Wilson score with continuity correction, Clopper–Pearson exact, mid-p, likelihood ratio);
/// Jeffreys: Brown, Cai & DasGupta (2001) Stat Sci 16:101, §4.1.2 (bounds 0 at x = 0 and 1 at x = n);
/// Agresti & Coull (1998) Am Stat 52:119 (add z²/2 successes and failures; truncated to [0, 1]).
public enum ProportionMethod: String, CaseIterable, Sendable {
    case wald, waldCC = "wald_cc", wilson, wilsonCC = "wilson_cc", clopperPearson = "clopper_pearson"
    case jeffreys, agrestiCoull = "agresti_coull", midP = "mid_p", likelihoodRatio = "likelihood_ratio"

    public var label: String {
        switch self {
        case .wald: "Wald (Newcombe 1998 method 1; not truncated)"
        case .waldCC: "Wald with continuity correction (Newcombe 1998 method 2; not truncated)"
        case .wilson: "Wilson score (Wilson 1927; Newcombe 1998 method 3)"
        case .wilsonCC: "Wilson score with continuity correction (Newcombe 1998 method 4)"
        case .clopperPearson: "Clopper-Pearson exact (Newcombe 1998 method 5)"
        case .jeffreys: "Jeffreys Beta(x+1/2, n-x+1/2) (Brown, Cai & DasGupta 2001)"
        case .agrestiCoull: "Agresti-Coull (Agresti & Coull 1998; truncated to [0,1])"
        case .midP: "mid-p exact (Newcombe 1998 method 6)"
        case .likelihoodRatio: "likelihood ratio (Newcombe 1998 method 7)"
        }
    }
}

public enum ProportionInterval {
    /// Two-sided normal critical value z_{1-(1-level)/2}.
    static func zCritical(_ level: Double) -> Double {
        Normal.standard.inverseSF((1 - level) / 2)
    }

    /// The interval (lower, upper) for `count` at confidence `level` (0 < level < 1).
    public static func interval(_ count: BinomialCount, method: ProportionMethod, level: Double = 0.95) -> (lower: Double, upper: Double) {
        let x = count.events, n = count.n
        let nd = Double(n), p = Double(x) / nd, q = 1 - p
        let alpha = 1 - level
        let z = zCritical(level), z2 = z * z
        switch method {
        case .wald:
            let h = z * (p * q / nd).squareRoot()
            return (p - h, p + h)
        case .waldCC:
            let h = z * (p * q / nd).squareRoot() + 1 / (2 * nd)
            return (p - h, p + h)
        case .wilson:
            let centre = (2 * nd * p + z2) / (2 * (nd + z2))
            let half = z * (z2 + 4 * nd * p * q).squareRoot() / (2 * (nd + z2))
            return (x == 0 ? 0 : centre - half, x == n ? 1 : centre + half)
        case .wilsonCC:
            // Newcombe (1998a) eq. for method 4.
            let den = 2 * (nd + z2)
            let l = x == 0 ? 0 : (2 * nd * p + z2 - 1 - z * (z2 - 2 - 1 / nd + 4 * p * (nd * q + 1)).squareRoot()) / den
            let u = x == n ? 1 : (2 * nd * p + z2 + 1 + z * (z2 + 2 - 1 / nd + 4 * p * (nd * q - 1)).squareRoot()) / den
            return (max(0, l), min(1, u))
        case .clopperPearson:
            let l = x == 0 ? 0 : (try! BetaDistribution(shape1: Double(x), shape2: Double(n - x + 1))).quantile(alpha / 2)
            let u = x == n ? 1 : (try! BetaDistribution(shape1: Double(x + 1), shape2: Double(n - x))).inverseSF(alpha / 2)
            return (l, u)
        case .jeffreys:
            let b = try! BetaDistribution(shape1: Double(x) + 0.5, shape2: Double(n - x) + 0.5)
            return (x == 0 ? 0 : b.quantile(alpha / 2), x == n ? 1 : b.inverseSF(alpha / 2))
        case .agrestiCoull:
            let nt = nd + z2, pt = (Double(x) + z2 / 2) / nt
            let h = z * (pt * (1 - pt) / nt).squareRoot()
            return (max(0, pt - h), min(1, pt + h))
        case .midP:
            // Lower: P(X > x) + P(X = x)/2 = α/2; upper: P(X < x) + P(X = x)/2 = α/2 (X ~ Bin(n, π)).
            let l = x == 0 ? 0 : bisect(0, 1) { pi in binomialMidUpper(x, n, pi) - alpha / 2 }
            let u = x == n ? 1 : bisect(0, 1) { pi in alpha / 2 - binomialMidLower(x, n, pi) }
            return (l, u)
        case .likelihoodRatio:
            // {π : 2[ℓ(p̂) − ℓ(π)] ≤ z²}
            func dev(_ pi: Double) -> Double { 2 * (binomialLogLik(x, n, p) - binomialLogLik(x, n, pi)) - z2 }
            let l = x == 0 ? 0 : bisect(0, p) { -dev($0) }
            let u = x == n ? 1 : bisect(p, 1) { dev($0) }
            return (l, u)
        }
    }

    /// One row per method (or the given methods), quantity `proportion`.
    public static func rows(_ count: BinomialCount, methods: [ProportionMethod] = ProportionMethod.allCases,
                            level: Double = 0.95) -> [ResultRow] {
        methods.map { m in
            let (l, u) = interval(count, method: m, level: level)
            return ResultRow(quantity: "proportion", estimate: count.proportion, ciLower: l, ciUpper: u,
                             method: m.label, extra: ["level": "\(level)", "ci_method": m.rawValue])
        }
    }
}

/// x log π + (n − x) log(1 − π), with 0·log 0 = 0.
func binomialLogLik(_ x: Int, _ n: Int, _ pi: Double) -> Double {
    var s = 0.0
    if x > 0 { s += Double(x) * Double.log(pi) }
    if n - x > 0 { s += Double(n - x) * Double.log(onePlus: -pi) }
    return s
}

/// P(X > x) + P(X = x)/2 for X ~ Bin(n, π), from the incomplete-beta tail and Loader's pmf
/// (`TSDistributions.Binomial`): constant work and memory in n.
func binomialMidUpper(_ x: Int, _ n: Int, _ pi: Double) -> Double {
    let b = try! Binomial(n: n, p: pi)
    return b.sf(x) + b.pmf(x) / 2
}

/// P(X < x) + P(X = x)/2.
func binomialMidLower(_ x: Int, _ n: Int, _ pi: Double) -> Double {
    let b = try! Binomial(n: n, p: pi)
    return b.cdf(x - 1) + b.pmf(x) / 2
}
