import TSEffects
import TSCore

/// Recomputed difference CI bounds and p over the box of two arms' rounded means and SDs, as rigorous
/// enclosures (never narrower than the true range, so a true method is never excluded).
///
/// d = sign·(m1 − m2) is linear, so its range is exact. The SE of the difference (Student pooled, Welch or z;
/// `TSEffects.TwoArmDifference`) increases with each SD, so its range comes from the box's corners exactly.
/// The df is n1 + n2 − 2 (Student), ∞ (z) or Welch–Satterthwaite, which depends on the ratio r = v1/v2 of the
/// squared SEs only and is unimodal in r with its maximum at r* = (n1 − 1)/(n2 − 1) (Satterthwaite 1946;
/// Welch 1947): its exact range is the ends of the ratio's range and r* when inside. The critical value c
/// decreases with df. A CI bound d ∓ c·SE therefore lies in [d_lo − c_max·SE_max, d_hi − c_min·SE_min] (upper
/// bound likewise), and p, which decreases with |t| = |d|/SE and with df, in [p(|t|_max, df_max),
/// p(|t|_min, df_min)]. For Student and z these are the exact ranges; for Welch they are enclosures whose
/// excess is second order in the width of the box.
struct TwoArmBox {
    var d: ValueInterval
    var se: ValueInterval
    var df: ValueInterval
    /// Critical value range for the CI level: [c(df_max), c(df_min)].
    var c: ValueInterval

    /// `sign` = +1 for first − second, −1 for second − first.
    init?(_ a: PrintedArm, _ b: PrintedArm, n1: Int, n2: Int, test: TwoArmTest, level: Double, sign: Double,
          reading: RoundingReading, seReadAsSD: Bool = false) {
        guard n1 >= 2, n2 >= 2 else { return nil }
        guard let m1 = a.mean?.interval(reading).closed, let m2 = b.mean?.interval(reading).closed else { return nil }
        guard let s1 = TwoArmBox.sdBox(a, n: n1, reading: reading, seReadAsSD: seReadAsSD),
              let s2 = TwoArmBox.sdBox(b, n: n2, reading: reading, seReadAsSD: seReadAsSD),
              s1.upper.isFinite, s2.upper.isFinite, s1.upper > 0 || s2.upper > 0 else { return nil }
        let lo = m1.lower - m2.upper, hi = m1.upper - m2.lower
        d = sign > 0 ? ValueInterval(lo, hi) : ValueInterval(-hi, -lo)
        let x1 = Double(n1), x2 = Double(n2)
        switch test {
        case .student:
            func seAt(_ u: Double, _ v: Double) -> Double {
                (((x1 - 1) * u * u + (x2 - 1) * v * v) / (x1 + x2 - 2) * (1 / x1 + 1 / x2)).squareRoot()
            }
            se = ValueInterval(seAt(s1.lower, s2.lower), seAt(s1.upper, s2.upper))
            df = .point(x1 + x2 - 2)
        case .welch, .z:
            func seAt(_ u: Double, _ v: Double) -> Double { (u * u / x1 + v * v / x2).squareRoot() }
            se = ValueInterval(seAt(s1.lower, s2.lower), seAt(s1.upper, s2.upper))
            if test == .z {
                df = .point(.infinity)
            } else {
                // v_i = s_i²/n_i; df(r) = (r + 1)² / (r²/(n1 − 1) + 1/(n2 − 1)), r = v1/v2.
                func dfAt(_ r: Double) -> Double {
                    if r.isInfinite { return x1 - 1 }
                    return (r + 1) * (r + 1) / (r * r / (x1 - 1) + 1 / (x2 - 1))
                }
                let v1 = ValueInterval(s1.lower * s1.lower / x1, s1.upper * s1.upper / x1)
                let v2 = ValueInterval(s2.lower * s2.lower / x2, s2.upper * s2.upper / x2)
                let rLo = v2.upper > 0 ? v1.lower / v2.upper : .infinity
                let rHi = v2.lower > 0 ? v1.upper / v2.lower : .infinity
                let rStar = (x1 - 1) / (x2 - 1)
                var ends = [dfAt(rLo), dfAt(rHi)]
                if rStar >= rLo && rStar <= rHi { ends.append(dfAt(rStar)) }
                df = ValueInterval(ends.min()!, ends.max()!)
            }
        }
        c = ValueInterval(Tails.critical(level: level, df: df.upper), Tails.critical(level: level, df: df.lower))
    }

    /// SD interval of an arm: printed SD, or printed SE·√n; with `seReadAsSD` a printed "SD" is taken as the SE.
    static func sdBox(_ arm: PrintedArm, n: Int, reading: RoundingReading, seReadAsSD: Bool = false) -> ValueInterval? {
        if let sd = arm.sd {
            let b = sd.interval(reading).closed
            if !seReadAsSD { return b }
            let r = Double(n).squareRoot()
            return ValueInterval(b.lower * r, b.upper * r)
        }
        if let se = arm.se {
            let b = se.interval(reading).closed, r = Double(n).squareRoot()
            return ValueInterval(b.lower * r, b.upper * r)
        }
        if let l = arm.ciLower, let u = arm.ciUpper, n >= 2 {
            // SD implied by the arm's own t interval: √n (U − L)/(2 t(n − 1)) (Cochrane Handbook 6.5.2.2).
            let f = Double(n).squareRoot() / (2 * Tails.critical(level: arm.level, df: Double(n - 1)))
            let a = l.interval(reading).closed, b = u.interval(reading).closed
            let lo = f * max(0, b.lower - a.upper), hi = f * (b.upper - a.lower)
            return hi > 0 ? ValueInterval(lo, hi) : nil
        }
        return nil
    }

    /// Whether an arm prints a spread: an SD, an SE, or a CI from which the SD follows.
    static func hasSpread(_ arm: PrintedArm) -> Bool { arm.sd != nil || arm.se != nil || arm.hasCI }

    /// The nominal SD of an arm: printed SD, SE·√n, or the SD implied by its CI.
    static func nominalSD(_ arm: PrintedArm, n: Int, seReadAsSD: Bool) -> Double? {
        let r = Double(n).squareRoot()
        if let sd = arm.sd?.value { return seReadAsSD ? sd * r : sd }
        if let se = arm.se?.value { return se * r }
        if let l = arm.ciLower?.value, let u = arm.ciUpper?.value, n >= 2 {
            return r * (u - l) / (2 * Tails.critical(level: arm.level, df: Double(n - 1)))
        }
        return nil
    }

    /// Range of d + side·c·SE (side −1: lower bound, +1: upper bound).
    func boundRange(side: Double) -> ValueInterval {
        let lo = c.lower * se.lower, hi = c.upper * se.upper
        return side < 0 ? ValueInterval(d.lower - hi, d.upper - lo) : ValueInterval(d.lower + lo, d.upper + hi)
    }

    /// Range of p of d/SE (sidedness as given).
    func pRange(sided: Sidedness) -> ValueInterval {
        let absLo = d.meets(.point(0)) ? 0 : min(abs(d.lower), abs(d.upper))
        let absHi = max(abs(d.lower), abs(d.upper))
        let tMax = se.lower > 0 ? absHi / se.lower : .infinity
        let tMin = absLo / se.upper
        return ValueInterval(Tails.p(tMax, df: df.upper, sided: sided), Tails.p(tMin, df: df.lower, sided: sided))
    }
}
