import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats audit`: do a study's printed numbers hang together? One row per check.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit printed results: rounding-aware CI/p/difference checks, GRIM/GRIMMER, hidden arm sizes, method fingerprints.",
        discussion: """
            Give numbers exactly as printed (their decimals set the rounding intervals); Unicode minus is accepted. \
            A list that could be one number with a thousands separator (1,725) is refused: write 1725.

            One arm:
              trialstats audit --mean=-1.4 --sd 2.7 --ci=-2.3,-0.4 --p 0.006 --n 33
            Two arms (first minus second), one value per arm separated by commas, the arms' CIs by ';':
              trialstats audit --labels "Vitamin D3,Placebo" --mean=-0.7,-1.4 \\
                --sd 2.7,2.7 --ci "-1.6,0.2;-2.3,-0.4" --p 0.118,0.006 --total-n 68 \\
                --diff 0.7 --diff-ci=-1.9,0.7 --diff-p 0.332

            Without --n the arm sizes are inferred (with --total-n they are paired); the n rows give the feasible set. \
            A comparison alone: --diff 0.42 --diff-ci=-0.10,0.94 --diff-p 0.11 (add --n 60,58 for t on n1 + n2 − 2 df). \
            A ratio: --ratio 0.81 --ratio-ci 0.70,0.94 --ratio-p 0.005 --measure hr (rr, or, hr, irr; log scale). \
            Counts with their p: --table "6,22;35,42" --p 0.026 (any r×c; --ordered adds trend tests): which test \
            reproduces. Three or more arms: the same per-arm lists (--n 14,9,12 --mean 23.2,31.6,25.5 --sd 7.2,5.8,8.1) \
            with --overall-f 3.789 and/or --overall-p 0.033 (one-way ANOVA F and Welch's ANOVA). Test statistics: \
            --test "t(28) = 2.20, p = .06" (repeatable; t, z, F, chi2, r); without df ("chi2 = 7.81, p = 0.050") the df \
            that reproduce it are searched.

            Verdicts: consistent, rounding (only at the edge of the printed precision), inconsistent (with the miss), \
            unchecked (what is missing).
            """)

    @OptionGroup var arms: ArmOptions
    @Option(parsing: .unconditional, help: "Arm p value(s) against 0 as printed (\"<0.001\" allowed).") var p: PrintedList?
    @Option(parsing: .unconditional, help: "Confidence level of the printed CIs: 0.95, 95 or 95%.")
    var ciLevel = ConfidenceLevel(0.95)
    @Option(parsing: .unconditional, help: "Total analysed (sum of the arm sizes).") var totalN: Count?
    @Option(parsing: .unconditional, help: "Printed difference, first arm minus second.") var diff: Printed?
    @Option(parsing: .unconditional, help: "Printed CI of the difference, \"LO,HI\".") var diffCi: IntervalList?
    @Option(parsing: .unconditional, help: "Printed p of the difference.") var diffP: Printed?
    @Option(parsing: .unconditional, help: "Printed ratio (RR, OR, HR or IRR; see --measure).") var ratio: Printed?
    @Option(parsing: .unconditional, help: "Printed CI of the ratio, \"LO,HI\".") var ratioCi: IntervalList?
    @Option(parsing: .unconditional, help: "Printed p of the ratio.") var ratioP: Printed?
    @Option(help: "What --ratio is: rr, or, hr or irr.") var measure: RatioMeasure = .hr
    @Option(parsing: .unconditional, help: "Table of counts, rows separated by ';', e.g. \"6,22;35,42\" (its p is --p).") var table: String?
    @Flag(help: "The table's columns are ordered categories (adds linear-by-linear and trend tests).") var ordered = false
    @Option(parsing: .unconditional, help: "Printed F of the overall test across the arms (one-way or Welch ANOVA).") var overallF: Printed?
    @Option(parsing: .unconditional, help: "Printed p of the overall test across the arms.") var overallP: Printed?
    @Option(parsing: .unconditional, help: "Outcome is integer data averaged over this many items per participant (enables GRIM/GRIMMER).")
    var integerItems: Count?
    @Option(parsing: .unconditional, help: "Printed percentage(s) with an event (checked against n and --count).") var percent: PrintedList?
    @Option(parsing: .unconditional, help: "Event count(s) behind --percent.") var count: CountList?
    @Option(name: .customLong("test"), parsing: .unconditionalSingleValue, help: "A printed test statistic, e.g. \"t(28) = 2.20, p = .06\" (repeatable).")
    var tests: [String] = []
    @OptionGroup var output: OutputOptions

    /// Library parameters → this command's flags.
    static let flags = FlagMap(["counts": "--table", "table": "--table", "level": "--ci-level", "n": "--n", "mean": "--mean",
                                "sd": "--sd", "se": "--se", "ci": "--ci", "p": "--p"])

    func validate() throws {
        if let k = integerItems?.value, k < 1 {
            throw usageError("--integer-items", "need at least 1 item per participant, found \(k)")
        }
        if table != nil {
            guard [arms.mean == nil, arms.sds == nil, arms.se == nil, arms.ci == nil, percent == nil, arms.n == nil].allSatisfy({ $0 }) else {
                throw usageError("--table", "give a table of counts and its --p on their own, without arm summaries")
            }
            guard p != nil else { throw usageError("--table", "give the p the paper printed for it with --p, e.g. --p 0.026") }
        }
        for (flag, ci) in [("--diff-ci", diffCi), ("--ratio-ci", ratioCi)] where (ci?.count ?? 1) != 1 {
            throw usageError(flag, "give one interval, \"LO,HI\"")
        }
    }

    func run() throws {
        let study = try buildStudy()
        let rows = Audit.run(study)
        switch output.format {
        case .text: try Output.print(AuditTable.text(rows, title: "Audit of printed values"), terminator: "")
        case .csv: try Output.print(AuditTable.csv(rows), terminator: "")
        case .json: try Output.print(AuditTable.json(rows), terminator: "")
        }
    }

    func buildStudy() throws -> PrintedStudy {
        let tested = try tests.map { try AuditFlags.test($0, flag: "--test") }
        let lvl = ciLevel.value
        let any = -Double.infinity...Double.infinity, nonNegative = 0...Double.infinity
        var effects: [NamedEffect] = []
        if let table, let p {
            let counts = try Self.flags.checked { try ContingencyTable.parse(table, location: .flag("--table")) }.counts
            guard p.count == 1, let printedP = try p.within(0...1, flag: "--p", arms: ArmCount(count: 1, setBy: "--p"))[0] else {
                throw CLIFailure.usage("--p", "give the one p printed for the table")
            }
            return PrintedStudy(arms: [], effects: try ratioEffect(level: lvl).map { [$0] } ?? [],
                                tables: [PrintedTable(counts: counts, p: printedP, ordered: ordered)], tests: tested)
        }
        if let e = try ratioEffect(level: lvl) { effects.append(e) }
        let armFlags = arms.mean != nil || arms.sds != nil || arms.se != nil || arms.ci != nil || p != nil || percent != nil
        if !armFlags, let e = try differenceEffect(level: lvl) { effects.append(e) }
        guard armFlags else {
            guard !tested.isEmpty || !effects.isEmpty else {
                throw CLIFailure.usage("--mean", "missing; give arm summaries, --diff/--diff-ci/--diff-p, --ratio, --table or --test")
            }
            return PrintedStudy(arms: [], effects: effects, tests: tested)
        }
        // Number of arms from the first per-arm list given.
        let lists: [(String, Int?)] = [("--mean", arms.mean?.count), (arms.sd != nil ? "--sd" : "--mean", arms.sds?.count),
                                       ("--se", arms.se?.count), ("--p", p?.count), ("--percent", percent?.count),
                                       ("--ci", arms.ci?.count), ("--n", arms.n?.count)]
        let first = lists.first { $0.1 != nil }
        let k = first?.1 ?? 1
        let armCount = ArmCount(count: k, setBy: first?.0 ?? "--mean")
        guard k >= 1 else { throw CLIFailure.usage("--mean", "give at least one arm") }
        let none = Array<PrintedInterval?>(repeating: nil, count: k)
        let means = try arms.mean?.within(any, flag: "--mean", arms: armCount) ?? none
        let sds = try arms.sds?.within(nonNegative, flag: "--sd", arms: armCount) ?? none
        let ses = try arms.se?.within(nonNegative, flag: "--se", arms: armCount) ?? none
        let ps = try p?.within(0...1, flag: "--p", arms: armCount) ?? none
        let cis = try arms.ci?.exactly(armCount, flag: "--ci") ?? Array(repeating: nil, count: k)
        let ns = try arms.n?.exactly(armCount, flag: "--n") ?? Array(repeating: nil, count: k)
        let pcts = try percent?.within(0...100, flag: "--percent", arms: armCount) ?? none
        let cnts = try count?.exactly(armCount, flag: "--count") ?? Array(repeating: nil, count: k)
        try requireSamePercentSign(means: means, spreads: sds, flag: arms.sd != nil ? "--sd" : "--mean")
        try requireSamePercentSign(means: means, spreads: ses, flag: "--se")
        let items = integerItems?.value
        var names = (1...k).map { k == 1 ? "arm" : "arm \($0)" }
        if let labels = arms.labels {
            guard labels.items.count == k else { throw CLIFailure.usage("--labels", "\(labels.items.count) labels for \(k) arm(s)") }
            names = labels.items
        }
        for (i, c) in ns.enumerated() { if let c, c < 2 { throw CLIFailure.usage("--n", "each arm needs n ≥ 2, got \(c) (arm \(i + 1))") } }
        let armList = (0..<k).map { i in
            PrintedArm(label: names[i], n: ns[i], mean: means[i], sd: sds[i], se: ses[i], ciLower: cis[i]?.lower.interval,
                       ciUpper: cis[i]?.upper.interval, p: ps[i], level: lvl, integerItems: items, percent: pcts[i], count: cnts[i])
        }
        var comparison: PrintedComparison? = nil
        if diff != nil || diffCi != nil || diffP != nil {
            guard k == 2 else { throw CLIFailure.usage("--diff", "a comparison of arms needs exactly two arms, got \(k)") }
            let c = diffCi?.items.first ?? nil
            comparison = PrintedComparison(estimate: diff?.interval, ciLower: c?.lower.interval, ciUpper: c?.upper.interval,
                                           p: try diffP?.within(0...1, flag: "--diff-p"), level: lvl)
        }
        var overall: PrintedOverall? = nil
        if overallF != nil || overallP != nil {
            guard k >= 2 else { throw CLIFailure.usage("--overall-p", "an overall test needs two or more arms, got \(k)") }
            overall = PrintedOverall(F: try overallF?.within(nonNegative, flag: "--overall-f"), p: try overallP?.within(0...1, flag: "--overall-p"))
        }
        return PrintedStudy(arms: armList, totalN: totalN?.value, comparison: comparison, overall: overall, effects: effects, tests: tested)
    }

    /// `--diff`, `--diff-ci`, `--diff-p` without arm summaries: a comparison alone (t on n1 + n2 − 2 df with --n).
    func differenceEffect(level: Double) throws -> NamedEffect? {
        guard diff != nil || diffCi != nil || diffP != nil else { return nil }
        let c = diffCi?.items.first ?? nil
        let dp = try diffP?.within(0...1, flag: "--diff-p")
        var df: Double? = nil
        if let n = arms.n {
            guard n.items.count == 2, let a = n.items[0], let b = n.items[1], a >= 2, b >= 2 else {
                throw CLIFailure.usage("--n", "with a comparison alone give the two arm sizes, e.g. 60,58 (each ≥ 2)")
            }
            df = Double(a + b - 2)
        }
        return NamedEffect(label: "difference", effect: PrintedEffect(measure: .difference, estimate: diff?.interval, ciLower: c?.lower.interval,
                                                                      ciUpper: c?.upper.interval, p: dp, level: level, df: df))
    }

    /// `--ratio`, `--ratio-ci`, `--ratio-p`, `--measure`: a ratio measure on the log scale.
    func ratioEffect(level: Double) throws -> NamedEffect? {
        guard ratio != nil || ratioCi != nil || ratioP != nil else { return nil }
        let positive = Double.leastNonzeroMagnitude...Double.infinity
        let e = try ratio?.within(positive, flag: "--ratio")
        let c = ratioCi?.items.first ?? nil
        if let c, c.lower.value <= 0 { throw CLIFailure.usage("--ratio-ci", "a ratio's CI bounds must be positive, got \(c.lower.text)") }
        let rp = try ratioP?.within(0...1, flag: "--ratio-p")
        return NamedEffect(label: measure.effect.rawValue,
                           effect: PrintedEffect(measure: measure.effect, estimate: e, ciLower: c?.lower.interval, ciUpper: c?.upper.interval,
                                                 p: rp, level: level))
    }
}

/// `--measure` values.
enum RatioMeasure: String, ExpressibleByArgument, CaseIterable {
    case rr, or, hr, irr
    var effect: EffectMeasure {
        switch self {
        case .rr: return .rr
        case .or: return .or
        case .hr: return .hr
        case .irr: return .irr
        }
    }
}

