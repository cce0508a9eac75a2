/// Analysis of covariance for a randomised comparison: the arm difference adjusted for baseline covariates
/// (y ~ arm + covariates, the coefficient of each non-reference arm level) beside the unadjusted difference
/// (y ~ arm) on the same complete-case rows, each with its t-based CI. ICH E9 §5.7 and EMA (2015),
/// *Guideline on adjustment for baseline covariates in clinical trials*; the fits are `LinearModelFit`.
public struct Ancova: Sendable {
    public struct Difference: Sendable {
        /// "B vs A": the arm level against the reference level.
        public var label: String
        public var adjusted: LinearModelFit.Coefficient
        public var unadjusted: LinearModelFit.Coefficient
    }

    public let adjustedFit: LinearModelFit
    public let unadjustedFit: LinearModelFit
    public let differences: [Difference]

    /// `frame` must have the arm as its first term (as `ModelFrame.design` builds it).
    public init(_ frame: ModelFrame.Result, level: Double = 0.95) throws(ModelError) {
        adjustedFit = try LinearModelFit(frame.design, level: level)
        unadjustedFit = try LinearModelFit(frame.design.leadingTerms(1), level: level)
        let reference = frame.armLevels[0]
        var diffs: [Difference] = []
        for (level, column) in zip(frame.armLevels.dropFirst(), frame.armColumnNames) {
            guard let a = adjustedFit.coefficient(column), let u = unadjustedFit.coefficient(column) else { continue }
            if a.aliased { throw .degenerate("the arm column \(column) is aliased with the covariates; no adjusted difference") }
            diffs.append(Difference(label: "\(level) vs \(reference)", adjusted: a, unadjusted: u))
        }
        differences = diffs
    }
}
