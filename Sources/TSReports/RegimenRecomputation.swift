import Foundation
import TSCore
import TSStudies

/// Dose arithmetic of each printed regimen (`TSStudies.Regimen`): amount per dose, interval, number of doses,
/// daily-equivalent and cumulative dose (ranges where the text prints one), an agent dosed in IU also in µg
/// (its factor from `TSStudies.AgentCatalogue`: vitamin D 1 µg = 40 IU), and each daily equivalent set against the reference intakes of the same agent
/// (`IntakeComparison`: ratio = regimen daily ÷ reference daily, low end over the reference's high end).
enum RegimenRecomputation {
    static func lines(_ row: RegimenRow, references: [ReferenceIntake]) -> [ReportLine] {
        let reg = row.regimen
        guard let unit = reg.unit, reg.amount != nil else { return [] }
        var out: [ReportLine] = []
        let where_ = "regimens.csv: \"\(reg.text)\""
        func add(_ q: String, _ r: DoseRange?, unit u: String, method: String, detail: String = "") {
            guard let r else { return }
            out.append(ReportLine(section: .regimen, arm: row.arm, agent: row.agent, quantity: q,
                                  recomputed: r.isPoint ? r.low : nil, range: r.isPoint ? nil : (r.low, r.high), unit: u,
                                  flag: .derived, method: method, detail: detail.isEmpty ? where_ : detail))
        }
        add("amount_per_dose", reg.amount, unit: unit.rawValue, method: "as printed")
        add("interval_days", reg.intervalDays, unit: "days", method: "days between doses as printed (week 7, month 30.4375, year 365.25 days)")
        add("days_per_week", reg.daysPerWeek, unit: "days", method: "days dosed per week as printed")
        add("number_of_doses", reg.doseCount, unit: "doses",
            method: reg.doses != nil ? "as printed" : "duration ÷ interval × fraction of days dosed")
        add("duration_days", reg.durationDays, unit: "days", method: "as printed (week 7, month 30.4375, year 365.25 days)")
        add("treatment_span_days", reg.treatmentSpanDays, unit: "days", method: "(doses − 1) × interval: first to last dose")
        let kind = row.agentKind
        add("daily_equivalent", reg.dailyEquivalent(in: unit, agent: kind), unit: "\(unit.rawValue)/day",
            method: "amount × (days dosed per week ÷ 7) ÷ interval; low end: smallest amount, fewest days, longest interval")
        add("cumulative_dose", reg.cumulative(in: unit, agent: kind), unit: unit.rawValue,
            method: "amount × number of doses")
        if unit == .iu, let agent = AgentCatalogue.agent(kind), let iu = agent.iuPerMicrogram {
            let factor = "\(agent.name): 1 µg = \(iu.text) IU"
            add("daily_equivalent_ug", reg.dailyEquivalent(in: .microgram, agent: kind), unit: "µg/day",
                method: "daily equivalent in IU ÷ \(iu.text) (\(factor))")
            add("cumulative_dose_mg", reg.cumulative(in: .milligram, agent: kind), unit: "mg",
                method: "cumulative IU ÷ \(iu.text) ÷ 1000 (\(factor))")
        }
        for c in IntakeComparison.compare(reg, agent: kind, with: references) {
            let flag: ReportFlag
            switch c.position {
            case .below: flag = .below
            case .within: flag = .within
            case .above: flag = .above
            case .overlapping: flag = .overlapping
            }
            let ref = c.reference
            let refText = "\(ref.kind.rawValue) \(ref.intake.text) (\(ref.population); \(citation(ref)))"
            out.append(ReportLine(
                section: .intake, arm: row.arm, agent: row.agent, quantity: "ratio_to_\(ref.kind.rawValue)",
                recomputed: c.ratio.isPoint ? c.ratio.low : nil, range: c.ratio.isPoint ? nil : (c.ratio.low, c.ratio.high),
                unit: "×", printedText: ref.intake.text, flag: flag,
                method: "regimen daily equivalent ÷ reference daily intake (low: regimen low ÷ reference high)",
                detail: "\(ReportNumber.amount(c.regimenDaily)) \(c.unit.rawValue)/day against \(refText)"))
            if let cr = c.cumulativeRatio {
                out.append(ReportLine(
                    section: .intake, arm: row.arm, agent: row.agent, quantity: "cumulative_ratio_to_\(ref.kind.rawValue)",
                    recomputed: cr.isPoint ? cr.low : nil, range: cr.isPoint ? nil : (cr.low, cr.high), unit: "×",
                    printedText: ref.intake.text, flag: .derived,
                    method: "regimen cumulative dose ÷ the reference course's cumulative dose", detail: "against \(refText)"))
            }
        }
        return out
    }

    /// The reference's sources for the CSV: the guideline and its printed fragment first, then the page the row was
    /// read in; a figure no guideline sets is marked as such.
    static func citation(_ ref: ReferenceIntake) -> String {
        let page = "\(ref.source): \"\(ref.quote)\""
        guard ref.isGuidelineFigure else { return "not a guideline figure; \(page)" }
        let guideline = ref.guidelineQuote.isEmpty ? ref.guideline : "\(ref.guideline): \"\(ref.guidelineQuote)\""
        return "\(guideline); also printed in \(page)"
    }
}
