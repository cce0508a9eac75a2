import ArgumentParser
import TrialStatsKit

/// `trialstats proportion --events 7 --n 50`: every interval for one proportion, each naming its method.
struct ProportionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proportion",
        abstract: "Confidence intervals for one proportion: Wilson (+CC), Clopper-Pearson, Jeffreys, Agresti-Coull, Wald (+CC), mid-p, likelihood ratio."
    )

    @Option(help: "Number of events (\"1,725\" accepted).")
    var events: String

    @Option(help: "Group size.")
    var n: String

    @Option(help: "Confidence level.")
    var level: String = "0.95"

    @Option(help: "Only this method (wald, wald_cc, wilson, wilson_cc, clopper_pearson, jeffreys, agresti_coull, mid_p, likelihood_ratio).")
    var method: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let x = try checked { try PrintedNumber.parseCount(events, location: "--events") }
        let size = try checked { try PrintedNumber.parseCount(n, location: "--n") }
        let lv = try number(level, flag: "--level")
        guard lv > 0 && lv < 1 else { throw ValidationError("--level: confidence level must lie in (0, 1), found \(level)") }
        let count = try checked { try BinomialCount(events: x, n: size) }
        var methods = ProportionMethod.allCases
        if let m = method {
            guard let pm = ProportionMethod(rawValue: m) else {
                throw ValidationError("--method: unknown method \"\(m)\"; one of \(ProportionMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            methods = [pm]
        }
        try output.emit(ProportionInterval.rows(count, methods: methods, level: lv), title: "\(x)/\(size) = \(NumberFormat.readable(count.proportion))")
    }
}
