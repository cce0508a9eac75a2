import CLAPACK

/// Solves A x = b for symmetric (possibly indefinite) A by Bunch–Kaufman diagonal pivoting
/// (LAPACK `dsysv`). Only the upper triangle of A is read.
func symmetricSolve(_ a: Matrix, _ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    guard a.rows == a.columns, b.count == a.rows else {
        throw .dimensionMismatch("symmetric solve needs n×n and n, got \(a.rows)×\(a.columns) and \(b.count)")
    }
    var f = a.storage, x = b
    var n = Int32(a.rows), nrhs: Int32 = 1, lda = Int32(max(1, a.rows)), ldb = lda, info: Int32 = 0
    var ipiv = [Int32](repeating: 0, count: max(1, a.rows))
    var uplo = CChar(UInt8(ascii: "U"))
    var lwork: Int32 = -1
    var query = 0.0
    dsysv_(&uplo, &n, &nrhs, &f, &lda, &ipiv, &x, &ldb, &query, &lwork, &info, 1)
    lwork = Int32(max(1, query))
    var work = [Double](repeating: 0, count: Int(lwork))
    dsysv_(&uplo, &n, &nrhs, &f, &lda, &ipiv, &x, &ldb, &work, &lwork, &info, 1)
    if info < 0 { throw .illegalArgument(routine: "dsysv", position: Int(-info)) }
    if info > 0 { throw .singular(pivot: Int(info)) }
    return x
}
