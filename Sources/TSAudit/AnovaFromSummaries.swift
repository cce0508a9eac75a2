import TSDistributions

/// One arm of a printed one-way design: its size (exact) and printed mean and SD.
public struct SummaryArm: Sendable {
    public var label: String
    public var n: Int
    public var mean: PrintedInterval
    public var sd: PrintedInterval

    public init(label: String = "", n: Int, mean: PrintedInterval, sd: PrintedInterval) {
        self.label = label
        self.n = n
        self.mean = mean
        self.sd = sd
    }
}

/// A printed overall test across k ≥ 2 arms: F and/or p, with the df when the paper prints them.
public struct PrintedAnova: Sendable {
    public var label: String
    public var arms: [SummaryArm]
    public var F: PrintedInterval?
    public var p: PrintedInterval?
    /// Printed numerator df (k − 1 for both methods).
    public var df1: Int?
    /// Printed denominator df: N − k for the classic F; Welch's df is fractional ("20.5").
    public var df2: PrintedInterval?

    public init(label: String = "overall", arms: [SummaryArm], F: PrintedInterval? = nil, p: PrintedInterval? = nil,
                df1: Int? = nil, df2: PrintedInterval? = nil) {
        self.label = label
        self.arms = arms
        self.F = F
        self.p = p
        self.df1 = df1
        self.df2 = df2
    }
}

/// The overall test the paper may have run on the arms.
public enum AnovaMethod: String, Sendable, CaseIterable {
    /// Fisher's one-way ANOVA F = [SSB/(k − 1)] / [SSW/(N − k)] on (k − 1, N − k) df.
    case classic = "one-way ANOVA F (df k−1, N−k)"
    /// Welch's heteroscedastic F* (Welch 1951).
    case welch = "Welch's ANOVA F (Welch 1951)"
}

/// A recomputed overall test: F, its df and p.
public struct AnovaResult: Sendable, Equatable {
    public var F: Double
    public var df1: Double
    public var df2: Double
    public var p: Double
}

/// Ranges of F, p and the denominator df over a box of unrounded means and SDs (all rigorous outer bounds).
public struct AnovaRange: Sendable, Equatable {
    public var F: ValueInterval
    public var p: ValueInterval
    public var df2: ValueInterval
}

/// A printed overall F and/or p against the arms' n, mean and SD: classic one-way ANOVA and Welch's ANOVA.
///
/// **Classic** (Fisher 1925; e.g. Armitage, Berry & Matthews 2002 §8.1): SSB = Σ n_i (m_i − m̄)²,
/// m̄ = Σ n_i m_i / N, SSW = Σ (n_i − 1) s_i², F = [SSB/(k − 1)] / [SSW/(N − k)], p = P(F(k − 1, N − k) ≥ F).
/// Over the rounding box F is increasing in SSB and decreasing in SSW; SSB depends only on the means and SSW
/// only on the SDs, so F_min = SSB_min/SSW_max and F_max = SSB_max/SSW_min (times (N − k)/(k − 1)). SSW is
/// increasing in each SD (its corners); SSB's exact range over the box of means is `WeightedSpread`'s
/// (maximum at a vertex, minimum by the clamped weighted-mean fixed point). p is decreasing in F.
///
/// **Welch** (Welch 1951, Biometrika 38:330, eqs. 9–10; as R `oneway.test(var.equal = FALSE)`):
/// w_i = n_i/s_i², W = Σ w_i, m' = Σ w_i m_i / W, A = Σ w_i (m_i − m')²/(k − 1),
/// Λ = Σ (1 − w_i/W)²/(n_i − 1), B = 1 + 2(k − 2)Λ/(k² − 1), F* = A/B on df1 = k − 1 and
/// df2 = (k² − 1)/(3Λ). F* is not monotone over the box, so its range is bounded by branch and bound on the
/// SD box with bounds that hold for every point of a sub-box (hence the true inputs are never excluded):
/// - A is non-decreasing in every w_i (A = min_c Σ w_i (m_i − c)²/(k − 1), a minimum of non-decreasing
///   functions), so over a sub-box A_max is `WeightedSpread.maximum` at the largest weights (smallest SDs) and
///   A_min `WeightedSpread.minimum` at the smallest weights — exact over the means for those weights;
/// - u_i = w_i/W is increasing in w_i and decreasing in the other weights, so
///   u_i ∈ [w_i⁻/(w_i⁻ + Σ_{j≠i} w_j⁺), w_i⁺/(w_i⁺ + Σ_{j≠i} w_j⁻)] and Λ, B, df2 follow by interval arithmetic;
/// - F* ∈ [A_min/B_max, A_max/B_min]; p = P(F(d1, d) ≥ f) is decreasing in f but not monotone in d, and for
///   d ∈ [d⁻, d⁺] it is bounded by P(F(d1, d⁺) ≥ f·d⁺/d⁻) ≤ p ≤ P(F(d1, d⁻) ≥ f·d⁻/d⁺) (couple the
///   χ² denominators as a gamma process: Y_d = Y_{d⁻} + Z_d with 0 ≤ Z_d ≤ Z_{d⁺}, so
///   Y_{d⁻}/d⁺ ≤ Y_d/d ≤ Y_{d⁺}/d⁻).
/// The sub-box with the largest excess of its bound over the best value attained so far (F* evaluated at
/// sub-box centres with the exact extreme means) is split in its relatively widest SD until every excess is
/// within 2% of the attained range or 64 sub-boxes have been split. Every bound is finally widened by 1e-10
/// relative for floating-point rounding.
public enum AnovaFromSummaries {
    public static let checkF = "overall_F"
    public static let checkP = "overall_p"

    /// Classic one-way ANOVA at point values.
    public static func classic(n: [Int], means: [Double], sds: [Double]) -> AnovaResult? {
        let k = n.count, N = n.reduce(0, +)
        guard k >= 2, N > k, n.allSatisfy({ $0 >= 1 }) else { return nil }
        let ssb = WeightedSpread.value(n.map(Double.init), means)
        var ssw = 0.0
        for i in 0..<k { ssw += Double(n[i] - 1) * sds[i] * sds[i] }
        let d1 = Double(k - 1), d2 = Double(N - k)
        let f = (ssb / d1) / (ssw / d2)
        guard !f.isNaN else { return nil }
        return AnovaResult(F: f, df1: d1, df2: d2, p: fSF(f, d1, d2))
    }

    /// Welch's ANOVA at point values (every n ≥ 2, every SD > 0).
    public static func welch(n: [Int], means: [Double], sds: [Double]) -> AnovaResult? {
        let k = n.count
        guard k >= 2, n.allSatisfy({ $0 >= 2 }), sds.allSatisfy({ $0 > 0 }) else { return nil }
        let w = (0..<k).map { Double(n[$0]) / (sds[$0] * sds[$0]) }
        let W = w.reduce(0, +)
        let a = WeightedSpread.value(w, means) / Double(k - 1)
        var lambda = 0.0
        for i in 0..<k { let u = 1 - w[i] / W; lambda += u * u / Double(n[i] - 1) }
        let kk = Double(k * k - 1)
        let b = 1 + 2 * Double(k - 2) * lambda / kk
        let f = a / b, d2 = kk / (3 * lambda)
        return AnovaResult(F: f, df1: Double(k - 1), df2: d2, p: fSF(f, Double(k - 1), d2))
    }

    /// Range of the classic F and p over the box `means` × `sds`.
    public static func classicRange(n: [Int], means: [ValueInterval], sds: [ValueInterval]) -> AnovaRange? {
        let k = n.count, N = n.reduce(0, +)
        guard k >= 2, N > k, n.allSatisfy({ $0 >= 1 }) else { return nil }
        let w = n.map(Double.init)
        let hiS = WeightedSpread.maximum(w, means).value, loS = WeightedSpread.minimum(w, means).value
        var sswLo = 0.0, sswHi = 0.0
        for i in 0..<k {
            let lo = max(0, sds[i].lower), hi = max(0, sds[i].upper)
            sswLo += Double(n[i] - 1) * lo * lo
            sswHi += Double(n[i] - 1) * hi * hi
        }
        let d1 = Double(k - 1), d2 = Double(N - k)
        let scale = d2 / d1
        let fLo = sswHi > 0 ? widenDown(loS * scale / sswHi) : (loS > 0 ? .infinity : 0)
        let fHi = sswLo > 0 ? widenUp(hiS * scale / sswLo) : (hiS > 0 ? .infinity : .nan)
        guard !fHi.isNaN else { return nil }
        return AnovaRange(F: ValueInterval(fLo, fHi), p: ValueInterval(fSF(fHi, d1, d2), fSF(fLo, d1, d2)),
                          df2: .point(d2))
    }

    /// Rigorous outer range of Welch's F*, p and df2 over the box `means` × `sds` (see the type's notes).
    public static func welchRange(n: [Int], means: [ValueInterval], sds: [ValueInterval]) -> AnovaRange? {
        let k = n.count
        guard k >= 2, n.allSatisfy({ $0 >= 2 }), sds.allSatisfy({ $0.lower > 0 && $0.upper.isFinite }) else { return nil }
        let kk = Double(k * k - 1), c = 2 * Double(k - 2) / kk, d1 = Double(k - 1)
        let nn = n.map(Double.init)

        struct Leaf { var lo: [Double]; var hi: [Double]; var fLo: Double; var fHi: Double; var pLo: Double; var pHi: Double; var dLo: Double; var dHi: Double }
        var innerF = (lo: Double.infinity, hi: -Double.infinity)
        var innerP = (lo: Double.infinity, hi: -Double.infinity)

        func weights(_ s: [Double]) -> [Double] { (0..<k).map { nn[$0] / (s[$0] * s[$0]) } }
        func lambda(_ w: [Double]) -> Double {
            let W = w.reduce(0, +)
            var l = 0.0
            for i in 0..<k { let u = 1 - w[i] / W; l += u * u / (nn[i] - 1) }
            return l
        }
        func bound(_ lo: [Double], _ hi: [Double]) -> Leaf {
            let wHi = weights(lo), wLo = weights(hi)
            let aHi = WeightedSpread.maximum(wHi, means).value / d1
            let aLo = WeightedSpread.minimum(wLo, means).value / d1
            let sumHi = wHi.reduce(0, +), sumLo = wLo.reduce(0, +)
            var lamLo = 0.0, lamHi = 0.0
            for i in 0..<k {
                let uLo = wLo[i] / (wLo[i] + (sumHi - wHi[i])), uHi = wHi[i] / (wHi[i] + (sumLo - wLo[i]))
                lamLo += (1 - uHi) * (1 - uHi) / (nn[i] - 1)
                lamHi += (1 - uLo) * (1 - uLo) / (nn[i] - 1)
            }
            let fLo = widenDown(aLo / (1 + c * lamHi)), fHi = widenUp(aHi / (1 + c * lamLo))
            let dLo = widenDown(kk / (3 * lamHi)), dHi = widenUp(kk / (3 * lamLo))
            let pLo = fSF(widenUp(fHi * dHi / dLo), d1, dHi), pHi = fSF(widenDown(fLo * dLo / dHi), d1, dLo)
            // Values attained at the centre (exact extreme means for the centre's weights).
            let s = (0..<k).map { 0.5 * (lo[$0] + hi[$0]) }
            let w = weights(s), l = lambda(w), b = 1 + c * l, d = kk / (3 * l)
            let top = WeightedSpread.maximum(w, means).value / d1 / b
            let bottom = WeightedSpread.minimum(w, means).value / d1 / b
            innerF = (min(innerF.lo, bottom), max(innerF.hi, top))
            innerP = (min(innerP.lo, fSF(top, d1, d)), max(innerP.hi, fSF(bottom, d1, d)))
            return Leaf(lo: lo, hi: hi, fLo: fLo, fHi: fHi, pLo: pLo, pHi: pHi, dLo: dLo, dHi: dHi)
        }
        var leaves = [bound(sds.map(\.lower), sds.map(\.upper))]
        for _ in 0..<64 {
            let fw = max(innerF.hi - innerF.lo, 1e-12 * max(1, innerF.hi)), pw = max(innerP.hi - innerP.lo, 1e-12)
            var worst = -1, excess = 0.02
            for (i, l) in leaves.enumerated() {
                let e = max((l.fHi - innerF.hi) / fw, (innerF.lo - l.fLo) / fw, (l.pHi - innerP.hi) / pw, (innerP.lo - l.pLo) / pw)
                if e > excess { excess = e; worst = i }
            }
            if worst < 0 { break }
            let l = leaves.remove(at: worst)
            let j = (0..<k).max { (l.hi[$0] - l.lo[$0]) / l.lo[$0] < (l.hi[$1] - l.lo[$1]) / l.lo[$1] }!
            let mid = 0.5 * (l.lo[j] + l.hi[j])
            var hiA = l.hi; hiA[j] = mid
            var loB = l.lo; loB[j] = mid
            leaves.append(bound(l.lo, hiA))
            leaves.append(bound(loB, l.hi))
        }
        let F = ValueInterval(leaves.map(\.fLo).min()!, leaves.map(\.fHi).max()!)
        let p = ValueInterval(max(0, leaves.map(\.pLo).min()!), min(1, leaves.map(\.pHi).max()!))
        let d = ValueInterval(leaves.map(\.dLo).min()!, leaves.map(\.dHi).max()!)
        return AnovaRange(F: F, p: p, df2: d)
    }

    /// Method rows for the printed F (`overall_F`) and p (`overall_p`), one per method.
    public static func check(_ a: PrintedAnova, methods: [AnovaMethod] = AnovaMethod.allCases) -> [AuditRow] {
        var fRows: [AuditRow] = [], pRows: [AuditRow] = []
        let k = a.arms.count, N = a.arms.reduce(0) { $0 + $1.n }
        for method in methods {
            func unchecked(_ why: String) {
                if let f = a.F { var r = AuditRow.unchecked(checkF, arm: a.label, reported: f.text, missing: why); r.method = method.rawValue; fRows.append(r) }
                if let p = a.p { var r = AuditRow.unchecked(checkP, arm: a.label, reported: p.text, missing: why); r.method = method.rawValue; pRows.append(r) }
            }
            guard k >= 2 else { unchecked("at least 2 arms"); continue }
            let n = a.arms.map(\.n)
            let means = a.arms.map(\.mean.value), sds = a.arms.map(\.sd.value)
            let nominal: AnovaResult?
            var ranges: [RoundingReading: AnovaRange] = [:]
            switch method {
            case .classic:
                guard n.allSatisfy({ $0 >= 1 }), N > k else { unchecked("more observations than arms (N = \(N), k = \(k))"); continue }
                nominal = classic(n: n, means: means, sds: sds)
                for r in [RoundingReading.halfUp, .truncation] {
                    ranges[r] = classicRange(n: n, means: a.arms.map { $0.mean.interval(r).closed }, sds: a.arms.map { $0.sd.interval(r).closed })
                }
            case .welch:
                guard n.allSatisfy({ $0 >= 2 }) else { unchecked("every arm with n ≥ 2"); continue }
                nominal = welch(n: n, means: means, sds: sds)
                for r in [RoundingReading.halfUp, .truncation] {
                    ranges[r] = welchRange(n: n, means: a.arms.map { $0.mean.interval(r).closed }, sds: a.arms.map { $0.sd.interval(r).closed })
                }
            }
            guard let box = ranges[.halfUp] else {
                unchecked(method == .welch ? "every SD positive at the lower end of its rounding" : "a positive within-arm variance")
                continue
            }
            let dfText = method == .classic ? "df \(k - 1), \(N - k)"
                : "df \(k - 1), \(nominal.map { fmt($0.df2) } ?? "\(fmt(box.df2.lower))–\(fmt(box.df2.upper))")"
            // Printed df that the method cannot give mean the arms are not what the test used.
            if let d1 = a.df1, d1 != k - 1 { unchecked("arms matching the printed df1 = \(d1) (k − 1 = \(k - 1))"); continue }
            if let d2 = a.df2, !d2.rounded.meets(box.df2) {
                unchecked("arm sizes matching the printed df2 = \(d2.text) (\(method == .classic ? "N − k" : "Welch df2") = \(fmt(box.df2.lower))\(box.df2.width > 0 ? "–\(fmt(box.df2.upper))" : ""))")
                continue
            }
            let truncated = ranges[.truncation] ?? box
            if let f = a.F {
                let j = Judgement.judge(reported: f, nominal: nominal?.F) { $0 == .truncation ? truncated.F : box.F }
                fRows.append(AuditRow(check: checkF, arm: a.label, reported: f, judgement: j, method: method.rawValue, detail: dfText))
            }
            if let p = a.p {
                let j = Judgement.judge(reported: p, nominal: nominal?.p) { $0 == .truncation ? truncated.p : box.p }
                pRows.append(AuditRow(check: checkP, arm: a.label, reported: p, judgement: j, method: method.rawValue, detail: dfText))
            }
        }
        return fRows + pRows
    }

    static func fSF(_ f: Double, _ d1: Double, _ d2: Double) -> Double {
        if f.isNaN { return .nan }
        if f <= 0 { return 1 }
        if f == .infinity { return 0 }
        return (try? FDistribution(df1: d1, df2: d2))?.sf(f) ?? .nan
    }

    @inline(__always) static func widenUp(_ x: Double) -> Double { x.isFinite ? x + 1e-10 * abs(x) + Double.leastNormalMagnitude : x }
    @inline(__always) static func widenDown(_ x: Double) -> Double { x.isFinite ? max(0, x - 1e-10 * abs(x)) : x }
}
