import Foundation

/// The log relative error of NIST StRD (McCullough 1998, *Assessing the reliability of statistical
/// software*, Am. Statistician 52:358–366): −log₁₀(|q − c| / |c|), the number of correct significant digits;
/// −log₁₀|q| (log absolute error) when the certified c is 0. Capped at 15, the digits NIST certifies.
func logRelativeError(computed q: Double, certified c: Double) -> Double {
    guard q.isFinite else { return 0 }
    if q == c { return 15 }
    let err = c == 0 ? abs(q) : abs(q - c) / abs(c)
    return max(0, min(15, -log10(err)))
}
