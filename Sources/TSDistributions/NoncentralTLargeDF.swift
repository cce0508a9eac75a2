import RealModule
import TSCore

extension NoncentralT {
    /// The noncentral t for very large ν (above `maxIntegralDF`): with u = t − δ and S = √(χ²_ν/ν),
    /// E S = 1 − 1/(4ν) + O(ν⁻²) and Var S = 1/(2ν) + O(ν⁻²), so a Taylor expansion of E Φ(t S − δ) about S = 1 gives
    ///     cdf(t) = Φ(u) − φ(u)·c + O(ν⁻²),   c = t (1 + u t)/(4ν),
    ///     pdf(t) = φ(u)·(1 + u c − c′) + O(ν⁻²),   c′ = (1 + 2 u t + t²)/(4ν),
    /// which for δ = 0 is Fisher's (1926) expansion Φ(t) − φ(t)(t³ + t)/(4ν) (Johnson, Kotz & Balakrishnan,
    /// *Continuous Univariate Distributions* vol. 2, eq. 28.16). The neglected terms are of order r² with
    /// r = |t|(1 + |u|)(1 + |u t|)/(4ν), the first term's size relative to a tail; where r > 1e-8 they could reach
    /// 1e-16 of the value and the result is NaN, an answer refused rather than given inexactly.
    struct LargeDF {
        let cdf: Double, sf: Double, pdf: Double

        init(df nu: Double, ncp delta: Double, t: Double) {
            let u = DoubleWord.twoSum(t, -delta)
            let ut = u.hi * t
            let r = abs(t) * (1 + abs(u.hi)) * (1 + abs(ut)) / (4 * nu)
            guard r <= 1e-8 else { cdf = .nan; sf = .nan; pdf = .nan; return }
            let phi = StandardNormal.density(u)
            let c = t * (1 + ut) / (4 * nu)
            let cPrime = (1 + 2 * ut + t * t) / (4 * nu)
            cdf = StandardNormal.lowerTail(u) - phi * c
            sf = StandardNormal.upperTail(u) + phi * c
            pdf = phi * (1 + u.hi * c - cPrime)
        }
    }
}
