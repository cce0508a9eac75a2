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
        abstract: "Means from summary statistics: arm CIs, difference (Welch or Student), effect sizes.",
        discussion: """
            One arm:  trialstats means --n 33 --mean -1.4 --sd 2.7
            Two arms (first minus second), comma-separated per arm:
                      trialstats means --n 35,33 --mean -0.7,-1.4 --sd 2.7,2.7 --labels "Vitamin D3,Placebo" --test welch
            Per arm, --se or --ci LO,HI (two arms: --ci "LO,HI;LO,HI") may stand in for --sd.
            Lists may also be separated by ';' (then "1,725" thousands separators are allowed inside items).
            Batch: --data FILE.csv (or - for standard input) with columns n1,mean1,sd1[,se1,ci_lower1,ci_upper1]
            [,n2,mean2,sd2,...][,id]; one result row per input row, streamed. Bad rows are reported as
            file:line:column on standard error and skipped (exit status 1 at the end), or stop the run with --strict.
            """)

    @Option(parsing: .unconditional, help: "Arm size(s), e.g. 35,33.") var n: String?
    @Option(parsing: .unconditional, help: "Arm mean(s) (or mean percent change), e.g. -0.7,-1.4 or −0.7,−1.4.") var mean: String?
    @Option(parsing: .unconditional, help: "Arm SD(s).") var sd: String?
    @Option(parsing: .unconditional, help: "Arm standard error(s) of the mean, instead of --sd.") var se: String?
    @Option(parsing: .unconditional, help: "Arm CI(s) of the mean, \"LO,HI\" or \"LO,HI;LO,HI\", instead of --sd.") var ci: String?
    @Option(parsing: .unconditional, help: "Confidence level of a CI given with --ci (default 0.95).") var ciLevel: String = "0.95"
    @Option(help: "How a CI given with --ci was built: t (n − 1 df) or z.") var ciDistribution: IntervalDistribution = .t
    @Option(help: "Arm labels, comma-separated.") var labels: String?
    @Option(help: "Two-arm test: welch (Satterthwaite df), student (pooled SD) or z.") var test: TwoArmTest = .welch
    @Option(parsing: .unconditional, help: "Confidence level of the output CIs, inside (0, 1).") var level: String = "0.95"
    @Option(parsing: .unconditional, help: "Null value for the one-arm mean or the difference.") var reference: String = "0"
    @Option(help: "One-arm CI and test distribution: t (n − 1 df) or z.") var interval: IntervalDistribution = .t
    @Flag(help: "Also print the ratio of means and Cohen's d, Hedges' g and Glass's delta (normal and exact CIs).")
    var effects = false
    @Option(help: "Normal-approximation variance for Hedges' g (metafor vtype): LS, UB or LS2.")
    var smdVariance: StandardizedMeanDifference.Variance = .LS
    @Option(help: "CSV file of arms/comparisons, or - for standard input.") var data: String?
    @Flag(help: "With --data, stop at the first bad row.") var strict = false
    @OptionGroup var output: OutputOptions

    func settings() throws -> MeansSettings {
        var s = MeansSettings()
        s.level = try number(level, flag: "--level")
        guard s.level > 0, s.level < 1 else { throw ValidationError("--level: must be inside (0, 1), got \(level)") }
        s.ciLevel = try number(ciLevel, flag: "--ci-level")
        guard s.ciLevel > 0, s.ciLevel < 1 else { throw ValidationError("--ci-level: must be inside (0, 1), got \(ciLevel)") }
        s.reference = try number(reference, flag: "--reference")
        s.test = test; s.interval = interval; s.ciDistribution = ciDistribution
        s.effects = effects; s.smdVariance = smdVariance
        return s
    }

    func run() throws {
        let s = try settings()
        if let data {
            if [n, mean, sd, se, ci].contains(where: { $0 != nil }) {
                throw ValidationError("--data: give either --data or the per-arm flags, not both")
            }
            var batch = MeansBatch(path: data, settings: s, strict: strict, format: output.format)
            try batch.run()
            return
        }
        guard let n else { throw ValidationError("--n: missing (or use --data FILE)") }
        guard let mean else { throw ValidationError("--mean: missing") }
        let means = try MeansFlags.values(mean, flag: "--mean")
        let k = means.count
        guard k == 1 || k == 2 else { throw ValidationError("--mean: give one arm or two arms, got \(k) values") }
        let ns = try MeansFlags.counts(n, flag: "--n", arms: k)
        let sds = try sd.map { try MeansFlags.optionalValues($0, flag: "--sd", arms: k) } ?? Array(repeating: nil, count: k)
        let ses = try se.map { try MeansFlags.optionalValues($0, flag: "--se", arms: k) } ?? Array(repeating: nil, count: k)
        let cis = try ci.map { try MeansFlags.intervals($0, flag: "--ci", arms: k) } ?? Array(repeating: nil, count: k)
        var names: [String?] = Array(repeating: nil, count: k)
        if let labels {
            let parts = labels.split(separator: labels.contains(";") ? ";" : ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == k else { throw ValidationError("--labels: \(parts.count) labels for \(k) arm(s)") }
            names = parts
        }
        var arms: [ArmSummary] = []
        for i in 0..<k {
            let input = ArmInput(n: ns[i], mean: means[i], sd: sds[i], se: ses[i], ciLower: cis[i]?.0, ciUpper: cis[i]?.1, label: names[i])
            do {
                arms.append(try MeansCompute.arm(input, settings: s))
            } catch {
                throw ValidationError(MeansFlags.flagged(error, arm: k == 2 ? i + 1 : nil))
            }
        }
        let rows: [ResultRow]
        do { rows = try MeansCompute.rows(arms, settings: s) } catch { throw ValidationError(MeansFlags.flagged(error, arm: nil)) }
        let title = k == 1
            ? "One arm: mean with \(s.interval == .t ? "t" : "z") CI"
            : "Two arms, \(names[0] ?? "arm 1") minus \(names[1] ?? "arm 2")"
        try output.emit(rows, title: title)
    }
}
