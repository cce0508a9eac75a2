import TSCore
import TSEffects

/// The printed comparison of two arms against the arms' printed numbers.
///
/// - `difference`: printed estimate vs first − second of the arm means (exact range over the rounding box);
///   a reversed sign is named in the detail.
/// - `difference_vs_ci`: printed estimate vs the centre of its own CI, (L + U)/2 (a symmetric CI is centred on
///   its estimate — the check metafor makes when an estimate is off its CI's centre).
/// - `difference_ci_lower`/`upper`: the printed CI vs d ∓ c·SE from the arms' SDs and sizes, Student and Welch
///   (`TSEffects.TwoArmDifference`; box ranges from `TwoArmBox`).
public enum DifferenceChecks {
    static func methodName(_ test: TwoArmTest) -> String {
        switch test {
        case .student: return "Student t (pooled SD, df = n1 + n2 − 2)"
        case .welch: return "Welch t (Satterthwaite df)"
        case .z: return "z (unpooled SE)"
        }
    }

    /// Difference (first − second) recomputed from the arms as printed.
    static func nominal(_ a: PrintedArm, _ b: PrintedArm, n1: Int, n2: Int, test: TwoArmTest, level: Double) -> ResultRow? {
        func summary(_ arm: PrintedArm, _ n: Int) -> ArmSummary? {
            guard let m = arm.mean?.value else { return nil }
            if let sd = arm.sd?.value { return try? ArmSummary(n: n, mean: m, sd: sd) }
            if let se = arm.se?.value { return try? ArmSummary(n: n, mean: m, spread: .se(se)) }
            return nil
        }
        guard let x = summary(a, n1), let y = summary(b, n2) else { return nil }
        return try? TwoArmDifference.difference(x, y, test: test, level: level)
    }

    public static func estimate(_ a: PrintedArm, _ b: PrintedArm, comparison: PrintedComparison) -> [AuditRow] {
        guard let e = comparison.estimate else { return [] }
        var rows: [AuditRow] = []
        if let m1 = a.mean, let m2 = b.mean {
            func judge(_ sign: Double) -> Judgement {
                Judgement.judge(reported: e, nominal: sign * (m1.value - m2.value)) { reading in
                    let x = m1.interval(reading).closed, y = m2.interval(reading).closed
                    let lo = x.lower - y.upper, hi = x.upper - y.lower
                    return sign > 0 ? ValueInterval(lo, hi) : ValueInterval(-hi, -lo)
                }
            }
            let j = judge(1)
            var detail = ""
            if !j.verdict.reproduces, judge(-1).verdict.reproduces {
                detail = "matches \(b.label) − \(a.label) (sign reversed)"
            }
            rows.append(AuditRow(check: "difference", arm: "difference", reported: e, judgement: j,
                                 method: "\(a.label) − \(b.label) of the printed means", detail: detail))
        } else {
            rows.append(.unchecked("difference", arm: "difference", reported: e.text, missing: "arm means"))
        }
        if let l = comparison.ciLower, let u = comparison.ciUpper {
            let centre = (l.value + u.value) / 2
            let j = Judgement.judge(reported: e, nominal: centre) { reading in
                let x = l.interval(reading).closed, y = u.interval(reading).closed
                return ValueInterval((x.lower + y.lower) / 2, (x.upper + y.upper) / 2)
            }
            var detail = ""
            if !j.verdict.reproduces {
                detail = "the CI \(l.text) to \(u.text) is centred on \(fmt(centre)), not on \(e.text)"
                if e.rounded.meets(ValueInterval(-j.range.upper, -j.range.lower)) { detail += " (its sign is reversed)" }
                if !e.rounded.meets(ValueInterval(l.rounded.lower, u.rounded.upper)) { detail += "; the estimate lies outside its own CI" }
            }
            rows.append(AuditRow(check: "difference_vs_ci", arm: "difference", reported: e, judgement: j,
                                 method: "centre of a symmetric CI, (L + U)/2", detail: detail))
        }
        return rows
    }

    /// `difference_ci_lower` / `difference_ci_upper` for Student and Welch.
    public static func interval(_ a: PrintedArm, _ b: PrintedArm, pairs: [(Int, Int)], comparison: PrintedComparison,
                                nInferred: Bool = false) -> [AuditRow] {
        var rows: [AuditRow] = []
        for (name, bound, side) in [("difference_ci_lower", comparison.ciLower, -1.0), ("difference_ci_upper", comparison.ciUpper, 1.0)] {
            guard let bound else { continue }
            guard a.mean != nil, b.mean != nil else { rows.append(.unchecked(name, arm: "difference", reported: bound.text, missing: "arm means")); continue }
            guard !pairs.isEmpty else { rows.append(.unchecked(name, arm: "difference", reported: bound.text, missing: "arm sizes")); continue }
            for test in [TwoArmTest.student, .welch] {
                func judge(_ sign: Double) -> Judgement? {
                    Judgement.best(pairs.compactMap { (n1, n2) -> Judgement? in
                        guard let x = nominal(a, b, n1: n1, n2: n2, test: test, level: comparison.level),
                              let lo = x.ciLower, let hi = x.ciUpper else { return nil }
                        // sign −1: the CI of second − first is (−hi, −lo).
                        let nom = sign > 0 ? (side < 0 ? lo : hi) : (side < 0 ? -hi : -lo)
                        return Judgement.judge(reported: bound, nominal: nom) { reading in
                            TwoArmBox(a, b, n1: n1, n2: n2, test: test, level: comparison.level, sign: sign, reading: reading)?
                                .boundRange(side: side) ?? .point(.nan)
                        }
                    })
                }
                guard let j = judge(1) else {
                    rows.append(.unchecked(name, arm: "difference", reported: bound.text, missing: "arm SDs or SEs"))
                    break
                }
                var detail = nInferred ? "arm sizes inferred: \(HiddenArmSizes.describePairs(pairs))" : ""
                if !j.verdict.reproduces, let r = judge(-1), r.verdict.reproduces {
                    detail += (detail.isEmpty ? "" : "; ")
                        + "reproduced (\(r.verdict.label)) as \(b.label) − \(a.label): recomputed \(fmt(r.range.lower)) to \(fmt(r.range.upper))"
                }
                rows.append(AuditRow(check: name, arm: "difference", reported: bound, judgement: j,
                                     method: methodName(test) + ", \(a.label) − \(b.label)", detail: detail))
            }
        }
        return rows
    }
}
