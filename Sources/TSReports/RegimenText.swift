import Foundation
import TSCore
import TSStudies

/// The regimens section of the text report: each arm's agents as printed, the dose arithmetic, and the daily
/// equivalent against the reference intakes of the same agent.
enum RegimenText {
    static func text(_ r: StudyReport) -> String {
        let regimens = r.study.regimens
        guard !regimens.isEmpty else { return "No regimens are entered for this study.\n" }
        var out = ""
        for arm in r.study.metadata.arms {
            let rows = regimens.filter { $0.arm == arm }
            guard !rows.isEmpty else { continue }
            out += "\n\(arm)\n"
            for row in rows { out += describe(row, references: r.references) }
        }
        if r.references.isEmpty {
            out += "\nNo reference intakes were given, so the doses are not set against any.\n"
        }
        return out
    }

    static func describe(_ row: RegimenRow, references: [ReferenceIntake]) -> String {
        let reg = row.regimen
        var out = ReportText.wrap("  \(row.agent): \"\(reg.text)\"" + (row.provenance.hasUnprintedValues
            ? " [\(row.provenance.rowStatus.rawValue == "printed" ? "partly not printed" : row.provenance.rowStatus.rawValue): \(row.provenance.reason)]" : ""),
            indent: "    ") + "\n"
        guard let amount = reg.amount, let unit = reg.unit else {
            return out + "    no amount (placebo)\n"
        }
        var facts: [String] = ["\(ReportNumber.amount(amount)) \(unit.rawValue) per dose"]
        if let route = reg.route { facts.append(route.rawValue) }
        if let i = reg.intervalDays { facts.append(i.isPoint && i.low == 1 ? "daily" : "every \(ReportNumber.amount(i)) days") }
        if let d = reg.daysPerWeek { facts.append("\(ReportNumber.amount(d)) days a week") }
        if let n = reg.doseCount { facts.append("\(ReportNumber.amount(n)) doses" + (reg.doses == nil ? " (from the duration)" : "")) }
        if let d = reg.durationDays { facts.append("for \(ReportNumber.amount(d)) days") }
        if let s = reg.treatmentSpanDays { facts.append("first to last dose \(ReportNumber.amount(s)) days") }
        out += ReportText.wrap("    " + facts.joined(separator: ", "), indent: "    ") + "\n"
        let kind = row.agentKind
        // An agent dosed in IU with a mass factor in the catalogue (vitamin D) is also shown in µg and mg.
        let inIU = unit == .iu && AgentCatalogue.agent(kind)?.iuPerMicrogram != nil
        var doses: [String] = []
        if let d = reg.dailyEquivalent(in: unit, agent: kind) {
            var t = "daily equivalent \(ReportNumber.amount(d)) \(unit.rawValue)/day"
            if inIU, let ug = reg.dailyEquivalent(in: .microgram, agent: kind) { t += " (\(ReportNumber.amount(ug)) µg/day)" }
            doses.append(t)
        }
        if let c = reg.cumulative(in: unit, agent: kind) {
            var t = "cumulative \(ReportNumber.amount(c)) \(unit.rawValue)"
            if inIU, let mg = reg.cumulative(in: .milligram, agent: kind) { t += " (\(ReportNumber.amount(mg)) mg)" }
            doses.append(t)
        }
        if !doses.isEmpty { out += ReportText.wrap("    " + doses.joined(separator: "; "), indent: "    ") + "\n" }
        let comparisons = IntakeComparison.compare(reg, agent: kind, with: references)
        if comparisons.isEmpty {
            out += kind == .other || kind == .placebo ? "    no reference intake applies to this agent\n"
                : (references.isEmpty ? "" : "    no reference intake in the same units\n")
        }
        for c in comparisons {
            let ref = c.reference
            var t = "    vs \(ref.kind.rawValue) \(ReportNumber.amount(c.referenceDaily)) \(c.unit.rawValue)/day (\(ref.citation); "
                + "\(ref.population)): \(ReportNumber.ratio(c.ratio))×, \(c.position.rawValue.uppercased())"
            if let cr = c.cumulativeRatio {
                t += "; cumulative \(ReportNumber.ratio(cr))× the course \"\(ref.intake.text)\""
            }
            out += ReportText.wrap(t, indent: "      ") + "\n"
        }
        return out
    }
}
