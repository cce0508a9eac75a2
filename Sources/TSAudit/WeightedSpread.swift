import TSCore

/// The weighted between-group sum of squares S(m) = Σ w_i (m_i − m̄)², m̄ = Σ w_i m_i / Σ w_i, and its exact
/// range when each m_i ranges over an interval [lo_i, hi_i] (the rounding box of printed means).
///
/// S is the SSB of one-way ANOVA with w_i = n_i, and (k − 1) times Welch's numerator A with w_i = n_i/s_i²
/// (Welch 1951, Biometrika 38:330, eq. 9). S is a positive semidefinite quadratic form in m (convex), so:
///
/// - **Maximum** at a vertex of the box (a convex function on a polytope attains its maximum at an extreme
///   point): all 2^k vertices are enumerated for k ≤ 16. For larger k the bound
///   S(m) = min_c Σ w_i (m_i − c)² ≤ min_c Σ w_i max((lo_i − c)², (hi_i − c)²) is used: it holds for every m in
///   the box and every c, so any c gives a rigorous (outer) bound; c is chosen by golden-section search.
/// Both ends are widened by Σw·(8ε·max|m|)² for floating-point rounding.
/// - **Minimum** by exact convex minimisation: min_m S = min_m min_c Σ w_i (m_i − c)² = min_c g(c) with
///   g(c) = Σ w_i dist(c, [lo_i, hi_i])² (for fixed c each m_i is best clamped to c). g is convex and piecewise
///   quadratic, g'(c)/2 = Σ w_i (c − clamp(c, lo_i, hi_i)) is continuous, piecewise linear and non-decreasing
///   with breakpoints at the lo_i and hi_i. Its root c* is the weighted-mean fixed point c = m̄(clamp(c)):
///   on the segment between consecutive breakpoints where g' changes sign the active set (arms whose interval
///   lies wholly above or below c) is fixed and c* = Σ_active w_i t_i / Σ_active w_i (t_i the nearer end);
///   the minimiser is m_i = clamp(c*, lo_i, hi_i) and S(m*) = g(c*) because m̄(m*) = c*.
enum WeightedSpread {
    /// S(m) for weights `w`.
    static func value(_ w: [Double], _ m: [Double]) -> Double {
        var sw = 0.0, swm = 0.0
        for i in w.indices { sw += w[i]; swm += w[i] * m[i] }
        let c = swm / sw
        var s = 0.0
        for i in w.indices { let d = m[i] - c; s += w[i] * d * d }
        return s
    }

    /// Largest S over the box: exact (vertex enumeration) for k ≤ 16, a rigorous upper bound beyond.
    /// `at` is the maximising vertex when exact.
    static func maximum(_ w: [Double], _ box: [ValueInterval]) -> (value: Double, at: [Double]?) {
        let k = w.count
        if k <= 16 {
            var best = -Double.infinity, arg = box.map(\.lower)
            var m = box.map(\.lower)
            for mask in 0..<(1 << k) {
                for i in 0..<k { m[i] = mask & (1 << i) == 0 ? box[i].lower : box[i].upper }
                let s = value(w, m)
                if s > best { best = s; arg = m }
            }
            return (best + slack(w, box), arg)
        }
        func bound(_ c: Double) -> Double {
            var s = 0.0
            for i in 0..<k { let a = box[i].lower - c, b = box[i].upper - c; s += w[i] * max(a * a, b * b) }
            return s
        }
        var a = box.map(\.lower).min()!, b = box.map(\.upper).max()!
        let g = 0.5 * (5.0.squareRoot() - 1)
        for _ in 0..<200 where b - a > 1e-15 * max(1, abs(a) + abs(b)) {
            let x1 = b - g * (b - a), x2 = a + g * (b - a)
            if bound(x1) <= bound(x2) { b = x2 } else { a = x1 }
        }
        return (bound(0.5 * (a + b)) + slack(w, box), nil)
    }

    /// Absolute allowance for rounding in S: Σw·(8ε·max|m|)², the size of S when every mean is off by a few
    /// ulps (touching intervals give S ≈ 1e-28 instead of 0).
    static func slack(_ w: [Double], _ box: [ValueInterval]) -> Double {
        let scale = box.map { max(abs($0.lower), abs($0.upper)) }.max() ?? 0
        let e = 8 * Double.ulpOfOne * scale
        return w.reduce(0, +) * e * e
    }

    /// Smallest S over the box (exact) and its minimiser.
    static func minimum(_ w: [Double], _ box: [ValueInterval]) -> (value: Double, at: [Double]) {
        let k = w.count
        func slope(_ c: Double) -> Double {          // g'(c)/2
            var s = 0.0
            for i in 0..<k { s += w[i] * (c - min(max(c, box[i].lower), box[i].upper)) }
            return s
        }
        let breaks = (box.map(\.lower) + box.map(\.upper)).sorted()
        var c = breaks[0]
        if slope(breaks[0]) < 0 {
            var j = 1
            while j < breaks.count && slope(breaks[j]) < 0 { j += 1 }
            if j == breaks.count { c = breaks[breaks.count - 1] }     // cannot happen: g'(max hi) ≥ 0
            else if slope(breaks[j]) == 0 { c = breaks[j] }
            else {
                let left = breaks[j - 1], right = breaks[j]
                var sw = 0.0, swt = 0.0
                for i in 0..<k {
                    if box[i].lower >= right { sw += w[i]; swt += w[i] * box[i].lower }       // c < lo_i on the segment
                    else if box[i].upper <= left { sw += w[i]; swt += w[i] * box[i].upper }   // c > hi_i on the segment
                }
                c = sw > 0 ? min(max(swt / sw, left), right) : left
            }
        }
        let m = (0..<k).map { min(max(c, box[$0].lower), box[$0].upper) }
        return (max(0, value(w, m) - slack(w, box)), m)
    }
}
