import RealModule
import TSCore

/// Interval methods for the risk ratio p1/p2.
/// Sources: Katz et al. (1978) Biometrics 34:469 (log scale, SE² = 1/x1 − 1/n1 + 1/x2 − 1/n2; with a
/// zero cell, 0.5 is added to each cell and reported); Koopman (1984) Biometrics 40:513 (score /
/// Pearson chi-square with restricted MLE); Miettinen & Nurminen (1985) Stat Med 4:213 (Koopman's
/// score with variance factor N/(N−1)). Restricted MLE under p1 = φ p2: Miettinen & Nurminen (1985)
/// eq. for the ratio (root of A p² + B p + C with A = Nφ, B = −(n1φ + x1 + n2 + x2φ), C = x1 + x2).
public enum RiskRatioMethod: String, CaseIterable, Sendable {
    case katz, koopman, miettinenNurminen = "miettinen_nurminen"
    public var label: String {
        switch self {
        case .katz: "Katz log (1978)"
        case .koopman: "Koopman score (1984)"
        case .miettinenNurminen: "Miettinen-Nurminen score (1985)"
        }
    }
}

public enum RiskRatio {
    public static func estimate(_ g: TwoGroupCounts) -> Double { g.p1 / g.p2 }

    public static func interval(_ g: TwoGroupCounts, method: RiskRatioMethod, level: Double = 0.95) -> (lower: Double, upper: Double, note: String?) {
        let z = ProportionInterval.zCritical(level)
        switch method {
        case .katz:
            var a = Double(g.x1), n1 = Double(g.n1), c = Double(g.x2), n2 = Double(g.n2)
            var note: String? = nil
            if g.hasZeroCell { a += 0.5; c += 0.5; n1 += 1; n2 += 1; note = "0.5 added to every cell (zero cell)" }
            let lr = Double.log(a / n1) - Double.log(c / n2)
            let se = (1 / a - 1 / n1 + 1 / c - 1 / n2).squareRoot()
            return (Double.exp(lr - z * se), Double.exp(lr + z * se), note)
        case .koopman, .miettinenNurminen:
            if g.x1 == 0 && g.x2 == 0 { return (0, .infinity, "no events in either group: interval undefined") }
            let factor = method == .koopman ? 1.0 : Double(g.n1 + g.n2) / Double(g.n1 + g.n2 - 1)
            func s(_ logPhi: Double) -> Double { score(g, Double.exp(logPhi), factor: factor) }
            let est = g.x2 == 0 ? 40.0 : (g.x1 == 0 ? -40.0 : Double.log(estimate(g)))
            let lo = g.x1 == 0 ? 0 : Double.exp(bisect(-60, est) { z - s($0) })
            let hi = g.x2 == 0 ? Double.infinity : Double.exp(bisect(est, 60) { -z - s($0) })
            return (lo, hi, nil)
        }
    }

    /// Score z(φ) = (p̂1 − φ p̂2)/√(V), V = [p̃1q̃1/n1 + φ² p̃2q̃2/n2]·factor.
    static func score(_ g: TwoGroupCounts, _ phi: Double, factor: Double) -> Double {
        let n1 = Double(g.n1), n2 = Double(g.n2), x1 = Double(g.x1), x2 = Double(g.x2)
        let a = (n1 + n2) * phi, b = -(n1 * phi + x1 + n2 + x2 * phi), c = x1 + x2
        let disc = max(0, b * b - 4 * a * c)
        // Numerically stable smaller root: 2C / (−B + √disc).
        let t2 = 2 * c / (-b + disc.squareRoot())
        let t1 = min(1, phi * t2)
        let v = (t1 * (1 - t1) / n1 + phi * phi * t2 * (1 - t2) / n2) * factor
        let num = g.p1 - phi * g.p2
        if v <= 0 { return num == 0 ? 0 : (num > 0 ? .infinity : -.infinity) }
        return num / v.squareRoot()
    }
}
