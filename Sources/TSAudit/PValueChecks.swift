import TSEffects
import TSCore

/// Printed p values against the printed means, SDs and sizes.
///
/// One arm: t = mean/(SD/√n) on n − 1 df against 0, two-sided (Student 1908; `TSEffects.OneArm`).
/// Two arms: Student (pooled SD, n1 + n2 − 2 df) and Welch (Satterthwaite df) (`TSEffects.TwoArmDifference`).
/// p is monotone in |t|, and |t| in |mean| and SD, so the box's p range comes from its corners
/// (two arms: see `TwoArmBox`).
public enum PValueChecks {
    public static func oneArm(_ arm: PrintedArm, ns: [Int], nInferred: Bool = false) -> [AuditRow] {
        guard let p = arm.p else { return [] }
        guard let mean = arm.mean else { return [.unchecked("p", arm: arm.label, reported: p.text, missing: "mean")] }
        guard arm.sd != nil || arm.se != nil else { return [.unchecked("p", arm: arm.label, reported: p.text, missing: "SD or SE")] }
        guard !ns.isEmpty else { return [.unchecked("p", arm: arm.label, reported: p.text, missing: "n")] }
        let detail = nInferred ? "n inferred: \(HiddenArmSizes.describe(ns))" : ""
        func row(useT: Bool, sided: Sidedness, seReadAsSD: Bool) -> AuditRow {
            let j = Judgement.best(ns.map { n in
                let df = useT ? Double(n - 1) : .infinity
                let nominal = Tails.p(mean.value / CIChecks.seBox(arm, n: n, reading: .halfUp, seReadAsSD: seReadAsSD)!.nominal,
                                      df: df, sided: sided)
                return Judgement.judge(reported: p, nominal: nominal) { reading in
                    let m = mean.interval(reading).closed
                    let se = CIChecks.seBox(arm, n: n, reading: reading, seReadAsSD: seReadAsSD)!.box
                    let absLo = m.meets(.point(0)) ? 0 : min(abs(m.lower), abs(m.upper))
                    let absHi = max(abs(m.lower), abs(m.upper))
                    return ValueInterval(Tails.p(absHi / se.lower, df: df, sided: sided), Tails.p(absLo / se.upper, df: df, sided: sided))
                }
            })!
            let name = (useT ? "one-sample t vs 0 (df = n − 1)" : "one-sample z vs 0") + ", \(sided.rawValue)"
                + (seReadAsSD ? ", printed SD read as the SE" : "")
            return AuditRow(check: "p", arm: arm.label, reported: p, judgement: j, method: name, detail: detail)
        }
        return Alternatives.rows(base: [row(useT: true, sided: .twoSided, seReadAsSD: false)]) {
            var alt = [row(useT: true, sided: .oneSided, seReadAsSD: false), row(useT: false, sided: .twoSided, seReadAsSD: false)]
            if arm.sd != nil { alt.append(row(useT: true, sided: .twoSided, seReadAsSD: true)) }
            return alt
        }
    }

    /// `difference_p` method rows, first minus second: Student and Welch; z, a one-sided p and SDs that are
    /// really SEs as alternatives. A two-sided p does not depend on the sign of the difference.
    public static func twoArm(_ a: PrintedArm, _ b: PrintedArm, pairs: [(Int, Int)], comparison: PrintedComparison,
                              nInferred: Bool = false) -> [AuditRow] {
        guard let p = comparison.p else { return [] }
        guard a.mean != nil, b.mean != nil else { return [.unchecked("difference_p", arm: "difference", reported: p.text, missing: "arm means")] }
        guard TwoArmBox.hasSpread(a) && TwoArmBox.hasSpread(b) else {
            return [.unchecked("difference_p", arm: "difference", reported: p.text, missing: "arm SDs, SEs or CIs")]
        }
        guard !pairs.isEmpty else { return [.unchecked("difference_p", arm: "difference", reported: p.text, missing: "arm sizes")] }
        let detail = nInferred ? "arm sizes inferred: \(HiddenArmSizes.describePairs(pairs))" : ""
        func row(_ test: TwoArmTest, sided: Sidedness, seReadAsSD: Bool) -> AuditRow? {
            let js = pairs.compactMap { (n1, n2) -> Judgement? in
                guard let x = DifferenceChecks.nominal(a, b, n1: n1, n2: n2, test: test, level: comparison.level, seReadAsSD: seReadAsSD) else { return nil }
                let pv = x.pValue
                let nominal = sided == .twoSided ? pv : pv / 2
                return Judgement.judge(reported: p, nominal: nominal) { reading in
                    TwoArmBox(a, b, n1: n1, n2: n2, test: test, level: comparison.level, sign: 1, reading: reading,
                              seReadAsSD: seReadAsSD)?.pRange(sided: sided) ?? .point(.nan)
                }
            }
            guard let j = Judgement.best(js) else { return nil }
            let name = DifferenceChecks.methodName(test) + (sided == .oneSided ? ", one-sided" : "")
                + (seReadAsSD ? ", printed SDs read as SEs" : "")
            return AuditRow(check: "difference_p", arm: "difference", reported: p, judgement: j, method: name, detail: detail)
        }
        let base = [row(.student, sided: .twoSided, seReadAsSD: false), row(.welch, sided: .twoSided, seReadAsSD: false)].compactMap { $0 }
        guard !base.isEmpty else { return [.unchecked("difference_p", arm: "difference", reported: p.text, missing: "arm SDs, SEs or CIs")] }
        return Alternatives.rows(base: base) {
            var alt = [row(.z, sided: .twoSided, seReadAsSD: false), row(.student, sided: .oneSided, seReadAsSD: false),
                       row(.welch, sided: .oneSided, seReadAsSD: false)]
            if a.sd != nil || b.sd != nil {
                alt += [row(.student, sided: .twoSided, seReadAsSD: true), row(.welch, sided: .twoSided, seReadAsSD: true)]
            }
            return alt.compactMap { $0 }
        }
    }
}
