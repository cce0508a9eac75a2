import TSEffects

/// Recomputed difference CI bounds and p over the box of two arms' rounded means and SDs.
///
/// d = sign·(m1 − m2) is linear, so its range is exact. SE and df of the difference (Student pooled, Welch–
/// Satterthwaite or z; `TSEffects.TwoArmDifference`) depend on both SDs; they are evaluated on an 11 × 11 grid
/// over the SD box (corners included), where SE is monotone in each SD and the critical value varies only through
/// the Welch df.
struct TwoArmBox {
    var d: ValueInterval
    /// (SE, df, critical value) at each grid point.
    var grid: [(se: Double, df: Double, c: Double)]

    /// `sign` = +1 for first − second, −1 for second − first.
    init?(_ a: PrintedArm, _ b: PrintedArm, n1: Int, n2: Int, test: TwoArmTest, level: Double, sign: Double,
          reading: RoundingReading, seReadAsSD: Bool = false, steps: Int = 10) {
        guard let m1 = a.mean?.interval(reading).closed, let m2 = b.mean?.interval(reading).closed else { return nil }
        guard let s1 = TwoArmBox.sdBox(a, n: n1, reading: reading, seReadAsSD: seReadAsSD),
              let s2 = TwoArmBox.sdBox(b, n: n2, reading: reading, seReadAsSD: seReadAsSD) else { return nil }
        let lo = m1.lower - m2.upper, hi = m1.upper - m2.lower
        d = sign > 0 ? ValueInterval(lo, hi) : ValueInterval(-hi, -lo)
        grid = []
        for i in 0...steps {
            let x = s1.lower + Double(i) / Double(steps) * s1.width
            for j in 0...steps {
                let y = s2.lower + Double(j) / Double(steps) * s2.width
                guard let r = TwoArmBox.zeroDifference(sd1: x, n1: n1, sd2: y, n2: n2, test: test, level: level) else { continue }
                grid.append(r)
            }
        }
        if grid.isEmpty { return nil }
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

    /// SE, df and critical value of a difference from TSEffects (means set to 0).
    static func zeroDifference(sd1: Double, n1: Int, sd2: Double, n2: Int, test: TwoArmTest, level: Double)
        -> (se: Double, df: Double, c: Double)? {
        guard sd1 > 0, sd2 > 0, sd1.isFinite, sd2.isFinite, let a = try? ArmSummary(n: n1, mean: 0, sd: sd1), let b = try? ArmSummary(n: n2, mean: 0, sd: sd2),
              let r = try? TwoArmDifference.difference(a, b, test: test, level: level), let se = r.se, let lo = r.ciLower
        else { return nil }
        return (se, r.df ?? .infinity, -lo / se)
    }

    /// Range of d + side·c·SE (side −1: lower bound, +1: upper bound).
    func boundRange(side: Double) -> ValueInterval {
        let cse = grid.map { $0.c * $0.se }
        let lo = cse.min()!, hi = cse.max()!
        return side < 0 ? ValueInterval(d.lower - hi, d.upper - lo) : ValueInterval(d.lower + lo, d.upper + hi)
    }

    /// Range of p of d/SE (sidedness as given).
    func pRange(sided: Sidedness) -> ValueInterval {
        let absLo = d.meets(.point(0)) ? 0 : min(abs(d.lower), abs(d.upper))
        let absHi = max(abs(d.lower), abs(d.upper))
        var ps: [Double] = []
        for g in grid {
            ps.append(Tails.p(absLo / g.se, df: g.df, sided: sided))
            ps.append(Tails.p(absHi / g.se, df: g.df, sided: sided))
        }
        return ValueInterval.hull(of: ps)!
    }
}
