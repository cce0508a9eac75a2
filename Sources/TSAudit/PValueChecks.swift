import TSEffects

/// Printed p values against the printed means, SDs and sizes.
///
/// One arm: t = mean/(SD/√n) on n − 1 df against 0, two-sided (Student 1908; `TSEffects.OneArm`).
/// Two arms: Student (pooled SD, n1 + n2 − 2 df) and Welch (Satterthwaite df) (`TSEffects.TwoArmDifference`).
/// p is monotone in |t|, and |t| in |mean| and SD, so the box's p range comes from its corners
/// (two arms: see `TwoArmBox`).
public enum PValueChecks {
    public static func oneArm(_ arm: PrintedArm, ns: [Int], nInferred: Bool = false) -> AuditRow? {
        guard let p = arm.p else { return nil }
        guard let mean = arm.mean else { return .unchecked("p", arm: arm.label, reported: p.text, missing: "mean") }
        guard arm.sd != nil || arm.se != nil else { return .unchecked("p", arm: arm.label, reported: p.text, missing: "SD or SE") }
        guard !ns.isEmpty else { return .unchecked("p", arm: arm.label, reported: p.text, missing: "n") }
        func judge(_ sided: Sidedness) -> Judgement {
            Judgement.best(ns.map { n in
                let df = Double(n - 1)
                let nominal = Tails.p(mean.value / CIChecks.seBox(arm, n: n, reading: .halfUp)!.nominal, df: df, sided: sided)
                return Judgement.judge(reported: p, nominal: nominal) { reading in
                    let m = mean.interval(reading).closed, se = CIChecks.seBox(arm, n: n, reading: reading)!.box
                    let absLo = m.meets(.point(0)) ? 0 : min(abs(m.lower), abs(m.upper))
                    let absHi = max(abs(m.lower), abs(m.upper))
                    return ValueInterval(Tails.p(absHi / se.lower, df: df, sided: sided), Tails.p(absLo / se.upper, df: df, sided: sided))
                }
            })!
        }
        let j = judge(.twoSided)
        var detail = nInferred ? "n inferred: \(HiddenArmSizes.describe(ns))" : ""
        if !j.verdict.reproduces, judge(.oneSided).verdict.reproduces {
            detail += (detail.isEmpty ? "" : "; ") + "reproduced as a one-sided p"
        }
        return AuditRow(check: "p", arm: arm.label, reported: p, judgement: j,
                        method: "one-sample t vs 0 (df = n − 1), two-sided", detail: detail)
    }

    /// `difference_p` rows for Student and Welch, first minus second.
    public static func twoArm(_ a: PrintedArm, _ b: PrintedArm, pairs: [(Int, Int)], comparison: PrintedComparison,
                              nInferred: Bool = false) -> [AuditRow] {
        guard let p = comparison.p else { return [] }
        guard a.mean != nil, b.mean != nil else { return [.unchecked("difference_p", arm: "difference", reported: p.text, missing: "arm means")] }
        guard !pairs.isEmpty else { return [.unchecked("difference_p", arm: "difference", reported: p.text, missing: "arm sizes")] }
        var rows: [AuditRow] = []
        for test in [TwoArmTest.student, .welch] {
            let js = pairs.compactMap { (n1, n2) -> Judgement? in
                guard let x = DifferenceChecks.nominal(a, b, n1: n1, n2: n2, test: test, level: comparison.level) else { return nil }
                return Judgement.judge(reported: p, nominal: x.pValue) { reading in
                    TwoArmBox(a, b, n1: n1, n2: n2, test: test, level: comparison.level, sign: 1, reading: reading)?
                        .pRange(sided: .twoSided) ?? .point(.nan)
                }
            }
            guard let j = Judgement.best(js) else {
                rows.append(.unchecked("difference_p", arm: "difference", reported: p.text, missing: "arm SDs or SEs"))
                continue
            }
            let detail = nInferred ? "arm sizes inferred: \(HiddenArmSizes.describePairs(pairs))" : ""
            rows.append(AuditRow(check: "difference_p", arm: "difference", reported: p, judgement: j,
                                 method: DifferenceChecks.methodName(test), detail: detail))
        }
        return rows
    }
}
