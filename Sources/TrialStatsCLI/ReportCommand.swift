import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats report`: per study a CSV of every recomputed quantity (17 significant digits, method, printed
/// value beside it) and a plain-text report, plus `index.csv`. All inputs are read and checked, and every file
/// computed, before anything is written; an input error writes nothing and exits 65 with `file:line:column`
/// (66 when an input is missing). Standard output gets one summary line, in the `--format` asked for.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write per-study CSV and text reports of everything that recomputes from the printed numbers.",
        discussion: """
            Inputs are dataset folders (Datasets/: every study subfolder and reference_intakes.csv), study folders \
            (with study.csv), reference_intakes.csv, or single files of a study folder.

              trialstats report Datasets --out Reports
              trialstats report Datasets/steffensen2011 --out /tmp/steffensen
            Writes <study>.csv and <study>.txt per study and index.csv; the same inputs give byte-identical files. \
            Standard output gets one summary line (files written, studies, output folder) in the --format asked for.
            """)

    @Argument(help: "Dataset folders, study folders or dataset files.") var inputs: [String]
    @Option(help: "Output folder (created if missing).") var out: String
    @OptionGroup var output: OutputOptions

    /// Library parameters → this command's flags.
    static let flags = FlagMap(["output": "--out"])

    func validate() throws {
        guard !out.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw usageError("--out", "give the output folder's name, e.g. --out Reports (an empty name is not the current folder)")
        }
    }

    func run() throws {
        let written: [String]
        do {
            written = try Self.flags.checked { try ReportRun.run(inputs: inputs, output: out) { Output.diagnostic("trialstats: warning: \($0)") } }
        } catch let e as CLIFailure where e.message.hasPrefix("--out: cannot") {
            throw CLIFailure(message: e.message, status: .ioError)   // the output folder or a file in it could not be written
        }
        let studies = (written.count - 1) / 2
        switch output.format {
        case .text: try Output.print("wrote \(written.count) files for \(studies) \(studies == 1 ? "study" : "studies") to \(out)")
        case .csv: try Output.print("files,studies,output\n\(written.count),\(studies),\(ResultTable.csvField(out))")
        case .json:
            try Output.print("{\"files\": \(written.count), \"studies\": \(studies), \"output\": \(ResultTable.jsonString(out))}")
        }
    }
}
