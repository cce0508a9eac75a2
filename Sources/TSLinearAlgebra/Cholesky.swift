import CLAPACK

/// Cholesky factorisation A = Uᵀ U of a symmetric positive definite matrix (LAPACK `dpotrf`),
/// and solves with it (`dpotrs`). Only the upper triangle of the input is read.
struct Cholesky: Sendable {
    /// The factor U in the upper triangle (the strict lower triangle is zeroed).
    let factor: Matrix

    init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows == a.columns else {
            throw .dimensionMismatch("Cholesky needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        var f = a
        var n = Int32(a.rows), lda = Int32(max(1, a.rows)), info: Int32 = 0
        var uplo = CChar(UInt8(ascii: "U"))
        f.storage.withUnsafeMutableBufferPointer { dpotrf_(&uplo, &n, $0.baseAddress, &lda, &info, 1) }
        if info < 0 { throw .illegalArgument(routine: "dpotrf", position: Int(-info)) }
        if info > 0 { throw .notPositiveDefinite(order: Int(info)) }
        for j in 0..<a.columns { for i in (j + 1)..<max(j + 1, a.rows) { f[i, j] = 0 } }
        factor = f
    }

    /// Solves A x = b.
    func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard b.count == factor.rows else {
            throw .dimensionMismatch("right-hand side has \(b.count) entries, matrix has \(factor.rows) rows")
        }
        var x = b
        var n = Int32(factor.rows), nrhs: Int32 = 1, lda = Int32(max(1, factor.rows)), ldb = lda, info: Int32 = 0
        var uplo = CChar(UInt8(ascii: "U"))
        factor.storage.withUnsafeBufferPointer { a in
            x.withUnsafeMutableBufferPointer { dpotrs_(&uplo, &n, &nrhs, a.baseAddress, &lda, $0.baseAddress, &ldb, &info, 1) }
        }
        if info < 0 { throw .illegalArgument(routine: "dpotrs", position: Int(-info)) }
        return x
    }
}
