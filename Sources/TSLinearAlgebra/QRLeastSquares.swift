import TSCore

/// The solution of min ‖y − X β‖₂ by Householder QR with column pivoting (LAPACK `dgeqp3`,
/// Businger & Golub 1965; Quintana-Ortí, Sun & Bischof 1998), never the normal equations, followed by
/// iterative refinement through the augmented system with double-word residuals (Björck 1967; see
/// `AugmentedRefinement`).
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
    /// coefficients; NaN rows/columns for aliased ones.
    public let unscaledCovariance: Matrix
    /// The column permutation: `pivot[k]` is the original column in pivoted position k.
    public let pivot: [Int]
    /// Corrections applied to the coefficients (1 = the plain QR solution).
    public let refinementSteps: Int
    /// Whether refinement reached a correction below 2⁻⁶⁰ of the coefficients (false: κ·u too large).
    public let refinementConverged: Bool

    /// Default relative tolerance for the rank decision: 1e-10 on unit-norm columns. R's `lm` default of
    /// 1e-7 wrongly drops a column of NIST's Filip, whose smallest pivot ratio is 1.2e-9.
    public static let defaultRankTolerance = 1e-10
    /// Default bound on refinement corrections; 2–4 are typical.
    public static let defaultRefinementSteps = 8

    public init(
        _ x: Matrix, _ y: [Double], xLow: Matrix? = nil, yLow: [Double]? = nil,
        rankTolerance: Double = QRLeastSquares.defaultRankTolerance,
        maxRefinementSteps: Int = QRLeastSquares.defaultRefinementSteps
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
        let steps = 1 + max(0, maxRefinementSteps)

        var beta = [Double](repeating: .nan, count: n)
        var residuals = y
        var rss = DoubleWord.zero
        var taken = 0
        var converged = true
        var cov = Matrix(rows: n, columns: n, repeating: .nan)
        if r > 0 {
            let fit = try system.solve(b: b, c: [Double](repeating: 0, count: r), maxSteps: steps)
            for k in 0..<r { beta[perm[k]] = fit.x[k].value }
            residuals = fit.r.map(\.value)
            for v in fit.r { rss += v * v }
            taken = fit.steps
            converged = fit.converged || maxRefinementSteps == 0
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
    }

    /// Standard errors √(σ̂² · diag (XᵀX)⁻¹) with σ̂² = RSS / (m − rank); NaN for aliased columns.
    public func standardErrors() -> [Double] {
        let m = residuals.count
        let sigma2 = residualSumOfSquares / Double(m - rank)
        return (0..<coefficients.count).map { (sigma2 * unscaledCovariance[$0, $0]).squareRoot() }
    }
}
