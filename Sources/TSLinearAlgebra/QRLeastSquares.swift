import CLAPACK

/// The solution of min ‖y − X β‖₂ by Householder QR with column pivoting (LAPACK `dgeqp3`,
/// Businger & Golub 1965; Quintana-Ortí, Sun & Bischof 1998), never the normal equations.
///
/// Columns are first scaled to unit Euclidean norm so the rank decision does not depend on units.
/// A column is aliased (rank-deficient) when its pivoted diagonal |R_kk| ≤ `rankTolerance` · |R_11|;
/// aliased coefficients are NaN, as R's `lm` reports NA.
public struct QRLeastSquares: Sendable {
    /// Coefficients in the original column order; NaN for aliased columns.
    public let coefficients: [Double]
    /// Numerical rank found.
    public let rank: Int
    /// Residual sum of squares, ‖Qᵀy‖² over the trailing m − rank rows (no subtraction of fitted values).
    public let residualSumOfSquares: Double
    /// y − X β, computed in the original scale.
    public let residuals: [Double]
    /// (XᵀX)⁻¹ restricted to the estimable columns, in original column order; NaN rows/columns for aliased ones.
    public let unscaledCovariance: Matrix
    /// The column permutation: `pivot[k]` is the original column in pivoted position k.
    public let pivot: [Int]

    /// Default relative tolerance for the rank decision: 1e-10 on unit-norm columns.
    /// (Tighter than R's `lm` default of 1e-7, which wrongly drops a column of NIST's Filip.)
    public static let defaultRankTolerance = 1e-10

    public init(_ x: Matrix, _ y: [Double], rankTolerance: Double = QRLeastSquares.defaultRankTolerance) throws(LinearAlgebraError) {
        let m = x.rows, n = x.columns
        guard y.count == m else { throw .dimensionMismatch("y has \(y.count) entries, X has \(m) rows") }
        guard m >= n, n > 0 else { throw .dimensionMismatch("need rows ≥ columns > 0, got \(m)×\(n)") }

        // Scale columns to unit norm.
        var a = x
        var scale = [Double](repeating: 1, count: n)
        for j in 0..<n {
            var s = 0.0
            for i in 0..<m { s = s.addingProduct(a[i, j], a[i, j]) }
            let norm = s.squareRoot()
            if norm > 0 {
                scale[j] = norm
                for i in 0..<m { a[i, j] /= norm }
            }
        }

        var mm = Int32(m), nn = Int32(n), lda = Int32(m), info: Int32 = 0
        var jpvt = [Int32](repeating: 0, count: n)
        var tau = [Double](repeating: 0, count: n)
        var lwork: Int32 = -1
        var query = 0.0
        dgeqp3_(&mm, &nn, &a.storage, &lda, &jpvt, &tau, &query, &lwork, &info)
        lwork = Int32(max(Double(3 * n + 1), query))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeqp3_(&mm, &nn, &a.storage, &lda, &jpvt, &tau, &work, &lwork, &info)
        if info < 0 { throw .illegalArgument(routine: "dgeqp3", position: Int(-info)) }
        let perm = jpvt.map { Int($0) - 1 }

        // Rank from the pivoted diagonal.
        let r11 = abs(a[0, 0])
        var r = 0
        while r < n && abs(a[r, r]) > rankTolerance * r11 { r += 1 }

        // c = Qᵀ y.
        var c = y
        var side = CChar(UInt8(ascii: "L")), trans = CChar(UInt8(ascii: "T"))
        var one: Int32 = 1, k = Int32(n), ldc = Int32(m)
        lwork = -1
        dormqr_(&side, &trans, &mm, &one, &k, a.storage, &lda, tau, &c, &ldc, &query, &lwork, &info, 1, 1)
        lwork = Int32(max(Double(n), query))
        work = [Double](repeating: 0, count: Int(lwork))
        dormqr_(&side, &trans, &mm, &one, &k, a.storage, &lda, tau, &c, &ldc, &work, &lwork, &info, 1, 1)
        if info < 0 { throw .illegalArgument(routine: "dormqr", position: Int(-info)) }

        // Solve R11 z = c[0..<r].
        var z = Array(c[0..<r])
        if r > 0 {
            var uplo = CChar(UInt8(ascii: "U")), notrans = CChar(UInt8(ascii: "N")), diag = CChar(UInt8(ascii: "N"))
            var rr = Int32(r), nrhs: Int32 = 1, ldb = Int32(r)
            dtrtrs_(&uplo, &notrans, &diag, &rr, &nrhs, a.storage, &lda, &z, &ldb, &info, 1, 1, 1)
            if info < 0 { throw .illegalArgument(routine: "dtrtrs", position: Int(-info)) }
            if info > 0 { throw .singular(pivot: Int(info)) }
        }

        var beta = [Double](repeating: .nan, count: n)
        for kk in 0..<r { beta[perm[kk]] = z[kk] / scale[perm[kk]] }

        var rss = 0.0
        for i in r..<m { rss = rss.addingProduct(c[i], c[i]) }

        // (R11ᵀ R11)⁻¹ = R11⁻¹ R11⁻ᵀ, mapped back through the pivot and the column scaling.
        var rinv = Matrix(rows: max(r, 1), columns: max(r, 1))
        for j in 0..<r { for i in 0...j { rinv[i, j] = a[i, j] } }
        if r > 0 {
            var uplo = CChar(UInt8(ascii: "U")), diag = CChar(UInt8(ascii: "N"))
            var rr = Int32(r), ld = Int32(r)
            dtrtri_(&uplo, &diag, &rr, &rinv.storage, &ld, &info, 1, 1)
            if info > 0 { throw .singular(pivot: Int(info)) }
        }
        var cov = Matrix(rows: n, columns: n, repeating: .nan)
        for p in 0..<r {
            for q in 0..<r {
                var s = 0.0
                for l in max(p, q)..<r { s = s.addingProduct(rinv[p, l], rinv[q, l]) }
                cov[perm[p], perm[q]] = s / (scale[perm[p]] * scale[perm[q]])
            }
        }

        let usable = beta.map { $0.isNaN ? 0 : $0 }
        let fitted = x.times(usable)
        coefficients = beta
        rank = r
        residualSumOfSquares = rss
        residuals = zip(y, fitted).map { $0 - $1 }
        unscaledCovariance = cov
        pivot = perm
    }

    /// Standard errors √(σ̂² · diag (XᵀX)⁻¹) with σ̂² = RSS / (m − rank); NaN for aliased columns.
    public func standardErrors() -> [Double] {
        let m = residuals.count
        let sigma2 = residualSumOfSquares / Double(m - rank)
        return (0..<coefficients.count).map { (sigma2 * unscaledCovariance[$0, $0]).squareRoot() }
    }
}
