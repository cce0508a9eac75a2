/// An unevaluated sum hi + lo of two doubles (|lo| ≤ ½ ulp(hi)), used to carry the rounding error
/// of a distribution's argument transform (z = (x − μ)/σ, x = ν/(ν + t²), …) into a first-order
/// correction of the tail probability. Error-free transformations after Dekker (1971) and
/// Knuth (TAOCP vol. 2, §4.2.2); products by fused multiply-add.
struct DoubleDouble: Sendable {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// Exact a + b (Knuth's TwoSum).
    static func sum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        let err = (a - (s - bb)) + (b - bb)
        return DoubleDouble(s, err)
    }

    /// Exact a · b (by FMA).
    static func product(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(p, (-p).addingProduct(a, b))
    }

    /// self + other, to about 2⁻¹⁰⁴ relative.
    func adding(_ other: DoubleDouble) -> DoubleDouble {
        let s = DoubleDouble.sum(hi, other.hi)
        let lo2 = s.lo + lo + other.lo
        let h = s.hi + lo2
        return DoubleDouble(h, lo2 - (h - s.hi))
    }

    /// self · b for a double b.
    func multiplied(by b: Double) -> DoubleDouble {
        let p = DoubleDouble.product(hi, b)
        let l = p.lo.addingProduct(lo, b)
        let h = p.hi + l
        return DoubleDouble(h, l - (h - p.hi))
    }

    /// self / other, to about 2⁻¹⁰⁴ relative (one correction step).
    func divided(by d: DoubleDouble) -> DoubleDouble {
        let q1 = hi / d.hi
        // remainder r = self − q1·d, computed exactly enough for the second quotient digit
        let p = d.multiplied(by: q1)
        let r = DoubleDouble(hi, lo).adding(DoubleDouble(-p.hi, -p.lo))
        let q2 = (r.hi + r.lo) / d.hi
        let h = q1 + q2
        return DoubleDouble(h, q2 - (h - q1))
    }

    var value: Double { hi + lo }
}
