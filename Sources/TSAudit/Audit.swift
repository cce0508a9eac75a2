import TSCore

/// Runs every applicable check on a study's printed numbers and returns one row per check.
///
/// Order: per arm (inferred n, mean vs CI centre, CI bounds, p, SD vs CI, GRIM, GRIMMER, percent, method
/// fingerprint), then the comparison (estimate vs arms, estimate vs its CI, CI bounds and p from the arms with
/// Student and Welch, method fingerprint), then total n and free-standing test statistics.
/// Arm sizes that are not printed are inferred (`HiddenArmSizes`) and the checks that need them run over the
/// feasible set (a check is consistent if some feasible n reproduces it); rows say so in their detail.
public enum Audit {
    /// Largest n tried for an arm whose size is not printed and no total is given.
    public static var maximumInferredN: Int { 2000 }

    public static func run(_ study: PrintedStudy) -> [AuditRow] {
        Finding.organise(rows(study))
    }

    /// Every method row of every check, before they are grouped into findings.
    static func rows(_ study: PrintedStudy) -> [AuditRow] {
        var rows: [AuditRow] = []
        let arms = study.arms
        // 1. Arm sizes: printed, or inferred (paired through the total when there are two arms).
        var sizes: [[Int]] = arms.map { $0.n.map { [$0] } ?? [] }
        var pairs: [(Int, Int)] = []
        var pairNote = ""
        if arms.count == 2 {
            if let n1 = arms[0].n, let n2 = arms[1].n {
                pairs = [(n1, n2)]
            } else if let total = study.totalN, let ps = HiddenArmSizes.pairs(arms[0], arms[1], total: total) {
                pairs = ps
                if let c = study.comparison {
                    let refined = HiddenArmSizes.pairsReproducingComparison(arms[0], arms[1], pairs: ps, comparison: c)
                    if !refined.isEmpty, refined.count < ps.count {
                        pairNote = "; pairs whose comparison CI and p are also reproduced: "
                            + HiddenArmSizes.describePairs(refined.map(\.pair))
                        pairs = refined.map(\.pair)
                    } else if refined.isEmpty {
                        pairNote = "; no pair reproduces the comparison's CI and p"
                    } else {
                        pairNote = "; every pair also reproduces the comparison's CI and p under some method"
                    }
                }
                sizes[0] = Array(Set(pairs.map(\.0))).sorted()
                sizes[1] = Array(Set(pairs.map(\.1))).sorted()
            }
        }
        for (i, arm) in arms.enumerated() where arm.n == nil && sizes[i].isEmpty {
            let upper = study.totalN.map { $0 - 2 * (arms.count - 1) } ?? maximumInferredN
            if upper >= 2, let f = HiddenArmSizes.feasible(arm, candidates: 2...upper) { sizes[i] = f }
        }
        for (i, arm) in arms.enumerated() {
            let inferred = arm.n == nil
            if inferred {
                rows.append(sizeRow(arm, ns: sizes[i], total: study.totalN, pairs: arms.count == 2 ? pairs : nil,
                                    index: i, note: pairNote))
            }
            var armRows: [AuditRow] = []
            armRows += CIChecks.centre(arm)
            armRows += CIChecks.bounds(arm, ns: sizes[i], nInferred: inferred)
            armRows += PValueChecks.oneArm(arm, ns: sizes[i], nInferred: inferred)
            armRows += SEasSD.check(arm, ns: sizes[i], nInferred: inferred)
            if let k = arm.integerItems, let mean = arm.mean {
                if let n = arm.n {
                    armRows.append(GRIM.check(mean: mean, n: n, items: k, arm: arm.label))
                    if k == 1, let sd = arm.sd { armRows.append(GRIMMER.check(mean: mean, sd: sd, n: n, arm: arm.label)) }
                } else {
                    armRows.append(.unchecked("grim", arm: arm.label, reported: mean.text, missing: "printed n"))
                }
            }
            if let pct = arm.percent {
                if let n = arm.n { armRows.append(PercentVsCounts.check(percent: pct, n: n, count: arm.count, arm: arm.label)) }
                else { armRows.append(.unchecked("percent", arm: arm.label, reported: pct.text, missing: "n")) }
            }
            if let m = MethodFingerprint.armRow(arm, ns: sizes[i], findings: Finding.organise(armRows)) { armRows.append(m) }
            rows += armRows
        }
        // 2. The comparison.
        if arms.count == 2, let c = study.comparison {
            let a = arms[0], b = arms[1]
            let inferred = a.n == nil || b.n == nil
            var diffRows = DifferenceChecks.estimate(a, b, comparison: c)
            diffRows += DifferenceChecks.interval(a, b, pairs: pairs, comparison: c, nInferred: inferred)
            diffRows += PValueChecks.twoArm(a, b, pairs: pairs, comparison: c, nInferred: inferred)
            // The comparison's own CI and p against each other (Altman & Bland 2011), z, and t on n1 + n2 − 2 df
            // when the arm sizes are known; the estimate against the CI centre is `difference_vs_ci` above.
            let df: Double? = pairs.count == 1 ? Double(pairs[0].0 + pairs[0].1 - 2) : nil
            let effect = PrintedEffect(measure: .difference, estimate: c.estimate, ciLower: c.ciLower, ciUpper: c.ciUpper,
                                       p: c.p, level: c.level, df: df)
            diffRows += Alternatives.prune(ComparisonAlone.pFromCI(effect, label: "difference")
                + (c.estimate == nil ? [] : ComparisonAlone.ciFromP(effect, label: "difference")))
            if let m = MethodFingerprint.differenceRow(a, b, pairs: pairs, comparison: c, findings: Finding.organise(diffRows)) {
                diffRows.append(m)
            }
            rows += diffRows
        }
        // 3. Total.
        if let total = study.totalN, arms.allSatisfy({ $0.n != nil }) {
            let sum = arms.reduce(0) { $0 + $1.n! }
            rows.append(AuditRow(check: "total_n", arm: "all", reported: "\(total)", recomputed: .point(Double(sum)),
                                 nominal: Double(sum), verdict: sum == total ? .consistent : .inconsistent(miss: Double(abs(sum - total))),
                                 method: "sum of arm sizes"))
        }
        // 4. The overall test across the arms (one-way and Welch ANOVA from n, mean and SD).
        if let o = study.overall, o.F != nil || o.p != nil {
            let summaries = arms.compactMap { a -> SummaryArm? in
                guard let n = a.n, let m = a.mean, let sd = a.sd else { return nil }
                return SummaryArm(label: a.label, n: n, mean: m, sd: sd)
            }
            if summaries.count == arms.count, arms.count >= 2 {
                rows += AnovaFromSummaries.check(PrintedAnova(label: "all arms", arms: summaries, F: o.F, p: o.p))
            } else {
                for (name, x) in [("overall_F", o.F), ("overall_p", o.p)] {
                    if let x { rows.append(.unchecked(name, arm: "all arms", reported: x.text, missing: "n, mean and SD of every arm")) }
                }
            }
        }
        // 5. Tables of counts with a printed p: which test reproduces it.
        for t in study.tables { rows += CountsVsP.check(t.counts, p: t.p, label: t.label, ordered: t.ordered) }
        // 6. Comparisons printed without their arms.
        for e in study.effects {
            // Without an estimate, a CI bound from the p says nothing the p from the CI does not.
            let checks = ComparisonAlone.check(e.effect, label: e.label)
            rows += Alternatives.prune(checks.filter { e.effect.estimate != nil || !$0.check.hasPrefix("effect_ci_") })
        }
        // 7. Free-standing tests.
        rows += study.tests.map { StatisticVsP.check($0) }
        return rows
    }

    /// The `n` row of an arm whose size was not printed.
    static func sizeRow(_ arm: PrintedArm, ns: [Int], total: Int?, pairs: [(Int, Int)]?, index: Int, note: String) -> AuditRow {
        let reported = total.map { "not printed (total \($0))" } ?? "not printed"
        guard let lo = ns.min(), let hi = ns.max() else {
            // A mean and an SD alone constrain nothing: the size is inferable only from a CI or p with the spread.
            guard HiddenArmSizes.isInferable(arm) else {
                return AuditRow(check: "n", arm: arm.label, reported: reported,
                                verdict: .unchecked(missing: "an SD or SE together with a CI or p"),
                                method: "one-sample t region (CI width, SD, p)")
            }
            return AuditRow(check: "n", arm: arm.label, reported: reported, verdict: .inconsistent(miss: .nan),
                            method: "one-sample t region (CI width, SD, p)",
                            detail: "no arm size from 2 to \(total.map { "\($0 - 2)" } ?? "\(maximumInferredN)") reproduces this arm's printed numbers")
        }
        var detail = "feasible n: \(HiddenArmSizes.describe(ns))"
        if let standard = HiddenArmSizes.feasible(arm, candidates: lo...hi, method: .standard), standard.count < ns.count {
            detail += " (with t on n − 1 df and a two-sided p: \(HiddenArmSizes.describe(standard.filter { ns.contains($0) })); "
                + "the others need another plausible reading: z, a one-sided p or an SE printed as SD)"
        }
        if let pairs, !pairs.isEmpty, total != nil {
            detail += "; with the total: " + HiddenArmSizes.describePairs(pairs) + note
        }
        return AuditRow(check: "n", arm: arm.label, reported: reported, recomputed: ValueInterval(Double(lo), Double(hi)),
                        verdict: .consistent, method: "one-sample t region (CI width, SD, p)" + (total != nil ? ", n1 + n2 = total" : ""),
                        detail: detail)
    }
}
