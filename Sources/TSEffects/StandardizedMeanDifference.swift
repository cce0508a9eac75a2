import RealModule
import TSCore
import TSDistributions

/// Standardized mean differences, first arm minus second, with normal-approximation and exact CIs.
///
/// - Cohen's d = (m1 − m2)/s_p, s_p the pooled SD on m = n1 + n2 − 2 df (Cohen 1988, eq. 2.5.1 with pooled s).
/// - Hedges' g = J(m)·d with the exact small-sample correction J(m) = Γ(m/2) / (√(m/2) Γ((m − 1)/2))
///   (Hedges 1981, J Educ Stat 6:107, eq. 6e); metafor `escalc(measure = "SMD")` uses the same J.
/// - Glass's Δ = (m1 − m2)/s2, standardized by the second (control) arm's SD on n2 − 1 df (Glass 1976);
///   the corrected J(n2 − 1)·Δ is metafor's "SMD1".
///
/// Normal-approximation variances (Hedges & Olkin 1985, *Statistical Methods for Meta-Analysis*, ch. 5,
/// eq. 14; Borenstein et al. 2009, eq. 4.20), each named as metafor's `vtype`:
///   d: 1/n1 + 1/n2 + d²/(2(n1 + n2));
///   g: LS 1/n1 + 1/n2 + g²/(2(n1 + n2)); UB 1/n1 + 1/n2 + (1 − (m − 2)/(m J²)) g² (Hedges 1983, Psychol Bull 93:388);
///      LS2 J²(1/n1 + 1/n2 + d²/(2(n1 + n2))) (Borenstein et al. 2009, eq. 4.24);
///   Δ: 1/n1 + 1/n2 + Δ²/(2 n2) (metafor "SMD1", vtype LS).
/// Exact CIs invert the noncentral t (see `NoncentralTInterval`): t = d/√(1/n1 + 1/n2) is noncentral t on
/// m df with ncp δ/√(1/n1 + 1/n2) under normality and equal variances; the CI for δ is the ncp CI times
/// √(1/n1 + 1/n2). g's exact CI is J(m) times d's (as in R's effectsize). Δ/√(1/n1 + 1/n2) is noncentral t
/// on n2 − 1 df (needs equal variances too).
public enum StandardizedMeanDifference {
    public enum Kind: String, Sendable, CaseIterable {
        case cohensD = "cohens_d", hedgesG = "hedges_g", glassDelta = "glass_delta"
    }

    /// metafor's `vtype` for the normal-approximation variance (applies to Hedges' g).
    public enum Variance: String, Sendable, CaseIterable { case LS, UB, LS2 }

    /// Exact bias correction J(m) = Γ(m/2)/(√(m/2) Γ((m−1)/2)) (Hedges 1981, eq. 6e), m > 1.
    /// Γ ratio directly for m ≤ 340 (no overflow); beyond, the Stirling-series expansion
    /// ln[Γ(x+½)/(Γ(x)√x)] = −1/(8x) + 1/(192x³) − 1/(640x⁵) + 17/(14336x⁷) + …, x = (m−1)/2
    /// (from the Bernoulli-polynomial Stirling series, DLMF 5.11.8), times √(x/(x+½)).
    public static func hedgesJ(_ m: Double) -> Double {
        guard m > 1 else { return .nan }
        if m <= 340 {
            return Double.gamma(m / 2) / Double.gamma((m - 1) / 2) / (m / 2).squareRoot()
        }
        let x = (m - 1) / 2
        let ix = 1 / x, ix2 = ix * ix
        let s = ix * (-1.0 / 8 + ix2 * (1.0 / 192 + ix2 * (-1.0 / 640 + ix2 * (17.0 / 14336))))
        return Double.exp(s) * (1 / (1 + 0.5 * ix)).squareRoot()
    }

    /// Point estimate, its df and the factor f with statistic t = estimate/f (before any J correction).
    public static func estimate(_ kind: Kind, _ a: ArmSummary, _ b: ArmSummary) -> (value: Double, df: Double, j: Double) {
        let diff = a.mean - b.mean
        switch kind {
        case .cohensD:
            return (diff / TwoArmDifference.pooledSD(a, b), Double(a.n + b.n - 2), 1)
        case .hedgesG:
            let m = Double(a.n + b.n - 2), j = hedgesJ(m)
            return (j * diff / TwoArmDifference.pooledSD(a, b), m, j)
        case .glassDelta:
            return (diff / b.sd, Double(b.n - 1), 1)
        }
    }

    static func checkArms(_ a: ArmSummary, _ b: ArmSummary) throws(InputError) {
        guard a.sd.isFinite, a.sd > 0, b.sd.isFinite, b.sd > 0 else { throw InputError(.parameter("sd"), "must be > 0 in both arms") }
    }

    /// Estimate with a normal-approximation (z) CI.
    public static func normalCI(_ kind: Kind, _ a: ArmSummary, _ b: ArmSummary, level: Double = 0.95,
                                variance: Variance = .LS) throws(InputError) -> ResultRow {
        try checkArms(a, b)
        let (es, m, j) = estimate(kind, a, b)
        let n1 = Double(a.n), n2 = Double(b.n)
        let v: Double, vname: String
        switch kind {
        case .cohensD:
            v = 1 / n1 + 1 / n2 + es * es / (2 * (n1 + n2)); vname = "1/n1+1/n2+d^2/(2N)"
        case .glassDelta:
            v = 1 / n1 + 1 / n2 + es * es / (2 * n2); vname = "1/n1+1/n2+delta^2/(2 n2)"
        case .hedgesG:
            switch variance {
            case .LS: v = 1 / n1 + 1 / n2 + es * es / (2 * (n1 + n2))
            case .UB: v = 1 / n1 + 1 / n2 + (1 - (m - 2) / (m * j * j)) * es * es
            case .LS2: let d = es / j; v = j * j * (1 / n1 + 1 / n2 + d * d / (2 * (n1 + n2)))
            }
            vname = "metafor vtype " + variance.rawValue
        }
        let se = v.squareRoot()
        let z = try SDConversions.critical(level: level, df: .infinity, distribution: .z)
        return ResultRow(quantity: kind.rawValue, estimate: es, se: se, ciLower: es - z * se, ciUpper: es + z * se,
                         method: "\(label(kind)), normal-approximation CI (variance \(vname))",
                         extra: ["level": String(level), "ci_method": "normal"])
    }

    /// Estimate with the exact CI from inverting the noncentral t; statistic, df and p are those of the
    /// matching t test (Student's for d and g).
    public static func exactCI(_ kind: Kind, _ a: ArmSummary, _ b: ArmSummary, level: Double = 0.95) throws(InputError) -> ResultRow {
        try checkArms(a, b)
        let (es, m, j) = estimate(kind, a, b)
        let f = (1 / Double(a.n) + 1 / Double(b.n)).squareRoot()
        let t = es / j / f
        let (lo, hi) = try NoncentralTInterval.interval(t: t, df: m, level: level)
        return ResultRow(quantity: kind.rawValue, estimate: es, ciLower: j * lo * f, ciUpper: j * hi * f,
                         statistic: t, df: m, pValue: twoSidedP(t, df: m),
                         method: "\(label(kind)), exact CI inverting the noncentral t (df \(kind == .glassDelta ? "n2 - 1" : "n1 + n2 - 2"))",
                         extra: ["level": String(level), "ci_method": "noncentral_t"])
    }

    static func label(_ k: Kind) -> String {
        switch k {
        case .cohensD: return "Cohen's d (pooled SD)"
        case .hedgesG: return "Hedges' g (exact gamma-function correction J)"
        case .glassDelta: return "Glass's delta (second arm's SD)"
        }
    }
}
