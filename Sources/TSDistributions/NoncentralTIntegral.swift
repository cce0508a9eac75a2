import RealModule
import TSCore

/// Adaptive Gauss–Kronrod (7–15 point; Kronrod 1965, nodes/weights as tabulated in QUADPACK,
/// Piessens et al. 1983) quadrature of the noncentral-t mixture integrals over S = √(χ²_ν/ν):
///     lower: Φ(t s − δ) f_S(s),   upper: Φ(δ − t s) f_S(s),   density: s φ(t s − δ) f_S(s).
/// For ν ≥ 1 each integrand is log-concave in s (log Φ is concave; (ν−1) log s − ν s²/2 is concave),
/// so it is unimodal: its mode s* is found by safeguarded Newton on (log g)′, the scale
/// σ = (−(log g)″(s*))^{-1/2}, and the range is grown from s* until log g has dropped by 75.
///
/// Accuracy devices:
/// - f_S(s) = ν/s · e^{−w} w^a / Γ(a+1) with a = ν/2, w = ν s²/2, the last factor in Loader's (2000)
///   form exp(−δ(a) − D(a, w)) / √(2πa), so large ν does not cancel.
/// - Nodes are s = s* + d with d exact; t s − δ and w are formed in double-double from (s*, d), so the
///   integrand is evaluated at exactly the node (without this, node rounding of ~ε relative to a peak
///   of width 1/√(2ν) costs ~ε√(2ν) in each value).
/// - Φ, 1 − Φ and φ come from `StandardNormal` with the double-double argument u = t s − δ.
struct NoncentralTIntegral {
    enum Kind { case lower, upper, density }
    let nu: Double, delta: Double, t: Double, kind: Kind
    let a: Double            // ν/2
    let densityLogScale: Double   // −δ(a) − ½ log(2πa)

    static let invSqrt2Pi = StandardNormal.invSqrt2Pi
    static let rsqrt2Hi = StandardNormal.invSqrt2.hi

    init(df: Double, ncp: Double, t: Double, kind: Kind) {
        nu = df; delta = ncp; self.t = t; self.kind = kind
        a = df / 2
        densityLogScale = -Special.stirlingError(a) - 0.5 * Double.log(2 * Double.pi * a)
    }

    /// (log g, (log g)′, (log g)″) at s > 0, in plain double (used only to place the panels).
    private func logShape(_ s: Double) -> (Double, Double, Double) {
        let u = t * s - delta
        var l: Double, d1: Double, d2: Double
        switch kind {
        case .lower:
            let m = Self.hazard(-u)              // d/du log Φ(u) = λ(−u)
            l = Self.logNormalSF(-u); d1 = t * m; d2 = -t * t * m * (m + u)
        case .upper:
            let m = Self.hazard(u)               // d/du log Φ(−u) = −λ(u)
            l = Self.logNormalSF(u); d1 = -t * m; d2 = -t * t * m * (m - u)
        case .density:
            l = Double.log(s) - 0.5 * u * u; d1 = 1 / s - t * u; d2 = -1 / (s * s) - t * t
        }
        if nu != 1 {
            l += (nu - 1) * Double.log(s); d1 += (nu - 1) / s; d2 -= (nu - 1) / s / s
        }
        l -= 0.5 * nu * s * s; d1 -= nu * s; d2 -= nu
        return (l, d1, d2)
    }

    /// λ(v) = φ(v)/Φ(−v) (normal hazard), asymptotic series for large v.
    static func hazard(_ v: Double) -> Double {
        if v > 30 { let r = 1 / (v * v); return v * (1 + r * (1 - 2 * r)) }
        return Double.exp(-0.5 * v * v) * invSqrt2Pi / (0.5 * Double.erfc(v * rsqrt2Hi))
    }

    /// log Φ(−v).
    static func logNormalSF(_ v: Double) -> Double {
        if v > 30 { let r = 1 / (v * v); return -0.5 * v * v - Double.log(v) - 0.9189385332046728 + Double.log(onePlus: -r + 3 * r * r) }
        return Double.log(0.5 * Double.erfc(v * rsqrt2Hi))
    }

    /// Integrand at s = s0 + d (the pair is exact).
    private func integrand(_ s0: Double, _ d: Double) -> Double {
        let sw = DoubleWord.twoSum(s0, d)          // exactly s0 + d
        let s = sw.hi
        if !(s > 0) { return 0 }
        let u = sw * t - delta                      // u = t·s − δ
        // w = (ν/2)·s² with hi = fl(a·fl(s²)) and every rounding error in lo. Deliberately not renormalised:
        // Loader's bd0 evaluated at this hi (plus the first-order lo term) measured slightly more accurate
        // (mean error over the mpmath fixture 2.22e-16 against 2.36e-16 with `sw * sw * a`).
        let sq = DoubleWord.twoProduct(s, s)
        let p = DoubleWord.twoProduct(a, sq.hi)
        let w = DoubleWord(p.hi, p.lo + a * (sq.lo + 2 * s * sw.lo))
        if w.hi == 0 { return 0 }
        let bd0 = LoaderBinomial.bd0(a, w)
        let fS = Double.exp(densityLogScale - bd0) * (nu / s)
        switch kind {
        case .lower: return StandardNormal.lowerTail(u) * fS
        case .upper: return StandardNormal.lowerTail(-u) * fS
        case .density: return s * StandardNormal.density(u) * fS
        }
    }

    /// Mode of the integrand (0 if the maximum is at the boundary).
    private func mode() -> Double {
        var hi = 1.0
        var n = 0
        while logShape(hi).1 > 0 && n < 2000 { hi *= 2; n += 1 }
        var lo = hi / 2
        n = 0
        while logShape(lo).1 < 0 && n < 2000 { hi = lo; lo /= 2; n += 1 }
        if lo < 1e-300 || logShape(lo).1 < 0 { return 0 }
        var x = lo + (hi - lo) / 2
        for _ in 0..<200 {
            let (_, d1, d2) = logShape(x)
            if d1 == 0 { return x }
            if d1 > 0 { lo = x } else { hi = x }
            var next = x - d1 / d2
            if !(next > lo && next < hi) { next = lo + (hi - lo) / 2 }
            if abs(next - x) <= 1e-14 * x { return next }
            x = next
        }
        return x
    }

    func value() -> Double {
        let m = mode()
        // At a boundary mode (m = 0) the integrand may fall off like e^{h′(0) s}: take the smaller scale.
        let (lm, d1m, d2m) = logShape(max(m, 1e-150))
        var sigma = 1 / (m > 0 ? (-d2m).squareRoot() : max((-d2m).squareRoot(), abs(d1m)))
        if !(sigma.isFinite && sigma > 0) { sigma = max(m, 1) }
        let drop = 75.0
        // Right end of the range: mode + kσ with log g below its peak by `drop`.
        var kR = 1.0
        while kR < 1e300 && logShape(m + kR * sigma).0 > lm - drop { kR *= 2 }
        var kL = 1.0
        while m - kL * sigma > 0 && logShape(m - kL * sigma).0 > lm - drop { kL *= 2 }
        let left = max(-m, -kL * sigma)    // offsets d from s0 = m
        let right = kR * sigma
        // Initial panels: widths σ, σ, 2σ, 4σ, … outward from the mode.
        var edges: [Double] = [0]
        var w = sigma, x = 0.0
        while x > left { x = max(left, x - w); edges.insert(x, at: 0); w *= 2 }
        w = sigma; x = 0
        while x < right { x = min(right, x + w); edges.append(x); w *= 2 }
        var panels: [(lo: Double, hi: Double, k: Double, err: Double)] = []
        for i in 0..<(edges.count - 1) where edges[i + 1] > edges[i] {
            let (k, g) = gaussKronrod(m, edges[i], edges[i + 1])
            panels.append((edges[i], edges[i + 1], k, abs(k - g)))
        }
        for _ in 0..<2000 {
            var total = 0.0, err = 0.0, worst = 0
            for (i, p) in panels.enumerated() {
                total += p.k; err += p.err
                if p.err > panels[worst].err { worst = i }
            }
            if err <= 1e-13 * abs(total) || total == 0 { break }
            let p = panels.remove(at: worst)
            let mid = p.lo + (p.hi - p.lo) / 2
            if !(mid > p.lo && mid < p.hi) { panels.append((p.lo, p.hi, p.k, 0)); continue }
            let (k1, g1) = gaussKronrod(m, p.lo, mid)
            let (k2, g2) = gaussKronrod(m, mid, p.hi)
            panels.append((p.lo, mid, k1, abs(k1 - g1)))
            panels.append((mid, p.hi, k2, abs(k2 - g2)))
        }
        // Sum smallest first.
        return panels.map(\.k).sorted().reduce(0, +)
    }

    private static let xk: [Double] = [0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0]
    private static let wk: [Double] = [0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714]
    private static let wg: [Double] = [0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327]

    /// (Kronrod-15, Gauss-7) estimates of ∫ over offsets [lo, hi] from s0.
    private func gaussKronrod(_ s0: Double, _ lo: Double, _ hi: Double) -> (Double, Double) {
        let c = lo + (hi - lo) / 2, h = (hi - lo) / 2
        let fc = integrand(s0, c)
        var k = Self.wk[7] * fc, g = Self.wg[3] * fc
        for j in 0..<7 {
            let f1 = integrand(s0, c - h * Self.xk[j]), f2 = integrand(s0, c + h * Self.xk[j])
            k += Self.wk[j] * (f1 + f2)
            if j % 2 == 1 { g += Self.wg[j / 2] * (f1 + f2) }
        }
        return (k * h, g * h)
    }
}
