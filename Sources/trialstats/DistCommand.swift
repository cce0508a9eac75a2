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
              normal --mean M --sd S (defaults 0, 1)   t --df N        chisq --df N
              f --df1 N --df2 M                          beta --shape1 A --shape2 B
              gamma --shape K [--scale T]                noncentral-t --df N --ncp D
              binomial --n N --p P                       poisson --mean L
              hypergeometric --successes M --failures N --draws K
            Example: trialstats dist t --df 33 --quantile 0.975
            """
    )

    enum Name: String, ExpressibleByArgument, CaseIterable {
        case normal, t, chisq, f, beta, gamma, binomial, poisson, hypergeometric
        case noncentralT = "noncentral-t"
    }

    @Argument(help: "Distribution: \(Name.allCases.map(\.rawValue).joined(separator: ", ")).")
    var name: Name

    @Option(parsing: .unconditional, help: "Mean (normal, poisson).") var mean: String?
    @Option(parsing: .unconditional, help: "Standard deviation (normal).") var sd: String?
    @Option(parsing: .unconditional, help: "Degrees of freedom (t, chisq, noncentral-t).") var df: String?
    @Option(parsing: .unconditional, help: "Numerator degrees of freedom (f).") var df1: String?
    @Option(parsing: .unconditional, help: "Denominator degrees of freedom (f).") var df2: String?
    @Option(parsing: .unconditional, help: "First shape (beta).") var shape1: String?
    @Option(parsing: .unconditional, help: "Second shape (beta).") var shape2: String?
    @Option(parsing: .unconditional, help: "Shape (gamma).") var shape: String?
    @Option(parsing: .unconditional, help: "Scale (gamma; default 1).") var scale: String?
    @Option(parsing: .unconditional, help: "Noncentrality (noncentral-t).") var ncp: String?
    @Option(parsing: .unconditional, help: "Trials (binomial).") var n: String?
    @Option(parsing: .unconditional, help: "Success probability (binomial).") var p: String?
    @Option(parsing: .unconditional, help: "Successes in the population (hypergeometric).") var successes: String?
    @Option(parsing: .unconditional, help: "Failures in the population (hypergeometric).") var failures: String?
    @Option(parsing: .unconditional, help: "Draws (hypergeometric).") var draws: String?

    @Option(parsing: .unconditional, help: "Lower tail P(X ≤ x).") var cdf: String?
    @Option(parsing: .unconditional, help: "Upper tail P(X > x), computed directly.") var sf: String?
    @Option(parsing: .unconditional, help: "Quantile: x with P(X ≤ x) = p.") var quantile: String?
    @Option(parsing: .unconditional, help: "Inverse upper tail: x with P(X > x) = q.") var isf: String?
    @Option(parsing: .unconditional, help: "Density (or mass for discrete distributions).") var pdf: String?
    @Option(parsing: .unconditional, help: "Log density (or log mass).") var logpdf: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let evaluation = try checked { try DistributionEvaluation(self) }
        try output.emitValues([evaluation.row])
    }
}
