import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats dist NAME --PARAM … (--cdf X | --sf X | --quantile P | --isf P | --pdf X | --logpdf X)`
struct DistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dist",
        abstract: "Evaluate a probability distribution: cdf, sf (upper tail), quantile, inverse sf, density.",
        discussion: """
            Parameters by distribution:
              normal --mean M --sd S (defaults 0, 1)      t --df N
              chisq --df N                                f --df1 N --df2 M
              beta --shape1 A --shape2 B                  gamma --shape K [--scale T]
              noncentral-t --df N --ncp D                 binomial --size N --prob P
              poisson --mean L
              hypergeometric --successes M --failures N --draws K
            Example:
              trialstats dist t --df 33 --quantile 0.975
            """
    )

    enum Name: String, ExpressibleByArgument, CaseIterable {
        case normal, t, chisq, f, beta, gamma, binomial, poisson, hypergeometric
        case noncentralT = "noncentral-t"
    }

    @Argument(help: "The distribution.")
    var name: Name

    @Option(parsing: .unconditional, help: "Mean (normal, poisson).") var mean: Number?
    @Option(parsing: .unconditional, help: "Standard deviation (normal).") var sd: Number?
    @Option(parsing: .unconditional, help: "Degrees of freedom (t, chisq, noncentral-t).") var df: Number?
    @Option(parsing: .unconditional, help: "Numerator degrees of freedom (f).") var df1: Number?
    @Option(parsing: .unconditional, help: "Denominator degrees of freedom (f).") var df2: Number?
    @Option(parsing: .unconditional, help: "First shape (beta).") var shape1: Number?
    @Option(parsing: .unconditional, help: "Second shape (beta).") var shape2: Number?
    @Option(parsing: .unconditional, help: "Shape (gamma).") var shape: Number?
    @Option(parsing: .unconditional, help: "Scale (gamma; default 1).") var scale: Number?
    @Option(parsing: .unconditional, help: "Noncentrality (noncentral-t).") var ncp: Number?
    @Option(parsing: .unconditional, help: "Number of trials (binomial).") var size: Count?
    @Option(parsing: .unconditional, help: "Success probability of each trial (binomial).") var prob: Number?
    @Option(parsing: .unconditional, help: "Successes in the population (hypergeometric).") var successes: Count?
    @Option(parsing: .unconditional, help: "Failures in the population (hypergeometric).") var failures: Count?
    @Option(parsing: .unconditional, help: "Draws (hypergeometric).") var draws: Count?

    @Option(parsing: .unconditional, help: "Lower tail P(X ≤ x).") var cdf: Number?
    @Option(parsing: .unconditional, help: "Upper tail P(X > x), computed directly.") var sf: Number?
    @Option(parsing: .unconditional, help: "Quantile: x with P(X ≤ x) = p.") var quantile: Number?
    @Option(parsing: .unconditional, help: "Inverse upper tail: x with P(X > x) = q.") var isf: Number?
    @Option(parsing: .unconditional, help: "Density (or mass for discrete distributions).") var pdf: Number?
    @Option(parsing: .unconditional, help: "Log density (or log mass).") var logpdf: Number?

    @OptionGroup var output: OutputOptions

    /// Distribution parameters → this command's flags (the binomial's n and p are --size and --prob).
    static let flags = FlagMap(["mean": "--mean", "sd": "--sd", "df": "--df", "df1": "--df1", "df2": "--df2", "shape1": "--shape1",
                                "shape2": "--shape2", "shape": "--shape", "scale": "--scale", "ncp": "--ncp", "n": "--size",
                                "p": "--prob", "successes": "--successes", "failures": "--failures", "draws": "--draws"])

    func run() throws {
        let evaluation = try Self.flags.checked { try DistributionEvaluation(self) }
        try output.emitValues([evaluation.row])
    }
}
