import Foundation
import TSCore

/// What a printed between-arm comparison estimates.
public enum ComparisonMeasure: String, Sendable, Equatable, CaseIterable {
    case difference                          // arm_a minus arm_b, in the outcome's unit
    case ratio
    case oddsRatio = "odds-ratio"
    case riskRatio = "risk-ratio"
    case riskDifference = "risk-difference"
    case hazardRatio = "hazard-ratio"
    case pOnly = "p-only"                    // only a test's p-value was printed, no estimate
}

/// One row of `comparisons.csv`: a comparison the paper printed, arm_a against arm_b.
public struct PrintedComparisonRow: Sendable, Equatable {
    public var outcome: String
    public var timepoint: String
    public var armA: String
    public var armB: String
    public var measure: ComparisonMeasure
    public var estimate: PrintedValue?
    public var ciLower: PrintedValue?
    public var ciUpper: PrintedValue?
    public var ciLevel: Double?
    public var p: PrintedValue?
    /// The test as the paper names it ("chi-square", "t-test"); empty when not named.
    public var test: String
    public var provenance: Provenance
    /// `file:line` of the row.
    public var location: String
    /// `file:line:column` of each cell, by column name.
    public var cellLocations: [String: InputLocation]

    static let columns = ["outcome", "timepoint", "arm_a", "arm_b", "measure", "estimate", "ci_lower", "ci_upper",
                          "ci_level", "p", "test", "source", "status", "reason"]
    static let valueColumns = ["estimate", "ci_lower", "ci_upper", "ci_level", "p", "test"]

    static func read(text: String, name: String) throws(InputError) -> [PrintedComparisonRow] {
        let table = try CSVTable(text: text, name: name, required: columns)
        var out: [PrintedComparisonRow] = []
        for row in table.rows {
            let outcome = try row.required("outcome", "name the outcome compared")
            let armA = try row.required("arm_a", "name the first arm as declared in study.csv")
            let armB = try row.required("arm_b", "name the arm compared against as declared in study.csv")
            guard armA != armB else { throw InputError(row.location("arm_b"), "arm_b is the same arm as arm_a") }
            let measure = try row.choice("measure", ComparisonMeasure.self)
            let estimate = try row.number("estimate")
            let ci = try row.confidenceInterval()
            let p = try row.pValue("p")
            if measure == .pOnly {
                if estimate != nil || ci != nil {
                    throw InputError(row.location("estimate"), "measure is p-only but an estimate or interval is given")
                }
                guard p != nil else { throw InputError(row.location("p"), "p is empty: a p-only comparison needs its p") }
            } else if estimate == nil {
                throw InputError(row.location("estimate"), "estimate is empty: give the printed estimate, or use measure p-only")
            }
            if let estimate, [.ratio, .oddsRatio, .riskRatio, .hazardRatio].contains(measure), estimate.value <= 0 {
                throw InputError(row.location("estimate"), "\(measure.rawValue) must be positive, found \(InputError.quoted(estimate.text))")
            }
            out.append(PrintedComparisonRow(
                outcome: outcome, timepoint: row.text("timepoint"), armA: armA, armB: armB, measure: measure,
                estimate: estimate, ciLower: ci?.lower, ciUpper: ci?.upper, ciLevel: ci?.level, p: p,
                test: row.text("test"), provenance: try Provenance.read(row, valueColumns: valueColumns),
                location: "\(name):\(row.line)", cellLocations: row.locations))
        }
        return out
    }
}
