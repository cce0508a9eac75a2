import TSCore

/// The full battery for one table, as result rows: 2×2 effect measures and exact tests; r×c tests;
/// with `ordered`, the ordinal tests. Used by `trialstats counts`.
public enum TableReport {
    public static func rows(_ t: ContingencyTable, ordered: Bool = false, scores: [Double]? = nil,
                            level: Double = 0.95) throws(InputError) -> [ResultRow] {
        guard level > 0 && level < 1 else { throw InputError("--level", "confidence level must lie in (0, 1), found \(level)") }
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
            let g = try TwoGroupCounts(t)
            out += RiskDifference.rows(g, level: level)
            out += RiskRatio.rows(g, level: level)
            out += OddsRatio.rows(g, level: level)
            out += FisherExact2x2.rows(g)
            out += ChiSquareTests.rows(t)
        } else {
            out += ChiSquareTests.rows(t)
            let ffh = try FisherFreemanHalton.exactPValue(t)
            out.append(ResultRow(quantity: "fisher_freeman_halton", estimate: ffh.observedProbability, pValue: ffh.pValue,
                                 method: "Fisher-Freeman-Halton exact (network algorithm, Mehta & Patel 1983); estimate = P(observed table)"))
        }
        if ordered { out += try OrdinalTests.rows(t, scores: scores) }
        return out
    }
}
