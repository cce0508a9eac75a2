import Foundation
import TSDistributions
import TSLinearAlgebra
import TSCore

/// Logistic regression (binomial family, logit link) by iteratively reweighted least squares, each step a
/// weighted least-squares solve on the same pivoted QR as `LinearModelFit` (McCullagh & Nelder 1989, §4.4;
/// R's `glm.fit`): working response z = η + (y − μ)/w, weights w = μ(1 − μ), start μ = (y + ½)/2, step halving
/// when the deviance fails to decrease, convergence when |ΔD| / (|D| + 0.1) < 1e-12.
///
/// Separation (Albert & Anderson 1984): a categorical level whose rows all have the same outcome is reported
/// before fitting; otherwise a fit whose deviance has converged while coefficients keep moving and fitted
/// probabilities reach 0 or 1 is reported as separation. Neither is ever returned as an estimate.
public struct LogisticRegressionFit: Sendable {
    public struct Coefficient: Sendable {
        public var name: String
        public var estimate: Double
        public var se: Double
        public var zStatistic: Double
        public var pValue: Double
        public var waldLower: Double
        public var waldUpper: Double
        /// Profile-likelihood limits (`ProfileLikelihood`); ±∞ when the profile never reaches the cut-off.
        public var profileLower: Double
        public var profileUpper: Double
        public var oddsRatio: Double { exp(estimate) }
    }

    public let design: DesignMatrix
    public let coefficients: [Coefficient]
    public let deviance: Double
    public let nullDeviance: Double
    public let aic: Double
    public let iterations: Int
    public let level: Double
    /// (XᵀWX)⁻¹ at the estimate.
    public let covariance: Matrix

    public init(_ design: DesignMatrix, level: Double = 0.95, profile: Bool = true) throws(ModelError) {
        let n = design.rows, p = design.x.columns
        guard n > p else {
            throw .tooFewRows("the model has \(p) coefficients but only \(n) complete rows; it needs more rows than coefficients")
        }
        try Self.checkLevelSeparation(design)
        let fit = try Self.irls(x: design.x, y: design.y, offset: nil, start: nil)
        if !fit.converged {
            throw .notConverged("IRLS did not converge in \(fit.iterations) iterations (deviance \(fit.deviance)); separation is likely")
        }
        try Self.checkDivergence(fit, names: design.columnNames)
        guard fit.qr.rank == p else {
            let aliased = (0..<p).filter { fit.qr.coefficients[$0].isNaN }.map { design.columnNames[$0] }
            throw .degenerate("the design is rank deficient; aliased column(s): \(aliased.joined(separator: ", "))")
        }
        let z = Normal.standard.inverseSF((1 - level) / 2)
        var coefs: [Coefficient] = []
        for j in 0..<p {
            let b = fit.beta[j], se = fit.qr.unscaledCovariance[j, j].squareRoot()
            let zs = b / se
            coefs.append(Coefficient(name: design.columnNames[j], estimate: b, se: se, zStatistic: zs,
                                     pValue: 2 * Normal.standard.sf(abs(zs)),
                                     waldLower: b - z * se, waldUpper: b + z * se, profileLower: .nan, profileUpper: .nan))
        }
        if profile {
            let q = (try? ChiSquared(df: 1))?.quantile(level) ?? 3.841458820694124
            for j in 0..<p {
                let limits = try ProfileLikelihood.interval(design: design, column: j, estimate: fit.beta, deviance: fit.deviance,
                                                            waldSE: coefs[j].se, cutoff: q)
                coefs[j].profileLower = limits.lower
                coefs[j].profileUpper = limits.upper
            }
        }
        let ybar = design.y.reduce(0, +) / Double(n)
        let nullEta = design.hasIntercept ? log(ybar / (1 - ybar)) : 0
        self.design = design
        coefficients = coefs
        deviance = fit.deviance
        nullDeviance = Self.deviance(y: design.y, eta: [Double](repeating: nullEta, count: n))
        aic = fit.deviance + 2 * Double(p)
        iterations = fit.iterations
        self.level = level
        covariance = fit.qr.unscaledCovariance
    }

    public func coefficient(_ name: String) -> Coefficient? { coefficients.first { $0.name == name } }

    // MARK: IRLS

    struct IRLSResult {
        var beta: [Double]
        var eta: [Double]
        var deviance: Double
        var iterations: Int
        var converged: Bool
        /// Largest |Δβⱼ| / (1 + |βⱼ|) of the last step.
        var lastRelativeStep: Double
        var lastStep: [Double]
        /// Weighted least squares at the final estimate (for the covariance).
        var qr: QRLeastSquares
    }

    /// log(1 + eᵗ) without overflow.
    static func softplus(_ t: Double) -> Double { t > 0 ? t + log1p(exp(-t)) : log1p(exp(t)) }

    static func mean(_ eta: Double) -> Double { eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta)) }

    /// Binomial deviance −2 log L for 0/1 outcomes: 2 Σ [y log(1 + e^{−η}) + (1 − y) log(1 + e^{η})].
    static func deviance(y: [Double], eta: [Double]) -> Double {
        var s = DoubleWord.zero
        for (yi, e) in zip(y, eta) { s += 2 * (yi == 1 ? softplus(-e) : softplus(e)) }
        return s.value
    }

    static func weightedFit(x: Matrix, y: [Double], eta: [Double], offset: [Double]?) throws(ModelError) -> QRLeastSquares {
        let n = x.rows
        var wx = x
        var wz = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let mu = mean(eta[i])
            let w = max(mu * (1 - mu), 1e-300)
            let sw = w.squareRoot()
            wz[i] = sw * (eta[i] - (offset?[i] ?? 0) + (y[i] - mu) / w)
            for j in 0..<x.columns { wx[i, j] = x[i, j] * sw }
        }
        do { return try QRLeastSquares(wx, wz, maxRefinementSteps: 3) } catch { throw .linearAlgebra(error.description) }
    }

    static func linearPredictor(_ x: Matrix, _ beta: [Double], _ offset: [Double]?) -> [Double] {
        let eta = x.times(beta.map { $0.isNaN ? 0 : $0 })
        guard let offset else { return eta }
        return zip(eta, offset).map { $0 + $1 }
    }

    static func irls(x: Matrix, y: [Double], offset: [Double]?, start: [Double]?, maxIterations: Int = 100)
        throws(ModelError) -> IRLSResult
    {
        let n = x.rows, p = x.columns
        var eta: [Double]
        var beta: [Double]
        if let start {
            beta = start
            eta = linearPredictor(x, beta, offset)
        } else {
            beta = [Double](repeating: 0, count: p)
            eta = y.map { let m = ($0 + 0.5) / 2; return log(m / (1 - m)) }
        }
        var dev = start == nil ? Double.infinity : deviance(y: y, eta: eta)
        var iterations = 0, converged = false
        var lastRelative = Double.infinity
        var lastStep = [Double](repeating: 0, count: p)
        while iterations < maxIterations {
            iterations += 1
            let fit = try weightedFit(x: x, y: y, eta: eta, offset: offset)
            var next = fit.coefficients.map { $0.isNaN ? 0 : $0 }
            var nextEta = linearPredictor(x, next, offset)
            var nextDev = deviance(y: y, eta: nextEta)
            var halvings = 0
            while (!nextDev.isFinite || (dev.isFinite && nextDev > dev * (1 + 1e-12))) && halvings < 30 && iterations > 1 {
                next = zip(next, beta).map { ($0 + $1) / 2 }
                nextEta = linearPredictor(x, next, offset)
                nextDev = deviance(y: y, eta: nextEta)
                halvings += 1
            }
            lastStep = zip(next, beta).map { $0 - $1 }
            lastRelative = zip(next, lastStep).map { abs($1) / (1 + abs($0)) }.max() ?? 0
            let change = abs(nextDev - dev) / (abs(nextDev) + 0.1)
            beta = next
            eta = nextEta
            let previous = dev
            dev = nextDev
            if previous.isFinite && change < 1e-12 { converged = true; break }
        }
        _ = n
        let qr = try weightedFit(x: x, y: y, eta: eta, offset: offset)
        return IRLSResult(beta: beta, eta: eta, deviance: dev, iterations: iterations, converged: converged,
                          lastRelativeStep: lastRelative, lastStep: lastStep, qr: qr)
    }

    // MARK: separation

    /// A 0/1 column (a categorical level) whose rows all share one outcome, or a term's reference level
    /// likewise, makes the MLE infinite (quasi-complete separation).
    static func checkLevelSeparation(_ design: DesignMatrix) throws(ModelError) {
        let n = design.rows
        for term in design.terms {
            let cols = Array(term.columns)
            let indicator = cols.allSatisfy { j in (0..<n).allSatisfy { design.x[$0, j] == 0 || design.x[$0, j] == 1 } }
            guard indicator else { continue }
            var groups: [(String, [Int])] = cols.map { j in (design.columnNames[j], (0..<n).filter { design.x[$0, j] == 1 }) }
            if design.hasIntercept {
                groups.append(("the reference level of \(term.name)", (0..<n).filter { i in cols.allSatisfy { design.x[i, $0] == 0 } }))
            }
            for (label, rows) in groups where !rows.isEmpty {
                let first = design.y[rows[0]]
                if rows.allSatisfy({ design.y[$0] == first }) {
                    throw .separation("every one of the \(rows.count) rows with \(label) has outcome \(Int(first)); the odds ratio for \(term.name) is infinite (quasi-complete separation, Albert & Anderson 1984). Consider exact or Firth-penalised logistic regression.")
                }
            }
        }
    }

    /// Converged deviance but coefficients still moving with fitted probabilities at 0 or 1: the likelihood
    /// increases without bound along a direction (complete or quasi-complete separation).
    static func checkDivergence(_ fit: IRLSResult, names: [String]) throws(ModelError) {
        let extreme = fit.eta.filter { abs($0) > 30 }.count
        guard extreme > 0, fit.lastRelativeStep > 1e-6 else { return }
        let moving = (0..<names.count).filter { abs(fit.lastStep[$0]) > 1e-6 * (1 + abs(fit.beta[$0])) }.map { names[$0] }
        throw .separation("\(extreme) fitted probabilities are numerically 0 or 1 and the coefficient(s) \(moving.joined(separator: ", ")) keep growing; the maximum-likelihood estimate does not exist (Albert & Anderson 1984). Consider exact or Firth-penalised logistic regression.")
    }
}
