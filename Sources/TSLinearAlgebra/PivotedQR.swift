import CLAPACK
import TSCore

/// Householder QR with column pivoting, A P = Q R (LAPACK `dgeqp3`; Businger & Golub 1965,
/// Quintana-Ortí, Sun & Bischof 1998), of a matrix whose columns were first scaled to unit
/// Euclidean norm, with the products and triangular solves the least-squares code needs
/// (`dormqr`, `dtrtrs`). R and the Householder vectors are kept in LAPACK's compact form.
struct PivotedQR {
    let rows: Int
    let columns: Int
    /// Output of `dgeqp3`: R in the upper triangle, Householder vectors below it.
    let factored: Matrix
    let tau: [Double]
    /// `pivot[k]` is the original column in pivoted position k.
    let pivot: [Int]
    /// The Euclidean norm each original column was divided by (1 for a zero column).
    let scale: [Double]

    init(_ x: Matrix) throws(LinearAlgebraError) {
        let m = x.rows, n = x.columns
        var a = x
        var scale = [Double](repeating: 1, count: n)
        for j in 0..<n {
            var sumSquares = DoubleWord.zero
            a.storage.withUnsafeBufferPointer { p in
                for i in (j * m)..<((j + 1) * m) {
                    sumSquares = sumSquares + DoubleWord.twoProduct(p[i], p[i])
                }
            }
            let norm = sumSquares.squareRoot().value
            if norm > 0 {
                scale[j] = norm
                for i in 0..<m { a[i, j] /= norm }
            }
        }
        var mm = Int32(m), nn = Int32(n), lda = Int32(max(1, m)), info: Int32 = 0
        var jpvt = [Int32](repeating: 0, count: n)
        var tau = [Double](repeating: 0, count: n)
        var lwork: Int32 = -1
        var query = 0.0
        dgeqp3_(&mm, &nn, &a.storage, &lda, &jpvt, &tau, &query, &lwork, &info)
        lwork = Int32(max(Double(3 * n + 1), query))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeqp3_(&mm, &nn, &a.storage, &lda, &jpvt, &tau, &work, &lwork, &info)
        if info < 0 { throw .illegalArgument(routine: "dgeqp3", position: Int(-info)) }
        rows = m
        columns = n
        factored = a
        self.tau = tau
        pivot = jpvt.map { Int($0) - 1 }
        self.scale = scale
    }

    /// |R_kk|, the pivoted diagonal.
    var diagonal: [Double] { (0..<columns).map { abs(factored[$0, $0]) } }

    /// Numerical rank: the number of leading pivots with |R_kk| > tolerance · |R_11|.
    func rank(tolerance: Double) -> Int {
        let d = diagonal
        guard let r11 = d.first, r11 > 0 else { return 0 }
        var r = 0
        while r < columns && d[r] > tolerance * r11 { r += 1 }
        return r
    }

    /// Qᵀ v (transposed = true) or Q v, for v of length `rows`.
    func applyQ(_ v: [Double], transposed: Bool) throws(LinearAlgebraError) -> [Double] {
        var c = v
        var side = CChar(UInt8(ascii: "L")), trans = CChar(UInt8(ascii: transposed ? "T" : "N"))
        var mm = Int32(rows), one: Int32 = 1, k = Int32(columns), lda = Int32(max(1, rows)), ldc = Int32(max(1, rows))
        var info: Int32 = 0
        var lwork: Int32 = -1
        var query = 0.0
        dormqr_(&side, &trans, &mm, &one, &k, factored.storage, &lda, tau, &c, &ldc, &query, &lwork, &info, 1, 1)
        lwork = Int32(max(Double(max(1, columns)), query))
        var work = [Double](repeating: 0, count: Int(lwork))
        dormqr_(&side, &trans, &mm, &one, &k, factored.storage, &lda, tau, &c, &ldc, &work, &lwork, &info, 1, 1)
        if info < 0 { throw .illegalArgument(routine: "dormqr", position: Int(-info)) }
        return c
    }

    /// Solves R₁₁ z = b (transposed = false) or R₁₁ᵀ z = b, with R₁₁ the leading `order` × `order` block.
    func solveR(_ b: [Double], order: Int, transposed: Bool) throws(LinearAlgebraError) -> [Double] {
        precondition(b.count == order)
        guard order > 0 else { return [] }
        var z = b
        var uplo = CChar(UInt8(ascii: "U")), trans = CChar(UInt8(ascii: transposed ? "T" : "N"))
        var diag = CChar(UInt8(ascii: "N"))
        var rr = Int32(order), nrhs: Int32 = 1, lda = Int32(max(1, rows)), ldb = Int32(order), info: Int32 = 0
        dtrtrs_(&uplo, &trans, &diag, &rr, &nrhs, factored.storage, &lda, &z, &ldb, &info, 1, 1, 1)
        if info < 0 { throw .illegalArgument(routine: "dtrtrs", position: Int(-info)) }
        if info > 0 { throw .singular(pivot: Int(info)) }
        return z
    }

    /// Estimate of the 1-norm condition number κ₁(R₁₁) = ‖R₁₁‖₁ ‖R₁₁⁻¹‖₁ of the leading `order` × `order`
    /// block, i.e. of the column-scaled, pivoted design restricted to its estimable columns (LAPACK `dtrcon`,
    /// Higham's 1-norm estimator; Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., ch. 15).
    /// κ₂ lies within a factor `order` of it. Infinity when R₁₁ is exactly singular.
    func conditionEstimate(order: Int) throws(LinearAlgebraError) -> Double {
        guard order > 0 else { return 1 }
        var norm = CChar(UInt8(ascii: "1")), uplo = CChar(UInt8(ascii: "U")), diag = CChar(UInt8(ascii: "N"))
        var n = Int32(order), lda = Int32(max(1, rows)), info: Int32 = 0
        var rcond = 0.0
        var work = [Double](repeating: 0, count: 3 * order)
        var iwork = [Int32](repeating: 0, count: order)
        dtrcon_(&norm, &uplo, &diag, &n, factored.storage, &lda, &rcond, &work, &iwork, &info, 1, 1, 1)
        if info < 0 { throw .illegalArgument(routine: "dtrcon", position: Int(-info)) }
        return rcond > 0 ? 1 / rcond : .infinity
    }

    /// R₁₁⁻¹ for the leading `order` × `order` block (LAPACK `dtrtri`), upper triangular, order × order.
    func inverseR(order: Int) throws(LinearAlgebraError) -> Matrix {
        var inv = Matrix(rows: order, columns: order)
        guard order > 0 else { return inv }
        for j in 0..<order { for i in 0...j { inv[i, j] = factored[i, j] } }
        var uplo = CChar(UInt8(ascii: "U")), diag = CChar(UInt8(ascii: "N"))
        var n = Int32(order), lda = Int32(order), info: Int32 = 0
        inv.storage.withUnsafeMutableBufferPointer { dtrtri_(&uplo, &diag, &n, $0.baseAddress, &lda, &info, 1, 1) }
        if info < 0 { throw .illegalArgument(routine: "dtrtri", position: Int(-info)) }
        if info > 0 { throw .singular(pivot: Int(info)) }
        return inv
    }
}
