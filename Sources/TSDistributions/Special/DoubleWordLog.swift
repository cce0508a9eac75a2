import RealModule
import TSCore

// Logarithms with a double-word result and the exponential of a double-word exponent: the exponents of the
// incomplete gamma and beta prefactors reach ~700 in size and must be known to better than one ulp for
// exp(·) to keep full relative accuracy (DiDonato & Morris 1986, 1992). Shared by IncompleteGammaPrefix,
// LogBeta and the incomplete beta regions; the series tail also serves `log1pmx` and
// `stirlingError`.

extension Special {
    /// `Σ_{k≥0} r²ᵏ/(2k+d)` for `r² < 1`; with `d = 3` (the default) this is `(atanh r − r)/r³`, the tail of
    /// `log((1+r)/(1−r)) = 2(r + r³/3 + r⁵/5 + …)` (Abramowitz & Stegun 4.1.27). All terms are positive;
    /// summed until a term falls below 1e-18 of the sum (≈ 25 terms at r² = 0.19, the largest r² used).
    /// Multiplies by rounded reciprocals 1/k instead of dividing (each adds at most ½ ulp to a term of a
    /// positive sum, and the tail is itself a small part of every result it enters).
    static func atanhSeriesTail(_ r2: Double, firstDenominator d: Double = 3) -> Double {
        var power = 1.0
        var sum = 0.0
        var i = Int(d) / 2   // reciprocalsOfOdd[i] = 1/(2i + 1)
        while i < reciprocalsOfOdd.count {
            let term = power * reciprocalsOfOdd[i]
            sum += term
            if term <= 1e-18 * sum { break }
            power *= r2
            i += 1
        }
        return sum
    }

    /// 1/1, 1/3, 1/5, …, 1/399, each correctly rounded.
    static let reciprocalsOfOdd: [Double] = (0..<200).map { 1 / Double(2 * $0 + 1) }
}

extension DoubleWord {
    /// ln 2 as hi + lo (hi correctly rounded, lo the next 53 bits; mpmath).
    static let ln2 = DoubleWord(0.6931471805599453, 2.3190468138462996e-17)

    /// 2/3 as hi + lo.
    static let twoThirds = DoubleWord(0.6666666666666666, 3.700743415417188e-17)

    /// `2 atanh(r) = 2r + (2/3)r³ + 2r⁵·Σ_{k≥0} r²ᵏ/(2k+5)` for `|r| ≤ 1/3`: the first two terms in double word,
    /// the rest (≤ r⁴/5 of the result: 2e-4 at |r| = 0.172, the largest `log` uses; 2.5e-3 at |r| = 1/3) in
    /// double, so its rounding costs at most 3e-19 relative (3e-20 for `log`).
    static func twiceAtanh(_ r: DoubleWord) -> DoubleWord {
        let r2 = r * r
        let r3 = r2 * r
        let rest: Double = 2 * r3.hi * r2.hi * Special.atanhSeriesTail(r2.hi, firstDenominator: 5)
        return r * 2 + r3 * twoThirds + rest
    }

    /// Natural log of a positive finite double as a double word, to about 3e-20 relative (plus a few u² ≈ 1e-31).
    ///
    /// `x = m·2ᵉ` with `m ∈ [√½, √2)`, `log x = e·ln 2 + 2 atanh(s)`, `s = (m−1)/(m+1)`, `|s| ≤ 0.172`;
    /// `m − 1` is exact (Sterbenz) and `s` is a double-word quotient.
    static func log(_ x: Double) -> DoubleWord {
        var m = x.significand  // in [1, 2)
        var e = Double(x.exponent)
        if m > 1.4142135623730951 {
            m /= 2
            e += 1
        }
        let f = m - 1
        let logM = f == 0 ? DoubleWord.zero : twiceAtanh(DoubleWord(f) / DoubleWord.twoSum(m, 1))
        if e == 0 { return logM }
        return ln2 * e + logM
    }

    /// Natural log of a positive double word: `log(hi) + lo/hi` (the first-order term; the next, `(lo/hi)²/2`,
    /// is below 2⁻¹⁰⁶ relative to one).
    static func log(_ x: DoubleWord) -> DoubleWord {
        log(x.hi) + x.lo / x.hi
    }

    /// `log(1 + x)` for `x > −1` as a double word. For `|x| ≤ ½`: `2 atanh(r)`, `r = x/(2+x)` in double word
    /// (`|r| ≤ 1/3`); otherwise the log of `1 + x` formed exactly by TwoSum.
    static func log(onePlus x: Double) -> DoubleWord {
        if x == 0 { return .zero }
        if x < -0.5 || x > 0.5 { return log(DoubleWord.twoSum(1, x)) }
        return twiceAtanh(DoubleWord(x) / DoubleWord.twoSum(2, x))
    }

    /// `x − log(1 + x)` for a double word `x > −1` (TOMS 708 `rlog1`; `φ(μ)` of DiDonato & Morris 1986, §3).
    /// For −0.6 ≤ x ≤ 1, with `r = x/(2+x)` in double word (|r| ≤ 0.43): `log(1+x) = 2 atanh r` and
    /// `x − 2r = r·x`, so `x − log(1+x) = r·x − (2/3)r³ − 2r⁵·Σ_{k≥0} r²ᵏ/(2k+5)` without cancellation; the
    /// first two terms in double word, the rest in double. The rest is ≤ 2% of the result (at x = −0.6), so
    /// the error is ≤ 3e-18 relative there and ≈ 1e-20 for |x| ≤ 0.3 (the incomplete gamma's range).
    /// Outside that range, the plain difference `x − log(1+x)`, which loses at most two bits.
    static func xMinusLog1p(_ x: DoubleWord) -> DoubleWord {
        if x.hi < -0.6 || x.hi > 1 { return x - log(onePlus: x.hi) - x.lo / (1 + x.hi) }
        let r = x / (x + 2)
        let r2 = r * r
        let r3 = r2 * r
        let rest: Double = 2 * r3.hi * r2.hi * Special.atanhSeriesTail(r2.hi, firstDenominator: 5)
        return r * x - r3 * twoThirds - rest
    }

    /// `exp(hi + lo)` rounded to a double: `exp(hi)·(1 + lo)`. With |lo| ≤ ½ ulp(hi) ≤ 6e-14 for |hi| < 746,
    /// the neglected `lo²/2` is below 2e-27, so the error is that of `Double.exp` plus one rounding.
    static func exp(_ x: DoubleWord) -> Double {
        Double.exp(x.hi) * (1 + x.lo)
    }
}
