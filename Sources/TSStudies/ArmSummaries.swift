import Foundation
import TSCore

/// What an arm row's `mean` column summarises.
public enum SummaryMeasure: String, Sendable, Equatable, CaseIterable {
    case mean                              // the level at the time point
    case change                            // change from baseline, in the outcome's unit
    case percentChange = "percent-change"  // percentage change from baseline
    case loss                              // loss from baseline (= −change), as some papers print it
    case percentLoss = "percent-loss"      // percentage loss (= −percent change)
}

/// One row of `arms.csv`: one arm's summary of one outcome at one time point, each number as printed.
public struct ArmSummaryRow: Sendable, Equatable {
    public var outcome: String
    public var timepoint: String
    public var arm: String
    public var n: PrintedValue?
    public var measure: SummaryMeasure
    public var mean: PrintedValue
    public var sd: PrintedValue?
    public var se: PrintedValue?
    public var ciLower: PrintedValue?
    public var ciUpper: PrintedValue?
    /// Confidence level as a fraction (0.95); set exactly when the interval is.
    public var ciLevel: Double?
    public var p: PrintedValue?
    public var unit: String
    public var provenance: Provenance
    /// `file:line` of the row.
    public var location: String
    /// `file:line:column` of each cell, by column name.
    public var cellLocations: [String: InputLocation]

    static let columns = ["outcome", "timepoint", "arm", "n", "measure", "mean", "sd", "se", "ci_lower", "ci_upper",
                          "ci_level", "p", "unit", "source", "status", "reason"]
    static let valueColumns = ["n", "mean", "sd", "se", "ci_lower", "ci_upper", "ci_level", "p", "unit"]

    /// Reads `arms.csv`. The `mean` cell may hold "mean ± SD" (then `sd` must be empty) and `ci_lower` may
    /// hold the whole interval ("−2.3 to −0.4", then `ci_upper` must be empty).
    static func read(text: String, name: String) throws(InputError) -> [ArmSummaryRow] {
        let table = try CSVTable(text: text, name: name, required: columns)
        var out: [ArmSummaryRow] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let outcome = try row.required("outcome", "name the outcome (e.g. \"total hip BMD\")")
            let arm = try row.required("arm", "name the arm as declared in study.csv")
            let timepoint = row.text("timepoint")
            let key = "\(outcome)\u{1}\(timepoint)\u{1}\(arm)"
            if let first = seen[key] {
                throw InputError(.position(file: name, line: row.line, column: 1), "duplicate row for outcome \(InputError.quoted(outcome)), timepoint \(InputError.quoted(timepoint)), arm \(InputError.quoted(arm)) (first at line \(first))")
            }
            seen[key] = row.line
            let measure = try row.choice("measure", SummaryMeasure.self)
            let meanText = try row.required("mean", "each row is one arm's printed summary of the outcome")
            var mean: PrintedValue
            var sd = try row.nonNegative("sd")
            if PrintedPairs.looksLikeMeanSD(meanText) {
                guard sd == nil else {
                    throw InputError(row.location("sd"), "sd is given twice: in mean \(InputError.quoted(meanText)) and in sd")
                }
                let pair = try PrintedPairs.meanSD(meanText, location: row.location("mean"))
                mean = pair.mean
                sd = pair.sd
            } else {
                guard let m = try row.number("mean") else { throw InputError(row.location("mean"), "mean is empty") }
                mean = m
            }
            let ci = try row.confidenceInterval()
            let r = ArmSummaryRow(
                outcome: outcome, timepoint: timepoint, arm: arm, n: try row.count("n"), measure: measure,
                mean: mean, sd: sd, se: try row.nonNegative("se"), ciLower: ci?.lower, ciUpper: ci?.upper,
                ciLevel: ci?.level, p: try row.pValue("p"), unit: row.text("unit"),
                provenance: try Provenance.read(row, valueColumns: valueColumns), location: "\(name):\(row.line)", cellLocations: row.locations)
            if let n = r.n, n.value < 1 {
                throw InputError(row.location("n"), "n \(InputError.quoted(n.text)) must be at least 1")
            }
            out.append(r)
        }
        return out
    }
}
