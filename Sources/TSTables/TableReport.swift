import TSCore

/// The full battery for one table, as result rows: 2×2 effect measures and exact tests; r×c tests;
/// with `ordered`, the ordinal tests. Used by `trialstats counts`.
public enum TableReport {
    /// Largest table total for which the exact tests run: their log-factorial tables and supports hold one
    /// value per count up to N, so beyond this they are not attempted (a row says so) rather than exhaust memory.
    public static let exactTotalLimit = 10_000_000

    static func exactSkipped(_ quantity: String, total: Int) -> ResultRow {
        ResultRow(quantity: quantity, estimate: .nan, method: "not computed: the exact test holds one value per count up to the table total N = \(total), "
                  + "above the limit of \(exactTotalLimit); the χ² tests apply")
    }

    /// `monteCarlo` adds a Monte Carlo Fisher–Freeman–Halton p-value (only on request; seed printed);
    /// `progress` follows its replicates (see `FisherFreemanHalton.monteCarloPValue`).
    public static func rows(_ t: ContingencyTable, ordered: Bool = false, scores: [Double]? = nil,
                            level: Double = 0.95, monteCarlo: (replicates: Int, seed: UInt64)? = nil,
                            workLimit: Int = FisherFreemanHalton.defaultWorkLimit,
                            progress: ((_ done: Int, _ of: Int) -> Void)? = nil) throws(InputError) -> [ResultRow] {
        guard level > 0 && level < 1 else { throw InputError(.parameter("level"), "confidence level must lie in (0, 1), found \(level)") }
        var out: [ResultRow] = []
        // Per-row proportions of the first column.
        for (i, row) in t.counts.enumerated() {
            let n = row.reduce(0, +)
            let c = try BinomialCount(events: row[0], n: n)
            let (l, u) = ProportionInterval.interval(c, method: .wilson, level: level)
            out.append(ResultRow(quantity: "proportion", estimate: c.proportion, ciLower: l, ciUpper: u,
                                 method: ProportionMethod.wilson.label,
                                 extra: ["group": t.rowLabels[i], "outcome": t.columnLabels[0], "level": "\(level)"]))
        }
        if t.isTwoByTwo {
            out += try TwoByTwoAnalysis(t, level: level).resultRows
        } else {
            out += ChiSquareSummary(t).resultRows
            let ffh = t.total > exactTotalLimit ? nil : try FisherFreemanHalton.exactPValue(t, workLimit: workLimit)
            if ffh == nil {
                out.append(exactSkipped("fisher_freeman_halton", total: t.total))
            } else if let ffh, ffh.isComplete {
                out.append(ResultRow(quantity: "fisher_freeman_halton", estimate: ffh.observedProbability, pValue: ffh.pValue,
                                     method: "Fisher-Freeman-Halton exact (network algorithm, Mehta & Patel 1983); estimate = P(observed table)"))
            } else if let ffh {
                out.append(ResultRow(quantity: "fisher_freeman_halton", estimate: ffh.observedProbability,
                                     method: "Fisher-Freeman-Halton exact stopped at the work limit: p lies in [p_lower, p_upper]; ask for a Monte Carlo p-value (monteCarlo replicates)",
                                     extra: ["p_lower": NumberFormat.full(ffh.pValue), "p_upper": NumberFormat.full(ffh.pValueUpperBound)]))
            }
        }
        if let mc = monteCarlo, t.total <= exactTotalLimit {
            let r = try FisherFreemanHalton.monteCarloPValue(t, replicates: mc.replicates, seed: mc.seed, progress: progress)
            out.append(ResultRow(quantity: "fisher_freeman_halton_monte_carlo", estimate: r.pValue, se: r.standardError, pValue: r.pValue,
                                 method: "Fisher-Freeman-Halton Monte Carlo p = (1+hits)/(B+1), not exact; se = its binomial standard error; "
                                     + "B = \(r.replicates) replicates, seed \(r.seed)",
                                 extra: ["seed": "\(mc.seed)", "replicates": "\(mc.replicates)"]))
        }
        if ordered {
            if t.total > exactTotalLimit { out.append(exactSkipped("ordinal_tests", total: t.total)) }
            else { out += try OrdinalTests.rows(t, scores: scores) }
        }
        return out
    }
}
