import RealModule
import TSCore

/// I_x(a,b) for large a and b near the mean (min(a,b) > 100, 0 <= lambda <= 0.03 min(a,b)): the role of
/// BASYM in DiDonato & Morris (1992, §6), an expansion in erfc and its repeated integrals built on Temme's
/// (1982) normal-type variable.
///
/// Derivation (own, following the paper's idea): with `p0 = a/(a+b)`, `q0 = b/(a+b)`, `m = min(p0,q0)`,
/// define `zeta` by `-zeta^2/2 = p0 log(t/p0) + q0 log((1-t)/q0)`, sign(zeta) = sign(t-p0). Then
/// `t^a (1-t)^b = p0^a q0^b e^{-(a+b) zeta^2/2}` and `dt/(t(1-t)) = zeta dzeta/(t-p0)`. Scaling
/// `t - p0 = m v`, `zeta = sqrt(m) s` gives
/// `I_x = p0^a q0^b/B(a,b) * int_{-inf}^{s_x} e^{-a0 s^2/2} G(s) ds`, `a0 = min(a,b)`, `G(s) = s/v(s)`,
/// where `s^2 = F(v) = sum_{k>=2} (2/k) [ (m/q0)^{k-1} + (-1)^k (m/p0)^{k-1} ] v^k`.
/// `G` is a power series (coefficients from square root, reversion and reciprocal of power series);
/// integrating term by term with `J_n(z) = int_z^inf e^{-w^2} w^n dw`,
/// `J_n = ((n-1)/2) J_{n-2} + z^{n-1} e^{-z^2}/2`, and `p0^a q0^b e^{-z^2} = x^a y^b` for
/// `z^2 = D = a rlog1(-lambda/a) + b rlog1(lambda/b)`:
/// `I_x(a,b) = [x^a y^b/B(a,b)] sum_n G_n (-1)^n (2/a0)^{(n+1)/2} Jhat_n(z)`, `Jhat_n = e^{z^2} J_n`,
/// `Jhat_0 = (sqrt(pi)/2) erfcx(z)`, `Jhat_1 = 1/2`.
/// Returns nil if the series has not converged to full precision (the caller then uses the continued fraction).
func betaUniformExpansion(a: Double, b: Double, x: Double, y: Double) -> Double? {
    let a0 = min(a, b)
    let rhoQ = a <= b ? a / b : 1.0  // m/q0
    let rhoP = a <= b ? 1.0 : b / a  // m/p0
    let order = 36
    // c[k] for k = 2...order+2 (coefficients of F(v)).
    var c = [Double](repeating: 0, count: order + 3)
    var pq = 1.0, pp = 1.0
    for k in 1...(order + 2) {
        if k >= 2 {
            let sign: Double = k % 2 == 0 ? 1 : -1
            c[k] = 2 / Double(k) * (pq + sign * pp)
        }
        pq *= rhoQ
        pp *= rhoP
    }
    // s(v) = sum_{n>=1} sigma[n] v^n, sigma[n+1] = coefficient n of sqrt(sum_k c[k+2] v^k).
    var sq = [Double](repeating: 0, count: order + 1)
    sq[0] = c[2].squareRoot()
    if order >= 1 {
        for n in 1...order {
            var acc = c[n + 2]
            if n >= 2 { for j in 1..<n { acc -= sq[j] * sq[n - j] } }
            sq[n] = acc / (2 * sq[0])
        }
    }
    var sigma = [Double](repeating: 0, count: order + 2)
    for n in 0...order { sigma[n + 1] = sq[n] }
    // Reversion v(s) = sum r[n] s^n; pw[k][n] = [s^n] v(s)^k.
    let nMax = order + 1
    var r = [Double](repeating: 0, count: nMax + 1)
    var pw = [[Double]](repeating: [Double](repeating: 0, count: nMax + 1), count: nMax + 1)
    r[1] = 1 / sigma[1]
    pw[1][1] = r[1]
    if nMax >= 2 {
        for n in 2...nMax {
            var acc = 0.0
            for k in stride(from: n, through: 2, by: -1) {
                var v = 0.0
                if k == n {
                    v = Double.pow(r[1], Double(n))
                } else {
                    for j in 1...(n - k + 1) { v += r[j] * pw[k - 1][n - j] }
                }
                pw[k][n] = v
                acc += sigma[k] * v
            }
            r[n] = -acc / sigma[1]
            pw[1][n] = r[n]
        }
    }
    // G(s) = s / v(s) = 1 / (r1 + r2 s + r3 s^2 + ...).
    var g = [Double](repeating: 0, count: order + 1)
    g[0] = 1 / r[1]
    if order >= 1 {
        for n in 1...order {
            var acc = 0.0
            for j in 1...n where j + 1 <= nMax { acc += r[j + 1] * g[n - j] }
            g[n] = -acc / r[1]
        }
    }
    // Deviance D = z^2 and the prefix.
    let lambda = betaLambda(a: a, b: b, x: x, y: y)
    let dev = DoubleWord.xMinusLog1p(-lambda / a) * a + DoubleWord.xMinusLog1p(lambda / b) * b
    let d = max(dev.value, 0)
    let z = d.squareRoot()
    let prefix = betaPrefix(a: a, b: b, x: x, y: y)
    if prefix == 0 { return 0 }
    let scale = (2 / a0).squareRoot()
    var jPrev = 0.8862269254527580137 * betaErfcx(z)  // Jhat_0
    var jCur = 0.5  // Jhat_1
    var sum = g[0] * scale * jPrev
    var factor = scale * scale  // (2/a0)^{(n+1)/2} for n = 1
    sum -= g[1] * factor * jCur
    var zPow = 1.0  // z^{n-1}
    var small = 0
    for n in 2...order {
        let dn = Double(n)
        zPow *= z
        let jNext = (dn - 1) / 2 * jPrev + zPow / 2
        jPrev = jCur
        jCur = jNext
        factor *= scale
        let term = (n % 2 == 0 ? 1.0 : -1.0) * g[n] * factor * jCur
        sum += term
        if abs(term) <= 1e-17 * abs(sum) {
            small += 1
            if small >= 2 { return prefix * sum }
        } else {
            small = 0
        }
    }
    return nil
}
