import Foundation
import TSCore

/// One row of `regimens.csv`: what one arm received of one agent, as printed, and the regimen read from it.
public struct RegimenRow: Sendable, Equatable {
    public var arm: String
    /// The agent as printed ("vitamin D3", "calcium", "placebo").
    public var agent: String
    public var agentKind: AgentKind
    public var regimen: Regimen
    public var provenance: Provenance
    /// `file:line` of the row.
    public var location: String
    /// `file:line:column` of each cell, by column name.
    public var cellLocations: [String: InputLocation]

    static let columns = ["arm", "agent", "regimen", "source", "status", "reason"]

    static func read(text: String, name: String) throws(InputError) -> [RegimenRow] {
        let table = try CSVTable(text: text, name: name, required: columns)
        var out: [RegimenRow] = []
        for row in table.rows {
            let arm = try row.required("arm", "name the arm as declared in study.csv")
            let agent = try row.required("agent", "name the agent (e.g. \"vitamin D3\", \"calcium\", \"placebo\")")
            let text = try row.required("regimen", "give the regimen as printed (e.g. \"20,000 IU once a week\")")
            let regimen = try RegimenParser.parse(text, location: row.location("regimen"))
            let kind = AgentKind.classify(agent)
            if kind != .placebo, regimen.amount == nil {
                throw InputError(row.location("regimen"), "regimen \(InputError.quoted(text)) has no amount; only a placebo may have none")
            }
            out.append(RegimenRow(arm: arm, agent: agent, agentKind: kind, regimen: regimen,
                                  provenance: try Provenance.read(row, valueColumns: ["regimen"]),
                                  location: "\(name):\(row.line)", cellLocations: row.locations))
        }
        return out
    }
}
