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
    static func nominal(_ a: PrintedArm, _ b: PrintedArm, n1: Int, n2: Int, test: TwoArmTest, level: Double,
                        seReadAsSD: Bool = false) -> MeanDifference? {
        func summary(_ arm: PrintedArm, _ n: Int) -> ArmSummary? {
            guard let m = arm.mean?.value, let sd = TwoArmBox.nominalSD(arm, n: n, seReadAsSD: seReadAsSD), sd > 0 else { return nil }
            return try? ArmSummary(n: n, mean: m, sd: sd)
        }
        guard let x = summary(a, n1), let y = summary(b, n2) else { return nil }
        return try? x.difference(y, test: test, level: level)
    }

    public static func estimate(_ a: PrintedArm, _ b: PrintedArm, comparison: PrintedComparison) -> [AuditRow] {
        guard let e = comparison.estimate else { return [] }
        var rows: [AuditRow] = []
        if let m1 = a.mean, let m2 = b.mean {
            // The difference of the printed means is decided in decimal (0.75 printed "0.8" is a tie, not 0.7).
            let exact = PrintedInterval.decimalDifference(m1, m2)
            func judge(_ sign: Double) -> Judgement {
                let fits = exact.map { e.printsFraction(numerator: Int(sign) * $0.0, denominator: $0.1) }
                return Judgement.judge(reported: e, nominal: sign * (m1.value - m2.value), nominalFits: fits) { reading in
                    let x = m1.interval(reading).closed, y = m2.interval(reading).closed
                    let lo = x.lower - y.upper, hi = x.upper - y.lower
                    return sign > 0 ? ValueInterval(lo, hi) : ValueInterval(-hi, -lo)
                }
            }
            rows += Alternatives.rows(base: [AuditRow(check: "difference", arm: "difference", reported: e, judgement: judge(1),
                                                      method: "\(a.label) − \(b.label) of the printed means")]) {
                [AuditRow(check: "difference", arm: "difference", reported: e, judgement: judge(-1),
                          method: "\(b.label) − \(a.label) of the printed means (sign reversed)")]
            }
        } else {
            rows.append(.unchecked("difference", arm: "difference", reported: e.text, missing: "arm means"))
        }
        if let l = comparison.ciLower, let u = comparison.ciUpper {
            let centre = (l.value + u.value) / 2
            let j = Judgement.judgeCentre(reported: e, lower: l, upper: u)
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

    /// `difference_ci_lower` / `difference_ci_upper` method rows: Student and Welch as the arms are listed; z, the
    /// reversed difference and SDs that are really SEs as alternatives.
    public static func interval(_ a: PrintedArm, _ b: PrintedArm, pairs: [(Int, Int)], comparison: PrintedComparison,
                                nInferred: Bool = false) -> [AuditRow] {
        var rows: [AuditRow] = []
        for (name, bound, side) in [("difference_ci_lower", comparison.ciLower, -1.0), ("difference_ci_upper", comparison.ciUpper, 1.0)] {
            guard let bound else { continue }
            guard a.mean != nil, b.mean != nil else { rows.append(.unchecked(name, arm: "difference", reported: bound.text, missing: "arm means")); continue }
            guard TwoArmBox.hasSpread(a) && TwoArmBox.hasSpread(b) else {
                rows.append(.unchecked(name, arm: "difference", reported: bound.text, missing: "arm SDs, SEs or CIs")); continue
            }
            guard !pairs.isEmpty else { rows.append(.unchecked(name, arm: "difference", reported: bound.text, missing: "arm sizes")); continue }
            let detail = nInferred ? "arm sizes inferred: \(HiddenArmSizes.describePairs(pairs))" : ""
            func row(_ test: TwoArmTest, sign: Double, seReadAsSD: Bool = false) -> AuditRow? {
                let j = Judgement.best(pairs.compactMap { (n1, n2) -> Judgement? in
                    guard let x = nominal(a, b, n1: n1, n2: n2, test: test, level: comparison.level, seReadAsSD: seReadAsSD) else { return nil }
                    let (lo, hi) = (x.interval.lower, x.interval.upper)
                    // sign −1: the CI of second − first is (−hi, −lo).
                    let nom = sign > 0 ? (side < 0 ? lo : hi) : (side < 0 ? -hi : -lo)
                    return Judgement.judge(reported: bound, nominal: nom) { reading in
                        TwoArmBox(a, b, n1: n1, n2: n2, test: test, level: comparison.level, sign: sign, reading: reading,
                                  seReadAsSD: seReadAsSD)?.boundRange(side: side) ?? .point(.nan)
                    }
                })
                guard let j else { return nil }
                let orientation = sign > 0 ? "\(a.label) − \(b.label)" : "\(b.label) − \(a.label) (sign reversed)"
                return AuditRow(check: name, arm: "difference", reported: bound, judgement: j,
                                method: methodName(test) + ", " + orientation + (seReadAsSD ? ", printed SDs read as SEs" : ""),
                                detail: detail)
            }
            let base = [row(.student, sign: 1), row(.welch, sign: 1)].compactMap { $0 }
            guard !base.isEmpty else { rows.append(.unchecked(name, arm: "difference", reported: bound.text, missing: "arm SDs, SEs or CIs")); continue }
            rows += Alternatives.rows(base: base) {
                var alt = [row(.z, sign: 1), row(.student, sign: -1), row(.welch, sign: -1), row(.z, sign: -1)]
                if a.sd != nil || b.sd != nil { alt += [row(.student, sign: 1, seReadAsSD: true), row(.welch, sign: 1, seReadAsSD: true)] }
                return alt.compactMap { $0 }
            }
        }
        return rows
    }
}
