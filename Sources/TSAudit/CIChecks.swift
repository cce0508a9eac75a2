import TSCore

/// An arm's printed CI against its printed mean, SD (or SE) and n, and the mean against the CI's centre.
///
/// Recomputed bounds: mean ∓ c·SD/√n with c the two-sided t critical value on n − 1 df (Student 1908; the
/// formula of `TSEffects.OneArm`). Over the box of rounded inputs the lower bound ranges over
/// [m_lo − c·s_hi/√n, m_hi − c·s_lo/√n] (monotone in each input), the upper bound likewise.
public enum CIChecks {
    /// SE interval of an arm at size n under a reading: SD/√n, or the printed SE; with `seReadAsSD` the printed
    /// "SD" is taken as the SE itself (an SE printed under the label SD).
    static func seBox(_ arm: PrintedArm, n: Int, reading: RoundingReading, seReadAsSD: Bool = false)
        -> (nominal: Double, box: ValueInterval)? {
        let r = seReadAsSD ? 1 : Double(n).squareRoot()
        if let sd = arm.sd {
            let b = sd.interval(reading).closed
            return (sd.value / r, ValueInterval(b.lower / r, b.upper / r))
        }
        if let se = arm.se, !seReadAsSD { return (se.value, se.interval(reading).closed) }
        return nil
    }

    /// The ways an arm's CI may have been computed: t on n − 1 df first; z and an SE printed as SD are
    /// alternatives, listed only when the t interval does not reproduce.
    struct BoundMethod {
        var useT: Bool
        var seReadAsSD: Bool
        func name(level: Double) -> String {
            (useT ? "mean ∓ t(n − 1)·SE" : "mean ∓ z·SE") + (seReadAsSD ? ", printed SD read as the SE" : ", SE = SD/√n")
                + ", level \(fmt(level))"
        }
    }

    /// `ci_lower` and `ci_upper` method rows; `ns` holds the printed n or the feasible inferred sizes.
    public static func bounds(_ arm: PrintedArm, ns: [Int], nInferred: Bool = false) -> [AuditRow] {
        var rows: [AuditRow] = []
        for (name, bound, sign) in [("ci_lower", arm.ciLower, -1.0), ("ci_upper", arm.ciUpper, 1.0)] {
            guard let bound else { continue }
            guard let mean = arm.mean else { rows.append(.unchecked(name, arm: arm.label, reported: bound.text, missing: "mean")); continue }
            guard arm.sd != nil || arm.se != nil else { rows.append(.unchecked(name, arm: arm.label, reported: bound.text, missing: "SD or SE")); continue }
            guard !ns.isEmpty else { rows.append(.unchecked(name, arm: arm.label, reported: bound.text, missing: "n (not printed, not inferable)")); continue }
            let detail = nInferred ? "n inferred: \(HiddenArmSizes.describe(ns))" : ""
            func row(_ m: BoundMethod) -> AuditRow {
                let j = Judgement.best(ns.map { n -> Judgement in
                    let c = Tails.critical(level: arm.level, df: m.useT ? Double(n - 1) : .infinity)
                    let nominal = mean.value + sign * c * seBox(arm, n: n, reading: .halfUp, seReadAsSD: m.seReadAsSD)!.nominal
                    return Judgement.judge(reported: bound, nominal: nominal) { reading in
                        let x = mean.interval(reading).closed, se = seBox(arm, n: n, reading: reading, seReadAsSD: m.seReadAsSD)!.box
                        return sign < 0 ? ValueInterval(x.lower - c * se.upper, x.upper - c * se.lower)
                                        : ValueInterval(x.lower + c * se.lower, x.upper + c * se.upper)
                    }
                })!
                return AuditRow(check: name, arm: arm.label, reported: bound, judgement: j, method: m.name(level: arm.level), detail: detail)
            }
            var alternatives = [BoundMethod(useT: false, seReadAsSD: false)]
            if arm.sd != nil { alternatives += [BoundMethod(useT: true, seReadAsSD: true), BoundMethod(useT: false, seReadAsSD: true)] }
            rows += Alternatives.rows(base: [row(BoundMethod(useT: true, seReadAsSD: false))], alternatives: { alternatives.map(row) })
        }
        return rows
    }

    /// `mean_vs_ci`: the printed mean against the centre of its printed (symmetric) CI, (L + U)/2.
    /// The centre is decided in decimal: (L + U)/2 of "2.1" and "3.0" is exactly 2.55, which prints as 2.6
    /// under half-up and half-even alike.
    /// A CI computed on the log scale (a geometric mean, a ratio) is centred on √(L·U) instead: tried when
    /// the arithmetic centre does not reproduce and both bounds are positive.
    public static func centre(_ arm: PrintedArm) -> [AuditRow] {
        guard let mean = arm.mean, let l = arm.ciLower, let u = arm.ciUpper else { return [] }
        let j = Judgement.judgeCentre(reported: mean, lower: l, upper: u)
        let base = AuditRow(check: "mean_vs_ci", arm: arm.label, reported: mean, judgement: j,
                            method: "centre of a symmetric CI, (L + U)/2")
        return Alternatives.rows(base: [base]) {
            guard l.value > 0, u.value > 0 else { return [] }
            let g = Judgement.judge(reported: mean, nominal: (l.value * u.value).squareRoot()) { reading in
                let a = l.interval(reading).closed, b = u.interval(reading).closed
                return ValueInterval((max(0, a.lower) * max(0, b.lower)).squareRoot(), (a.upper * b.upper).squareRoot())
            }
            return [AuditRow(check: "mean_vs_ci", arm: arm.label, reported: mean, judgement: g,
                             method: "centre on the log scale, √(L·U) (a CI computed on logs)")]
        }
    }
}
