/// A model that cannot be fitted as asked, with a message naming the cause.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// More coefficients than complete rows, or no residual degrees of freedom where they are needed.
    case tooFewRows(String)
    /// The response or the arm does not vary, or the arm has one level.
    case degenerate(String)
    /// Logistic regression: complete or quasi-complete separation (Albert & Anderson 1984); no finite MLE.
    case separation(String)
    /// An iterative fit did not converge.
    case notConverged(String)
    /// The linear-algebra layer failed (a dimension or LAPACK argument problem).
    case linearAlgebra(String)

    public var description: String {
        switch self {
        case .tooFewRows(let s), .degenerate(let s), .notConverged(let s), .linearAlgebra(let s): return s
        case .separation(let s): return "separation: " + s
        }
    }
}
