import ArgumentParser
import Foundation
import TrialStatsKit

/// `--format text|csv|json`, shared by every command that prints results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, csv, json
}

struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text (rounded for reading), csv or json (17 significant digits).")
    var format: OutputFormat = .text

    /// Prints rows in the chosen format to standard output.
    func emit(_ rows: [ResultRow], title: String? = nil) throws {
        switch format {
        case .text: try Output.print(ResultTable.text(rows, title: title), terminator: "")
        case .csv: try Output.print(ResultTable.csv(rows), terminator: "")
        case .json: try Output.print(ResultTable.json(rows), terminator: "")
        }
    }
}
