/// An arm's printed CI against its printed mean, SD (or SE) and n, and the mean against the CI's centre.
///
/// Recomputed bounds: mean ∓ c·SD/√n with c the two-sided t critical value on n − 1 df (Student 1908; the
/// formula of `TSEffects.OneArm`). Over the box of rounded inputs the lower bound ranges over
/// [m_lo − c·s_hi/√n, m_hi − c·s_lo/√n] (monotone in each input), the upper bound likewise.
public enum CIChecks {
    /// SE interval of an arm at size n under a reading: SD/√n, or the printed SE.
    static func seBox(_ arm: PrintedArm, n: Int, reading: RoundingReading) -> (nominal: Double, box: ValueInterval)? {
        let r = Double(n).squareRoot()
        if let sd = arm.sd {
            let b = sd.interval(reading).closed
            return (sd.value / r, ValueInterval(b.lower / r, b.upper / r))
        }
        if let se = arm.se { return (se.value, se.interval(reading).closed) }
        return nil
    }

    /// `ci_lower` and `ci_upper` rows; `ns` holds the printed n or the feasible inferred sizes.
    public static func bounds(_ arm: PrintedArm, ns: [Int], nInferred: Bool = false) -> [AuditRow] {
        var rows: [AuditRow] = []
        for (name, bound, sign) in [("ci_lower", arm.ciLower, -1.0), ("ci_upper", arm.ciUpper, 1.0)] {
            guard let bound else { continue }
            guard let mean = arm.mean else { rows.append(.unchecked(name, arm: arm.label, reported: bound.text, missing: "mean")); continue }
            guard arm.sd != nil || arm.se != nil else { rows.append(.unchecked(name, arm: arm.label, reported: bound.text, missing: "SD or SE")); continue }
            guard !ns.isEmpty else { rows.append(.unchecked(name, arm: arm.label, reported: bound.text, missing: "n (not printed, not inferable)")); continue }
            let js = ns.map { n -> Judgement in
                let c = Tails.critical(level: arm.level, df: Double(n - 1))
                let nominal = mean.value + sign * c * seBox(arm, n: n, reading: .halfUp)!.nominal
                return Judgement.judge(reported: bound, nominal: nominal) { reading in
                    let m = mean.interval(reading).closed, se = seBox(arm, n: n, reading: reading)!.box
                    return sign < 0 ? ValueInterval(m.lower - c * se.upper, m.upper - c * se.lower)
                                    : ValueInterval(m.lower + c * se.lower, m.upper + c * se.upper)
                }
            }
            let j = Judgement.best(js)!
            var detail = nInferred ? "n inferred: \(HiddenArmSizes.describe(ns))" : ""
            if case .inconsistent = j.verdict, let other = zBound(arm, ns: ns, sign: sign, bound: bound), other.verdict.reproduces {
                detail += (detail.isEmpty ? "" : "; ") + "reproduced with a z interval (\(other.verdict.label))"
            }
            rows.append(AuditRow(check: name, arm: arm.label, reported: bound, judgement: j,
                                 method: "mean ∓ t(n − 1)·SD/√n, level \(fmt(arm.level))", detail: detail))
        }
        return rows
    }

    /// The same bound with a z critical value (for the detail of an inconsistent bound).
    static func zBound(_ arm: PrintedArm, ns: [Int], sign: Double, bound: PrintedInterval) -> Judgement? {
        guard let mean = arm.mean else { return nil }
        let c = Tails.critical(level: arm.level, df: .infinity)
        return Judgement.best(ns.map { n in
            Judgement.judge(reported: bound, nominal: mean.value + sign * c * seBox(arm, n: n, reading: .halfUp)!.nominal) { reading in
                let m = mean.interval(reading).closed, se = seBox(arm, n: n, reading: reading)!.box
                return sign < 0 ? ValueInterval(m.lower - c * se.upper, m.upper - c * se.lower)
                                : ValueInterval(m.lower + c * se.lower, m.upper + c * se.upper)
            }
        })
    }

    /// `mean_vs_ci`: the printed mean against the centre of its printed (symmetric) CI, (L + U)/2.
    public static func centre(_ arm: PrintedArm) -> AuditRow? {
        guard let mean = arm.mean, let l = arm.ciLower, let u = arm.ciUpper else { return nil }
        let j = Judgement.judge(reported: mean, nominal: (l.value + u.value) / 2) { reading in
            let a = l.interval(reading).closed, b = u.interval(reading).closed
            return ValueInterval((a.lower + b.lower) / 2, (a.upper + b.upper) / 2)
        }
        return AuditRow(check: "mean_vs_ci", arm: arm.label, reported: mean, judgement: j,
                        method: "centre of a symmetric CI, (L + U)/2")
    }
}
