import TrialStatsKit

/// Recomputation of two-arm rows in process: per row two `ArmSummary` values and
/// `TwoArmDifference.difference` (Welch t: difference, SE, Satterthwaite df, 95% CI, two-sided p) — the
/// same library calls `trialstats means --data` makes, without the CSV parsing and printing.
enum BatchCases {
    static func run(path: String, reps: Int, out: String?) {
        let (header, cols) = loadNumericCSV(path)
        precondition(header == ["n1", "mean1", "sd1", "n2", "mean2", "sd2"], "unexpected header \(header)")
        let m = cols[0].count
        let n1 = cols[0].map { Int($0) }, n2 = cols[3].map { Int($0) }
        let (mean1, sd1, mean2, sd2) = (cols[1], cols[2], cols[4], cols[5])
        var lower = [Double](repeating: 0, count: m), upper = lower, p = lower, df = lower
        let times = Timing.run(reps: reps) {
            var s = 0.0
            for i in 0..<m {
                let a = try! ArmSummary(n: n1[i], mean: mean1[i], sd: sd1[i])
                let b = try! ArmSummary(n: n2[i], mean: mean2[i], sd: sd2[i])
                let r = try! TwoArmDifference.difference(a, b, test: .welch, level: 0.95)
                lower[i] = r.ciLower!; upper[i] = r.ciUpper!; p[i] = r.pValue!; df[i] = r.df!
                s += p[i]
            }
            return s
        }
        report("batch_inprocess_1e6", times, items: m)
        if let out {
            writeVector(lower, to: "\(out)/batch_lower.trialstats.f64")
            writeVector(upper, to: "\(out)/batch_upper.trialstats.f64")
            writeVector(p, to: "\(out)/batch_p.trialstats.f64")
            writeVector(df, to: "\(out)/batch_df.trialstats.f64")
        }
    }
}
