import ArgumentParser
import TrialStatsKit

/// The per-arm flags shared by `means` and `audit`: one value per arm, arms separated by commas
/// (intervals: by ';'); see `ArmListRule` for the thousands-separator rule.
struct ArmOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Arm size(s), e.g. 35,33.")
    var n: CountList?

    @Option(parsing: .unconditional, help: "Arm mean(s) as printed, e.g. -0.7,-1.4 or −0.7,−1.4; \"mean ± SD\" gives the SD too.")
    var mean: PrintedList?

    @Option(parsing: .unconditional, help: "Arm SD(s) as printed.")
    var sd: PrintedList?

    @Option(parsing: .unconditional, help: "Arm standard error(s) of the mean as printed.")
    var se: PrintedList?

    @Option(parsing: .unconditional, help: "Arm CI(s) of the mean: \"LO,HI\", two arms \"LO,HI;LO,HI\".")
    var ci: IntervalList?

    @Option(help: "Arm labels, comma-separated.")
    var labels: NameList?

    func validate() throws {
        if let mean, mean.hasSpreads, sd != nil {
            throw usageError("--sd", "the SDs are already given as \"mean ± SD\" in --mean; give them once")
        }
    }

    /// The SDs: `--sd`, or those printed as "mean ± SD" in `--mean`.
    var sds: PrintedList? {
        if let sd { return sd }
        if let mean, mean.hasSpreads { return mean.spreadList }
        return nil
    }

    /// Whether any per-arm value (not labels) was given.
    var anyValue: Bool { n != nil || mean != nil || sd != nil || se != nil || ci != nil }
}
