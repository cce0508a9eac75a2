import Foundation
import TSCore

// The one place that knows the agents a regimen can name (vitamin D, calcium, vitamin K2 as MK-7), how a printed
// agent name is classified, which unit conversions apply to each, and the serum marker of vitamin D status.
// Every number carries its source. Reference *intakes* are not here: they differ between guidelines and are data
// (`Datasets/reference_intakes.csv`, read by `ReferenceIntake`).

/// A number with the words that state it and where it is printed.
public struct SourcedFact: Sendable, Equatable {
    /// The value used in arithmetic.
    public var value: Double
    /// The value as reports print it ("40", "2.496"): method texts quote it, so it never depends on formatting.
    public var text: String
    /// What the number says ("1 µg vitamin D = 40 IU").
    public var statement: String
    /// Where it is printed: a guideline, pharmacopoeia or reference database, with the place in it.
    public var source: String

    public init(_ value: Double, text: String, statement: String, source: String) {
        self.value = value; self.text = text; self.statement = statement; self.source = source
    }
}

/// A serum marker of an agent's status, printed in one of two units.
public struct StatusMarker: Sendable, Equatable {
    /// The marker's usual name ("25(OH)D").
    public var name: String
    /// Lower-case fragments that mark an outcome as this marker ("25(oh)d").
    public var outcomeFragments: [String]
    /// The molar unit ("nmol/L") and the mass unit ("ng/mL") as datasets print them.
    public var molarUnit: String
    public var massUnit: String
    /// Molar units per mass unit (1 ng/mL = 2.496 nmol/L).
    public var molarPerMass: SourcedFact

    /// Whether an outcome as printed ("serum 25(OH)D") is this marker.
    public func matches(outcome: String) -> Bool {
        let o = outcome.lowercased()
        return outcomeFragments.contains { o.contains($0) }
    }
}

/// One agent of the catalogue: its names as papers print them and the facts the dose arithmetic needs.
public struct Agent: Sendable, Equatable {
    public var kind: AgentKind
    /// The name reports use ("vitamin D"); equal to `kind.rawValue`.
    public var name: String
    /// Lower-case fragments that classify a printed agent name as this agent ("calciferol", "mk-7").
    public var synonyms: [String]
    /// Words of this agent's names that the regimen parser skips ("cholecalciferol", "d3").
    public var regimenWords: [String]
    /// International units per microgram, when the agent is dosed in IU (vitamin D only).
    public var iuPerMicrogram: SourcedFact?
    /// The serum marker of the agent's status, if any.
    public var statusMarker: StatusMarker?
    /// Facts about the agent that decide how it is classified, with their sources.
    public var notes: [SourcedNote]
}

/// A statement without a number, with its source.
public struct SourcedNote: Sendable, Equatable {
    public var statement: String
    public var source: String
}

/// Printed names that look like a catalogue agent but are classified `other`: they have their own doses, so no IU
/// conversion applies and no vitamin D or MK-7 reference intake is set against them.
public struct ExcludedForm: Sendable, Equatable {
    public var synonyms: [String]
    public var regimenWords: [String]
    public var reason: SourcedNote
}

/// The agent catalogue. Classification tries, in this order: placebo, the excluded forms, then each agent in
/// `agents` order (vitamin D, vitamin K2 (MK-7), calcium); the first fragment found in the lower-cased printed
/// name decides ("vitamin D3 + calcium" is vitamin D).
public enum AgentCatalogue {
    static let iom2011 = "Institute of Medicine, Dietary Reference Intakes for Calcium and Vitamin D (National Academies Press, 2011, doi 10.17226/13050)"

    public static let vitaminD = Agent(
        kind: .vitaminD, name: AgentKind.vitaminD.rawValue,
        synonyms: ["vitamin d", "calciferol", "colecalciferol"],
        regimenWords: ["vitamin", "d", "d2", "d3", "cholecalciferol", "colecalciferol", "ergocalciferol"],
        iuPerMicrogram: SourcedFact(
            40, text: "40", statement: "1 µg vitamin D (D2 or D3) = 40 IU",
            source: "\(iom2011), where every vitamin D intake is printed in IU with µg beside it (e.g. 600 IU (15 μg)/day); "
                + "US ergocalciferol labels: 1 mcg of vitamin D2 is equal to 40 USP units (one USP unit = one IU)"),
        statusMarker: StatusMarker(
            name: "25(OH)D", outcomeFragments: ["25(oh)d"], molarUnit: "nmol/L", massUnit: "ng/mL",
            molarPerMass: SourcedFact(
                2.496, text: "2.496", statement: "serum 25(OH)D: 1 ng/mL = 2.496 nmol/L",
                source: "molar mass of 25-hydroxyvitamin D3 (calcifediol, C27H44O2), 400.64 g/mol (Human Metabolome "
                    + "Database HMDB03550: average molecular weight 400.6371); 1 ng/mL ÷ 400.64 g/mol = 2.496 nmol/L")),
        notes: [SourcedNote(
            statement: "vitamin D3 is cholecalciferol (colecalciferol), vitamin D2 ergocalciferol; both are dosed in IU or µg",
            source: "IUPAC-IUB Joint Commission on Biochemical Nomenclature, Nomenclature of vitamin D, Recommendations 1981 (ergocalciferol for vitamin D2, cholecalciferol for vitamin D3)")])

    public static let vitaminK2 = Agent(
        kind: .vitaminK2, name: AgentKind.vitaminK2.rawValue,
        synonyms: ["mk-7", "mk7", "menaquinone", "vitamin k2"],
        // "k1" is here so that "vitamin K1" reads as words of a vitamin K name (classified `other`).
        regimenWords: ["vitamin", "k", "k1", "k2", "mk-7", "mk7", "menaquinone-7", "menaquinone"],
        iuPerMicrogram: nil, statusMarker: nil,
        notes: [
            SourcedNote(statement: "MK-7 is menaquinone-7, one of the vitamin K2 forms; dosed in µg",
                        source: "IUPAC-IUB Commission on Biochemical Nomenclature, Nomenclature of quinones with isoprenoid side-chains (1973)"),
            SourcedNote(statement: "no dietary reference value exists for menaquinones: EFSA sets adequate intakes for phylloquinone (vitamin K1) only, 70 µg/day for adults",
                        source: "EFSA Panel on Dietetic Products, Nutrition and Allergies, Dietary reference values for vitamin K, EFSA Journal 2017;15(5):4780, abstract"),
        ])

    public static let calcium = Agent(
        kind: .calcium, name: AgentKind.calcium.rawValue,
        synonyms: ["calcium"],
        regimenWords: ["calcium", "elemental", "carbonate", "citrate"],
        iuPerMicrogram: nil, statusMarker: nil,
        notes: [SourcedNote(statement: "calcium doses are elemental calcium in mg; no IU",
                            source: "\(iom2011), where calcium intakes are printed in mg/day")])

    /// The agents in classification order.
    public static let agents: [Agent] = [vitaminD, vitaminK2, calcium]

    /// Names classified `placebo`.
    public static let placeboSynonyms = ["placebo"]

    /// Forms classified `other` before any agent is tried.
    public static let excluded: [ExcludedForm] = [
        ExcludedForm(
            synonyms: ["alfacalcidol", "calcitriol"], regimenWords: ["alfacalcidol", "calcitriol"],
            reason: SourcedNote(
                statement: "active (1α-hydroxylated) vitamin D analogues are dosed in µg of the analogue; no IU conversion and no vitamin D reference intake applies",
                source: "IUPAC-IUB Joint Commission on Biochemical Nomenclature, Nomenclature of vitamin D, Recommendations 1981: calcitriol is 1α,25-dihydroxycholecalciferol")),
        ExcludedForm(
            synonyms: ["mk-4", "menatetrenone"], regimenWords: ["mk-4", "menatetrenone"],
            reason: SourcedNote(
                statement: "menatetrenone (MK-4) is a different vitamin K2 given in mg; the MK-7 references do not apply",
                source: "IUPAC-IUB Commission on Biochemical Nomenclature, Nomenclature of quinones with isoprenoid side-chains (1973): menaquinone-n (MK-n); menatetrenone is the INN of menaquinone-4")),
    ]

    /// The agent of a kind (nil for placebo and other).
    public static func agent(_ kind: AgentKind) -> Agent? { agents.first { $0.kind == kind } }

    /// Classifies an agent as printed: "vitamin D3", "cholecalciferol", "calcium carbonate", "MK-7", "placebo".
    public static func classify(_ printed: String) -> AgentKind {
        let a = printed.lowercased()
        if placeboSynonyms.contains(where: { a.contains($0) }) { return .placebo }
        if excluded.contains(where: { $0.synonyms.contains { a.contains($0) } }) { return .other }
        return agents.first { $0.synonyms.contains { a.contains($0) } }?.kind ?? .other
    }

    /// Every word of an agent name that the regimen parser skips.
    public static var regimenWords: Set<String> {
        Set(agents.flatMap(\.regimenWords) + excluded.flatMap(\.regimenWords) + placeboSynonyms)
    }

    /// The status marker an outcome as printed names ("serum 25(OH)D"), with its agent.
    public static func statusMarker(outcome: String) -> (agent: Agent, marker: StatusMarker)? {
        for a in agents { if let m = a.statusMarker, m.matches(outcome: outcome) { return (a, m) } }
        return nil
    }

    /// "vitamin D, calcium or vitamin K2 (MK-7)": the agents a reference intake may name, for messages.
    static var namesForMessages: String {
        let names = [vitaminD.name, calcium.name, vitaminK2.name]
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
