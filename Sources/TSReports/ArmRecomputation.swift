import Foundation
import TSCore
import TSEffects
import TSStudies

/// One arm's printed summary recomputed with `TSEffects`: SE, the CI of the mean (t on n − 1 df, Student
/// 1908), the one-sample t test against 0 and its two-sided p, the SD implied by a printed CI (Cochrane
/// Handbook 6.5 §6.5.2.2), the mean against its CI's centre, the largest SD a printed p-bound allows, and
/// a status marker in its other unit (25(OH)D: 1 ng/mL = 2.496 nmol/L, from `TSStudies.AgentCatalogue`). Nothing is recomputed that needs a value the dataset lacks;
/// such gaps are listed in `notes`.
enum ArmRecomputation {
    static func lines(_ row: ArmSummaryRow) -> (lines: [ReportLine], notes: [String]) {
        var out: [ReportLine] = []
        var notes: [String] = []
        let unit = row.unit
        func line(_ q: String, _ x: Double?, printed: PrintedValue? = nil, unit u: String? = nil, range: (Double, Double)? = nil,
                  flag: ReportFlag? = nil, method: String, detail: String = "") {
            out.append(ReportLine(section: .arm, outcome: row.outcome, timepoint: row.timepoint, arm: row.arm, quantity: q,
                                  recomputed: x, range: range.map { (low: $0.0, high: $0.1) }, unit: u ?? unit,
                                  printed: printed, flag: flag, method: method, detail: detail))
        }
        let level = row.ciLevel ?? 0.95
        let levelText = ReportNumber.percent(level)
        let nNote = row.provenance.status(of: "n") == .printed ? "" : "n \(row.provenance.status(of: "n").rawValue): \(row.provenance.reason)"

        // The mean against the centre of its printed CI (a symmetric CI is centred on its mean).
        if let lo = row.ciLower, let hi = row.ciUpper {
            line("mean_from_ci_centre", 0.5 * (lo.value + hi.value), printed: row.mean,
                 method: "centre of the printed CI, (lower + upper)/2 (a t or z interval is symmetric about its mean)")
        }

        guard let nValue = row.n?.value else {
            if row.sd != nil || row.ciLower != nil || row.p != nil {
                notes.append("\(row.arm), \(row.outcome) \(row.timepoint): n is not printed, so the SE, CI and p of the mean cannot be recomputed")
            }
            out += conversions(row)
            return (out, notes)
        }
        let n = Int(nValue)
        // The spread: printed SD, printed SE, or the CI (its SD is recovered from the width).
        var spread: Spread? = nil
        var spreadText = ""
        if let sd = row.sd, sd.value > 0 { spread = .sd(sd.value); spreadText = "SD \(sd.text)" }
        else if let se = row.se, se.value > 0 { spread = .se(se.value); spreadText = "SE \(se.text)" }
        else if let lo = row.ciLower, let hi = row.ciUpper, lo.value < hi.value {
            spread = .ci(lower: lo.value, upper: hi.value, level: level, distribution: .t)
            spreadText = "\(levelText) CI \(lo.text) to \(hi.text)"
        }
        let inputs = "n \(n), mean \(row.mean.text), \(spreadText)" + (nNote.isEmpty ? "" : "; " + nNote)

        if let spread, n >= 2, let arm = try? ArmSummary(n: n, mean: row.mean.value, spread: spread, label: row.arm),
           let r = try? arm.meanEstimate(level: level) {
            let tMethod = "one-sample t, df = n − 1 = \(n - 1) (Student 1908)"
            if case .ci = spread {
                line("sd_from_ci", arm.sd, printed: row.sd,
                     method: "SD = √n (upper − lower)/(2 t), t on \(n - 1) df (Cochrane Handbook 6.5 §6.5.2.2)", detail: inputs)
            }
            line("se", r.se, printed: row.se, method: "SE = SD/√n", detail: inputs)
            if row.sd != nil || row.se != nil {
                line("ci_lower", r.interval.lower, printed: row.ciLower, method: "mean − t·SE, \(levelText) CI, \(tMethod)", detail: inputs)
                line("ci_upper", r.interval.upper, printed: row.ciUpper, method: "mean + t·SE, \(levelText) CI, \(tMethod)", detail: inputs)
                if let lo = row.ciLower, let hi = row.ciUpper, lo.value < hi.value, row.sd != nil,
                   let sdci = try? SDConversions.sdFromCI(lower: lo.value, upper: hi.value, n: n, level: level) {
                    line("sd_from_ci", sdci, printed: row.sd,
                         method: "SD = √n (upper − lower)/(2 t), t on \(n - 1) df (Cochrane Handbook 6.5 §6.5.2.2)",
                         detail: "n \(n), printed \(levelText) CI \(lo.text) to \(hi.text)")
                }
            }
            line("t_statistic", r.test.statistic, unit: "", method: "t = mean/SE against 0, \(tMethod)", detail: inputs)
            line("p", r.pValue, printed: row.p, unit: "", method: "two-sided p of the one-sample t against 0, \(tMethod)", detail: inputs)
        } else if let p = row.p, p.value > 0, p.value < 1, n >= 2, row.mean.value != 0 {
            // No spread printed: the p (or its bound) limits the SD.
            let m = row.mean.interval
            let absLo = m.lower <= 0 && m.upper >= 0 ? 0 : Swift.min(abs(m.lower), abs(m.upper))
            let absHi = Swift.max(abs(m.lower), abs(m.upper))
            if let sd = try? SDConversions.sdFromOneSampleP(p.value, mean: row.mean.value, n: n) {
                // SD = √n |mean|/t is proportional to |mean|: its range follows the mean's rounding interval.
                let scale = sd / abs(row.mean.value)
                let (sdLo, sdHi) = (absLo * scale, absHi * scale)
                let what: String
                switch p.bound {
                case .lessThan, .atMost: what = "sd_max_from_p"
                case .greaterThan, .atLeast: what = "sd_min_from_p"
                case .exact: what = "sd_from_p"
                }
                line(what, sd, range: (sdLo, sdHi), flag: p.bound == .exact ? .derived : .implied,
                     method: "SD = √n |mean|/t with t the two-sided \(p.text) critical value on \(n - 1) df (Cochrane Handbook 6.5 §6.5.2.3, one-sample)",
                     detail: "n \(n), mean \(row.mean.text) (range: mean across its rounding interval)" + (nNote.isEmpty ? "" : "; " + nNote))
            }
            notes.append("\(row.arm), \(row.outcome) \(row.timepoint): no SD, SE or CI printed; only the SD limit implied by \(p.text) is recomputed")
        } else {
            notes.append("\(row.arm), \(row.outcome) \(row.timepoint): no SD, SE or CI printed, so the CI and p of the mean cannot be recomputed")
        }
        out += conversions(row)
        return (out, notes)
    }

    /// A status marker of the catalogue (25(OH)D) printed in its molar unit is also given in its mass unit, and the reverse.
    static func conversions(_ row: ArmSummaryRow) -> [ReportLine] {
        guard let (_, marker) = AgentCatalogue.statusMarker(outcome: row.outcome) else { return [] }
        let u = row.unit.lowercased()
        let f = marker.molarPerMass
        let (molar, mass) = (marker.molarUnit, marker.massUnit)
        func key(_ unit: String) -> String { unit.lowercased().replacingOccurrences(of: "/", with: "_per_") }
        var out: [ReportLine] = []
        func conv(_ q: String, _ v: PrintedValue?, toMass: Bool) {
            guard let v else { return }
            let x = toMass ? v.value / f.value : v.value * f.value
            out.append(ReportLine(section: .arm, outcome: row.outcome, timepoint: row.timepoint, arm: row.arm, quantity: q,
                                  recomputed: x, unit: toMass ? mass : molar,
                                  method: toMass ? "\(molar) ÷ \(f.text) (1 \(mass) = \(f.text) \(molar))"
                                                 : "\(mass) × \(f.text) (1 \(mass) = \(f.text) \(molar))",
                                  detail: "printed \(v.text) \(row.unit)"))
        }
        if u == molar.lowercased() {
            conv("\(row.measure.rawValue)_\(key(mass))", row.mean, toMass: true)
            conv("sd_\(key(mass))", row.sd, toMass: true)
        } else if u == mass.lowercased() {
            conv("\(row.measure.rawValue)_\(key(molar))", row.mean, toMass: false)
            conv("sd_\(key(molar))", row.sd, toMass: false)
        }
        return out
    }

    /// Change and percent change from a baseline level to each later level of the same arm and outcome
    /// (rows with measure `mean`, one time point named "baseline"). Percent change of the means (not the mean
    /// of individual percent changes): 100 (follow-up − baseline)/baseline (`TSEffects.PercentChange`).
    static func changesFromBaseline(_ rows: [ArmSummaryRow]) -> [ReportLine] {
        var out: [ReportLine] = []
        for base in rows where base.measure == .mean && base.timepoint.lowercased() == "baseline" {
            for later in rows where later.measure == .mean && later.arm == base.arm && later.outcome == base.outcome
                && later.timepoint.lowercased() != "baseline" && later.unit == base.unit {
                let inputs = "baseline \(base.mean.text), \(later.timepoint) \(later.mean.text) \(base.unit)"
                out.append(ReportLine(section: .arm, outcome: later.outcome, timepoint: "baseline to \(later.timepoint)",
                                      arm: later.arm, quantity: "change", recomputed: later.mean.value - base.mean.value,
                                      unit: base.unit, method: "follow-up − baseline", detail: inputs))
                if let pc = try? PercentChange.fromMeans(baseline: base.mean.value, followUp: later.mean.value) {
                    out.append(ReportLine(section: .arm, outcome: later.outcome, timepoint: "baseline to \(later.timepoint)",
                                          arm: later.arm, quantity: "percent_change", recomputed: pc, unit: "%",
                                          method: "100 (follow-up − baseline)/baseline, of the means (TSEffects.PercentChange)",
                                          detail: inputs))
                }
            }
        }
        return out
    }
}
