import TSDistributions
import TSCore

/// Whether a printed p counts one tail or both.
public enum Sidedness: String, Sendable, CaseIterable {
    case twoSided = "two-sided"
    case oneSided = "one-sided"
}

/// Critical values and p ↔ |t| conversions on Student t (df = ∞ is the standard normal), shared by the checks.
enum Tails {
    static func distribution(_ df: Double) -> StudentT { (try? StudentT(df: df)) ?? (try! StudentT(df: .infinity)) }

    /// Two-sided critical value for a `level` interval.
    static func critical(level: Double, df: Double) -> Double {
        distribution(df).inverseSF((1 - level) / 2)
    }

    /// p of |t| on `df`, one- or two-sided.
    static func p(_ t: Double, df: Double, sided: Sidedness) -> Double {
        let tail = distribution(df).sf(abs(t))
        return sided == .twoSided ? min(1, 2 * tail) : tail
    }

    /// The |t| values whose p lies in `p` (closed hull): [t(p_hi), t(p_lo)].
    static func absT(for p: ValueInterval, df: Double, sided: Sidedness) -> ValueInterval {
        let d = distribution(df)
        func inv(_ q: Double) -> Double {
            if q <= 0 { return .infinity }
            let tail = sided == .twoSided ? q / 2 : q
            return tail >= 0.5 ? 0 : d.inverseSF(tail)
        }
        return ValueInterval(inv(min(p.upper, 1)), inv(max(p.lower, 0)))
    }
}
