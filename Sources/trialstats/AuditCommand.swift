import ArgumentParser
import Foundation
import TrialStatsKit

/// `trialstats audit`: do a study's printed numbers hang together? One row per check.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit printed results: rounding-aware CI/p/difference checks, GRIM/GRIMMER, hidden arm sizes, method fingerprints.",
        discussion: """
            Give numbers exactly as printed (their decimals set the rounding intervals); Unicode minus is accepted.
            One arm:  trialstats audit --mean=-1.4 --sd 2.7 --ci=-2.3,-0.4 --p 0.006 --n 33
            Two arms (first minus second), per-arm lists:
                      trialstats audit --labels "Vitamin D3,Placebo" --mean=-0.7,-1.4 --sd 2.7,2.7 \\
                        --ci "-1.6,0.2;-2.3,-0.4" --p 0.118,0.006 --total-n 68 --diff 0.7 --diff-ci=-1.9,0.7 --diff-p 0.332
            Without --n the arm sizes are inferred (with --total-n they are paired); the n rows give the feasible set.
            A comparison alone: --diff 0.42 --diff-ci=-0.10,0.94 --diff-p 0.11 (add --n 60,58 for t on n1 + n2 − 2 df).
            A ratio: --ratio 0.81 --ratio-ci 0.70,0.94 --ratio-p 0.005 --measure hr (rr, or, hr, irr; log scale).
            Counts with their p: --table "6,22;35,42" --p 0.026 (any r×c; --ordered adds trend tests): which test reproduces.
            Three or more arms: the same per-arm lists (--n 14,9,12 --mean 23.2,31.6,25.5 --sd 7.2,5.8,8.1) with
            --overall-f 3.789 and/or --overall-p 0.033 (one-way ANOVA F and Welch's ANOVA).
            Test statistics: --test "t(28) = 2.20, p = .06" (repeatable; t, z, F, chi2, r); without df
            ("chi2 = 7.81, p = 0.050") the df that reproduce it are searched.
            Verdicts: consistent, rounding (only at the edge of the printed precision), inconsistent (with the miss),
            unchecked (what is missing).
            """)

    @Option(parsing: .unconditional, help: "Arm size(s), e.g. 35,33 (omit to infer).") var n: String?
    @Option(parsing: .unconditional, help: "Arm mean(s) as printed, e.g. -0.7,-1.4.") var mean: String?
    @Option(parsing: .unconditional, help: "Arm SD(s) as printed.") var sd: String?
    @Option(parsing: .unconditional, help: "Arm standard error(s) as printed.") var se: String?
    @Option(parsing: .unconditional, help: "Arm CI(s) of the mean: \"LO,HI\" or \"LO,HI;LO,HI\".") var ci: String?
    @Option(parsing: .unconditional, help: "Arm p value(s) against 0 as printed (\"<0.001\" allowed).") var p: String?
    @Option(parsing: .unconditional, help: "Confidence level of the printed CIs (default 0.95).") var level: String = "0.95"
    @Option(help: "Arm labels, comma-separated.") var labels: String?
    @Option(parsing: .unconditional, help: "Total analysed (sum of the arm sizes).") var totalN: String?
    @Option(parsing: .unconditional, help: "Printed difference, first arm minus second.") var diff: String?
    @Option(parsing: .unconditional, help: "Printed CI of the difference, \"LO,HI\".") var diffCi: String?
    @Option(parsing: .unconditional, help: "Printed p of the difference.") var diffP: String?
    @Option(parsing: .unconditional, help: "Printed ratio (RR, OR, HR or IRR; see --measure).") var ratio: String?
    @Option(parsing: .unconditional, help: "Printed CI of the ratio, \"LO,HI\".") var ratioCi: String?
    @Option(parsing: .unconditional, help: "Printed p of the ratio.") var ratioP: String?
    @Option(help: "What --ratio is: rr, or, hr or irr (default: hr).") var measure: RatioMeasure = .hr
    @Option(parsing: .unconditional, help: "Table of counts, rows separated by ';', e.g. \"6,22;35,42\" (its p is --p).") var table: String?
    @Flag(help: "The table's columns are ordered categories (adds linear-by-linear and trend tests).") var ordered = false
    @Option(parsing: .unconditional, help: "Printed F of the overall test across the arms (one-way or Welch ANOVA).") var overallF: String?
    @Option(parsing: .unconditional, help: "Printed p of the overall test across the arms.") var overallP: String?
    @Option(parsing: .unconditional, help: "Outcome is integer data averaged over this many items per participant (enables GRIM/GRIMMER).")
    var integerItems: String?
    @Option(parsing: .unconditional, help: "Printed percentage(s) with an event (checked against n and --count).") var percent: String?
    @Option(parsing: .unconditional, help: "Event count(s) behind --percent.") var count: String?
    @Option(name: .customLong("test"), parsing: .unconditionalSingleValue, help: "A printed test, e.g. \"t(28) = 2.20, p = .06\" (repeatable).")
    var tests: [String] = []
    @Option(help: "Not available: audit a dataset folder with `trialstats report` instead.") var data: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        if let data { try AuditDataHook.run(path: data) }
        let study = try buildStudy()
        let rows = Audit.run(study)
        switch output.format {
        case .text: try StandardOutput.print(AuditTable.text(rows, title: "Audit of printed values"), terminator: "")
        case .csv: try StandardOutput.print(AuditTable.csv(rows), terminator: "")
        case .json: try StandardOutput.print(AuditTable.json(rows), terminator: "")
        }
    }

    func buildStudy() throws -> PrintedStudy {
        let tested = try tests.map { try AuditFlags.test($0, flag: "--test") }
        let lvl = try number(level, flag: "--level")
        guard lvl > 0, lvl < 1 else { throw ValidationError("--level: must be inside (0, 1), got \(level)") }
        var effects: [NamedEffect] = []
        if let table {
            guard [self.mean, sd, se, ci, percent, n].allSatisfy({ $0 == nil }) else {
                throw ValidationError("--table: give a table of counts and its --p on their own, without arm summaries")
            }
            guard let p else { throw ValidationError("--table: give the p the paper printed for it with --p, e.g. --p 0.026") }
            let counts = try checked { try ContingencyTable.parse(table, location: "--table") }.counts
            let printedP = try checked { try PrintedInterval(p, location: "--p", domain: 0...1) }
            return PrintedStudy(arms: [], effects: try ratioEffect(level: lvl).map { [$0] } ?? [],
                                tables: [PrintedTable(counts: counts, p: printedP, ordered: ordered)], tests: tested)
        }
        if let e = try ratioEffect(level: lvl) { effects.append(e) }
        let armFlags = [self.mean, sd, se, ci, p, percent].contains { $0 != nil }
        if !armFlags, let e = try differenceEffect(level: lvl) { effects.append(e) }
        guard let mean = mean ?? ci.map({ _ in "" }) ?? percent.map({ _ in "" }) else {
            guard !tested.isEmpty || !effects.isEmpty else {
                throw ValidationError("--mean: missing (give arm summaries, --diff/--diff-ci/--diff-p, --ratio or --test)")
            }
            return PrintedStudy(arms: [], effects: effects, tests: tested)
        }
        // Number of arms from the first per-arm list given.
        let k: Int = {
            for text in [self.mean, sd, se, p, percent].compactMap({ $0 }) where !text.isEmpty { return AuditFlags.items(text).count }
            if let ci { return ci.contains(";") ? 2 : 1 }
            return 1
        }()
        guard k >= 1 else { throw ValidationError("--mean: give at least one arm") }
        let means = mean.isEmpty ? Array(repeating: nil, count: k) : try AuditFlags.printed(mean, flag: "--mean", arms: k)
        let sds = try AuditFlags.printed(sd, flag: "--sd", arms: k, domain: 0...Double.infinity)
        let ses = try AuditFlags.printed(se, flag: "--se", arms: k, domain: 0...Double.infinity)
        let ps = try AuditFlags.printed(p, flag: "--p", arms: k, domain: 0...1)
        let cis = try AuditFlags.intervals(ci, flag: "--ci", arms: k)
        let ns = try AuditFlags.counts(n, flag: "--n", arms: k)
        let pcts = try AuditFlags.printed(percent, flag: "--percent", arms: k, domain: 0...100)
        let cnts = try AuditFlags.counts(count, flag: "--count", arms: k)
        var items: Int? = nil
        if let integerItems { items = try checked { try PrintedNumber.parseCount(integerItems, location: "--integer-items") } }
        var names = (1...k).map { k == 1 ? "arm" : "arm \($0)" }
        if let labels {
            let parts = AuditFlags.items(labels)
            guard parts.count == k else { throw ValidationError("--labels: \(parts.count) labels for \(k) arm(s)") }
            names = parts
        }
        for (i, c) in ns.enumerated() { if let c, c < 2 { throw ValidationError("--n: each arm needs n ≥ 2, got \(c) (arm \(i + 1))") } }
        let arms = (0..<k).map { i in
            PrintedArm(label: names[i], n: ns[i], mean: means[i], sd: sds[i], se: ses[i], ciLower: cis[i]?.0, ciUpper: cis[i]?.1,
                       p: ps[i], level: lvl, integerItems: items, percent: pcts[i], count: cnts[i])
        }
        var total: Int? = nil
        if let totalN { total = try checked { try PrintedNumber.parseCount(totalN, location: "--total-n") } }
        var comparison: PrintedComparison? = nil
        if diff != nil || diffCi != nil || diffP != nil {
            guard k == 2 else { throw ValidationError("--diff: a comparison of arms needs exactly two arms, got \(k)") }
            let e = try diff.map { d in try checked { try PrintedInterval(d, location: "--diff") } }
            let c = try diffCi.flatMap { try AuditFlags.interval($0, flag: "--diff-ci") }
            let dp = try diffP.map { d in try checked { try PrintedInterval(d, location: "--diff-p", domain: 0...1) } }
            comparison = PrintedComparison(estimate: e, ciLower: c?.0, ciUpper: c?.1, p: dp, level: lvl)
        }
        var overall: PrintedOverall? = nil
        if overallF != nil || overallP != nil {
            guard k >= 2 else { throw ValidationError("--overall-p: an overall test needs two or more arms, got \(k)") }
            overall = PrintedOverall(F: try overallF.map { x in try checked { try PrintedInterval(x, location: "--overall-f", domain: 0...Double.infinity) } },
                                     p: try overallP.map { x in try checked { try PrintedInterval(x, location: "--overall-p", domain: 0...1) } })
        }
        return PrintedStudy(arms: arms, totalN: total, comparison: comparison, overall: overall, effects: effects, tests: tested)
    }

    /// `--diff`, `--diff-ci`, `--diff-p` without arm summaries: a comparison alone (t on n1 + n2 − 2 df with --n).
    func differenceEffect(level: Double) throws -> NamedEffect? {
        guard diff != nil || diffCi != nil || diffP != nil else { return nil }
        let e = try diff.map { d in try checked { try PrintedInterval(d, location: "--diff") } }
        let c = try diffCi.flatMap { try AuditFlags.interval($0, flag: "--diff-ci") }
        let dp = try diffP.map { d in try checked { try PrintedInterval(d, location: "--diff-p", domain: 0...1) } }
        var df: Double? = nil
        if let n {
            let ns = try AuditFlags.counts(n, flag: "--n", arms: AuditFlags.items(n).count)
            guard ns.count == 2, let a = ns[0], let b = ns[1], a >= 2, b >= 2 else {
                throw ValidationError("--n: with a comparison alone give the two arm sizes, e.g. 60,58 (each ≥ 2), got \"\(n)\"")
            }
            df = Double(a + b - 2)
        }
        return NamedEffect(label: "difference", effect: PrintedEffect(measure: .difference, estimate: e, ciLower: c?.0, ciUpper: c?.1,
                                                                      p: dp, level: level, df: df))
    }

    /// `--ratio`, `--ratio-ci`, `--ratio-p`, `--measure`: a ratio measure on the log scale.
    func ratioEffect(level: Double) throws -> NamedEffect? {
        guard ratio != nil || ratioCi != nil || ratioP != nil else { return nil }
        let positive = Double.leastNonzeroMagnitude...Double.infinity
        let e = try ratio.map { d in try checked { try PrintedInterval(d, location: "--ratio", domain: positive) } }
        let c = try ratioCi.flatMap { try AuditFlags.interval($0, flag: "--ratio-ci") }
        if let c, c.0.value <= 0 { throw ValidationError("--ratio-ci: a ratio's CI bounds must be positive, got \(c.0.text)") }
        let rp = try ratioP.map { d in try checked { try PrintedInterval(d, location: "--ratio-p", domain: 0...1) } }
        return NamedEffect(label: measure.effect.rawValue,
                           effect: PrintedEffect(measure: measure.effect, estimate: e, ciLower: c?.0, ciUpper: c?.1, p: rp, level: level))
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

/// `audit --data` is not available: `trialstats report DIR` audits every study of a dataset folder.
enum AuditDataHook {
    static func run(path: String) throws {
        throw fail("--data: not available for audit; run `trialstats report \(path)` to audit a dataset folder, or give the printed values as flags")
    }
}
