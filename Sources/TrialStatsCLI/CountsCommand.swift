import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats counts`: effect measures and tests for a table of counts, or, with `--groups` and
/// `--p-below`, what a printed p-value bound implies for those group sizes. Thin: parses flags,
/// calls TSTables, prints.
struct CountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counts",
        abstract: "Categorical outcomes: 2x2 effect measures, chi-square, exact Fisher / Fisher-Freeman-Halton, ordinal tests.",
        discussion: """
        Rows are groups, columns outcome categories; for a 2x2 table the first column is the event.
          trialstats counts --table "30,15,5;18,20,12" --rows "Treatment,Control" \\
            --cols "alleviation,unchanged,aggravation" --ordered
        Bound mode (no counts printed, only group sizes and a p-value bound):
          trialstats counts --groups 1725,1240 --categories 3 --p-below 0.0001
        """
    )

    @Option(help: "Counts: rows separated by ';', counts by ',', e.g. \"12,5;3,9\" (a count with a thousands separator is quoted: '\"1,725\",20;...').")
    var table: String?

    @Option(help: "Row (group) labels, comma-separated.")
    var rows: NameList?

    @Option(help: "Column (outcome) labels, comma-separated.")
    var cols: NameList?

    @Flag(help: "Columns are ordered categories: add Cochran-Armitage, linear-by-linear (exact, mid-p) and Mann-Whitney.")
    var ordered = false

    @Option(help: "Column scores for the ordinal tests, comma-separated; 1, 2, …, k when omitted.")
    var scores: PrintedList?

    @Option(parsing: .unconditional, help: "Confidence level of the computed CIs: 0.95, 95 or 95%.")
    var confLevel = ConfidenceLevel(0.95)

    @Option(help: "Bound mode: the group sizes, comma-separated (1725,1240).")
    var groups: CountList?

    @Option(help: "Bound mode: number of outcome categories.")
    var categories = Count(2)

    @Option(name: .customLong("p-below"), help: "Bound mode: the printed bound, e.g. 0.0001 for \"P<0.0001\".")
    var pBelow: Number?

    @Option(name: .customLong("monte-carlo"), help: "Also a Monte Carlo Fisher-Freeman-Halton p-value with this many replicates (only on request).")
    var monteCarlo: Int?

    @Option(help: "Seed for --monte-carlo (printed with the result).")
    var seed: UInt64 = 20_220_215

    @Option(name: .customLong("work-limit"), help: "Work limit of the exact Fisher-Freeman-Halton network (bound evaluations, path extensions, completion values; about 1-2.5 s by default); past it, rigorous p bounds are printed.")
    var workLimit: Int = FisherFreemanHalton.defaultWorkLimit

    @OptionGroup var output: OutputOptions

    /// Library parameters → this command's flags.
    static let flags = FlagMap(["counts": "--table", "table": "--table", "rowLabels": "--rows", "columnLabels": "--cols",
                                "scores": "--scores", "level": "--conf-level", "replicates": "--monte-carlo",
                                "groupSizes": "--groups", "categories": "--categories", "pBound": "--p-below"])

    func validate() throws {
        if table == nil, groups == nil || pBelow == nil {
            throw usageError("--table", "missing; give a table of counts, or --groups with --p-below for bound mode")
        }
        if table != nil, groups != nil || pBelow != nil {
            throw usageError("--groups", "bound mode (--groups, --p-below) takes no --table")
        }
        if let b = monteCarlo, b < 1 { throw usageError("--monte-carlo", "need at least 1 replicate, found \(b)") }
        if workLimit < 1 { throw usageError("--work-limit", "need a positive work limit, found \(workLimit)") }
    }

    func run() throws {
        let lv = confLevel.value
        guard let table else {
            guard let groups, let pb = pBelow else { return }
            let sizes = try groups.items.map { g -> Int in
                guard let g else { throw CLIFailure.usage("--groups", "an empty group size; give one size per group, e.g. 1725,1240") }
                return g
            }
            let rows = try Self.flags.checked { try BoundImplications.rows(groupSizes: sizes, categories: categories.value, pBound: pb.value) }
            try output.emit(rows, title: "What P < \(pb.text) implies for groups of \(sizes.map(String.init).joined(separator: ", ")) (no counts invented)")
            return
        }
        let t = try Self.flags.checked { try ContingencyTable.parse(table, rowLabels: rows?.items, columnLabels: cols?.items) }
        let sc = try scores.map { list in
            try list.items.map { s -> Double in
                guard let s else { throw CLIFailure.usage("--scores", "an empty score; give one score per column") }
                return s.value
            }
        }
        let mc = monteCarlo.map { (replicates: $0, seed: seed) }
        // A run estimated at over a second (3e8 units at about 3e-9 s each) shows its replicates on a terminal.
        let showProgress = Output.sink.errorIsTerminal && monteCarlo.map { FisherFreemanHalton.monteCarloWork(t, replicates: $0) >= 300_000_000 } == true
        let progress: ((Int, Int) -> Void)? = showProgress ? { done, of in
            Output.sink.writeError(Array("\rMonte Carlo: \(done) of \(of) replicates\(done == of ? "\n" : "")".utf8))
        } : nil
        let result = try Self.flags.checked {
            try TableReport.rows(t, ordered: ordered, scores: sc, level: lv, monteCarlo: mc, workLimit: workLimit, progress: progress)
        }
        let title = "\(t.rowCount)x\(t.columnCount) table, N = \(t.total); rows: \(t.rowLabels.joined(separator: ", ")); columns: \(t.columnLabels.joined(separator: ", "))"
        try output.emit(result, title: title)
    }
}
