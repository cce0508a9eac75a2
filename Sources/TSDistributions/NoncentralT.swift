import RealModule
import TSCore

/// Noncentral t distribution: T = (Z + δ) / √(V/ν), Z ~ N(0, 1), V ~ χ²_ν independent.
///
/// cdf, sf and pdf are computed from the mixture representation over S = √(V/ν)
/// (e.g. Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* vol. 2, ch. 31, eq. 31.9):
///     cdf(t) = ∫₀^∞ Φ(t s − δ) f_S(s) ds,   sf(t) = ∫₀^∞ Φ(δ − t s) f_S(s) ds,
///     pdf(t) = ∫₀^∞ s φ(t s − δ) f_S(s) ds,
/// where every integrand is positive, so both tails and the density are obtained without
/// cancellation. The usual alternative, the Poisson-mixture series of incomplete beta ratios
/// (Lenth 1989, AS 243; Frick 1990; Benton & Krishnamoorthy 2003), cancels in the opposite tail
/// (sf for δ < 0 < t: its terms alternate in sign, e.g. sf(0) = Φ(δ) is formed from O(1) terms, so
/// Φ(−5) would lose 7 digits), and the pdf closed form ν/t·(F_{ν+2}(t√(1+2/ν)) − F_ν(t)) cancels
/// likewise; the series is used only in the reference generator, as a cross-check of the integral.
/// See `NoncentralTIntegral` for the quadrature.
///
/// quantile / inverseSF: safeguarded Newton iteration on log F (bisection fallback inside a bracket).
public struct NoncentralT: ContinuousDistribution {
    public let df: Double
    public let ncp: Double

    /// The largest |δ| accepted.
    public static let maxNoncentrality = 1e4
    /// Above this ν the mixture integral loses the width of f_S (1/√(2ν)) to rounding (wrong by 30% at ν = 1e19),
    /// and the large-ν expansion `LargeDF` is used instead.
    static let maxIntegralDF = 1e16

    public init(df: Double, ncp: Double) throws {
        guard df > 0 else { // also rejects NaN
            throw DistributionError(parameter: "df", message: "must be > 0 (got \(df))")
        }
        // Below 1 df the quadrature is wrong by up to 26% against mpmath (df = 0.5, ncp = 2); refuse rather
        // than return wrong numbers until that region is fixed (see the module README).
        guard df >= 1 else {
            throw DistributionError(parameter: "df", message: "noncentral t with df < 1 is not supported yet (got \(df))")
        }
        guard ncp.isFinite else {
            throw DistributionError(parameter: "ncp", message: "must be finite (got \(ncp))")
        }
        // The quadrature is checked against mpmath up to |δ| = 1e4 (to 1e-15); at δ = 1e8 it is wrong by 1e-7.
        guard abs(ncp) <= Self.maxNoncentrality else {
            throw DistributionError(parameter: "ncp", message: "must be within ±1e4, the range whose accuracy is verified (got \(ncp))")
        }
        self.df = df
        self.ncp = ncp
    }

    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t == -.infinity { return 0 }
        if t == .infinity { return 1 }
        if df == .infinity { return StandardNormal.lowerTail(DoubleWord.twoSum(t, -ncp)) }
        if df > Self.maxIntegralDF { return LargeDF(df: df, ncp: ncp, t: t).cdf }
        // The quadrature's normalisation is exact to ~1e-15, which may put a value near 1 just above it.
        return min(1, NoncentralTIntegral(df: df, ncp: ncp, t: t, kind: .lower).value())
    }

    public func sf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t == -.infinity { return 1 }
        if t == .infinity { return 0 }
        if df == .infinity { return StandardNormal.lowerTail(-DoubleWord.twoSum(t, -ncp)) }
        if df > Self.maxIntegralDF { return LargeDF(df: df, ncp: ncp, t: t).sf }
        return min(1, NoncentralTIntegral(df: df, ncp: ncp, t: t, kind: .upper).value())
    }

    public func pdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t.isInfinite { return 0 }
        if df == .infinity { return StandardNormal.density(DoubleWord.twoSum(t, -ncp)) }
        if df > Self.maxIntegralDF { return LargeDF(df: df, ncp: ncp, t: t).pdf }
        if abs(t) > farT { return Double.exp(logPDF(t)) }
        return NoncentralTIntegral(df: df, ncp: ncp, t: t, kind: .density).value()
    }

    /// log pdf(t). Where the density is a normal double this is log(pdf(t)); where it underflows (log density
    /// below about −708) it is computed in log space from the same mixture (`logDensityInLogSpace`), so a density
    /// too small for a double still has a finite log.
    public func logPDF(_ t: Double) -> Double {
        if abs(t) > farT && t.isFinite && df <= Self.maxIntegralDF {
            // pdf(t) = c ∫ s^ν exp(−(t s − δ)²/2 − ν s²/2) ds; with w = |t| s the last term is ν w²/(2t²), below
            // 1e-19 of the rest beyond `farT`, so pdf(t) = pdf(±T)·(T/|t|)^{ν+1} there to every digit.
            let far = farT
            return logDensityInLogSpace(t < 0 ? -far : far) - (df + 1) * (Double.log(abs(t)) - Double.log(far))
        }
        let p = pdf(t)
        if p >= Double.leastNormalMagnitude || t.isNaN || t.isInfinite || df > Self.maxIntegralDF { return Double.log(p) }
        if df == .infinity {
            let z = DoubleWord.twoSum(t, -ncp)
            return -0.5 * (z.hi * z.hi + 2 * z.hi * z.lo) - 0.5 * Double.log(2 * Double.pi)
        }
        return logDensityInLogSpace(t)
    }

    /// Beyond this |t| the density is scaled from its value here (the mixture's t² terms grow towards overflow):
    /// T = 1e10 (1 + |δ|)(1 + ν) makes ν w²/(2T²) < 1e-19 wherever the integrand over w = |t| s has weight.
    var farT: Double { 1e10 * (1 + abs(ncp)) * (1 + df) }


    /// log pdf(t) from pdf(t) = c ∫₀^∞ s^ν exp(−(t s − δ)²/2 − ν s²/2) ds with c = 2 ν^{ν/2} / (2^{ν/2} Γ(ν/2) √(2π))
    /// (the mixture over S = √(V/ν) above, f_S written out). Completing the square with A = t² + ν, μ = tδ/A:
    ///     log pdf = log c − δ²ν/(2A) + log J,   J = ∫₀^∞ s^ν exp(−A (s − μ)²/2) ds,
    /// the exponent −δ²ν/(2A) taken directly (not as the difference t²δ²/(2A) − δ²/2, which cancels for large |t|).
    /// J = ∫ exp(h(u)) du with s = e^u, h(u) = (ν+1)u − A(e^u − μ)²/2: an entire, unimodal integrand on the whole
    /// line, whose trapezoidal sum converges faster than any power of the step. It is summed about the mode
    /// u* (h'(u*) = 0: A y² − Aμ y − (ν+1) = 0, y = e^{u*}) as exp(h(u) − h(u*)), step σ/8 with σ = (−h''(u*))^{−1/2},
    /// out to where the terms fall below e^{−46} of the largest.
    func logDensityInLogSpace(_ t: Double) -> Double {
        let nu = df, delta = ncp
        let a = t * t + nu
        guard a.isFinite else { return -.infinity }
        let mu = t * delta / a
        let disc = (a * mu * a * mu + 4 * a * (nu + 1)).squareRoot()
        // The positive root of A y² − Aμ y − (ν+1) = 0, in the form without cancellation for either sign of μ.
        let y = mu >= 0 ? (a * mu + disc) / (2 * a) : 2 * (nu + 1) / (disc - a * mu)
        let uStar = Double.log(y)
        func h(_ u: Double) -> Double {
            let e = Double.exp(u) - mu
            return (nu + 1) * u - 0.5 * a * e * e
        }
        let hStar = h(uStar)
        let sigma = 1 / (a * y * (2 * y - mu)).squareRoot()
        let step = sigma / 8
        var sum = 1.0
        for direction in [1.0, -1.0] {
            var k = 1.0
            while k < 100_000 {
                let term = Double.exp(h(uStar + direction * k * step) - hStar)
                sum += term
                if term < 1e-20 { break }
                k += 1
            }
        }
        let logJ = hStar + Double.log(sum * step)
        let halfNu: Double = 0.5 * nu
        let logPowers: Double = halfNu * (Double.log(nu) - Double.log(2))
        let logC: Double = Double.log(2) + logPowers - Double.logGamma(halfNu) - 0.5 * Double.log(2 * Double.pi)
        let exponent: Double = -0.5 * delta * delta * (nu / a)
        return logC + exponent + logJ
    }

    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "quantile: p must be in [0, 1] (got \(p))")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        return p <= 0.5 ? solve(target: p, upper: false) : solve(target: 1 - p, upper: true)
    }

    public func inverseSF(_ q: Double) -> Double {
        precondition(q >= 0 && q <= 1, "inverseSF: q must be in [0, 1] (got \(q))")
        if q == 0 { return .infinity }
        if q == 1 { return -.infinity }
        return q <= 0.5 ? solve(target: q, upper: true) : solve(target: 1 - q, upper: false)
    }

    /// Solves F(x) = target for F = cdf (upper == false) or F = sf (upper == true), target ≤ 1/2, by
    /// Newton steps on g(x) = log F(x) − log target (g' = ±pdf/F), kept inside a bracket that is
    /// found by doubling steps from a normal-approximation start; bisection when Newton leaves it.
    private func solve(target: Double, upper: Bool) -> Double {
        let F: (Double) -> Double = upper ? { self.sf($0) } : { self.cdf($0) }
        let logTarget = Double.log(target)
        // g(x) > 0 means x is on the "too far" side.
        func g(_ x: Double) -> Double { Double.log(F(x)) - logTarget }
        // For the cdf, g increases with x; for the sf it decreases. Work with G(x) = sign·g increasing.
        let sign: Double = upper ? -1 : 1
        let z = DiscreteQuantile.roughNormalQuantile(upper ? 1 - target : target)
        let scale = df.isFinite ? (1 + ncp * ncp / (2 * df)).squareRoot() : 1
        var x0 = ncp + z * scale
        if df.isFinite && df < 3 { x0 = ncp + z * scale * 2 }
        var gx0 = sign * g(x0)
        if gx0 == 0 { return x0 }
        // Bracket [lo, hi] with G(lo) < 0 < G(hi).
        var lo = x0, hi = x0, glo = gx0, ghi = gx0
        var step = max(1, abs(x0) * 0.5)
        if gx0 > 0 {
            while glo > 0 {
                hi = lo; ghi = glo
                lo -= step; step *= 2
                glo = sign * g(lo)
                if !lo.isFinite { return -.infinity }
            }
        } else {
            while ghi < 0 {
                lo = hi; glo = ghi
                hi += step; step *= 2
                ghi = sign * g(hi)
                if !hi.isFinite { return .infinity }
            }
        }
        var x = glo.isFinite && -glo < ghi ? lo : hi
        gx0 = x == lo ? glo : ghi
        for _ in 0..<200 {
            let fx = F(x)
            let deriv = sign * (upper ? -pdf(x) : pdf(x)) / fx   // G'(x)
            var next = x - gx0 / deriv
            if !(next > lo && next < hi) || !deriv.isFinite || deriv <= 0 {
                next = (lo.sign == hi.sign && lo != 0 && hi != 0 && max(abs(lo), abs(hi)) > 4 * min(abs(lo), abs(hi)))
                    ? (lo < 0 ? -1 : 1) * (abs(lo) * abs(hi)).squareRoot()
                    : lo + (hi - lo) / 2
            }
            if next == x || abs(next - x) <= 2 * x.ulp { return next }
            let gn = sign * g(next)
            if gn == 0 { return next }
            if gn < 0 { lo = next } else { hi = next }
            if hi - lo <= 2 * max(abs(lo), abs(hi)).ulp { return abs(gn) < abs(gx0) ? next : x }
            x = next
            gx0 = gn
        }
        return x
    }
}
