import RealModule
import TSCore

/// First-order corrections for the rounding of a distribution's transformed argument.
///
/// The t, F and beta tails are I_x(a, b) at x = ν/(ν + t²) and the like; the gamma tails are
/// P(a, x) at x = value/scale. Rounding that transform costs about cond · ε, where the
/// condition number (x · density / tail) grows like t² in the far tails. Computing x as a
/// double-double and adding lo · density recovers full accuracy at the cost of one density.
enum ArgumentCorrection {
    /// I_x(a, b) and 1 − I_x(a, b) for x, y = 1 − x given as double-doubles.
    /// The smaller of x and y is the one the incomplete beta works with (TOMS 708 takes both
    /// and derives the other by log1p), so its low part is the correction.
    static func betaRatios(a: Double, b: Double, x: DoubleWord, y: DoubleWord) -> (p: Double, q: Double) {
        var (p, q) = Special.betaRatios(a: a, b: b, x: x.hi, y: y.hi)
        let dx = x.hi <= y.hi ? x.lo : -y.lo
        if dx != 0 && x.hi > 0 && y.hi > 0 {
            // The correction is ~cond·ε relative to the result, so the density needs only a few digits.
            let density = Double.exp(Special.approximateLogBetaDensityPrefix(a: a, b: b, x: x.hi, y: y.hi)) / (x.hi * y.hi)
            let delta = dx * density
            if delta.isFinite {
                p += delta
                q -= delta
            }
        }
        return (p, q)
    }

    /// P(a, x) and Q(a, x) for x given as a double-double.
    static func gammaRatios(a: Double, x: DoubleWord) -> (p: Double, q: Double) {
        var (p, q) = Special.gammaRatios(a: a, x: x.hi)
        if x.lo != 0 && x.hi > 0 {
            let delta = x.lo * Double.exp(Special.logGammaDensityPrefix(a: a, x: x.hi)) / x.hi
            if delta.isFinite {
                p += delta
                q -= delta
            }
        }
        return (p, q)
    }
}
