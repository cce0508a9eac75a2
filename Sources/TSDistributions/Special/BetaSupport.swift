import RealModule
import TSCore

// Private numerical helpers for the incomplete beta ratio (IncompleteBeta*.swift, LogBeta.swift).
// Names carry a `beta` prefix so they cannot collide with the shared `Special.log1pmx`,
// `Special.stirlingError` and `Special.bd0` written elsewhere. Double-word logs and exp are the shared
// `DoubleWord.log(_:)`, `DoubleWord.log(onePlus:)`, `DoubleWord.xMinusLog1p(_:)` (rlog1 of a double word)
// and `DoubleWord.exp(_:)` (DoubleWordLog.swift).

/// `x - log(1+x)` for `x > -1` (TOMS 708 "rlog1"), nonnegative. Series in `r = x/(2+x)`:
/// `x - log(1+x) = r x - 2 r^3 (1/3 + r^2/5 + ...)` (since `x - 2r = r x`), used for -0.6 <= x <= 1 where
/// no cancellation occurs; direct difference elsewhere.
func betaRlog1(_ x: Double) -> Double {
    if x < -0.6 || x > 1 { return x - Double.log(onePlus: x) }
    let r = x / (2 + x)
    let rr = r * r
    return r * (x - 2 * rr * Special.atanhSeriesTail(rr))
}

/// Taylor coefficients c_1...c_24 of `1/Gamma(1+x) = 1 + sum c_k x^k` (computed with mpmath, 40 digits).
private let betaRgammaTaylor: [Double] = [
    5.772156649015328606065e-1, -6.55878071520253881077e-1, -4.2002635034095235529e-2,
    1.665386113822914895017e-1, -4.219773455554433674821e-2, -9.621971527876973562115e-3,
    7.218943246663099542395e-3, -1.165167591859065112114e-3, -2.152416741149509728157e-4,
    1.280502823881161861532e-4, -2.013485478078823865569e-5, -1.250493482142670657345e-6,
    1.133027231981695882374e-6, -2.05633841697760710345e-7, 6.116095104481415817862e-9,
    5.002007644469222930056e-9, -1.181274570487020144588e-9, 1.043426711691100510492e-10,
    7.78226343990507125405e-12, -3.696805618642205708188e-12, 5.100370287454475979015e-13,
    -2.058326053566506783222e-14, -5.34812253942301798237e-15, 1.226778628238260790159e-15,
]

/// `1/Gamma(1+x) - 1` with full relative accuracy for -0.5 <= x <= 1.5 (TOMS 708 "gam1"; here from the
/// Taylor series on [-0.5, 0.5] and `1/Gamma(1+x) = (1/Gamma(x))/x` on (0.5, 1.5]).
func betaGam1(_ x: Double) -> Double {
    if x > 0.5 {
        let xm1 = x - 1  // exact
        return (betaGam1(xm1) - xm1) / x
    }
    var s = 0.0
    for c in betaRgammaTaylor.reversed() { s = s * x + c }
    return s * x
}

/// `log Gamma(1+x)` for -0.5 <= x <= 1.5, accurate near the zeros at x = 0 and x = 1 (TOMS 708 "gamln1").
func betaGamln1(_ x: Double) -> Double {
    -Double.log(onePlus: betaGam1(x))
}

/// Gamma(x) for 0 < x <= 20 by the recurrence Gamma(x) = (x-1)...(x-n) Gamma(x-n) down to (0.5, 1.5] and
/// `Gamma(1+e) = 1/(1 + gam1(e))`; every `x - k` is exact (Sterbenz), so the error is a few ulps.
func betaGammaSmall(_ x: Double) -> Double {
    if x <= 0.5 { return 1 / (x * (1 + betaGam1(x))) }
    var prod = 1.0
    var k = 1.0
    while x - k > 0.5 {
        prod *= x - k
        k += 1
    }
    return prod / (1 + betaGam1(x - k))
}

/// Stirling-series remainder `del(a) = log Gamma(a) - ((a - 1/2) log a - a + log(2 pi)/2)` for a >= 8,
/// from `sum_k B_{2k} / (2k (2k-1) a^{2k-1})` (DLMF 5.11.1), ten terms (truncation < 1e-17 at a = 8).
func betaStirlingDel(_ a: Double) -> Double {
    let coeffs: [Double] = [
        1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360,
        1.0 / 156, -3617.0 / 122400, 43867.0 / 244188, -174611.0 / 125400,
    ]
    let t = 1 / (a * a)
    var s = 0.0
    for c in coeffs.reversed() { s = s * t + c }
    return s / a
}

/// `del(a) + del(b) - del(a+b)` for a, b >= 8 (TOMS 708 "bcorr"). All three terms are positive and the
/// result is at least `del(max)`, so the plain sum loses nothing that matters.
func betaBcorr(_ a: Double, _ b: Double) -> Double {
    betaStirlingDel(a) + betaStirlingDel(b) - betaStirlingDel(a + b)
}

/// `log Gamma(b) - log Gamma(a+b)` for b >= 8 (TOMS 708 "algdiv"), without subtracting large logGammas:
/// `-(a+b-1/2) log1p(a/b) - a (log b - 1) + del(b) - del(a+b)`; every large term has the same sign.
func betaAlgdiv(_ a: Double, _ b: Double) -> Double {
    let h = a / b
    let u = (a + b - 0.5) * Double.log(onePlus: h)
    let v = a * (Double.log(b) - 1)
    let w = betaStirlingDel(b) - betaStirlingDel(a + b)
    return (w - u) - v
}

/// `log Gamma(b) - log Gamma(a+b) + a log b` for b >= 8: the part of `betaAlgdiv` left after removing
/// `-a log b`, which is small (O(a^2/b)) and computed without the large `a log b`.
func betaAlgdivReduced(_ a: Double, _ b: Double) -> Double {
    let h = a / b
    // -(a+b-1/2) log1p(h) + a = -(a+b-1/2) (log1p(h) - h) - (a - 1/2) h ... written to avoid cancellation:
    // (a+b-1/2) log1p(h) - a = b (log1p(h) - h) + (a - 1/2) log1p(h).
    let l = Double.log(onePlus: h)
    let bPart = -b * betaRlog1(h)  // b (log1p(h) - h)
    let u = bPart + (a - 0.5) * l
    let w = betaStirlingDel(b) - betaStirlingDel(a + b)
    return w - u
}

/// Scaled complementary error function `exp(x^2) erfc(x)` for x >= 0.
/// x < 26: `erfc` from libm times `exp(x^2)` with `x^2` split exactly (TwoProduct);
/// x >= 26: Laplace continued fraction `erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x+ (1/2)/(x+ 1/(x+ (3/2)/(x+...))))`
/// (DLMF 7.9.2), evaluated bottom-up with 60 levels (ample for x >= 26).
func betaErfcx(_ x: Double) -> Double {
    if x < 26 {
        return Double.erfc(x) * DoubleWord.exp(DoubleWord.twoProduct(x, x))
    }
    var f = x
    var k = 60.0
    while k >= 1 {
        f = x + (k / 2) / f
        k -= 1
    }
    return 1 / (f * 1.7724538509055160273)
}
