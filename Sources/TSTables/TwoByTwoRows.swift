import TSCore

extension TwoByTwoAnalysis {
    /// Output rows in `TableReport`'s order: risk differences, risk ratios, odds ratios, Fisher's p-values,
    /// then the χ² family.
    public var resultRows: [ResultRow] {
        let lv = "\(level)"
        func row<M>(_ quantity: String, _ e: IntervalEstimate<M>, label: String, ciMethod: String) -> ResultRow {
            var extra = ["level": lv, "ci_method": ciMethod]
            if let note = e.note { extra["note"] = note }
            return ResultRow(quantity: quantity, estimate: e.estimate, ciLower: e.interval.lower, ciUpper: e.interval.upper,
                             method: label, extra: extra)
        }
        var out = riskDifference.map { row("risk_difference", $0, label: $0.method.label, ciMethod: $0.method.rawValue) }
        out += riskRatio.map { row("risk_ratio", $0, label: $0.method.label, ciMethod: $0.method.rawValue) }
        out += oddsRatio.map {
            row($0.method == .woolf ? "odds_ratio" : "odds_ratio_conditional_mle", $0, label: $0.method.label, ciMethod: $0.method.rawValue)
        }
        if oddsRatio.count == 1 { out.append(TableReport.exactSkipped("odds_ratio_conditional_mle", total: counts.n1 + counts.n2)) }
        if let fisher {
            out += fisher.map {
                ResultRow(quantity: "fisher_exact", estimate: sampleOddsRatio, pValue: $0.pValue, method: $0.label,
                          extra: ["alternative": $0.alternative.rawValue])
            }
        } else {
            out.append(TableReport.exactSkipped("fisher_exact", total: counts.n1 + counts.n2))
        }
        return out + chiSquare.resultRows
    }
}

extension ChiSquareSummary {
    /// `chi_square` (Pearson, then Yates), `g_test`, `cramers_v`, `min_expected_count`, one `adjusted_residual` per cell.
    public var resultRows: [ResultRow] {
        func test(_ quantity: String, _ r: ChiSquareTests.Result, _ method: String) -> ResultRow {
            ResultRow(quantity: quantity, estimate: r.statistic, statistic: r.statistic, df: r.df, pValue: r.pValue, method: method)
        }
        var out = [test("chi_square", pearson, "Pearson chi-square")]
        if let yates { out.append(test("chi_square", yates, "Pearson chi-square with Yates continuity correction")) }
        out.append(test("g_test", likelihoodRatio, "likelihood-ratio G-test"))
        out.append(ResultRow(quantity: "cramers_v", estimate: cramersV, method: "Cramer's V from Pearson chi-square"))
        out.append(ResultRow(quantity: "min_expected_count", estimate: minimumExpected, method: "smallest expected count under independence",
                             extra: ["cells_expected_below_5": "\(cellsExpectedBelow5)"]))
        out += residuals.map {
            ResultRow(quantity: "adjusted_residual", estimate: $0.value, statistic: $0.value, method: "Haberman adjusted residual",
                      extra: ["row": $0.row, "column": $0.column, "label": "\($0.row)/\($0.column)"])
        }
        return out
    }
}
