import RealModule

// Private numerical helpers for the incomplete beta ratio (IncompleteBeta*.swift, LogBeta.swift).
// Names carry a `beta` prefix so they cannot collide with the shared `Special.log1pmx`,
// `Special.stirlingError` and `Special.bd0` written elsewhere.

/// Unevaluated sum `hi + lo` of two doubles ("double-double"), used where an exponent of size
/// up to ~700 must be known to better than one ulp, so that `exp` of it keeps full relative accuracy.
/// Error-free transformations: Knuth's TwoSum and the FMA-based TwoProduct (Dekker 1971; Ogita, Rump,
/// Oishi 2005).
struct BetaDD {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    var value: Double { hi + lo }

    /// Knuth TwoSum: `s + e == a + b` exactly.
    static func twoSum(_ a: Double, _ b: Double) -> BetaDD {
        let s = a + b
        let bb = s - a
        let e = (a - (s - bb)) + (b - bb)
        return BetaDD(s, e)
    }

    /// TwoProduct with a fused multiply-add: `p + e == a * b` exactly.
    static func twoProd(_ a: Double, _ b: Double) -> BetaDD {
        let p = a * b
        return BetaDD(p, (-p).addingProduct(a, b))
    }

    static func + (x: BetaDD, y: BetaDD) -> BetaDD {
        let s = twoSum(x.hi, y.hi)
        let e = s.lo + x.lo + y.lo
        return twoSum(s.hi, e)
    }

    static func + (x: BetaDD, y: Double) -> BetaDD { x + BetaDD(y) }

    static prefix func - (x: BetaDD) -> BetaDD { BetaDD(-x.hi, -x.lo) }

    static func - (x: BetaDD, y: BetaDD) -> BetaDD { x + (-y) }

    static func * (x: BetaDD, y: BetaDD) -> BetaDD {
        let p = twoProd(x.hi, y.hi)
        let e = p.lo + (x.hi * y.lo + x.lo * y.hi)
        return twoSum(p.hi, e)
    }

    static func * (x: BetaDD, y: Double) -> BetaDD { x * BetaDD(y) }

    static func / (x: BetaDD, y: BetaDD) -> BetaDD {
        let q1 = x.hi / y.hi
        let r = x - y * q1
        let q2 = r.hi / y.hi
        return twoSum(q1, q2)
    }
}

/// `exp(x.hi + x.lo)` with the low part applied as a first-order correction.
func betaExp(_ x: BetaDD) -> Double {
    Double.exp(x.hi) * (1 + x.lo)
}

/// `log(1+x)` for `x > -1` as a double-double, from the atanh series
/// `log(1+x) = 2 (r + r^3/3 + r^5/5 + ...)`, `r = x/(2+x)` (Abramowitz & Stegun 4.1.27),
/// with `r` carried in double-double. Used for `|x| <= 1/2` (where `|r| <= 1/3`); otherwise via `betaLogDD`.
func betaLog1pDD(_ x: Double) -> BetaDD {
    if x == 0 { return BetaDD(0) }
    if x < -0.5 || x > 0.5 {
        let s = BetaDD.twoSum(1, x)
        return betaLogDD(s.hi) + s.lo / s.hi
    }
    let r = BetaDD(x) / BetaDD.twoSum(2, x)
    return betaAtanhSeries(r)
}

/// `2 atanh(r) = 2 (r + r^3/3 + ...)` for `|r| <= 1/3`, leading term in double-double.
private func betaAtanhSeries(_ r: BetaDD) -> BetaDD {
    let rr = r.hi * r.hi
    var term = rr
    var tail = 0.0
    var k = 3.0
    while true {
        let t = term / k
        tail += t
        if abs(t) <= 1e-18 * abs(tail) { break }
        term *= rr
        k += 2
        if k > 201 { break }
    }
    // 2r + 2 r * tail; the tail is a relative correction of size <= r^2/3, so double suffices for it.
    return r * 2 + BetaDD(2 * r.hi * tail)
}

/// Natural log of a positive finite double as a double-double: `x = m 2^e` with `m` in [1/sqrt2, sqrt2),
/// `log x = e log 2 + log(m)` and `log m` from the atanh series (`m - 1` is exact by Sterbenz).
func betaLogDD(_ x: Double) -> BetaDD {
    var m = x.significand  // in [1, 2)
    var e = Double(x.exponent)
    if m > 1.4142135623730951 {
        m /= 2
        e += 1
    }
    let f = m - 1
    let r = BetaDD(f) / BetaDD.twoSum(2, f)
    let lm = f == 0 ? BetaDD(0) : betaAtanhSeries(r)
    // log 2 = ln2Hi + ln2Lo (correctly rounded hi, next 53 bits in lo; computed with mpmath).
    let ln2Hi = 0.6931471805599453
    let ln2Lo = 2.3190468138462996e-17
    let el = BetaDD.twoProd(e, ln2Hi) + e * ln2Lo
    return el + lm
}

/// `x - log(1+x)` for `x > -1` (TOMS 708 "rlog1"), nonnegative. Series in `r = x/(2+x)`:
/// `x - log(1+x) = r x - 2 r^3 (1/3 + r^2/5 + ...)` (since `x - 2r = r x`), used for -0.6 <= x <= 1 where
/// no cancellation occurs; direct difference elsewhere.
func betaRlog1(_ x: Double) -> Double {
    if x < -0.6 || x > 1 { return x - Double.log(onePlus: x) }
    let r = x / (2 + x)
    let rr = r * r
    var term = 1.0
    var s = 0.0
    var k = 3.0
    while k < 301 {
        let t = term / k
        s += t
        if t <= 1e-18 * s { break }
        term *= rr
        k += 2
    }
    return r * (x - 2 * rr * s)
}

/// `x - log(1+x)` as a double-double, for `|x| <= 0.6` with `x` given as a double-double.
/// Same series as `betaRlog1`; the leading product `r x` is formed in double-double.
func betaRlog1DD(_ x: BetaDD) -> BetaDD {
    let xv = x.hi
    if xv < -0.6 || xv > 1 {
        return x - betaLog1pDD(xv) - BetaDD(x.lo / (1 + xv))
    }
    let r = x / (x + 2)
    let rr = r.hi * r.hi
    var term = 1.0
    var s = 0.0
    var k = 3.0
    while k < 301 {
        let t = term / k
        s += t
        if t <= 1e-18 * s { break }
        term *= rr
        k += 2
    }
    return r * (x - BetaDD(2 * rr * s))
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
        let sq = BetaDD.twoProd(x, x)
        return Double.erfc(x) * Double.exp(sq.hi) * (1 + sq.lo)
    }
    var f = x
    var k = 60.0
    while k >= 1 {
        f = x + (k / 2) / f
        k -= 1
    }
    return 1 / (f * 1.7724538509055160273)
}
