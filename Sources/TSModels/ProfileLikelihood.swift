import Foundation
import TSLinearAlgebra

/// Profile-likelihood confidence limits for a logistic-regression coefficient: the values b of βⱼ where the
/// profile deviance Dⱼ(b) = min over the other coefficients of D(β | βⱼ = b) exceeds the minimum by the χ²₁
/// quantile (Venzon & Moolgavkar 1988; the interval MASS's `confint.glm` approximates). Each Dⱼ(b) is an IRLS
/// fit without column j and with offset xⱼ·b; the limits are roots of the signed root deviance
/// s(b) = sign(b − β̂ⱼ) √(Dⱼ(b) − D̂) = ±√q, found by secant steps from the Wald limits inside a bracket,
/// to 1e-10 relative.
enum ProfileLikelihood {
    static func interval(design: DesignMatrix, column j: Int, estimate: [Double], deviance: Double, waldSE: Double,
                         cutoff q: Double) throws(ModelError) -> (lower: Double, upper: Double)
    {
        let others = (0..<design.x.columns).filter { $0 != j }
        let x = Matrix(columns: others.map { design.x.column($0) })
        let xj = design.x.column(j)
        let start = others.map { estimate[$0] }
        let bHat = estimate[j]
        let target = q.squareRoot()

        func signedRoot(_ b: Double) throws(ModelError) -> Double {
            let offset = xj.map { $0 * b }
            let d: Double
            if others.isEmpty {
                d = LogisticRegressionFit.deviance(y: design.y, eta: offset)
            } else {
                let fit = try LogisticRegressionFit.irls(x: x, y: design.y, offset: offset, start: start)
                d = fit.deviance
            }
            return (b >= bHat ? 1 : -1) * max(0, d - deviance).squareRoot()
        }

        func limit(_ side: Double) throws(ModelError) -> Double {
            // Bracket: walk out from the Wald limit until s(b) passes ±√q.
            var inner = bHat, sInner = 0.0
            var outer = bHat + side * target * waldSE
            var sOuter = try signedRoot(outer)
            var steps = 0
            while side * sOuter < target {
                steps += 1
                if steps > 40 { return side * .infinity }   // the profile never reaches the cut-off
                inner = outer; sInner = sOuter
                outer = bHat + side * target * waldSE * pow(2, Double(steps))
                sOuter = try signedRoot(outer)
            }
            // Secant (regula falsi with Illinois modification) on s(b) − side·√q inside [inner, outer].
            var a = inner, fa = sInner - side * target
            var b = outer, fb = sOuter - side * target
            var lastSide = 0
            for _ in 0..<100 {
                let c = b - fb * (b - a) / (fb - fa)
                let fc = try signedRoot(c) - side * target
                if abs(fc) < 1e-12 || abs(b - a) < 1e-12 * (1 + abs(c)) { return c }
                if (fc < 0) == (fb < 0) {
                    b = c; fb = fc
                    if lastSide == 1 { fa /= 2 }
                    lastSide = 1
                } else {
                    a = c; fa = fc
                    if lastSide == -1 { fb /= 2 }
                    lastSide = -1
                }
            }
            return abs(fa) < abs(fb) ? a : b
        }
        return (try limit(-1), try limit(1))
    }
}
