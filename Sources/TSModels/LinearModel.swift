import TSDistributions
import TSLinearAlgebra

/// Ordinary least squares by pivoted QR with iterative refinement (`QRLeastSquares`), never the normal
/// equations, with the usual inference: t statistics and CIs on n − rank df (Student), residual SD,
/// R² (centred when the model has an intercept, uncentred otherwise, as R and NIST StRD do), the overall F
/// test, and R-style sequential ANOVA. Aliased (rank-deficient) columns get NaN, as R's `lm` reports NA.
///
/// `refinement` (default `.automatic`): the coefficients are always refined to working precision except with
/// `.never`; (XᵀX)⁻¹, hence the SEs, is refined column by column only when the design is not well conditioned
/// (κ̂·u > 2⁻⁴⁶ from LAPACK `dtrcon`, or a large first correction), otherwise taken from R⁻¹ as R's `lm` does.
/// `.always` refines everything (the previous behaviour). See `QRLeastSquares.Refinement` and the READMEs.
public struct LinearModelFit: Sendable {
    /// When to refine the QR solution and (XᵀX)⁻¹ (see `QRLeastSquares.Refinement`).
    public typealias Refinement = QRLeastSquares.Refinement

    public struct Coefficient: Sendable, Equatable {
        public var name: String
        public var estimate: Double
        public var se: Double
        public var tStatistic: Double
        public var pValue: Double
        public var ciLower: Double
        public var ciUpper: Double
        public var aliased: Bool { estimate.isNaN }
    }

    public let design: DesignMatrix
    public let coefficients: [Coefficient]
    /// σ̂² (XᵀX)⁻¹ in column order (NaN rows/columns for aliased columns).
    public let covariance: Matrix
    public let rank: Int
    public let residualDF: Int
    public let residualSumOfSquares: Double
    /// Σ(y − ȳ)² with an intercept, Σy² without.
    public let totalSumOfSquares: Double
    public let residualSD: Double
    public let rSquared: Double
    public let adjustedRSquared: Double
    /// Overall F test of every non-intercept column: F, numerator and denominator df, p.
    public let fStatistic: Double
    public let fDF1: Int
    public let pValueF: Double
    public let level: Double
    public let residuals: [Double]
    /// The refinement mode used, and whether (XᵀX)⁻¹ was refined (false: from R⁻¹).
    public let refinement: Refinement
    public let covarianceRefined: Bool
    /// `dtrcon` estimate of the condition number of the column-scaled design.
    public let conditionEstimate: Double

    public init(_ design: DesignMatrix, level: Double = 0.95, refinement: Refinement = .automatic) throws(ModelError) {
        let n = design.rows, p = design.x.columns
        guard n > p else {
            throw .tooFewRows("the model has \(p) coefficients but only \(n) complete rows; it needs more rows than coefficients")
        }
        let fit: QRLeastSquares
        do { fit = try QRLeastSquares(design.x, design.y, xLow: design.xLow, yLow: design.yLow,
                                      refinement: refinement) } catch {
            throw .linearAlgebra(error.description)
        }
        let dfr = n - fit.rank
        let rss = fit.residualSumOfSquares
        let tss = design.hasIntercept ? AnovaTable.centredSumOfSquares(design.response)
                                      : AnovaTable.uncentredSumOfSquares(design.response)
        let sigma2 = rss / Double(dfr)
        let t = try? StudentT(df: Double(dfr))
        let crit = t?.quantile(0.5 + level / 2) ?? .nan
        var coefs: [Coefficient] = []
        for j in 0..<p {
            let b = fit.coefficients[j]
            let se = (sigma2 * fit.unscaledCovariance[j, j]).squareRoot()
            let tv = b / se
            let pv = t.map { 2 * $0.sf(abs(tv)) } ?? .nan
            coefs.append(Coefficient(name: design.columnNames[j], estimate: b, se: se, tStatistic: tv,
                                     pValue: b.isNaN ? .nan : pv, ciLower: b - crit * se, ciUpper: b + crit * se))
        }
        var cov = fit.unscaledCovariance
        for i in cov.storage.indices { cov.storage[i] *= sigma2 }
        let df1 = fit.rank - (design.hasIntercept ? 1 : 0)
        let f = df1 > 0 ? ((tss - rss) / Double(df1)) / sigma2 : .nan
        self.design = design
        coefficients = coefs
        covariance = cov
        rank = fit.rank
        residualDF = dfr
        residualSumOfSquares = rss
        totalSumOfSquares = tss
        residualSD = sigma2.squareRoot()
        rSquared = 1 - rss / tss
        let dfTotal = Double(n - (design.hasIntercept ? 1 : 0))
        adjustedRSquared = 1 - (rss / Double(dfr)) / (tss / dfTotal)
        fStatistic = f
        fDF1 = df1
        pValueF = (df1 > 0 && f.isFinite) ? ((try? FDistribution(df1: Double(df1), df2: Double(dfr)))?.sf(f) ?? .nan) : .nan
        self.level = level
        residuals = fit.residuals
        self.refinement = refinement
        covarianceRefined = fit.covarianceRefined
        conditionEstimate = fit.conditionEstimate
    }

    /// Sequential (type I) ANOVA table, as R's `anova(lm)`.
    public func anova() throws(ModelError) -> AnovaTable { try AnovaTable.sequential(design) }

    /// The coefficient named `name`, if the design has it.
    public func coefficient(_ name: String) -> Coefficient? { coefficients.first { $0.name == name } }
}
