import Foundation
import TSCore
import TSEffects
import TSStudies
import TSTables
import TSDistributions

/// A printed between-arm comparison recomputed from the arms' printed summaries:
/// - continuous arms: the difference of the means (always), and with sizes and spreads the Student and Welch
///   difference, CI and p (`TSEffects.TwoArmDifference`; Welch 1947, Satterthwaite 1946); without sizes, the
///   smallest equal arm size at which the printed means and SDs give a Welch p on the printed side of its bound;
/// - counts with one category per arm: the 2×2 table's proportions, risk difference, risk ratio, odds ratio,
///   Fisher's exact and chi-square tests (`TSTables.TableReport`), each p against the printed p.
enum ComparisonRecomputation {
    static func lines(_ c: PrintedComparisonRow, study: StudyDataset) -> (lines: [ReportLine], notes: [String]) {
        let label = "\(c.armA) − \(c.armB)"
        let armRows = study.arms.filter { $0.outcome == c.outcome && $0.timepoint == c.timepoint }
        if let a = armRows.first(where: { $0.arm == c.armA }), let b = armRows.first(where: { $0.arm == c.armB }) {
            return continuous(c, a, b, label: label)
        }
        let counts = study.counts.filter { $0.outcome == c.outcome && $0.timepoint == c.timepoint }
        let ca = counts.filter { $0.arm == c.armA }, cb = counts.filter { $0.arm == c.armB }
        if ca.count == 1, cb.count == 1, let xa = ca[0].count, let na = ca[0].total, let xb = cb[0].count, let nb = cb[0].total {
            return (twoByTwo(c, category: ca[0].category, xa: Int(xa.value), na: Int(na.value), xb: Int(xb.value), nb: Int(nb.value),
                             label: label), [])
        }
        return ([], ["\(label), \(c.outcome) \(c.timepoint): the arms' data behind this comparison are not printed"])
    }

    // MARK: Continuous

    static func continuous(_ c: PrintedComparisonRow, _ a: ArmSummaryRow, _ b: ArmSummaryRow, label: String) -> ([ReportLine], [String]) {
        var out: [ReportLine] = []
        var notes: [String] = []
        let level = c.ciLevel ?? 0.95
        let levelText = ReportNumber.percent(level)
        func line(_ q: String, _ x: Double?, printed: PrintedValue?, range: (Double, Double)? = nil, flag: ReportFlag? = nil,
                  unit: String? = nil, method: String, detail: String) {
            out.append(ReportLine(section: .comparison, outcome: c.outcome, timepoint: c.timepoint, arm: label, quantity: q,
                                  recomputed: x, range: range.map { (low: $0.0, high: $0.1) }, unit: unit ?? a.unit, printed: printed,
                                  flag: flag, method: method, detail: detail))
        }
        let estimatePrinted = c.measure == .difference ? c.estimate : nil
        line("difference", a.mean.value - b.mean.value, printed: estimatePrinted,
             method: "difference of the printed arm means, \(c.armA) − \(c.armB)",
             detail: "\(a.mean.text) − (\(b.mean.text))")
        if a.measure != b.measure { notes.append("\(label): the arms are on different scales (\(a.measure.rawValue), \(b.measure.rawValue))") }

        let armA = summary(a), armB = summary(b)
        if let sa = armA, let sb = armB {
            let inputs = "n \(sa.n) and \(sb.n); SD \(ReportNumber.readable(sa.sd)) and \(ReportNumber.readable(sb.sd))"
            for test in [TwoArmTest.student, .welch] {
                guard let r = try? sa.difference(sb, test: test, level: level) else { continue }
                let tag = test == .student ? "student" : "welch"
                let m = test.label + (test == .welch ? ", df = \(ReportNumber.readable(r.df))" : "")
                if c.measure == .difference {
                    line("ci_lower_\(tag)", r.interval.lower, printed: c.ciLower, method: "\(levelText) CI lower bound, \(m)", detail: inputs)
                    line("ci_upper_\(tag)", r.interval.upper, printed: c.ciUpper, method: "\(levelText) CI upper bound, \(m)", detail: inputs)
                }
                line("t_\(tag)", r.test.statistic, printed: nil, unit: "", method: m, detail: inputs)
                line("p_\(tag)", r.pValue, printed: c.p, unit: "", method: "two-sided p, \(m)", detail: inputs)
            }
            if TwoArmDifference.pooledSD(sa, sb) > 0, c.measure == .difference {
                // Hedges' g, for a meta-analyst's convenience (derived; nothing printed to compare with).
                if let g = try? StandardizedMeanDifference.normalCI(.hedgesG, sa, sb, level: level) {
                    line("hedges_g", g.estimate, printed: nil, range: (g.ciLower ?? .nan, g.ciUpper ?? .nan), unit: "", method: g.method, detail: inputs)
                }
            }
        } else if let p = c.p, p.bound != .exact, let sdA = a.sd?.value, let sdB = b.sd?.value, a.n == nil, b.n == nil {
            // Sizes not printed: how large must equal arms be for these means and SDs to give p on the printed side?
            if let n = smallestEqualArmSize(meanDifference: a.mean.value - b.mean.value, sdA: sdA, sdB: sdB, bound: p) {
                line("min_equal_arm_size", Double(n), printed: nil, flag: .implied, unit: "participants per arm",
                     method: "smallest equal arm size n for which the Welch t of the printed means and SDs gives \(p.text)",
                     detail: "means \(a.mean.text), \(b.mean.text); SD \(a.sd!.text), \(b.sd!.text); arm sizes not printed")
            }
            notes.append("\(label): arm sizes are not printed, so the CI and p of the difference cannot be recomputed")
        } else {
            notes.append("\(label): arm sizes or spreads are not printed, so the CI and p of the difference cannot be recomputed")
        }
        return (out, notes)
    }

    /// An arm as `TSEffects.ArmSummary` (printed SD, SE or CI), nil when its size or spread is not printed.
    static func summary(_ r: ArmSummaryRow) -> ArmSummary? {
        guard let nv = r.n?.value, nv >= 2 else { return nil }
        let n = Int(nv)
        if let sd = r.sd, sd.value > 0 { return try? ArmSummary(n: n, mean: r.mean.value, sd: sd.value, label: r.arm) }
        if let se = r.se, se.value > 0 { return try? ArmSummary(n: n, mean: r.mean.value, spread: .se(se.value), label: r.arm) }
        if let lo = r.ciLower, let hi = r.ciUpper, lo.value < hi.value {
            return try? ArmSummary(n: n, mean: r.mean.value, spread: .ci(lower: lo.value, upper: hi.value, level: r.ciLevel ?? 0.95,
                                                                          distribution: .t), label: r.arm)
        }
        return nil
    }

    /// Smallest n (equal arms, 2…1,000,000) whose Welch p for the printed difference and SDs lies on the printed
    /// side of the bound ("p < 0.05" → the first n with p < 0.05). p falls as n grows, so bisection applies.
    static func smallestEqualArmSize(meanDifference d: Double, sdA: Double, sdB: Double, bound: PrintedValue) -> Int? {
        guard sdA > 0 || sdB > 0 else { return nil }
        func p(_ n: Int) -> Double? {
            guard let a = try? ArmSummary(n: n, mean: d, sd: Swift.max(sdA, 1e-300)),
                  let b = try? ArmSummary(n: n, mean: 0, sd: Swift.max(sdB, 1e-300)),
                  let r = try? a.difference(b, test: .welch) else { return nil }
            return r.pValue
        }
        let below = bound.bound == .lessThan || bound.bound == .atMost
        guard below else { return nil }
        var lo = 2, hi = 1_000_000
        guard let pHi = p(hi), bound.isConsistent(with: pHi) else { return nil }
        if let pLo = p(lo), bound.isConsistent(with: pLo) { return lo }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if let pm = p(mid), bound.isConsistent(with: pm) { hi = mid } else { lo = mid }
        }
        return hi
    }

    // MARK: Counts

    static func twoByTwo(_ c: PrintedComparisonRow, category: String, xa: Int, na: Int, xb: Int, nb: Int, label: String) -> [ReportLine] {
        let level = c.ciLevel ?? 0.95
        guard let table = try? ContingencyTable([[xa, na - xa], [xb, nb - xb]], rowLabels: [c.armA, c.armB],
                                                columnLabels: [category, "no \(category)"]),
              let a = try? TwoByTwoAnalysis(table, level: level) else { return [] }
        let inputs = "\(c.armA) \(xa)/\(na), \(c.armB) \(xb)/\(nb)"
        var out: [ReportLine] = []
        /// One line for the estimate (unless `pOnly`) and one for its p-value; a p that is not two-sided is not set
        /// against the printed two-sided p.
        func emit(_ name: String, estimate: Double, interval: ConfidenceInterval? = nil, statistic: Double? = nil,
                  df: Double? = nil, p: Double? = nil, alternative: Alternative = .twoSided, method: String, note: String? = nil,
                  pOnly: Bool = false) {
            var detail = inputs
            if interval != nil { detail += "; interval: \(ReportNumber.percent(level)) CI" }
            if let statistic { detail += "; statistic \(ReportNumber.readable(statistic))" }
            if let df { detail += ", df \(ReportNumber.readable(df))" }
            if let note { detail += "; \(note)" }
            if !pOnly {
                out.append(ReportLine(section: .comparison, outcome: c.outcome, timepoint: c.timepoint, arm: label, quantity: name,
                                      recomputed: estimate, range: interval.map { (low: $0.lower, high: $0.upper) },
                                      method: method, detail: detail))
            }
            if let p {
                let twoSided = alternative == .twoSided
                out.append(ReportLine(section: .comparison, outcome: c.outcome, timepoint: c.timepoint, arm: label,
                                      quantity: "p_" + name, recomputed: p, printed: twoSided ? c.p : nil,
                                      method: (twoSided ? "two-sided p, " : "") + method,
                                      detail: twoSided ? detail : detail + "; one-sided, not compared with the printed two-sided p"))
            }
        }
        for e in a.riskDifference { emit("risk_difference_" + e.method.rawValue, estimate: e.estimate, interval: e.interval, method: e.method.label, note: e.note) }
        for e in a.riskRatio { emit("risk_ratio_" + e.method.rawValue, estimate: e.estimate, interval: e.interval, method: e.method.label, note: e.note) }
        for e in a.oddsRatio {
            let name = e.method == .woolf ? "odds_ratio_woolf" : "odds_ratio_conditional_mle_" + e.method.rawValue
            emit(name, estimate: e.estimate, interval: e.interval, method: e.method.label, note: e.note)
        }
        for f in a.fisher ?? [] {
            emit("fisher_exact_" + f.kind.rawValue, estimate: a.sampleOddsRatio, p: f.pValue, alternative: f.alternative,
                 method: f.label, pOnly: true)
        }
        let chi = a.chiSquare
        emit("chi_square", estimate: chi.pearson.statistic, statistic: chi.pearson.statistic, df: chi.pearson.df, p: chi.pearson.pValue,
             method: "Pearson chi-square")
        if let y = chi.yates {
            emit("chi_square_yates", estimate: y.statistic, statistic: y.statistic, df: y.df, p: y.pValue,
                 method: "Pearson chi-square with Yates continuity correction")
        }
        let g = chi.likelihoodRatio
        emit("g_test", estimate: g.statistic, statistic: g.statistic, df: g.df, p: g.pValue, method: "likelihood-ratio G-test")
        emit("cramers_v", estimate: chi.cramersV, method: "Cramer's V from Pearson chi-square")
        emit("min_expected_count", estimate: chi.minimumExpected, method: "smallest expected count under independence")
        for r in chi.residuals {
            emit("adjusted_residual[\(r.row)/\(r.column)]", estimate: r.value, method: "Haberman adjusted residual")
        }
        return out
    }
}
