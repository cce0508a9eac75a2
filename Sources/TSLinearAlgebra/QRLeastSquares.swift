import TSCore

/// The solution of min ‖y − X β‖₂ by Householder QR with column pivoting (LAPACK `dgeqp3`,
/// Businger & Golub 1965; Quintana-Ortí, Sun & Bischof 1998), never the normal equations, followed by
/// iterative refinement through the augmented system with double-word residuals (Björck 1967; see
/// `AugmentedRefinement`).
///
/// `refinement` (default `.automatic`): the coefficients are refined until the last correction is below
/// half an ulp of every component (typically two double-word residual passes); (XᵀX)⁻¹ is taken from
/// R₁₁⁻¹R₁₁⁻ᵀ (`dtrtri`) unless κ̂·u > 2⁻⁴⁶ (κ̂ the `dtrcon` estimate, i.e. κ̂ > 128), the first correction
/// exceeds 2⁻⁴⁰ of β, or refinement failed, in which case every column is refined as with `.always`
/// (Higham 2002, ch. 12 and 20; see `plainCovarianceSuffices`). `.never` is the plain QR solution.
///
/// Rank: columns are scaled to unit Euclidean norm; a column is aliased when its pivoted |R_kk| ≤
/// `rankTolerance` · |R_11|. Aliased coefficients are NaN, as R's `lm` reports NA.
///
/// Exact data: X and y may carry low parts (`xLow`, `yLow`) so that X + xLow and y + yLow are the data to
/// about 2⁻¹⁰⁴ (decimal inputs parsed with `DoubleWord(decimal:)`, polynomial powers formed in double-word).
/// Refinement then converges to the least-squares solution of those data, not of their double roundings:
/// this is what brings NIST's Filip (scaled condition number ≈ 5·10⁹) from about 7 to 15 correct digits.
public struct QRLeastSquares: Sendable {
    /// Coefficients in the original column order; NaN for aliased columns.
    public let coefficients: [Double]
    /// Numerical rank found.
    public let rank: Int
    /// Residual sum of squares Σ rᵢ², from the refined residuals summed in double-word arithmetic.
    public let residualSumOfSquares: Double
    /// y − X β (refined).
    public let residuals: [Double]
    /// (XᵀX)⁻¹ restricted to the estimable columns, in original column order, each column refined like the
    /// coefficients when `covarianceRefined`, else R₁₁⁻¹R₁₁⁻ᵀ; NaN rows/columns for aliased ones.
    public let unscaledCovariance: Matrix
    /// The column permutation: `pivot[k]` is the original column in pivoted position k.
    public let pivot: [Int]
    /// Corrections applied to the coefficients (1 = the plain QR solution).
    let refinementSteps: Int
    /// Whether refinement reached a correction below 2⁻⁶⁰ of the coefficients (false: κ·u too large).
    public let refinementConverged: Bool

    /// The condition number estimate κ̂₁(R₁₁) of the column-scaled design (`dtrcon`).
    public let conditionEstimate: Double
    /// ‖S dβ₁‖∞ / ‖S β₀‖∞: the first refinement correction relative to the plain QR solution β₀ (S the column
    /// scaling), an estimate of β₀'s relative error; NaN when no correction was computed (`.never`).
    public let firstRefinementCorrection: Double
    /// Whether (XᵀX)⁻¹ was refined column by column (`.always`, or `.automatic` failing its test) rather than
    /// taken from R₁₁⁻¹R₁₁⁻ᵀ.
    public let covarianceRefined: Bool

    /// When to refine (see `plainCovarianceSuffices` for the automatic rule).
    public enum Refinement: String, Sendable, Equatable, CaseIterable {
        /// Refine the coefficients until their last correction is below half an ulp; refine (XᵀX)⁻¹ only
        /// when κ̂·u or the first correction says R₁₁⁻¹R₁₁⁻ᵀ may not be accurate to nearly full precision.
        case automatic
        /// Refine the coefficients and every column of (XᵀX)⁻¹ to double-word accuracy.
        case always
        /// The plain QR solution and R₁₁⁻¹R₁₁⁻ᵀ, no double-word residuals (as R's `lm`).
        case never
    }

    /// Automatic mode: largest κ̂·u for taking (XᵀX)⁻¹ from R₁₁⁻¹: 2⁻⁴⁶, i.e. κ̂ ≤ 128.
    static let automaticConditionThreshold = 0x1p-46
    /// Automatic mode: largest first correction ‖S dβ₁‖∞ / ‖S β₀‖∞ for taking (XᵀX)⁻¹ from R₁₁⁻¹.
    public static let automaticCorrectionThreshold = 0x1p-40

    /// Default relative tolerance for the rank decision: 1e-10 on unit-norm columns. R's `lm` default of
    /// 1e-7 wrongly drops a column of NIST's Filip, whose smallest pivot ratio is 1.2e-9.
    public static let defaultRankTolerance = 1e-10
    /// Default bound on refinement corrections; 2–4 are typical. 0 means `.never`.
    public static let defaultRefinementSteps = 8

    public init(
        _ x: Matrix, _ y: [Double], xLow: Matrix? = nil, yLow: [Double]? = nil,
        rankTolerance: Double = QRLeastSquares.defaultRankTolerance,
        maxRefinementSteps: Int = QRLeastSquares.defaultRefinementSteps,
        refinement: Refinement = .automatic
    ) throws(LinearAlgebraError) {
        let m = x.rows, n = x.columns
        guard y.count == m else { throw .dimensionMismatch("y has \(y.count) entries, X has \(m) rows") }
        guard m >= n, n > 0 else { throw .dimensionMismatch("need rows ≥ columns > 0, got \(m)×\(n)") }
        if let xLow, xLow.rows != m || xLow.columns != n { throw .dimensionMismatch("xLow is not \(m)×\(n)") }
        if let yLow, yLow.count != m { throw .dimensionMismatch("yLow has \(yLow.count) entries, not \(m)") }
        guard x.storage.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else {
            throw .dimensionMismatch("X and y must be finite")
        }

        let qr = try PivotedQR(x)
        let r = qr.rank(tolerance: rankTolerance)
        let perm = qr.pivot
        let system = AugmentedRefinement(qr: qr, order: r, x: x, xLow: xLow)
        let b = (0..<m).map { DoubleWord(y[$0], yLow?[$0] ?? 0) }
        let mode: Refinement = maxRefinementSteps <= 0 ? .never : refinement
        let steps = mode == .never ? 1 : 1 + maxRefinementSteps
        let kappa = try qr.conditionEstimate(order: r)

        var beta = [Double](repeating: .nan, count: n)
        var residuals = y
        var rss = DoubleWord.zero
        var taken = 0
        var converged = true
        var firstCorrection = Double.nan
        var refineCovariance = mode == .always
        var cov = Matrix(rows: n, columns: n, repeating: .nan)
        if r > 0 {
            // Automatic: at least one correction even when κu is small, since the residual check is what
            // certifies the plain solution (and brings in the data's low parts).
            let fit = try system.solve(b: b, c: [Double](repeating: 0, count: r), maxSteps: steps,
                                       stop: mode == .automatic ? .workingPrecision : .doubleWord)
            for k in 0..<r { beta[perm[k]] = fit.x[k].value }
            residuals = fit.r.map(\.value)
            for v in fit.r { rss += v * v }
            taken = fit.steps
            converged = fit.converged || mode == .never
            firstCorrection = fit.firstCorrection
            if mode == .automatic {
                refineCovariance = !QRLeastSquares.plainCovarianceSuffices(
                    conditionEstimate: kappa, firstCorrection: firstCorrection, converged: fit.converged)
            }
            if refineCovariance {
                for j in 0..<r {
                    var c = [Double](repeating: 0, count: r)
                    c[j] = -1
                    let col = try system.solve(b: [DoubleWord](repeating: .zero, count: m), c: c, maxSteps: steps)
                    for k in 0..<r { cov[perm[k], perm[j]] = col.x[k].value }
                }
                // Symmetrise: refined columns agree to rounding; average the two triangles.
                for p in 0..<r {
                    for q in (p + 1)..<max(p + 1, r) {
                        let v = 0.5 * (cov[perm[p], perm[q]] + cov[perm[q], perm[p]])
                        cov[perm[p], perm[q]] = v
                        cov[perm[q], perm[p]] = v
                    }
                }
            } else {
                // (XᵀX)⁻¹ = S⁻¹ P R₁₁⁻¹ R₁₁⁻ᵀ Pᵀ S⁻¹ from the scaled factor (R's chol2inv on the QR's R).
                let inv = try qr.inverseR(order: r)
                for p in 0..<r {
                    for q in p..<r {
                        var sum = DoubleWord.zero
                        for k in q..<r { sum.addProduct(inv[p, k], inv[q, k]) }
                        let v = sum.value / (qr.scale[perm[p]] * qr.scale[perm[q]])
                        cov[perm[p], perm[q]] = v
                        cov[perm[q], perm[p]] = v
                    }
                }
            }
        } else {
            for v in y { rss.addProduct(v, v) }
        }
        coefficients = beta
        rank = r
        residualSumOfSquares = rss.value
        self.residuals = residuals
        unscaledCovariance = cov
        pivot = perm
        self.refinementSteps = taken
        refinementConverged = converged
        conditionEstimate = kappa
        firstRefinementCorrection = firstCorrection
        covarianceRefined = refineCovariance && r > 0
    }

    /// The automatic mode's rule for (XᵀX)⁻¹: R₁₁⁻¹R₁₁⁻ᵀ (`dtrtri`) instead of refined columns when
    /// (1) κ̂·u ≤ `automaticConditionThreshold` (κ̂ the `dtrcon` estimate for the scaled design): the
    /// computed R is the exact factor of X + ΔX with ‖ΔXⱼ‖ ≤ γ‖Xⱼ‖ (Higham 2002, ch. 19–20), so the inverse's
    /// relative error is of order κ̂·u; and (2) the coefficients' first refinement correction, which estimates
    /// the plain QR solution's relative error (ch. 12), is at most `automaticCorrectionThreshold`, so the
    /// factor is as good in practice as the bound says, including any low parts of the data; and (3) the
    /// coefficients' refinement converged.
    static func plainCovarianceSuffices(conditionEstimate: Double, firstCorrection: Double, converged: Bool) -> Bool {
        converged && conditionEstimate * 0x1p-53 <= automaticConditionThreshold
            && firstCorrection.isFinite && firstCorrection <= automaticCorrectionThreshold
    }

    /// Standard errors √(σ̂² · diag (XᵀX)⁻¹) with σ̂² = RSS / (m − rank); NaN for aliased columns.
    public func standardErrors() -> [Double] {
        let m = residuals.count
        let sigma2 = residualSumOfSquares / Double(m - rank)
        return (0..<coefficients.count).map { (sigma2 * unscaledCovariance[$0, $0]).squareRoot() }
    }
}
