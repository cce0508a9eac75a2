import RealModule

// Inverses of the regularized incomplete gamma ratios: x with P(a, x) = p or Q(a, x) = q.
// DiDonato & Morris (1986), ACM TOMS 12:377, §5: start from a cheap approximation, then refine by
// Halley (third-order Schröder) steps on whichever of P or Q is the smaller, here in log–log form
// (log of the ratio against log x), which is nearly linear in both tails and keeps q down to 1e-300
// accurate.

extension Special {
    /// `x ≥ 0` with `P(a, x) = p`, `a > 0`, `0 ≤ p ≤ 1` (DiDonato & Morris 1986). Accurate for tiny `p`.
    static func inverseGammaP(a: Double, p: Double) -> Double {
        if a.isNaN || p.isNaN || !(a > 0) || a.isInfinite || p < 0 || p > 1 { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        return inverseGammaRatio(a: a, p: p, q: 1 - p, lower: p <= 0.5)
    }

    /// `x ≥ 0` with `Q(a, x) = q`, `a > 0`, `0 ≤ q ≤ 1` (DiDonato & Morris 1986). Accurate for tiny `q`
    /// (down to the smallest normal doubles), where `inverseGammaP(a:p: 1 − q)` could not be.
    static func inverseGammaQ(a: Double, q: Double) -> Double {
        if a.isNaN || q.isNaN || !(a > 0) || a.isInfinite || q < 0 || q > 1 { return .nan }
        if q == 0 { return .infinity }
        if q == 1 { return 0 }
        return inverseGammaRatio(a: a, p: 1 - q, q: q, lower: q > 0.5)
    }

    /// Solves `P(a,x) = p` (`lower`) or `Q(a,x) = q` (otherwise); `p + q = 1`, the solved one ≤ ½.
    ///
    /// With `u = log x` and `F` the ratio being solved, `h(u) = log(F/target)`,
    /// `h' = ±w`, `w = x^a e^{−x}/(Γ(a)·F)`, and `h'' = w(a − x) − w²` (for P) or `−w(a − x) − w²` (for Q);
    /// Halley's step `Δu = −(h/h')/(1 − h h''/(2h'²))`, kept inside a bracket that is updated every step.
    private static func inverseGammaRatio(a: Double, p: Double, q: Double, lower: Bool) -> Double {
        let target = lower ? p : q
        let logGammaA1 = logGamma1p(a)  // log Γ(1 + a)
        var candidates: [Double] = []
        if lower {
            // P ≈ x^a / Γ(1 + a) for x ≪ 1 + a (DiDonato & Morris 1986 eq. (34), leading term).
            let u = (Double.log(p) + logGammaA1) / a
            if u < -708.4 {
                // x below the normal range: the leading term is exact to double precision there.
                return Double.exp(u)
            }
            candidates.append(Double.exp(u))
        }
        // Wilson & Hilferty (1931): (x/a)^{1/3} ≈ normal with mean 1 − 1/(9a), variance 1/(9a).
        let z = p <= q ? -upperNormalQuantileApprox(p) : upperNormalQuantileApprox(q)
        let w = 1 - 1 / (9 * a) + z / (3 * a.squareRoot())
        if w > 0 { candidates.append(a * w * w * w) }
        if !lower {
            // Q ≈ x^{a−1} e^{−x} (1 + (a−1)/x) / Γ(a) for x ≫ a: fixed-point iteration on x.
            let logGammaA = logGammaA1 - Double.log(a)
            var x = max(1, a, -Double.log(q))
            for _ in 0..<10 {
                let next = (a - 1) * Double.log(x) - logGammaA - Double.log(q)
                    + Double.log(onePlus: (a - 1) / x)
                if !(next > 0) || !next.isFinite { break }
                x = next
            }
            candidates.append(x)
        }
        var x = candidates[0]
        var bestMisfit = Double.infinity
        for c in candidates where c > 0 && c.isFinite {
            let r = gammaRatiosAndPrefix(a: a, x: c)
            let f = lower ? r.p : r.q
            let misfit = f > 0 ? abs(Double.log(f / target)) : .infinity
            if misfit < bestMisfit {
                bestMisfit = misfit
                x = c
            }
        }
        if !(x > 0) || !x.isFinite { x = a }

        var lo = 0.0
        var hi = Double.infinity
        for _ in 0..<200 {
            let r = gammaRatiosAndPrefix(a: a, x: x)
            let f = lower ? r.p : r.q
            if f == target { return x }
            let xTooLarge = lower ? (f > target) : (f < target)
            if xTooLarge { hi = min(hi, x) } else { lo = max(lo, x) }
            if hi.isFinite && hi - lo <= 4 * Double.ulpOfOne * hi { return hi == x ? x : 0.5 * (lo + hi) }
            var next: Double
            var du = Double.nan
            if f > 0 && r.prefix > 0 && r.prefix.isFinite {
                let h = Double.log(f / target)
                let wRatio = r.prefix / f
                let d1 = lower ? wRatio : -wRatio
                let d2 = lower ? wRatio * (a - x) - wRatio * wRatio : -(wRatio * (a - x) + wRatio * wRatio)
                du = -h / d1
                let halley = 1 - h * d2 / (2 * d1 * d1)
                if halley > 0.5 && halley < 2 { du /= halley }
                du = min(max(du, -5), 5)
                next = x * Double.exp(du)
            } else {
                next = .nan
            }
            if !(next > lo && next < hi) {
                // Fall back to bisection of the bracket (geometric where possible).
                if hi.isFinite {
                    next = lo > 0 ? (lo * hi).squareRoot() : hi / 16
                } else {
                    next = 16 * x
                }
                du = .nan
            }
            if abs(du) < 1e-11 { return next }
            x = next
        }
        return x
    }

    /// `z` with `1 − Φ(z) = p`, `0 < p ≤ ½`, to about 4.5e-4 (Abramowitz & Stegun 26.2.23); only a starting value.
    private static func upperNormalQuantileApprox(_ p: Double) -> Double {
        let t = (-2 * Double.log(p)).squareRoot()
        let num = 2.515517 + t * (0.802853 + t * 0.010328)
        let den = 1 + t * (1.432788 + t * (0.189269 + t * 0.001308))
        return t - num / den
    }
}
