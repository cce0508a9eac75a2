import TSCore

/// An effect measure on a 2×2 table with the interval one method gives it.
public struct IntervalEstimate<Method: Sendable & Equatable>: Sendable, Equatable {
    public let method: Method
    public let estimate: Double
    public let interval: ConfidenceInterval
    /// What the method did at a zero cell (e.g. "0.5 added to every cell"), when it did anything.
    public let note: String?
}

/// How an odds-ratio interval was obtained.
public enum OddsRatioMethod: String, Sendable, CaseIterable {
    /// Woolf's log interval on the sample odds ratio (Woolf 1955).
    case woolf
    /// Conditional MLE with the exact (Cornfield) interval from the noncentral hypergeometric.
    case exact
    /// Conditional MLE with the mid-p interval.
    case midP = "mid_p"

    public var label: String {
        switch self {
        case .woolf: "Woolf log (1955)"
        case .exact: "conditional MLE, exact Cornfield interval (noncentral hypergeometric)"
        case .midP: "conditional MLE, mid-p interval (noncentral hypergeometric)"
        }
    }
}

/// Which alternative a p-value tests.
public enum Alternative: String, Sendable, CaseIterable {
    case twoSided = "two.sided"
    case less
    case greater
}

/// One of Fisher's exact p-values for a 2×2 table.
public struct FisherExactP: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Two-sided: every table no more likely than the observed one (R `fisher.test`).
        case minlike
        /// Two-sided: twice the smaller tail, capped at 1.
        case central
        /// One-sided, odds ratio < 1.
        case less
        /// One-sided, odds ratio > 1.
        case greater
    }
    public let kind: Kind
    public let pValue: Double

    public var alternative: Alternative {
        switch kind {
        case .minlike, .central: .twoSided
        case .less: .less
        case .greater: .greater
        }
    }

    public var label: String {
        switch kind {
        case .minlike: "Fisher exact, two-sided minlike (R fisher.test)"
        case .central: "Fisher exact, two-sided central (2 x smaller tail)"
        case .less: "Fisher exact, one-sided (OR < 1)"
        case .greater: "Fisher exact, one-sided (OR > 1)"
        }
    }
}

/// Every effect measure and test `TableReport` gives a 2×2 table, as typed values: risk difference and risk
/// ratio under each interval method, the odds ratio (Woolf, and the conditional MLE with exact and mid-p
/// intervals), Fisher's exact p-values and the χ² family. The exact parts are nil above
/// `TableReport.exactTotalLimit`.
public struct TwoByTwoAnalysis: Sendable, Equatable {
    public let counts: TwoGroupCounts
    public let level: Double
    public let riskDifference: [IntervalEstimate<RiskDifferenceMethod>]
    public let riskRatio: [IntervalEstimate<RiskRatioMethod>]
    /// Woolf first, then the conditional MLE (exact, mid-p) when the table total allows the exact computation.
    public let oddsRatio: [IntervalEstimate<OddsRatioMethod>]
    /// The sample odds ratio ad/bc that Fisher's test is reported with.
    public let sampleOddsRatio: Double
    /// minlike, central, less, greater; nil above the exact limit.
    public let fisher: [FisherExactP]?
    public let chiSquare: ChiSquareSummary

    public init(_ table: ContingencyTable, level: Double = 0.95) throws(InputError) {
        guard level > 0 && level < 1 else { throw InputError(.parameter("level"), "confidence level must lie in (0, 1), found \(level)") }
        let g = try TwoGroupCounts(table)
        counts = g
        self.level = level
        riskDifference = RiskDifferenceMethod.allCases.map { m in
            let (l, u) = RiskDifference.interval(g, method: m, level: level)
            return IntervalEstimate(method: m, estimate: g.p1 - g.p2, interval: ConfidenceInterval(lower: l, upper: u, level: level), note: nil)
        }
        riskRatio = RiskRatioMethod.allCases.map { m in
            let (l, u, note) = RiskRatio.interval(g, method: m, level: level)
            return IntervalEstimate(method: m, estimate: RiskRatio.estimate(g), interval: ConfidenceInterval(lower: l, upper: u, level: level), note: note)
        }
        let wf = OddsRatio.woolf(g, level: level)
        var or = [IntervalEstimate(method: OddsRatioMethod.woolf, estimate: wf.estimate,
                                   interval: ConfidenceInterval(lower: wf.lower, upper: wf.upper, level: level), note: wf.note)]
        let exactFeasible = table.total <= TableReport.exactTotalLimit
        if exactFeasible {
            let h = OddsRatio.support(g)
            let mle = OddsRatio.conditionalMLE(h)
            for m in [OddsRatioMethod.exact, .midP] {
                let ci = OddsRatio.conditionalInterval(h, level: level, midP: m == .midP)
                or.append(IntervalEstimate(method: m, estimate: mle, interval: ConfidenceInterval(lower: ci.lower, upper: ci.upper, level: level), note: nil))
            }
        }
        oddsRatio = or
        sampleOddsRatio = OddsRatio.sampleOddsRatio(g)
        if exactFeasible {
            let r = FisherExact2x2.test(g)
            fisher = [FisherExactP(kind: .minlike, pValue: r.pMinlike), FisherExactP(kind: .central, pValue: r.pCentral),
                      FisherExactP(kind: .less, pValue: r.pLess), FisherExactP(kind: .greater, pValue: r.pGreater)]
        } else {
            fisher = nil
        }
        chiSquare = ChiSquareSummary(table)
    }
}

/// The χ² family for an r×c table: Pearson (and Yates for 2×2), the likelihood-ratio G, Cramér's V, the
/// smallest expected count and the Haberman adjusted residuals.
public struct ChiSquareSummary: Sendable, Equatable {
    public let pearson: ChiSquareTests.Result
    /// Pearson with Yates's continuity correction; 2×2 tables only.
    public let yates: ChiSquareTests.Result?
    public let likelihoodRatio: ChiSquareTests.Result
    public let cramersV: Double
    public let minimumExpected: Double
    public let cellsExpectedBelow5: Int
    /// One per cell, row by row, with the row and column labels.
    public let residuals: [(row: String, column: String, value: Double)]

    public init(_ t: ContingencyTable) {
        pearson = ChiSquareTests.pearson(t)
        yates = t.isTwoByTwo ? ChiSquareTests.pearson(t, yates: true) : nil
        likelihoodRatio = ChiSquareTests.likelihoodRatio(t)
        cramersV = ChiSquareTests.cramersV(t)
        let expected = t.expected.flatMap { $0 }
        minimumExpected = expected.min()!
        cellsExpectedBelow5 = expected.filter { $0 < 5 }.count
        let res = ChiSquareTests.adjustedResiduals(t)
        residuals = (0..<t.rowCount).flatMap { i in (0..<t.columnCount).map { j in (t.rowLabels[i], t.columnLabels[j], res[i][j]) } }
    }

    public static func == (x: ChiSquareSummary, y: ChiSquareSummary) -> Bool {
        x.pearson == y.pearson && x.yates == y.yates && x.likelihoodRatio == y.likelihoodRatio && x.cramersV == y.cramersV
            && x.minimumExpected == y.minimumExpected && x.cellsExpectedBelow5 == y.cellsExpectedBelow5
            && x.residuals.count == y.residuals.count
            && zip(x.residuals, y.residuals).allSatisfy { $0.row == $1.row && $0.column == $1.column && $0.value == $1.value }
    }
}
