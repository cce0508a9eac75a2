import TSCore
import TSDistributions

/// Confidence interval for the noncentrality parameter of a noncentral t, by inverting its cdf in the
/// ncp (the "pivoting the cdf" method; Steiger & Fouladi 1997, in Harlow et al., *What if there were no
/// significance tests?*, ch. 9; Cumming & Finch 2001, Educ Psychol Meas 61:532).
///
/// For an observed t on `df` degrees of freedom, the lower limit λ_L solves P(T ≤ t | λ_L) = 1 − α/2 and
/// the upper limit λ_U solves P(T ≤ t | λ_U) = α/2. P(T ≤ t | λ) decreases strictly in λ, so each limit is a
/// single root; it is bracketed by expanding steps from t and then found by Brent's method (Brent 1973,
/// *Algorithms for Minimization without Derivatives*, ch. 4) on g(λ) = P(T ≤ t | λ) − p.
public enum NoncentralTInterval {
    public static func interval(t: Double, df: Double, level: Double = 0.95) throws(InputError) -> (lower: Double, upper: Double) {
        guard t.isFinite else { throw InputError(.parameter("t"), "must be a finite number") }
        guard df > 0, df.isFinite else { throw InputError(.parameter("df"), "must be > 0 and finite") }
        guard level > 0, level < 1 else { throw InputError(.parameter("level"), "must be inside (0, 1), got \(level)") }
        let alpha = 1 - level
        return (try ncp(t: t, df: df, cdfTarget: 1 - alpha / 2), try ncp(t: t, df: df, cdfTarget: alpha / 2))
    }

    /// The λ with P(T ≤ t | df, λ) = p.
    public static func ncp(t: Double, df: Double, cdfTarget p: Double) throws(InputError) -> Double {
        func g(_ lambda: Double) -> Double {
            guard let d = try? NoncentralT(df: df, ncp: lambda) else { return .nan }
            return d.cdf(t) - p
        }
        // Bracket: g decreases in λ. Start around t and expand geometrically.
        var step = max(1.0, abs(t) * 0.25)
        var lo = t - step, hi = t + step
        var glo = g(lo), ghi = g(hi)
        var tries = 0
        while !(glo >= 0 && ghi <= 0) {
            tries += 1
            guard tries < 200, glo.isFinite, ghi.isFinite else {
                throw InputError(.parameter("t"), "could not bracket the noncentrality parameter (t = \(t), df = \(df))")
            }
            step *= 2
            if glo < 0 { hi = lo; ghi = glo; lo -= step; glo = g(lo) }
            if ghi > 0 { lo = hi; glo = ghi; hi += step; ghi = g(hi) }
        }
        return brent(lo, hi, glo, ghi, g)
    }

    /// Brent's root finder on a bracket [a, b] with f(a), f(b) of opposite signs (or zero).
    static func brent(_ a0: Double, _ b0: Double, _ fa0: Double, _ fb0: Double, _ f: (Double) -> Double) -> Double {
        var a = a0, b = b0, fa = fa0, fb = fb0
        if fa == 0 { return a }
        if fb == 0 { return b }
        var c = a, fc = fa, d = b - a, e = d
        for _ in 0..<300 {
            if (fb > 0) == (fc > 0) { c = a; fc = fa; d = b - a; e = d }
            if abs(fc) < abs(fb) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa }
            let tol = 2 * Double.ulpOfOne * abs(b) + 1e-300
            let m = 0.5 * (c - b)
            if abs(m) <= tol || fb == 0 { return b }
            if abs(e) >= tol && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * m * s; q = 1 - s
                } else {
                    let qq = fa / fc, r = fb / fc
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1))
                    q = (qq - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
                    e = d; d = p / q
                } else {
                    d = m; e = m
                }
            } else {
                d = m; e = m
            }
            a = b; fa = fb
            b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
            fb = f(b)
        }
        return b
    }
}
