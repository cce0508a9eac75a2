import TrialStatsKit

/// Linear regression y ~ x1 + … + x20 (21 coefficients) on n = 100,000 rows: `LinearModelFit` (pivoted QR,
/// iterative refinement of coefficients and of every column of (XᵀX)⁻¹, t/F inference), and, for scale,
/// `QRLeastSquares` with refinement switched off.
enum RegressionCases {
    static func run(path: String, reps: Int, out: String?) {
        let (header, cols) = loadNumericCSV(path)
        let y = cols[0]
        let n = y.count
        let xcols = [[Double](repeating: 1, count: n)] + Array(cols[1...])
        let names = ["(Intercept)"] + Array(header[1...])
        let terms = (1..<names.count).map { ModelTerm(name: names[$0], columns: $0..<($0 + 1)) }
        let design = DesignMatrix(columnNames: names, terms: terms, hasIntercept: true,
                                  x: Matrix(columns: xcols), y: y)
        var fit: LinearModelFit? = nil
        let times = Timing.run(reps: reps, warmup: 0) {
            fit = try! LinearModelFit(design); return fit!.residualSD
        }
        report("lm_100000x20", times, items: n, note: "rank=\(fit!.rank)")
        var plain: QRLeastSquares? = nil
        let t2 = Timing.run(reps: reps, warmup: 0) {
            plain = try! QRLeastSquares(design.x, y, maxRefinementSteps: 0); return plain!.residualSumOfSquares
        }
        report("lm_100000x20_qr_norefine", t2, items: n)
        if let out, let fit {
            writeVector(fit.coefficients.map(\.estimate), to: "\(out)/lm_coef.trialstats.f64")
            writeVector(fit.coefficients.map(\.se), to: "\(out)/lm_se.trialstats.f64")
        }
    }
}
