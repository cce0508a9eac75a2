import RealModule
import TSCore

/// The standard normal distribution's tails, density and quantile, shared by `Normal` and by
/// `StudentT` at infinite df.
///
/// Tails use the C library's `erfc` (glibc: a few ulp) and carry the rounding error of the
/// argument z (given as a double-double) and of z/√2 into a first-order correction, so
/// Φ(z) keeps full relative accuracy down to the smallest normal double (z ≈ −37.5), where the
/// condition number z·φ(z)/Φ(z) ≈ z² would otherwise amplify one rounding by ~1400.
enum StandardNormal {
    /// 1/√2 as hi + lo.
    static let invSqrt2 = DoubleWord(0.7071067811865476, -4.833646656726457e-17)
    static let invSqrt2Pi = 0.3989422804014327
    static let logSqrt2Pi = 0.9189385332046728

    /// Φ(z), the lower tail at z = hi + lo.
    static func lowerTail(_ z: DoubleWord) -> Double {
        if z.hi.isNaN { return .nan }
        if z.hi > -0.7 && z.hi < 0.7 {
            // Central: ½ + ½ erf(z/√2) has no cancellation; first-order term for z.lo.
            return 0.5 + 0.5 * Double.erf(z.hi * invSqrt2.hi) + density(z.hi) * z.lo
        }
        if z.hi >= 0.7 { return 1 - upperTail(z) }   // Φ ≥ 0.758: subtraction loses < 2 bits
        return upperTail(-z)
    }

    /// 1 − Φ(z) = ½ erfc(z/√2) for z = hi + lo, computed directly.
    static func upperTail(_ z: DoubleWord) -> Double {
        if z.hi.isNaN { return .nan }
        if z.hi < 0.7 {
            if z.hi > -0.7 { return 0.5 - 0.5 * Double.erf(z.hi * invSqrt2.hi) - density(z.hi) * z.lo }
            return 1 - upperTail(-z)   // 1 − Φ(z) = Φ(−z) ≥ 0.758
        }
        if z.hi > 40 { return 0 }
        // s = z/√2 as a double-double; erfc(s.hi + s.lo) ≈ erfc(s.hi)·(1 − s.lo·R(s.hi)),
        // R(s) = (2/√π) e^{−s²} / erfc(s).
        let s = z * invSqrt2
        let e = Double.erfc(s.hi)
        let r: Double
        if s.hi <= 5 {
            r = 1.1283791670955126 * Double.exp(-s.hi * s.hi) / e
        } else {
            // Asymptotic series erfc(s) ~ e^{−s²}/(s√π) (1 − 1/(2s²) + 3/(4s⁴) − 15/(8s⁶)) (A&S 7.1.23).
            let t = 1 / (s.hi * s.hi)
            r = 2 * s.hi / (1 - t / 2 + 0.75 * t * t - 1.875 * t * t * t)
        }
        return 0.5 * e * (1 - s.lo * r)
    }

    /// φ(z).
    static func density(_ z: Double) -> Double {
        invSqrt2Pi * Double.exp(-0.5 * z * z)
    }

    /// φ(z) for z = hi + lo with z² formed exactly, so the density keeps full relative accuracy
    /// for |z| up to 38 (plain exp(−z²/2) loses about z²·ε/2).
    static func density(_ z: DoubleWord) -> Double {
        // φ(39) ≈ 1e-331 is below the least subnormal; beyond it z² may overflow and its error term be NaN.
        if !(abs(z.hi) < 39) { return z.hi.isNaN ? .nan : 0 }
        let sq = DoubleWord.twoProduct(z.hi, z.hi)
        let small = 0.5 * sq.lo + z.hi * z.lo
        return invSqrt2Pi * Double.exp(-0.5 * sq.hi) * (1 - small)
    }

    /// log φ(z) for z = hi + lo.
    static func logDensity(_ z: DoubleWord) -> Double {
        // Beyond |z| = 1e150 the error terms are below the rounding of z²/2 (and would be NaN once z² overflows);
        // past |z| ≈ 1.9e154 the value itself is below −1.8e308 and rounds to −∞.
        if abs(z.hi) > 1e150 { return -0.5 * (z.hi * z.hi) }
        let sq = DoubleWord.twoProduct(z.hi, z.hi)
        return -0.5 * sq.hi - (0.5 * sq.lo + z.hi * z.lo) - logSqrt2Pi
    }

    /// z with Φ(z) = p. Central p ∈ [¼, ¾] inverts ½ erf(z/√2) = p − ½ (exact difference);
    /// the tails solve log Φ(z) = log p by Halley's method from Abramowitz & Stegun 26.2.23.
    static func quantile(_ p: Double) -> Double {
        if !(p >= 0 && p <= 1) { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p >= 0.25 && p <= 0.75 { return centralQuantile(p - 0.5) }
        if p < 0.25 { return lowerTailQuantile(p) }
        return -lowerTailQuantile(1 - p)   // 1 − p is exact for p > ¾ (Sterbenz)
    }

    /// z with Φ(z) − ½ = d, for |d| ≤ ¼.
    static func centralQuantile(_ d: Double) -> Double {
        if d == 0 { return 0 }
        // Start from the tail formula applied to the nearer tail.
        var z = d < 0 ? abramowitzStegun(0.5 + d) : -abramowitzStegun(0.5 - d)
        for _ in 0..<8 {
            let f = 0.5 * Double.erf(z * invSqrt2.hi) - d
            let phi = density(z)
            let step = f / (phi * (1 + z * f / (2 * phi)))
            z -= step
            if abs(step) <= 1e-17 * abs(z) { break }
        }
        return z
    }

    /// z < 0 with Φ(z) = q, for 0 < q < ¼.
    static func lowerTailQuantile(_ q: Double) -> Double {
        var z = abramowitzStegun(q)
        let logQ = Double.log(q)
        for _ in 0..<12 {
            let phiUpper = upperTail(DoubleWord(-z))       // Φ(z) for z < 0
            let g = Double.log(phiUpper) - logQ
            let r = Double.exp(logDensity(DoubleWord(z)) - Double.log(phiUpper))   // φ/Φ
            let step = g / (r + g * (z + r) / 2)
            z -= step
            if abs(step) <= 1e-17 * abs(z) { break }
        }
        return z
    }

    /// z with 1 − Φ(z) ≈ q for 0 < q ≤ ½, to about 1e-10: A&S 26.2.23 and one Halley step on erfc
    /// (z ← z + u/(1 − u z/2), u = (1 − Φ(z) − q)/φ(z); cubic, from an error below 4.5e-4). A starting value
    /// for other iterations, not a result.
    static func approximateUpperQuantile(_ q: Double) -> Double {
        let z0 = -abramowitzStegun(q)
        let u = (0.5 * Double.erfc(z0 * invSqrt2.hi) - q) / density(z0)
        return z0 + u / (1 - 0.5 * u * z0)
    }

    /// Abramowitz & Stegun 26.2.23: z with Φ(z) ≈ q for q ≤ ½, |error| < 4.5e−4.
    static func abramowitzStegun(_ q: Double) -> Double {
        let t = (-2 * Double.log(q)).squareRoot()
        let num = 2.515517 + t * (0.802853 + t * 0.010328)
        let den = 1 + t * (1.432788 + t * (0.189269 + t * 0.001308))
        return -(t - num / den)
    }
}
