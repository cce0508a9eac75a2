/// Continued fraction for I_x(a,b), a, b > 1, x below the mean (lambda = a - (a+b)x >= 0)
/// (DiDonato & Morris 1992, §4, BFRAC).
///
/// Starts from the continued fraction DLMF 8.17.22,
/// `I_x(a,b) = x^a y^b/(a B(a,b)) * 1/(1+ d1/(1+ d2/(1+ ...)))`,
/// `d_{2m+1} = -(a+m)(a+b+m)x/((a+2m)(a+2m+1))`, `d_{2m} = m(b-m)x/((a+2m-1)(a+2m))`,
/// and uses its even contraction `1/(beta_1 + alpha_2/(beta_2 + ...))` with
/// `alpha_k = -d_{2k-3} d_{2k-2}` and `beta_k = 1 + d_{2k-2} + d_{2k-1}`. Writing `(a+b)x = a - lambda`,
/// `1 + d_{2m+1} = [(a+m) lambda + a + 2m + m(3a+4m) - m x (a+m)] / ((a+2m)(a+2m+1))`,
/// a sum of nonnegative terms, so beta_k has no cancellation near the mean (the reason TOMS 708 works with
/// lambda). Evaluated by the forward three-term recurrence, renormalised every step.
func betaContinuedFraction(a: Double, b: Double, x: Double, y: Double, lambda: Double) -> Double {
    let prefix = betaPrefix(a: a, b: b, x: x, y: y) / a
    if prefix == 0 { return 0 }
    // k = 1: alpha_1 = 1, beta_1 = (lambda + 1)/(a + 1).
    var aPrev = 1.0, bPrev = 0.0  // A_{k-2}, B_{k-2}
    var aCur = 0.0, bCur = 1.0  // A_{k-1}, B_{k-1}
    var alpha = 1.0
    var beta = (lambda + 1) / (a + 1)
    var f = 0.0
    var m = 0.0
    for _ in 0..<200_000 {
        let aNext = beta * aCur + alpha * aPrev
        let bNext = beta * bCur + alpha * bPrev
        aPrev = aCur / bNext
        bPrev = bCur / bNext
        aCur = aNext / bNext
        bCur = 1
        let fNew = aCur
        if m > 0 && abs(fNew - f) <= 1e-16 * abs(fNew) {
            f = fNew
            break
        }
        f = fNew
        // Next pair: m -> m + 1.
        m += 1
        let a2m = a + 2 * m
        let dOdd = -(a + m - 1) * (a + b + m - 1) * x / ((a2m - 2) * (a2m - 1))  // d_{2m-1}
        let dEven = m * (b - m) * x / ((a2m - 1) * a2m)  // d_{2m}
        alpha = -dOdd * dEven
        let num = (a + m) * lambda + a + 2 * m + m * (3 * a + 4 * m) - m * x * (a + m)
        beta = dEven + num / (a2m * (a2m + 1))
    }
    return prefix * f
}
