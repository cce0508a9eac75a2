import TrialStatsKit

/// Exact tests on fixed tables (the same tables as Tests/TSTablesTests; peers/peers.R uses them too).
enum TableCases {
    /// 2×3, N = 2,965 (group sizes 1,725 and 1,240).
    static let t2x3 = [[700, 520, 505], [380, 410, 450]]
    /// 4×6, N = 258, close to independence (R needs workspace = 2e8 and about a minute or two).
    static let t4x6 = [[8, 12, 10, 15, 9, 11], [10, 9, 14, 8, 12, 7], [12, 11, 9, 10, 13, 12], [9, 13, 11, 12, 8, 13]]
    /// 2×2, N = 10,000.
    static let t2x2 = (x1: 2510, n1: 5000, x2: 2440, n2: 5000)

    static func run(reps: Int, workLimit4x6: Int, only: Set<String>?, out: String?) {
        func save(_ v: Double, _ name: String) { if let out { writeVector([v], to: "\(out)/\(name).trialstats.f64") } }
        func want(_ n: String) -> Bool { only?.contains(n) ?? true }
        if want("ffh_2x3_n2965") {
            let table = try! ContingencyTable(t2x3)
            var res: FisherFreemanHalton.Result? = nil
            let times = Timing.run(reps: reps) {
                res = try! FisherFreemanHalton.exactPValue(table); return res!.pValue
            }
            report("ffh_2x3_n2965", times, items: 1, note: "p=\(res!.pValue) complete=\(res!.isComplete)")
            save(res!.pValue, "ffh_2x3_n2965")
        }
        if want("ffh_4x6_n258") {
            let table = try! ContingencyTable(t4x6)
            var res: FisherFreemanHalton.Result? = nil
            let times = Timing.run(reps: min(reps, 3), warmup: 0) {   // seconds per run: at most 3 runs
                res = try! FisherFreemanHalton.exactPValue(table, workLimit: workLimit4x6); return res!.pValue
            }
            report("ffh_4x6_n258", times, items: 1,
                   note: "p=\(res!.pValue) upper=\(res!.pValueUpperBound) complete=\(res!.isComplete) nodes=\(res!.nodesVisited) workLimit=\(workLimit4x6)")
            if res!.isComplete { save(res!.pValue, "ffh_4x6_n258") }
        }
        if want("fisher_2x2_n10000") {
            let g = try! TwoGroupCounts(x1: t2x2.x1, n1: t2x2.n1, x2: t2x2.x2, n2: t2x2.n2)
            var res: FisherExact2x2.Result? = nil
            let inner = 100
            let times = Timing.run(reps: reps) {
                var s = 0.0
                for _ in 0..<inner { res = FisherExact2x2.test(g); s += res!.pMinlike }
                return s
            }
            report("fisher_2x2_n10000", times.map { $0 / Double(inner) }, items: 1, note: "p=\(res!.pMinlike)")
            save(res!.pMinlike, "fisher_2x2_n10000")
        }
    }
}
