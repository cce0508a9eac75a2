import RealModule

// The prefactor x^a e^{-x} / Γ(a) of the incomplete gamma ratios, with its exponent carried in
// double-double so that values near the underflow threshold (exponent ≈ −700) keep full relative accuracy.

/// A double-double number `hi + lo`, `|lo| ≤ ulp(hi)/2` (Dekker 1971; error-free transformations).
struct GammaDD {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// Knuth's TwoSum: `a + b = s + e` exactly.
    static func twoSum(_ a: Double, _ b: Double) -> GammaDD {
        let s = a + b
        let bb = s - a
        let e = (a - (s - bb)) + (b - bb)
        return GammaDD(s, e)
    }

    /// `a·b = p + e` exactly (fused multiply-add).
    static func twoProduct(_ a: Double, _ b: Double) -> GammaDD {
        let p = a * b
        return GammaDD(p, (-p).addingProduct(a, b))
    }

    static func + (x: GammaDD, y: GammaDD) -> GammaDD {
        let s = twoSum(x.hi, y.hi)
        let t = twoSum(s.hi, s.lo + x.lo + y.lo)
        return t
    }

    static prefix func - (x: GammaDD) -> GammaDD { GammaDD(-x.hi, -x.lo) }

    static func - (x: GammaDD, y: GammaDD) -> GammaDD { x + (-y) }

    static func * (x: GammaDD, d: Double) -> GammaDD {
        let p = twoProduct(x.hi, d)
        return twoSum(p.hi, p.lo + x.lo * d)
    }

    static func * (x: GammaDD, y: GammaDD) -> GammaDD {
        let p = twoProduct(x.hi, y.hi)
        return twoSum(p.hi, p.lo + (x.hi * y.lo + x.lo * y.hi))
    }

    static func / (x: GammaDD, y: GammaDD) -> GammaDD {
        let q = x.hi / y.hi
        // remainder x − q·y, to first order
        let r = (x - y * q)
        return twoSum(q, r.hi / y.hi)
    }

    /// The quotient `n/d` of two doubles as a double-double.
    static func quotient(_ n: Double, _ d: Double) -> GammaDD {
        let q = n / d
        let r = n.addingProduct(-q, d)
        return GammaDD(q, r / d)
    }

    static let ln2 = GammaDD(0.6931471805599453, 2.3190468138462996e-17)

    /// Natural logarithm of a positive finite double, to about 1e-18 relative.
    ///
    /// `y = m·2^k` with `m ∈ [√½, √2)`, `log m = 2 atanh(s) = 2s + 2s³/3 + …`, `s = (m−1)/(m+1)`;
    /// the leading term `2s` is carried in double-double, the rest (≤ 1% of it) in double.
    static func log(_ y: Double) -> GammaDD {
        var m = y.significand
        var k = Double(y.exponent)
        if m > 1.4142135623730951 {
            m /= 2
            k += 1
        }
        let num = m - 1  // exact (Sterbenz)
        let den = twoSum(m, 1)
        let s = GammaDD(num) / den
        let s2 = s.hi * s.hi
        var tail = 2.0 / 29
        var j = 27.0
        while j >= 3 {
            tail = tail * s2 + 2 / j
            j -= 2
        }
        let logM = s * 2 + GammaDD(s.hi * s2 * tail)
        if k == 0 { return logM }
        return ln2 * k + logM
    }
}

extension Special {
    /// `log(x^a e^{−x} / Γ(a))`, the log of `x` times the Gamma(a, 1) density at `x`, for `a > 0`, `x ≥ 0`.
    ///
    /// Accurate also for large `a` and `x`: for `a ≥ 1` it is written as
    /// `½ log(a/2π) − δ(a) − a·φ(x/a − 1)` with Loader's Stirling error `δ` (``stirlingError(_:)``) and
    /// `φ(μ) = μ − log(1 + μ)` evaluated in double-double (DiDonato & Morris 1986, §3, `rcomp`);
    /// for `a < 1` as `log a + a log x − x − log Γ(1 + a)`.
    public static func logGammaDensityPrefix(a: Double, x: Double) -> Double {
        if a.isNaN || x.isNaN || !(a > 0) || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite || a.isInfinite { return -.infinity }
        let (scale, e) = gammaPrefixExponent(a: a, x: x)
        return Double.log(scale) + e.hi + e.lo
    }

    /// `x^a e^{−x} / Γ(a)` for finite `a > 0`, `x > 0`, with relative error of a few ulps.
    static func gammaPrefix(a: Double, x: Double) -> Double {
        let (scale, e) = gammaPrefixExponent(a: a, x: x)
        if e.hi < -760 { return 0 }
        return scale * Double.exp(e.hi) * (1 + e.lo)
    }

    /// The prefactor as `scale · exp(e)`, `e` in double-double.
    static func gammaPrefixExponent(a: Double, x: Double) -> (scale: Double, e: GammaDD) {
        if a < 1 {
            // a·x^a e^{−x}/Γ(1+a)
            let t = GammaDD.log(x) * a - GammaDD(x)
            return (a, t + GammaDD(-logGamma1p(a)))
        }
        let c = 0.5 * Double.log(a / (2 * Double.pi)) - stirlingError(a)
        let big = gammaExponentDeficit(a: a, x: x)
        return (1, GammaDD(c) - big)
    }

    /// `A = a·(λ − 1 − log λ)`, `λ = x/a`, in double-double: the amount by which the exponent of
    /// `x^a e^{−x}` falls short of its maximum `a^a e^{−a}` (`a ≥ 1`, `x > 0`).
    static func gammaExponentDeficit(a: Double, x: Double) -> GammaDD {
        if x >= 0.75 * a && x <= 1.3 * a {
            // μ = (x − a)/a ∈ [−¼, 0.3]; φ(μ) = μ·r − 2r·Σ_{k≥1} r^{2k}/(2k+1), r = μ/(2+μ)
            let mu = GammaDD.quotient(x - a, a)  // x − a is exact here (Sterbenz)
            let lead = (mu * mu) / (GammaDD(2) + mu)
            let r = mu.hi / (2 + mu.hi)
            let r2 = r * r
            var power = r2
            var sum = 0.0
            var k = 3.0
            while true {
                let term = power / k
                sum += term
                if term <= 1e-17 * sum { break }
                power *= r2
                k += 2
            }
            return (lead - GammaDD(2 * r * sum)) * a
        }
        let lambda = GammaDD.quotient(x, a)
        if lambda.hi < Double.leastNormalMagnitude || lambda.hi > Double.greatestFiniteMagnitude / 2 {
            // The prefactor is far outside the double range: plain arithmetic suffices.
            let v = x - a - a * (Double.log(x) - Double.log(a))
            return GammaDD(v)
        }
        let logLambda = GammaDD.log(lambda.hi) + GammaDD(lambda.lo / lambda.hi)
        return GammaDD.twoSum(x, -a) - logLambda * a
    }
}
