/// A failure reported by a LAPACK routine or found before calling it.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dimensions do not fit (e.g. fewer rows than columns where a full-rank solve is needed).
    case dimensionMismatch(String)
    /// The matrix is not positive definite: the leading minor of this order is not positive.
    case notPositiveDefinite(order: Int)
    /// The matrix is exactly singular at this (1-based) pivot.
    case singular(pivot: Int)
    /// LAPACK returned `info` < 0 (an illegal argument: a bug here, not in the data).
    case illegalArgument(routine: String, position: Int)

    public var description: String {
        switch self {
        case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
        case .notPositiveDefinite(let k): return "matrix is not positive definite (leading minor \(k))"
        case .singular(let k): return "matrix is singular (pivot \(k))"
        case .illegalArgument(let r, let p): return "\(r): illegal value in argument \(p)"
        }
    }
}
