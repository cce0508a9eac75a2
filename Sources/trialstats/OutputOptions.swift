import ArgumentParser
import Foundation
import TrialStatsKit

/// `--format text|csv|json`, shared by every command that prints results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text (rounded for reading), csv or json (17 significant digits).")
    var format: OutputFormat = .text

    /// Prints rows in the chosen format to standard output.
    func emit(_ rows: [ResultRow], title: String? = nil) throws {
        switch format {
        case .text: try StandardOutput.print(ResultTable.text(rows, title: title), terminator: "")
        case .csv: try StandardOutput.print(ResultTable.csv(rows), terminator: "")
        case .json: try StandardOutput.print(ResultTable.json(rows), terminator: "")
        }
    }
}

/// Turns a library `InputError` or `DistributionError` into the CLI's one-line message on
/// standard error ("trialstats: --sd: must be > 0") and exit status 64 (EX_USAGE).
func checked<T>(flags: [String: String] = [:], _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as InputError {
        throw fail(flagged(e, flags).description)
    } catch let e as DistributionError {
        throw fail(e.description)
    }
}

/// The flag that carries each library parameter. A command passes its own entries for the parameters it names
/// differently; a parameter no command carries keeps its library name.
let parameterFlags: [String: String] = [
    "counts": "--table", "rowLabels": "--rows", "columnLabels": "--cols", "events": "--events", "n": "--n",
    "level": "--level", "scores": "--scores", "replicates": "--monte-carlo", "groupSizes": "--groups", "table": "--table",
    "categories": "--categories", "pBound": "--p-below", "output": "--out", "outcome": "--outcome",
    "arm": "--arm", "covariates": "--covariates",
]

/// A library error with its parameter replaced by the flag that carried it.
func flagged(_ e: InputError, _ flags: [String: String] = [:]) -> InputError {
    guard let p = e.location.parameterName, let flag = flags[p] ?? parameterFlags[p] else { return e }
    return e.relocated(.flag(flag))
}

/// Prints one line to standard error and returns the exit code to throw.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data(("trialstats: " + message + "\n").utf8))
    return ExitCode.validationFailure
}

/// Parses a flag value as printed in a paper (Unicode minus, leading +, "1,725").
func number(_ text: String, flag: String) throws -> Double {
    try checked { try PrintedNumber.parse(text, location: flag) }
}

/// Parses a comma-separated list of numbers given to `flag`.
func numbers(_ text: String, flag: String) throws -> [Double] {
    try checked { try PrintedNumber.parseList(text, location: flag) }
}
