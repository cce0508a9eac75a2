import ArgumentParser
import TrialStatsKit

/// `trialstats proportion --events 7 --n 50`: every interval for one proportion, each naming its method.
struct ProportionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proportion",
        abstract: "Confidence intervals for one proportion: Wilson (+CC), Clopper-Pearson, Jeffreys, Agresti-Coull, Wald (+CC), mid-p, likelihood ratio."
    )

    @Option(help: "Number of events (\"1,725\" accepted: one number, not a list).")
    var events: Count

    @Option(help: "Group size.")
    var n: Count

    @Option(parsing: .unconditional, help: "Confidence level of the computed CIs: 0.95, 95 or 95%.")
    var confLevel = ConfidenceLevel(0.95)

    @Option(help: "Only this method.")
    var method: ProportionMethod?

    @OptionGroup var output: OutputOptions

    /// Library parameters → this command's flags.
    static let flags = FlagMap(["events": "--events", "n": "--n", "level": "--conf-level"])

    func run() throws {
        let count = try Self.flags.checked { try BinomialCount(events: events.value, n: n.value) }
        let methods = method.map { [$0] } ?? ProportionMethod.allCases
        try output.emit(ProportionInterval.rows(count, methods: methods, level: confLevel.value),
                        title: "\(events.value)/\(n.value) = \(NumberFormat.readable(count.proportion))")
    }
}

extension ProportionMethod: ExpressibleByArgument {}
