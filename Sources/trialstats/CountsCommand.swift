import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats counts`: effect measures and tests for a table of counts, or, with `--group` and
/// `--p-below`, what a printed p-value bound implies for those group sizes. Thin: parses flags,
/// calls TSTables, prints.
struct CountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counts",
        abstract: "Categorical outcomes: 2x2 effect measures, chi-square, exact Fisher / Fisher-Freeman-Halton, ordinal tests.",
        discussion: """
        Rows are groups, columns outcome categories; for a 2x2 table the first column is the event.
          trialstats counts --table "30,15,5;18,20,12" --rows "Treatment,Control" --cols "alleviation,unchanged,aggravation" --ordered
        Bound mode (no counts printed, only group sizes and a p-value bound):
          trialstats counts --group "1,725" --group "1,240" --categories 3 --p-below 0.0001
        """
    )

    @Option(help: "Counts: rows separated by ';', counts by ',' (quote a count with a thousands separator: '\"1,725\",20;...').")
    var table: String?

    @Option(help: "Row (group) labels, comma-separated.")
    var rows: String?

    @Option(help: "Column (outcome) labels, comma-separated.")
    var cols: String?

    @Flag(help: "Columns are ordered categories: add Cochran-Armitage, linear-by-linear (exact, mid-p) and Mann-Whitney.")
    var ordered = false

    @Option(help: "Column scores for the ordinal tests, comma-separated (default 1..k).")
    var scores: String?

    @Option(help: "Confidence level.")
    var level: String = "0.95"

    @Option(help: "Bound mode: one group size (repeat the flag for each group; \"1,725\" accepted).")
    var group: [String] = []

    @Option(help: "Bound mode: number of outcome categories.")
    var categories: Int = 2

    @Option(name: .customLong("p-below"), help: "Bound mode: the printed bound, e.g. 0.0001 for \"P<0.0001\".")
    var pBelow: String?

    @Option(name: .customLong("monte-carlo"), help: "Also a Monte Carlo Fisher-Freeman-Halton p-value with this many replicates (only on request).")
    var monteCarlo: Int?

    @Option(help: "Seed for --monte-carlo (printed with the result).")
    var seed: UInt64 = 20_220_215

    @Option(name: .customLong("work-limit"), help: "Work limit of the exact Fisher-Freeman-Halton network (bound evaluations, path extensions, completion values; default 5e7, about 1-2.5 s); past it, rigorous p bounds are printed.")
    var workLimit: Int = FisherFreemanHalton.defaultWorkLimit

    @OptionGroup var output: OutputOptions

    func run() throws {
        let lv = try number(level, flag: "--level")
        if table == nil {
            guard !group.isEmpty, let pb = pBelow else {
                throw ValidationError("--table: give a table of counts, or --group sizes with --p-below for bound mode")
            }
            let sizes = try group.map { g in try checked { try PrintedNumber.parseCount(g, location: "--group") } }
            let bound = try number(pb, flag: "--p-below")
            let rows = try checked { try BoundImplications.rows(groupSizes: sizes, categories: categories, pBound: bound) }
            try output.emit(rows, title: "What P < \(pb) implies for groups of \(sizes.map(String.init).joined(separator: ", ")) (no counts invented)")
            return
        }
        let rowLabels = rows.map(CountsCommand.labels)
        let colLabels = cols.map(CountsCommand.labels)
        let t = try checked { try ContingencyTable.parse(table!, rowLabels: rowLabels, columnLabels: colLabels) }
        let sc = try scores.map { try numbers($0, flag: "--scores") }
        if let b = monteCarlo, b < 1 { throw ValidationError("--monte-carlo: need at least 1 replicate, found \(b)") }
        let mc = monteCarlo.map { (replicates: $0, seed: seed) }
        let result = try checked { try TableReport.rows(t, ordered: ordered, scores: sc, level: lv, monteCarlo: mc, workLimit: workLimit) }
        let title = "\(t.rowCount)x\(t.columnCount) table, N = \(t.total); rows: \(t.rowLabels.joined(separator: ", ")); columns: \(t.columnLabels.joined(separator: ", "))"
        try output.emit(result, title: title)
    }

    static func labels(_ s: String) -> [String] {
        s.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
