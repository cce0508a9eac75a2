import RealModule
import TSCore

/// Asymptotic expansion of I_x(a,b) for large a and b <= 1, x near 1 (DiDonato & Morris 1992, §5, BGRAT;
/// the expansion is Temme's, in terms of incomplete gamma ratios).
///
/// With `t = e^{-u}`, `nu = a + (b-1)/2`, `z = -nu log x` and `(sinh(u/2)/(u/2))^{b-1} = sum a_m u^{2m}`:
/// `I_x(a,b) = H sum_m a_m L_m`, `H = Gamma(a+b)/(Gamma(a) nu^b)`, `L_m = (b)_{2m} Q(b+2m, z)/nu^{2m}`,
/// and `L_m = [(b+2m-1)(b+2m-2) L_{m-1} + R (z/nu)^{2m-2} (b+2m-1+z)] / nu^2` from
/// `Gamma(s+1,z) = s Gamma(s,z) + z^s e^{-z}`, `R = z^b e^{-z}/Gamma(b)`.
/// `H R = Gamma(a+b)/(Gamma(a)Gamma(b)) (-log x)^b x^nu` is formed from a double-double exponent.
/// `y = 1 - x` must be accurate (it gives `-log x = -log1p(-y)`).
func betaLargeASmallB(a: Double, b: Double, x: Double, y: Double) -> Double {
    if y <= 0 { return 1 }
    if x <= 0 { return 0 }
    let lx = -(y <= 0.5 ? DoubleWord.log(onePlus: -y) : DoubleWord.log(x))  // -log x > 0
    let bm1 = DoubleWord.twoSum(b, -1)
    let nu = DoubleWord(a) + DoubleWord(bm1.hi * 0.5, bm1.lo * 0.5)
    let zDD = nu * lx
    let z = zDD.hi
    let lxv = lx.value
    // log(H R) = -log B(a,b) + b log(lx) - nu lx.
    let logLx = DoubleWord.log(lx)
    let logW = logLx * b - zDD - betaLogBetaDD(a, b)
    let w = DoubleWord.exp(logW)
    // H = exp(-algdivReduced(b,a) - b log1p((b-1)/(2a))): moderate, needed for Q from its series.
    let h = Double.exp(-betaAlgdivReduced(b, a) - b * Double.log(onePlus: (b - 1) / (2 * a)))
    var t0: Double  // H Q(b, z)
    if z < 1.1 {
        let lnz = Double.log(z)
        t0 = h * betaGammaQSmall(b: b, z: z, logZ: lnz)
    } else if b == 0.5 && z <= 700 {
        t0 = w * betaGammaQHalfRatio(z: z)
    } else {
        t0 = w * betaGammaQContinuedFraction(b: b, z: z)
    }
    if t0 == 0 && w == 0 { return 0 }
    let nu2 = nu.value * nu.value
    let lx2 = lxv * lxv
    // Coefficients a_m of (sinh(v)/v)^{b-1}, v = u/2, as a series in u^2; fixed for the t distribution's
    // b = 1/2, computed once.
    if b == 0.5 { return betaGratSeries(t0: t0, w: w, z: z, b: b, nu2: nu2, lx2: lx2, coef: betaHalfSinhCoefficients) }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 41) { buffer -> Double in
        betaSinhPowerCoefficients(b: b, into: buffer)
        return betaGratSeries(t0: t0, w: w, z: z, b: b, nu2: nu2, lx2: lx2, coef: UnsafeBufferPointer(buffer))
    }
}

/// a_0 … a_40 of (sinh(v)/v)^{b-1} = sum a_m u^{2m}, v = u/2, by the power-of-a-series recursion
/// a_n = (1/n) sum_{k=1}^{n} (k b - n) s_k a_{n-k} with s_k = 1/(4^k (2k+1)!) the coefficients of sinh(v)/v.
func betaSinhPowerCoefficients(b: Double, into coef: UnsafeMutableBufferPointer<Double>) {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 41) { s in
        s[0] = 1
        coef[0] = 1
        for m in 1...40 {
            let dm = Double(m)
            s[m] = s[m - 1] / (4 * (2 * dm) * (2 * dm + 1))
            var acc = 0.0
            for k in 1...m { acc += (Double(k) * b - dm) * s[k] * coef[m - k] }
            coef[m] = acc / dm
        }
    }
}

/// The coefficients for b = 1/2 (every t tail with large ν/2 uses them).
let betaHalfSinhCoefficients: [Double] = {
    var c = [Double](repeating: 0, count: 41)
    c.withUnsafeMutableBufferPointer { betaSinhPowerCoefficients(b: 0.5, into: $0) }
    return c
}()

/// sum_m a_m L_m with L_0 = t0 and the recursion for L_m (see `betaLargeASmallB`), until a term is below
/// 1e-17 of the sum.
func betaGratSeries(t0: Double, w: Double, z: Double, b: Double, nu2: Double, lx2: Double,
                    coef: UnsafeBufferPointer<Double>) -> Double {
    var sum = t0
    var tm = t0
    var lpow = 1.0  // lx^{2m-2}
    for m in 1...40 {
        let dm = Double(m)
        tm = ((b + 2 * dm - 1) * (b + 2 * dm - 2) * tm + w * lpow * (b + 2 * dm - 1 + z)) / nu2
        lpow *= lx2
        let term = coef[m] * tm
        sum += term
        if abs(term) <= 1e-17 * abs(sum) { break }
    }
    return sum
}

func betaGratSeries(t0: Double, w: Double, z: Double, b: Double, nu2: Double, lx2: Double, coef: [Double]) -> Double {
    coef.withUnsafeBufferPointer { betaGratSeries(t0: t0, w: w, z: z, b: b, nu2: nu2, lx2: lx2, coef: $0) }
}

/// Q(b,z) = Gamma(b,z)/Gamma(b) for 0 < b <= 1, 0 < z < 1.1 (DiDonato & Morris 1986, ACM TOMS 12:377,
/// the small-x case used by GRAT1): with `j = -b sum_{n>=1} (-z)^n/(n! (b+n))`, `l = z^b - 1`,
/// `h = 1/Gamma(1+b) - 1`: `Q = ((1+l) j - l)(1+h) - h`, every term O(b), so Q keeps relative accuracy
/// even when b is tiny.
func betaGammaQSmall(b: Double, z: Double, logZ: Double) -> Double {
    var term = 1.0
    var j = 0.0
    var n = 0.0
    while n < 200 {
        n += 1
        term *= -z / n
        let t = term / (b + n)
        j += t
        if abs(t) <= 1e-18 * abs(j) { break }
    }
    j *= -b
    let l = Double.expMinusOne(b * logZ)
    let h = betaGam1(b)
    return ((1 + l) * j - l) * (1 + h) - h
}

/// `Q(1/2, z) e^z z^{-1/2} Gamma(1/2) = sqrt(pi) erfc(s) e^z / s`, s = sqrt(z), for 1.1 <= z <= 700: the
/// continued fraction below in closed form for the t distribution's b = 1/2 (Q(1/2, z) = erfc(sqrt z),
/// DLMF 8.4.6). s is carried as a double-double (through the normal upper tail at sqrt(2z)), because
/// rounding s would cost about z ulps in erfc; e^z is the exponential of the same double z.
func betaGammaQHalfRatio(z: Double) -> Double {
    let twoZ = 2 * z
    let hi = twoZ.squareRoot()
    let lo = twoZ.addingProduct(-hi, hi)   // 2z − hi², exact (fma)
    let deviate = DoubleWord(hi, 0.5 * lo / hi)
    let erfcS = 2 * StandardNormal.upperTail(deviate)
    return 1.7724538509055160273 * erfcS * Double.exp(z) / (0.70710678118654752440 * hi)
}

/// `Q(b,z) e^z z^{-b} Gamma(b)` for z >= 1.1, b <= 1: Legendre's continued fraction
/// `1/(z+1-b- 1(1-b)/(z+3-b- 2(2-b)/(z+5-b- ...)))` (DLMF 8.9.2), modified Lentz evaluation.
func betaGammaQContinuedFraction(b: Double, z: Double) -> Double {
    let tiny = 1e-300
    var f = z + 1 - b
    var c = f
    var d = 0.0
    for n in 1...2000 {
        let dn = Double(n)
        let an = -dn * (dn - b)
        let bn = z + 2 * dn + 1 - b
        d = bn + an * d
        if d == 0 { d = tiny }
        c = bn + an / c
        if c == 0 { c = tiny }
        d = 1 / d
        let delta = c * d
        f *= delta
        if abs(delta - 1) <= 1e-17 { break }
    }
    return 1 / f
}
