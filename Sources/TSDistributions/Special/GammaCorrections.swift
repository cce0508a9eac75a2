import RealModule

// Corrections to log-gamma and to the exponent of Poisson/gamma densities that avoid cancellation:
// log(1+x) − x, Loader's Stirling error and deviance term, log Γ(1+a) and 1/Γ(1+a) − 1 for small a.

extension Special {
    /// `log(1 + x) − x`, accurate to a few ulps for every `x > −1`.
    ///
    /// For −0.6 < x < 1.5 uses `log(1+x) = 2 atanh(r)`, `r = x/(2+x)`, so that
    /// `log(1+x) − x = r·(2·Σ_{k≥1} r^{2k}/(2k+1) − x)` (the `−r·x` part is exact algebra, no cancellation);
    /// elsewhere `log(1+x) − x` loses at most about two bits.
    static func log1pmx(_ x: Double) -> Double {
        if x.isNaN || x < -1 { return .nan }
        if x == -1 { return -.infinity }
        if x > -0.6 && x < 1.5 {
            let r = x / (2 + x)
            let r2 = r * r
            return r * (2 * r2 * atanhSeriesTail(r2) - x)
        }
        if x.isInfinite { return -.infinity }
        return Double.log(onePlus: x) - x
    }

    /// Stirling's error `δ(n) = log Γ(n+1) − log(√(2πn)·(n/e)^n)` for real `n > 0` (Loader 2000,
    /// "Fast and accurate computation of binomial probabilities", eq. (3) and its `stirlerr`).
    ///
    /// Half-integers up to 15: exact table (mpmath, 50 digits). `n ≥ 15`: the Stirling series
    /// `Σ B_{2k}/(2k(2k−1) n^{2k−1})`, eight terms. `0.25 ≤ n < 15`: upward recurrence
    /// `δ(n) = δ(n+1) + D(n)`, `D(n) = (n+½)·log(1+1/n) − 1 = Σ_{i≥1} t^{2i}/(2i+1)`, `t = 1/(2n+1)`,
    /// whose terms are all positive. `n < 0.25`: `log Γ(1+n) − (n+½) log n + n − ½ log 2π` directly.
    /// Returns `+∞` at `n = 0` (the limit) and NaN for negative `n`.
    static func stirlingError(_ n: Double) -> Double {
        if n.isNaN || n < 0 { return .nan }
        if n == 0 { return .infinity }
        if n >= 15 {
            if n.isInfinite { return 0 }
            let r = 1 / n
            let r2 = r * r
            // B2k / (2k(2k-1)) for k = 1...8
            var s = -3617.0 / 122_400
            s = s * r2 + 1.0 / 156
            s = s * r2 - 691.0 / 360_360
            s = s * r2 + 1.0 / 1188
            s = s * r2 - 1.0 / 1680
            s = s * r2 + 1.0 / 1260
            s = s * r2 - 1.0 / 360
            s = s * r2 + 1.0 / 12
            return s * r
        }
        let twice = 2 * n
        if twice == twice.rounded(.towardZero) {
            return stirlingErrorHalfIntegers[Int(twice)]
        }
        if n < 0.25 {
            return logGamma1p(n) - (n + 0.5) * Double.log(n) + n - halfLogTwoPi
        }
        // Recurrence up to m ≥ 15, where m − n is an integer.
        var m = n
        var sum = 0.0
        while m < 15 {
            let t = 1 / (2 * m + 1)
            let t2 = t * t
            sum += t2 * atanhSeriesTail(t2)
            m += 1
        }
        return sum + stirlingError(m)
    }

    /// Loader's deviance term `bd0(x, np) = x·log(x/np) + np − x ≥ 0` (Loader 2000, eq. (5)),
    /// accurate also when `x ≈ np`.
    ///
    /// Written as `−x·log1pmx((np − x)/x)` when `x ≤ 2·np`, and as
    /// `np·(log1pmx(w) + w·log(1+w))`, `w = (x − np)/np`, when `x > 2·np`; both are free of cancellation.
    /// `bd0(0, np) = np`.
    static func bd0(_ x: Double, _ np: Double) -> Double {
        if x.isNaN || np.isNaN || x < 0 || np <= 0 { return .nan }
        if x == 0 { return np }
        if x.isInfinite || np.isInfinite { return x == np ? .nan : .infinity }
        if x <= 2 * np {
            let u = (np - x) / x
            if u.isFinite { return -x * log1pmx(u) }
        } else {
            let w = (x - np) / np
            if w.isFinite && w < 1e300 {
                return np * (log1pmx(w) + w * Double.log(onePlus: w))
            }
        }
        // Extreme ratios: no cancellation is possible any more.
        return x * (Double.log(x) - Double.log(np)) + np - x
    }

    /// `log Γ(1 + a)`, accurate to a few ulps (relative) for small `a`, including near `a = 0` and `a = 1`.
    ///
    /// Uses the Taylor series of `log Γ(2 + b) = (1−γ) b + Σ_{k≥2} (−1)^k (ζ(k) − 1)/k · b^k`
    /// (Abramowitz & Stegun 6.1.33 shifted by one), `|b| ≤ ½`, with `b = a − 1` for `½ < a ≤ 3/2` and
    /// `log Γ(1 + a) = log Γ(2 + a) − log(1 + a)` for `|a| ≤ ½`; `Double.logGamma(1 + a)` elsewhere.
    static func logGamma1p(_ a: Double) -> Double {
        if a.isNaN { return .nan }
        if a >= -0.5 && a <= 0.5 {
            return logGamma2p(a) - Double.log(onePlus: a)
        }
        if a > 0.5 && a <= 1.5 {
            return logGamma2p(a - 1)
        }
        return Double.logGamma(1 + a)
    }

    /// `1/Γ(1 + a) − 1`, accurate relative to its own size for `−½ ≤ a ≤ 3/2` (DiDonato & Morris 1986
    /// call it `gam1`); computed as `expm1(−log Γ(1 + a))` from ``logGamma1p(_:)``.
    static func rgamma1pm1(_ a: Double) -> Double {
        return Double.expMinusOne(-logGamma1p(a))
    }

    /// `log Γ(2 + b)` for `|b| ≤ ½` from its Taylor series at 0 (coefficients `(ζ(k) − 1)/k` from mpmath).
    private static func logGamma2p(_ b: Double) -> Double {
        var s = 0.0
        var i = zetaMinusOneOverK.count - 1
        while i >= 0 {
            s = s * (-b) + zetaMinusOneOverK[i]
            i -= 1
        }
        // s = Σ_{k≥2} (−b)^{k−2} (ζ(k)−1)/k
        return b * (oneMinusEulerGamma + b * s)
    }

    /// ½·log(2π).
    static let halfLogTwoPi = 0.9189385332046728
    private static let oneMinusEulerGamma = 0.42278433509846713

    /// `(ζ(k) − 1)/k` for k = 2…29 (mpmath, 50 digits).
    private static let zetaMinusOneOverK: [Double] = [
        0.3224670334241132, 0.0673523010531981, 0.020580808427784546, 0.007385551028673986,
        0.0028905103307415234, 0.001192753911703261, 0.0005096695247430425, 0.00022315475845357939,
        9.945751278180853e-05, 4.492623673813314e-05, 2.050721277567069e-05, 9.439488275268397e-06,
        4.374866789907488e-06, 2.039215753801366e-06, 9.55141213040742e-07, 4.492469198764566e-07,
        2.1207184805554665e-07, 1.0043224823968099e-07, 4.7698101693639804e-08, 2.2711094608943164e-08,
        1.0838659214896955e-08, 5.183475041970047e-09, 2.4836745438024785e-09, 1.1921401405860912e-09,
        5.731367241678862e-10, 2.7595228851242334e-10, 1.330476437424449e-10, 6.4229645638381e-11,
    ]

    /// δ(n/2) for n = 0…30 (mpmath, 50 digits; entry 0 is Loader's convention and is never used here).
    private static let stirlingErrorHalfIntegers: [Double] = [
        0.0, 0.15342640972002736, 0.08106146679532726, 0.05481412105191765, 0.0413406959554093,
        0.03316287351993629, 0.02767792568499834, 0.023746163656297496, 0.020790672103765093,
        0.018488450532673187, 0.016644691189821193, 0.015134973221917378, 0.013876128823070748,
        0.012810465242920227, 0.01189670994589177, 0.011104559758206917, 0.010411265261972096,
        0.009799416126158804, 0.009255462182712733, 0.008768700134139386, 0.00833056343336287,
        0.00793411456431402, 0.007573675487951841, 0.007244554301320383, 0.00694284010720953,
        0.006665247032707682, 0.006408994188004207, 0.006171712263039458, 0.0059513701127588475,
        0.0057462165130101155, 0.005554733551962801,
    ]
}
