import RealModule
import TSCore

/// SplitMix64 (Steele, Lea & Flood 2014, OOPSLA): a tiny seeded generator, so every Monte Carlo
/// p-value is reproducible from the seed it prints.
struct SplitMix64: Sendable {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform on [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

extension FisherFreemanHalton {
    public struct MonteCarloResult: Sendable, Equatable {
        /// (1 + #{simulated P(T) ≤ P(observed)(1 + 1e-7)}) / (B + 1), as R's simulate.p.value.
        public let pValue: Double
        public let replicates: Int
        public let seed: UInt64
        /// Binomial standard error of the estimated tail fraction.
        public let standardError: Double
    }

    /// Largest number of replicates accepted.
    public static let maxReplicates = 100_000_000
    /// Largest replicates × max(total, cells): each replicate draws the table cell by cell, hypergeometric draws
    /// costing up to their count (about 3e-9 s per unit measured on a 2-core Linux machine, release build).
    public static let maxWork = 10_000_000_000
    /// Units of work between two progress calls.
    static let progressWork = 10_000_000
    /// Units of work of `replicates` replicates on `table` (replicates × max(total, cells), saturating).
    public static func monteCarloWork(_ table: ContingencyTable, replicates: Int) -> Int {
        let w = replicates.multipliedReportingOverflow(by: max(table.total, table.rowCount * table.columnCount))
        return w.overflow ? .max : w.partialValue
    }

    /// Monte Carlo p-value, only on request: tables are drawn from the exact conditional
    /// (multivariate hypergeometric) distribution given both margins, column by column, each cell a
    /// hypergeometric draw by inversion (equivalent to Patefield 1981, AS 159).
    /// Refused above `maxReplicates`, or above `maxWork` units of work. `progress`, when given, is called with
    /// (replicates done, replicates asked) about every 10^7 units of work (a few hundredths of a second) and at
    /// the end; it does not change the result.
    public static func monteCarloPValue(_ table: ContingencyTable, replicates: Int, seed: UInt64,
                                        progress: ((_ done: Int, _ of: Int) -> Void)? = nil) throws(InputError) -> MonteCarloResult {
        try monteCarloPValue(table, replicates: replicates, seed: seed, progress: progress, progressWork: progressWork)
    }

    static func monteCarloPValue(_ table: ContingencyTable, replicates: Int, seed: UInt64,
                                 progress: ((_ done: Int, _ of: Int) -> Void)?, progressWork: Int) throws(InputError) -> MonteCarloResult {
        guard replicates >= 1 else { throw InputError(.parameter("replicates"), "need at least 1 replicate, found \(replicates)") }
        guard replicates <= maxReplicates else {
            throw InputError(.parameter("replicates"), "at most \(maxReplicates) replicates (Monte Carlo SE 5e-5 at p = 0.5), found \(replicates)")
        }
        let perReplicate = max(table.total, table.rowCount * table.columnCount)
        guard monteCarloWork(table, replicates: replicates) <= maxWork else {
            throw InputError(.parameter("replicates"), "\(replicates) replicates of a table of total \(table.total) exceed the work bound "
                + "replicates × max(total, cells) ≤ \(maxWork) (about half a minute); ask for at most \(maxWork / perReplicate)")
        }
        let obs = table.counts
        let r = table.rowCount, c = table.columnCount
        let rowTot = table.rowTotals, colTot = table.columnTotals, n = table.total
        let lf = LogFactorials(upTo: n)
        var sObs = 0.0
        for row in obs { for v in row { sObs += lf.hi[v] } }
        let cut = sObs - tolerance   // log P(T) ≤ log P(obs) + tol  ⇔  Σ log n! ≥ Σ log obs! − tol
        var rng = SplitMix64(seed: seed)
        var hits = 0
        var rem = rowTot
        var weights: [Double] = []
        let step = max(1, progressWork / perReplicate)
        for b in 0..<replicates {
            if let progress, b % step == 0, b > 0 { progress(b, replicates) }
            rem = rowTot
            var s = 0.0
            for j in 0..<c {
                var need = colTot[j]
                var restRows = rem.reduce(0, +)
                for i in 0..<r {
                    restRows -= rem[i]
                    let k = drawHypergeometric(successes: rem[i], failures: restRows, draws: need, rng: &rng, scratch: &weights)
                    s += lf.hi[k]; rem[i] -= k; need -= k
                }
            }
            if s >= cut { hits += 1 }
        }
        progress?(replicates, replicates)
        let p = Double(hits + 1) / Double(replicates + 1)
        let f = Double(hits) / Double(replicates)
        return MonteCarloResult(pValue: p, replicates: replicates, seed: seed,
                                standardError: (f * (1 - f) / Double(replicates)).squareRoot())
    }

    /// One hypergeometric variate by inversion: weights relative to the mode by the pmf ratio
    /// P(x+1)/P(x) = (m−x)(k−x) / ((x+1)(f−k+x+1)), so nothing underflows at large N.
    static func drawHypergeometric(successes m: Int, failures f: Int, draws k: Int, rng: inout SplitMix64, scratch w: inout [Double]) -> Int {
        let lo = max(0, k - f), hi = min(k, m)
        if lo >= hi { return lo }
        let mode = min(hi, max(lo, Int((Double(k + 1) * Double(m + 1) / Double(m + f + 2)).rounded(.down))))
        w = [Double](repeating: 0, count: hi - lo + 1)
        w[mode - lo] = 1
        if mode < hi { for x in mode..<hi { w[x + 1 - lo] = w[x - lo] * Double(m - x) * Double(k - x) / (Double(x + 1) * Double(f - k + x + 1)) } }
        if mode > lo { for x in stride(from: mode, to: lo, by: -1) { w[x - 1 - lo] = w[x - lo] * Double(x) * Double(f - k + x) / (Double(m - x + 1) * Double(k - x + 1)) } }
        let total = w.reduce(0, +)
        var u = rng.uniform() * total
        for (i, v) in w.enumerated() { u -= v; if u < 0 { return lo + i } }
        return hi
    }
}
