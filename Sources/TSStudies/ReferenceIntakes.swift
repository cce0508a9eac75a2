import Foundation
import TSCore

/// What a reference intake is.
public enum IntakeKind: String, Sendable, Equatable, CaseIterable {
    case maintenance                   // a daily maintenance dose range
    case target                        // a recommended daily total intake
    case upperLimit = "upper-limit"    // a daily amount not to exceed
    case repletion                     // a course for correcting deficiency
    case recommended                   // a recommended supplement dose
}

/// One row of `Datasets/reference_intakes.csv`: a daily intake printed in a guideline or a page, kept as data.
///
/// `guideline` is the primary source: the guideline that sets the figure (body, year, title, the table or page) and
/// `guidelineQuote` the fragment of it that prints the figure (empty when the figure was checked only in a reprint or
/// summary, which `guideline` then says). `source` and `quote` are where the row was first read (a web page), kept as
/// a secondary source. A row whose figure no guideline sets has an empty `guideline`; reports then say so.
public struct ReferenceIntake: Sendable, Equatable {
    public var agent: String
    public var agentKind: AgentKind
    public var kind: IntakeKind
    /// The intake as a regimen ("800-2000 IU daily", "50,000 IU weekly for 8 weeks").
    public var intake: Regimen
    public var population: String
    /// The guideline that sets the figure, with the place in it; empty when none does.
    public var guideline: String
    /// The guideline's printed fragment showing the figure; may be empty (see `guideline`).
    public var guidelineQuote: String
    /// The page or document the row was read in (secondary when `guideline` is given).
    public var source: String
    /// The printed words of `source`.
    public var quote: String
    public var location: String

    /// Whether a guideline sets the figure.
    public var isGuidelineFigure: Bool { !guideline.isEmpty }

    /// The primary citation a report shows: the guideline, or the page marked as not a guideline figure.
    public var citation: String { isGuidelineFigure ? guideline : "not a guideline figure; \(source)" }

    static let columns = ["agent", "kind", "intake", "population", "source", "quote"]
    static let optionalColumns = ["guideline", "guideline_quote"]

    /// Reads `reference_intakes.csv`.
    public static func read(text: String, name: String) throws(InputError) -> [ReferenceIntake] {
        let table = try CSVTable(text: text, name: name, required: columns, optional: optionalColumns)
        var out: [ReferenceIntake] = []
        for row in table.rows {
            let agent = try row.required("agent", "name the agent (vitamin D, calcium, MK-7)")
            let kind = try row.choice("kind", IntakeKind.self)
            let text = try row.required("intake", "give the intake as printed (e.g. \"800-2000 IU daily\")")
            let intake = try RegimenParser.parse(text, location: row.location("intake"))
            guard intake.amount != nil, intake.intervalDays != nil else {
                throw InputError(row.location("intake"), "intake \(InputError.quoted(text)) needs an amount and a frequency")
            }
            let agentKind = AgentKind.classify(agent)
            guard agentKind != .placebo, agentKind != .other else {
                throw InputError(row.location("agent"), "agent \(InputError.quoted(agent)) is not \(AgentCatalogue.namesForMessages)")
            }
            out.append(ReferenceIntake(
                agent: agent, agentKind: agentKind, kind: kind, intake: intake, population: row.text("population"),
                guideline: row.text("guideline"), guidelineQuote: row.text("guideline_quote"),
                source: try row.required("source", "name the page or document that prints it"),
                quote: try row.required("quote", "copy the printed words the intake comes from"),
                location: "\(name):\(row.line)"))
        }
        return out
    }
}

/// A regimen's daily-equivalent dose set against one reference intake of the same agent.
public struct IntakeComparison: Sendable, Equatable {
    public enum Position: String, Sendable, Equatable {
        case below, within, above
        case overlapping   // the regimen's range runs across an end of the reference range
    }
    public var reference: ReferenceIntake
    /// Unit of the two daily ranges (the reference's unit).
    public var unit: DoseUnit
    public var regimenDaily: DoseRange
    public var referenceDaily: DoseRange
    /// Regimen daily ÷ reference daily: low = regimen.low / reference.high, high = regimen.high / reference.low.
    public var ratio: DoseRange
    public var position: Position
    /// For a repletion course with a printed length: regimen cumulative ÷ reference cumulative.
    public var cumulativeRatio: DoseRange?

    /// Compares `regimen` (of `agent`) with every reference for the same agent kind, in file order.
    /// References whose units cannot be converted are skipped.
    public static func compare(_ regimen: Regimen, agent: AgentKind, with references: [ReferenceIntake]) -> [IntakeComparison] {
        var out: [IntakeComparison] = []
        for ref in references where ref.agentKind == agent {
            guard let unit = ref.intake.unit, let refDaily = ref.intake.dailyEquivalent(in: unit, agent: agent),
                  let daily = regimen.dailyEquivalent(in: unit, agent: agent) else { continue }
            let position: Position
            if daily.high < refDaily.low { position = .below }
            else if daily.low > refDaily.high { position = .above }
            else if daily.low >= refDaily.low && daily.high <= refDaily.high { position = .within }
            else { position = .overlapping }
            var cumulativeRatio: DoseRange? = nil
            if ref.kind == .repletion, let a = regimen.cumulative(in: unit, agent: agent),
               let b = ref.intake.cumulative(in: unit, agent: agent) {
                cumulativeRatio = DoseRange(a.low / b.high, a.high / b.low)
            }
            out.append(IntakeComparison(reference: ref, unit: unit, regimenDaily: daily, referenceDaily: refDaily,
                                        ratio: DoseRange(daily.low / refDaily.high, daily.high / refDaily.low),
                                        position: position, cumulativeRatio: cumulativeRatio))
        }
        return out
    }
}
