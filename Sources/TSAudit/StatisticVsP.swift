import Foundation
import TSDistributions
import TSCore

/// A printed test result such as "t(28) = 2.20, p = .06" (the statcheck unit, Nuijten et al. 2016).
public struct PrintedTest: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case t, z, F, chi2, r }
    public var label: String
    public var kind: Kind
    public var statistic: PrintedInterval
    /// Degrees of freedom (t, chi2, r: df; F: df1, df2). Printed df are taken as exact.
    public var df1: Double?
    public var df2: Double?
    public var p: PrintedInterval

    public init(label: String = "test", kind: Kind, statistic: PrintedInterval, df1: Double? = nil, df2: Double? = nil,
                p: PrintedInterval) {
        self.label = label
        self.kind = kind
        self.statistic = statistic
        self.df1 = df1
        self.df2 = df2
        self.p = p
    }
}

/// A test statistic against its p and df, with the statistic's own rounding (as statcheck allows:
/// "t = 2.2" stands for [2.15, 2.25], so p is checked against the p range of that interval).
/// t and z: two-sided P(|T| ≥ |t|); F: P(F ≥ f) on (df1, df2); χ²: P(X ≥ x) on df; r: t = r √(df/(1 − r²)) on df
/// (Nuijten et al. 2016, Behav Res Methods 48:1205; statcheck manual).
public enum StatisticVsP {
    /// p of `x` for the test kind; `sided` applies to t, z and r (F and χ² are upper-tail).
    static func p(_ x: Double, _ test: PrintedTest, sided: Sidedness) throws -> Double {
        switch test.kind {
        case .t:
            guard let df = test.df1 else { throw MissingInput("df") }
            return Tails.p(x, df: df, sided: sided)
        case .z: return Tails.p(x, df: .infinity, sided: sided)
        case .r:
            guard let df = test.df1 else { throw MissingInput("df") }
            let r = min(abs(x), 1)
            if r >= 1 { return 0 }
            return Tails.p(r * (df / (1 - r * r)).squareRoot(), df: df, sided: sided)
        case .F:
            guard let d1 = test.df1, let d2 = test.df2 else { throw MissingInput("df1 and df2") }
            return try FDistribution(df1: d1, df2: d2).sf(max(x, 0))
        case .chi2:
            guard let df = test.df1 else { throw MissingInput("df") }
            return try ChiSquared(df: df).sf(max(x, 0))
        }
    }

    /// Range of p over the statistic's rounding interval under `reading` (p is monotone in |statistic|).
    static func range(_ test: PrintedTest, sided: Sidedness, reading: RoundingReading) throws -> ValueInterval {
        let s = test.statistic.interval(reading).closed
        let lowAbs = s.meets(.point(0)) ? 0 : min(abs(s.lower), abs(s.upper))
        let highAbs = max(abs(s.lower), abs(s.upper))
        let a = try p(lowAbs, test, sided: sided), b = try p(highAbs, test, sided: sided)
        return ValueInterval(min(a, b), max(a, b))
    }

    /// The test's row: with its printed df, or, when a df is missing, the df search (`searchDF`).
    public static func check(_ test: PrintedTest, sided: Sidedness = .twoSided) -> AuditRow {
        if DFSearch.needsSearch(test) { return searchDF(test, sided: sided) }
        let tail = test.kind == .F || test.kind == .chi2 ? "upper tail" : sided.rawValue
        let method = "\(test.kind.rawValue) \(tail)" + (test.df1.map { " df \(fmt($0))" } ?? "")
            + (test.df2.map { ",\(fmt($0))" } ?? "")
        do {
            let nominal = try p(test.statistic.value, test, sided: sided)
            var failure: Error? = nil
            let j = Judgement.judge(reported: test.p, nominal: nominal) { reading in
                do { return try range(test, sided: sided, reading: reading) } catch { failure = error; return .point(.nan) }
            }
            if let failure { throw failure }
            var detail = ""
            if !j.verdict.reproduces, sided == .twoSided {
                let one = check(test, sided: .oneSided)
                if one.verdict.reproduces { detail = "reproduced as a one-sided p (\(one.verdict.label))" }
            }
            return AuditRow(check: "statistic_p", arm: test.label, reported: test.p, judgement: j, method: method, detail: detail)
        } catch let m as MissingInput {
            return .unchecked("statistic_p", arm: test.label, reported: test.p.text, missing: m.what)
        } catch {
            return .unchecked("statistic_p", arm: test.label, reported: test.p.text, missing: "valid df (\(error))")
        }
    }
}

/// A check could not run: `what` is missing.
struct MissingInput: Error { var what: String; init(_ w: String) { what = w } }

/// Short number for method names and details.
func fmt(_ x: Double, _ digits: Int = 4) -> String {
    if x.isInfinite { return x > 0 ? "∞" : "-∞" }
    if x == x.rounded(), abs(x) < 1e9 { return String(Int(x)) }
    var s = String(format: "%.\(digits)g", x)
    if s.hasPrefix("-") { s = "−" + s.dropFirst() }
    return s
}
