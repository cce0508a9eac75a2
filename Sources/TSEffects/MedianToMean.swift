import RealModule
import TSCore
import TSDistributions

/// Mean and SD estimated from a median with range and/or interquartile range, assuming roughly normal data.
///
/// Scenarios (Wan et al. 2014 call them C1–C3; Luo et al. 2018 and Shi et al. 2020 call them S1–S3):
///   `.range` {min a, median m, max b}; `.iqr` {q1, m, q3}; `.fiveNumber` {a, q1, m, q3, b}.
/// With ξ(n) = 2Φ⁻¹((n − 0.375)/(n + 0.25)) and η(n) = 2Φ⁻¹((0.75n − 0.125)/(n + 0.25)):
/// - Wan X, Wang W, Liu J, Tong T. BMC Med Res Methodol 2014;14:135.
///   Mean: range (a + 2m + b)/4 (eq. 2, after Hozo 2005); five-number (a + 2q1 + 2m + 2q3 + b)/8 (eq. 10);
///   iqr (q1 + m + q3)/3 (eq. 14). SD: range (b − a)/ξ (eq. 7); five-number ½[(b − a)/ξ + (q3 − q1)/η] (eq. 12);
///   iqr (q3 − q1)/η (eq. 15).
/// - Luo D, Wan X, Liu J, Tong T. Stat Methods Med Res 2018;27:1785–1805 (optimal weights).
///   Mean: range w(a + b)/2 + (1 − w)m, w = 4/(4 + n^0.75); iqr w(q1 + q3)/2 + (1 − w)m, w = 0.7 + 0.39/n;
///   five-number w1(a + b)/2 + w2(q1 + q3)/2 + (1 − w1 − w2)m, w1 = 2.2/(2.2 + n^0.75), w2 = 0.7 − 0.72/n^0.55 (eq. 15).
/// - Shi J, Luo D, Weng H, et al. Res Synth Methods 2020;11:641–654.
///   SD, five-number: w(b − a)/ξ + (1 − w)(q3 − q1)/η, w = 1/(1 + 0.07 n^0.6) (eq. 11); for `.range` and `.iqr`
///   Shi et al. keep Wan's estimators.
public enum MedianToMean {
    public enum Scenario: String, Sendable, CaseIterable { case range, iqr, fiveNumber = "five_number" }
    public enum MeanMethod: String, Sendable, CaseIterable { case wan, luo }
    public enum SDMethod: String, Sendable, CaseIterable { case wan, shi }

    /// ξ(n) = 2Φ⁻¹((n − 0.375)/(n + 0.25)) (Wan 2014, from Blom's plotting positions).
    public static func xi(_ n: Int) -> Double {
        let nn = Double(n)
        return 2 * Normal.standard.quantile((nn - 0.375) / (nn + 0.25))
    }

    /// η(n) = 2Φ⁻¹((0.75n − 0.125)/(n + 0.25)) (Wan 2014).
    public static func eta(_ n: Int) -> Double {
        let nn = Double(n)
        return 2 * Normal.standard.quantile((0.75 * nn - 0.125) / (nn + 0.25))
    }

    /// Estimated mean and SD. Pass `min`/`max` for `.range`, `q1`/`q3` for `.iqr`, all for `.fiveNumber`.
    public static func estimate(n: Int, median m: Double, min a: Double? = nil, q1: Double? = nil, q3: Double? = nil,
                                max b: Double? = nil, meanMethod: MeanMethod = .luo, sdMethod: SDMethod = .shi)
        throws(InputError) -> (scenario: Scenario, mean: Double, sd: Double)
    {
        guard n >= 3 else { throw InputError(.parameter("n"), "needs at least 3 to estimate from quantiles, got \(n)") }
        let scenario: Scenario
        switch (a != nil && b != nil, q1 != nil && q3 != nil) {
        case (true, true): scenario = .fiveNumber
        case (true, false): scenario = .range
        case (false, true): scenario = .iqr
        default: throw InputError(.parameter("median"), "needs min and max, or q1 and q3, or all four")
        }
        if let a, let b {
            guard a <= m, m <= b, a < b else { throw InputError(.parameter("min"), "needs min ≤ median ≤ max and min < max") }
        }
        if let q1, let q3 {
            guard q1 <= m, m <= q3, q1 < q3 else { throw InputError(.parameter("q1"), "needs q1 ≤ median ≤ q3 and q1 < q3") }
        }
        if let a, let b, let q1, let q3 {
            guard a <= q1, q3 <= b else { throw InputError(.parameter("q1"), "needs min ≤ q1 and q3 ≤ max") }
        }
        let nn = Double(n)
        let mean: Double
        switch (scenario, meanMethod) {
        case (.range, .wan): mean = (a! + 2 * m + b!) / 4
        case (.iqr, .wan): mean = (q1! + m + q3!) / 3
        case (.fiveNumber, .wan): mean = (a! + 2 * q1! + 2 * m + 2 * q3! + b!) / 8
        case (.range, .luo):
            let w = 4 / (4 + Double.pow(nn, 0.75))
            mean = w * (a! + b!) / 2 + (1 - w) * m
        case (.iqr, .luo):
            let w = 0.7 + 0.39 / nn
            mean = w * (q1! + q3!) / 2 + (1 - w) * m
        case (.fiveNumber, .luo):
            let w1 = 2.2 / (2.2 + Double.pow(nn, 0.75)), w2 = 0.7 - 0.72 / Double.pow(nn, 0.55)
            mean = w1 * (a! + b!) / 2 + w2 * (q1! + q3!) / 2 + (1 - w1 - w2) * m
        }
        let sd: Double
        switch scenario {
        case .range: sd = (b! - a!) / xi(n)
        case .iqr: sd = (q3! - q1!) / eta(n)
        case .fiveNumber:
            let w = sdMethod == .shi ? 1 / (1 + 0.07 * Double.pow(nn, 0.6)) : 0.5
            sd = w * (b! - a!) / xi(n) + (1 - w) * (q3! - q1!) / eta(n)
        }
        return (scenario, mean, sd)
    }
}
