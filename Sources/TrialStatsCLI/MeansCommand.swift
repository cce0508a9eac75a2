import ArgumentParser
import Foundation
import TrialStatsKit

extension TwoArmTest: ExpressibleByArgument {}
extension IntervalDistribution: ExpressibleByArgument {}
extension StandardizedMeanDifference.Variance: ExpressibleByArgument {}

/// `trialstats means`: one arm or two arms (first minus second) from n, mean and SD/SE/CI,
/// or a CSV of such rows with `--data`.
struct MeansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "means",
        abstract: "Means from summary statistics: arm CIs, difference (Welch, Student or z), effect sizes.",
        discussion: """
            One arm:
              trialstats means --n 33 --mean -1.4 --sd 2.7
            Two arms (first minus second), one value per arm separated by commas:
              trialstats means --n 35,33 --mean -0.7,-1.4 --sd 2.7,2.7 \\
                --labels "Vitamin D3,Placebo" --method welch
            Per arm, --se or --ci may stand in for --sd; two arms' CIs are separated by ';' (--ci "LO,HI;LO,HI"). \
            A list that could be one number with a thousands separator (1,725) is refused: write 1725.

            Batch: --data FILE.csv (or - for standard input) with columns n1,mean1,sd1[,se1,ci_lower1,ci_upper1,label1] \
            [,n2,mean2,sd2,...,label2][,id] (or n,mean,sd,... for one arm); one result row per input row, streamed, \
            with its id and input line. Bad rows are reported as \
            file:line:column on standard error and skipped (exit status 65 at the end), or stop the run with --strict.
            """)

    @OptionGroup var arms: ArmOptions
    @Option(parsing: .unconditional, help: "Confidence level of the CIs given with --ci: 0.95, 95 or 95%.")
    var ciLevel = ConfidenceLevel(0.95)
    @Option(help: "How the CIs given with --ci were built: t (n − 1 df) or z.")
    var ciDistribution: IntervalDistribution = .t
    @Option(help: "Two-arm method: welch (Satterthwaite df), student (pooled SD) or z.")
    var method: TwoArmTest = .welch
    @Option(parsing: .unconditional, help: "Confidence level of the computed CIs: 0.95, 95 or 95%.")
    var confLevel = ConfidenceLevel(0.95)
    @Option(parsing: .unconditional, help: "Null value for the one-arm mean or the difference.")
    var reference = Number(0)
    @Option(help: "One-arm CI and test distribution: t (n − 1 df) or z.")
    var interval: IntervalDistribution = .t
    @Flag(help: "Also print the ratio of means and Cohen's d, Hedges' g and Glass's delta (normal and exact CIs).")
    var effects = false
    @Option(help: "Normal-approximation variance for Hedges' g (metafor vtype): LS, UB or LS2.")
    var smdVariance: StandardizedMeanDifference.Variance = .LS
    @Option(help: "CSV file of arms or comparisons, one per row, or - for standard input.")
    var data: String?
    @Flag(help: "With --data, stop at the first bad row.")
    var strict = false
    @OptionGroup var output: OutputOptions

    /// Library parameters of an arm and of the computed rows → this command's flags.
    static let armFlags = FlagMap(["n": "--n", "mean": "--mean", "sd": "--sd", "se": "--se", "ci": "--ci", "level": "--ci-level"])
    static let rowFlags = FlagMap(["n": "--n", "mean": "--mean", "sd": "--sd", "se": "--se", "ci": "--ci",
                                   "level": "--conf-level", "reference": "--reference", "null": "--reference"])

    func validate() throws {
        if data != nil, arms.anyValue { throw usageError("--data", "give either --data or the per-arm flags, not both") }
        if data == nil, arms.n == nil { throw usageError("--n", "missing; give the arm size(s), e.g. --n 35,33, or --data FILE") }
        if data == nil, arms.mean == nil { throw usageError("--mean", "missing; give the arm mean(s), e.g. --mean -0.7,-1.4") }
        if strict, data == nil { throw usageError("--strict", "only applies with --data") }
    }

    func settings() -> MeansSettings {
        var s = MeansSettings()
        s.level = confLevel.value
        s.ciLevel = ciLevel.value
        s.test = method
        s.reference = reference.value
        s.interval = interval
        s.ciDistribution = ciDistribution
        s.effects = effects
        s.smdVariance = smdVariance
        return s
    }

    func run() throws {
        let s = settings()
        if let data {
            var batch = MeansBatch(path: data, settings: s, strict: strict, format: output.format)
            try batch.run()
            return
        }
        guard let nList = arms.n, let meanList = arms.mean else { return }
        let k = meanList.count
        guard k == 1 || k == 2 else { throw CLIFailure.usage("--mean", "give one arm or two arms, got \(k) values") }
        let armCount = ArmCount(count: k, setBy: "--mean")
        let means = try meanList.within(-Double.infinity...Double.infinity, flag: "--mean", arms: armCount)
        let ns = try nList.exactly(armCount, flag: "--n")
        let sds = try arms.sds?.within(-Double.infinity...Double.infinity, flag: "--sd", arms: armCount) ?? Array(repeating: nil, count: k)
        let ses = try arms.se?.within(-Double.infinity...Double.infinity, flag: "--se", arms: armCount) ?? Array(repeating: nil, count: k)
        let cis = try arms.ci?.exactly(armCount, flag: "--ci") ?? Array(repeating: nil, count: k)
        try requireSamePercentSign(means: means, spreads: sds, flag: arms.sd != nil ? "--sd" : "--mean")
        try requireSamePercentSign(means: means, spreads: ses, flag: "--se")
        var names: [String?] = Array(repeating: nil, count: k)
        if let labels = arms.labels {
            guard labels.items.count == k else { throw CLIFailure.usage("--labels", "\(labels.items.count) labels for \(k) arm(s)") }
            names = labels.items
        }
        var summaries: [ArmSummary] = []
        for i in 0..<k {
            let armNote = k == 2 ? " (arm \(i + 1))" : ""
            guard let n = ns[i] else { throw CLIFailure.usage("--n", "missing for arm \(i + 1)") }
            guard n >= 2 else { throw CLIFailure.usage("--n", "each arm needs n ≥ 2, got \(n)\(armNote)") }
            guard let m = means[i] else { throw CLIFailure.usage("--mean", "missing for arm \(i + 1)") }
            let input = ArmInput(n: n, mean: m.value, sd: sds[i]?.value, se: ses[i]?.value,
                                 ciLower: cis[i]?.lower.value, ciUpper: cis[i]?.upper.value, label: names[i])
            do {
                summaries.append(try MeansCompute.arm(input, settings: s))
            } catch {
                let f = Self.armFlags.failure(error)
                throw CLIFailure(message: f.message + armNote, status: f.status)
            }
        }
        let rows = try Self.rowFlags.checked { try MeansCompute.rows(summaries, settings: s) }
        let title = k == 1
            ? "One arm: mean with \(s.interval == .t ? "t" : "z") CI"
            : "Two arms, \(names[0] ?? "arm 1") minus \(names[1] ?? "arm 2")"
        try output.emit(rows, title: title)
    }
}
