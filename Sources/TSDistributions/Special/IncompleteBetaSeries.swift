import RealModule
import TSCore

/// Power series for I_x(a,b) (DiDonato & Morris 1992, §3, BPSER), used when b <= 1 or b x <= 0.7:
/// `I_x(a,b) = x^a / (a B(a,b)) * [1 + a sum_{n>=1} (1-b)(2-b)...(n-b)/n! * x^n/(a+n)]`
/// (DLMF 8.17.8 with the hypergeometric series written out). The prefix `x^a/(a B(a,b))` is formed as
/// the exponential of a double-double exponent. `y = 1 - x` supplies `log x` when x > 1/2.
func betaPowerSeries(a: Double, b: Double, x: Double, y: Double) -> Double {
    if x <= 0 { return 0 }
    let lnx = x <= 0.5 ? DoubleWord.log(x) : DoubleWord.log(onePlus: -y)
    let exponent = lnx * a - betaLogBetaDD(a, b)
    let prefix = DoubleWord.exp(exponent) / a
    if prefix == 0 { return 0 }
    var c = 1.0
    var sum = 0.0
    var n = 0.0
    let tol = 1e-17
    while n < 10_000 {
        n += 1
        c *= (0.5 + (0.5 - b / n)) * x
        let w = c / (a + n)
        sum += w
        if abs(w) <= tol * abs(sum) && n > 1 { break }
        if c == 0 { break }
    }
    return prefix * (1 + a * sum)
}

/// Finite sum `I_x(a,b) - I_x(a+n,b) = sum_{i=0}^{n-1} x^(a+i) y^b / ((a+i) B(a+i,b))`
/// (DiDonato & Morris 1992, §3, BUP; the recurrence DLMF 8.17.20). The terms are scaled by the largest one,
/// whose prefix is computed directly, so neither underflow of the first term nor overflow of the ratios occurs.
func betaUpwardSum(a: Double, b: Double, x: Double, y: Double, n: Int) -> Double {
    if n <= 0 || x <= 0 { return 0 }
    // Term ratio t_{i+1}/t_i = x (a+b+i)/(a+i+1) >= 1 while i <= (x(a+b) - a - 1)/y.
    var k = 0
    if y > 0 {
        let peak = (x * (a + b) - a - 1) / y
        if peak > 0 { k = Int(Swift.min(Double(n - 1), peak.rounded(.up))) }
    }
    let ak = a + Double(k)
    let top = betaPrefix(a: ak, b: b, x: x, y: y) / ak
    if top == 0 { return 0 }
    var sum = 1.0
    // Terms after the peak.
    var r = 1.0
    var i = k + 1
    while i < n {
        let di = Double(i)
        r *= x * (a + b + di - 1) / (a + di)
        sum += r
        if r <= 1e-18 * sum { break }
        i += 1
    }
    // Terms before the peak.
    r = 1.0
    i = k - 1
    while i >= 0 {
        let di = Double(i)
        r *= (a + di + 1) / (x * (a + b + di))
        sum += r
        if r <= 1e-18 * sum { break }
        i -= 1
    }
    return top * sum
}
