// The error measures the tests compare against their bounds, in one place so that every suite means the same
// thing by "relative error". Each returns +infinity (never passes a `≤ bound` check) for a NaN, so a computation
// that fails to a NaN cannot slip through a comparison that is false for NaN on both sides.
import Foundation

public enum Tolerance {
    /// |computed − reference| / |reference|: the measure of an accuracy claim in significant digits.
    /// Equal values (including equal infinities and two zeros) give 0. A reference of 0 admits only 0: relative
    /// error against 0 is undefined, and a suite that needs an absolute error there says so with `mixedError`.
    public static func relativeError(_ computed: Double, _ reference: Double) -> Double {
        if computed == reference { return 0 }
        if computed.isNaN || reference.isNaN || reference == 0 { return .infinity }
        return abs(computed - reference) / abs(reference)
    }

    /// |computed − reference| / max(|reference|, floor): relative error that turns into absolute error (scaled by
    /// `floor`) for references near 0, where a value computed as a small difference has no relative accuracy.
    public static func relativeError(_ computed: Double, _ reference: Double, floor: Double) -> Double {
        if computed == reference { return 0 }
        if computed.isNaN || reference.isNaN { return .infinity }
        return abs(computed - reference) / max(abs(reference), floor)
    }

    /// Relative error, or the absolute error |computed| when the reference is 0: the measure NIST StRD scores
    /// (log absolute error at a certified 0), and the one used for reference values that are exactly 0.
    public static func mixedError(_ computed: Double, _ reference: Double) -> Double {
        if computed == reference { return 0 }
        if computed.isNaN || reference.isNaN { return .infinity }
        return reference == 0 ? abs(computed) : abs(computed - reference) / abs(reference)
    }

    /// |computed − reference| / scale: the error of a quantity that is a difference of terms of size `scale`
    /// (e.g. a CI limit mean ± c·SE near 0), measured against those terms rather than the small result.
    public static func scaledError(_ computed: Double, _ reference: Double, scale: Double) -> Double {
        if computed == reference { return 0 }
        if computed.isNaN || reference.isNaN || scale.isNaN { return .infinity }
        return abs(computed - reference) / scale
    }

    /// Log relative error, LRE = −log₁₀(`mixedError`): the number of correct significant digits (McCullough 1998,
    /// Am. Stat. 52:358), between 0 and `cap` (15 for values NIST certifies to 15 digits). A non-finite computed
    /// value scores 0 unless it equals the reference.
    public static func lre(_ computed: Double, _ reference: Double, cap: Double = 15) -> Double {
        if computed == reference { return cap }
        let e = mixedError(computed, reference)
        guard e.isFinite else { return 0 }
        return max(0, min(cap, -log10(e)))
    }

    /// The number of doubles from `a` to `b` (0 when equal; +0 and −0 are equal): the measure for results that
    /// should be correctly rounded or within a few roundings. +infinity when either is NaN.
    public static func ulps(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        if a.isNaN || b.isNaN { return .infinity }
        // Map the doubles onto a line of integers ordered like the values: negative values mirrored below 0.
        func ordinal(_ x: Double) -> Int64 {
            let bits = Int64(bitPattern: x.bitPattern)
            return bits < 0 ? Int64.min &- bits : bits
        }
        let (oa, ob) = (ordinal(a), ordinal(b))
        // The true difference is below 2^64, so the wrapped difference read as unsigned is exact.
        return Double(oa > ob ? UInt64(bitPattern: oa &- ob) : UInt64(bitPattern: ob &- oa))
    }

    /// Whether `relativeError(computed, reference, floor:)` is within `rel`.
    public static func isClose(_ computed: Double, _ reference: Double, rel: Double, floor: Double = 1e-300) -> Bool {
        relativeError(computed, reference, floor: floor) <= rel
    }
}
