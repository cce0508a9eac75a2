import TSDistributions
import TSCore

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
///   Y_{d⁻}/d⁺ ≤ Y_d/d ≤ Y_{d⁺}/d⁻). For d1 ≤ 2 (k ≤ 3) p is decreasing in d, so the corners
///   P(F(d1, d⁺) ≥ f⁺) ≤ p ≤ P(F(d1, d⁻) ≥ f⁻) are exact: p = E g(V) with V = χ²_d/d and
///   g(v) = P(χ²_{d1} ≥ d1·f·v), g is convex because the χ²_{d1} density is non-increasing for d1 ≤ 2, and
///   V decreases in convex order as d grows (G(d)/d of a gamma process is a reverse martingale).
/// The sub-box with the largest excess of its F bound over the F* attained so far (at its two extreme SD
/// corners, with the exact extreme means there) is split in its relatively widest SD until every excess is
/// within 2% of the attained range or a tenth of the printed unit (`welchRange`), or 64 sub-boxes have been
/// split. For d1 ≥ 3 the coupling bound is applied on the df2 interval of each final sub-box, halved
/// geometrically (up to 4 times) where it exceeds the corner values by more than a tenth of the printed
/// p unit; every piece's bound is rigorous, so the refinement only tightens. Stopping early only leaves the range wider: every leaf's bound is rigorous. Every bound is widened
/// by 1e-10 relative for floating-point rounding.
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
    /// Splitting stops once every sub-box's F bound exceeds the F* attained so far by at most 2% of the
    /// attained range or by `resolutionF` (absolute; default 1e-4 relative), whichever is larger — a tenth of
    /// the printed unit is what `check` passes — or after 64 splits. p is then bounded on each final sub-box
    /// over the rectangle of its F and df2 bounds, refined in df2 until within `resolutionP` (absolute,
    /// default 1e-5) of the rectangle's corners. `needP` false skips p (the returned p is then [0, 1]).
    public static func welchRange(n: [Int], means: [ValueInterval], sds: [ValueInterval], resolutionF: Double? = nil,
                                  resolutionP: Double? = nil, needP: Bool = true) -> AnovaRange? {
        let k = n.count
        guard k >= 2, n.allSatisfy({ $0 >= 2 }), sds.allSatisfy({ $0.lower > 0 && $0.upper.isFinite }) else { return nil }
        let kk = Double(k * k - 1), c = 2 * Double(k - 2) / kk, d1 = Double(k - 1)
        let nn = n.map(Double.init)

        struct Leaf {
            var lo: [Double], hi: [Double]
            var fLo: Double, fHi: Double, dLo: Double, dHi: Double
            /// F* attained in the sub-box (largest and smallest found) and df2 at those points.
            var top: Double, bottom: Double, dTop: Double, dBottom: Double
        }
        func weights(_ s: [Double]) -> [Double] { (0..<k).map { nn[$0] / (s[$0] * s[$0]) } }
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
            // Values attained at the sub-box's corners: all SDs low (largest weights; the largest A) and all
            // high (the smallest A), each with the exact extreme means for those weights.
            func lam(_ w: [Double]) -> Double {
                let W = w.reduce(0, +)
                var l = 0.0
                for i in 0..<k { let u = 1 - w[i] / W; l += u * u / (nn[i] - 1) }
                return l
            }
            let lTop = lam(wHi), lBottom = lam(wLo)
            return Leaf(lo: lo, hi: hi, fLo: widenDown(aLo / (1 + c * lamHi)), fHi: widenUp(aHi / (1 + c * lamLo)),
                        dLo: widenDown(kk / (3 * lamHi)), dHi: widenUp(kk / (3 * lamLo)),
                        top: aHi / (1 + c * lTop), bottom: aLo / (1 + c * lBottom), dTop: kk / (3 * lTop), dBottom: kk / (3 * lBottom))
        }
        /// p over a leaf: the rectangle [fLo, fHi] × [dLo, dHi] (exact corners for d1 ≤ 2). For d1 ≥ 3 the
        /// coupling bound on [dLo, dHi]; a piece whose bound exceeds the rectangle's corner values by more than
        /// `tolP` is halved geometrically (up to 4 times) and each half bounded again.
        func pBounds(_ l: Leaf, tolP: Double) -> (Double, Double) {
            if d1 <= 2 || l.dHi <= l.dLo { return (fSF(l.fHi, d1, l.dHi), fSF(l.fLo, d1, l.dLo)) }
            // Corner values (attained on the rectangle): the bounds cannot be better than these.
            let innerLo = min(fSF(l.fHi, d1, l.dLo), fSF(l.fHi, d1, l.dHi))
            let innerHi = max(fSF(l.fLo, d1, l.dLo), fSF(l.fLo, d1, l.dHi))
            func lower(_ a: Double, _ b: Double, _ depth: Int) -> Double {
                let v = fSF(widenUp(l.fHi * b / a), d1, b)
                if innerLo - v <= tolP || depth >= 4 { return v }
                let m = (a * b).squareRoot()
                return min(lower(a, m, depth + 1), lower(m, b, depth + 1))
            }
            func upper(_ a: Double, _ b: Double, _ depth: Int) -> Double {
                let v = fSF(widenDown(l.fLo * a / b), d1, a)
                if v - innerHi <= tolP || depth >= 4 { return v }
                let m = (a * b).squareRoot()
                return max(upper(a, m, depth + 1), upper(m, b, depth + 1))
            }
            return (min(innerLo, lower(l.dLo, l.dHi, 0)), max(innerHi, upper(l.dLo, l.dHi, 0)))
        }
        var leaves = [bound(sds.map(\.lower), sds.map(\.upper))]
        for _ in 0..<64 {
            let fIn = (lo: leaves.map(\.bottom).min()!, hi: leaves.map(\.top).max()!)
            let fTol = max(0.02 * (fIn.hi - fIn.lo), resolutionF ?? 1e-4 * fIn.hi, 1e-12 * fIn.hi)
            var worst = -1, excess = 1.0
            for (i, l) in leaves.enumerated() {
                let e = max((l.fHi - fIn.hi) / fTol, (fIn.lo - l.fLo) / fTol)
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
        var p = ValueInterval(0, 1)
        if needP {
            let tolP = resolutionP ?? 1e-5
            let bs = leaves.map { pBounds($0, tolP: tolP) }
            p = ValueInterval(max(0, bs.map(\.0).min()!), min(1, bs.map(\.1).max()!))
        }
        let F = ValueInterval(leaves.map(\.fLo).min()!, leaves.map(\.fHi).max()!)
        let d = ValueInterval(leaves.map(\.dLo).min()!, leaves.map(\.dHi).max()!)
        return AnovaRange(F: F, p: p, df2: d)
    }

    /// One method's recomputation over the arms' rounding box, reusable for several printed F and p of the
    /// same precision (`missing` set when the method cannot run on these arms).
    public struct Prepared: Sendable {
        public var method: AnovaMethod
        public var k: Int
        public var N: Int
        public var nominal: AnovaResult?
        /// Ranges under rounding (half-up and half-even give the same closed box) and under truncation.
        public var rounded: AnovaRange?
        public var truncated: AnovaRange?
        public var missing: String?
        /// Welch: the truncation box, bounded only when rounding does not reproduce a printed number.
        var truncationBox: (n: [Int], means: [ValueInterval], sds: [ValueInterval], rF: Double?, rP: Double?, needP: Bool)?
    }

    /// Recomputes `method` over the arms. `resolutionF`, `resolutionP`: a tenth of the printed F and p unit
    /// (Welch's refinement stops there); `needP` false skips Welch's p bounds.
    public static func prepare(_ arms: [SummaryArm], method: AnovaMethod, resolutionF: Double? = nil,
                               resolutionP: Double? = nil, needP: Bool = true) -> Prepared {
        let k = arms.count, N = arms.reduce(0) { $0 + $1.n }
        var out = Prepared(method: method, k: k, N: N)
        guard k >= 2 else { out.missing = "at least 2 arms"; return out }
        let n = arms.map(\.n)
        let means = arms.map(\.mean.value), sds = arms.map(\.sd.value)
        func box(_ r: RoundingReading) -> ([ValueInterval], [ValueInterval]) {
            (arms.map { $0.mean.interval(r).closed }, arms.map { $0.sd.interval(r).closed })
        }
        switch method {
        case .classic:
            guard n.allSatisfy({ $0 >= 1 }), N > k else { out.missing = "more observations than arms (N = \(N), k = \(k))"; return out }
            out.nominal = classic(n: n, means: means, sds: sds)
            let (m, s) = box(.halfUp), (mt, st) = box(.truncation)
            out.rounded = classicRange(n: n, means: m, sds: s)
            out.truncated = classicRange(n: n, means: mt, sds: st)
        case .welch:
            guard n.allSatisfy({ $0 >= 2 }) else { out.missing = "every arm with n ≥ 2"; return out }
            out.nominal = welch(n: n, means: means, sds: sds)
            let (m, s) = box(.halfUp), (mt, st) = box(.truncation)
            out.rounded = welchRange(n: n, means: m, sds: s, resolutionF: resolutionF, resolutionP: resolutionP, needP: needP)
            out.truncationBox = (n, mt, st, resolutionF, resolutionP, needP)
        }
        if out.rounded == nil {
            out.missing = method == .welch ? "every SD positive at the lower end of its rounding" : "a positive within-arm variance"
        }
        return out
    }

    /// Method rows for the printed F and p of `a` against a prepared recomputation.
    public static func judge(_ prep: Prepared, _ a: PrintedAnova) -> [AuditRow] {
        var rows: [AuditRow] = []
        let method = prep.method, k = prep.k, N = prep.N
        func unchecked(_ why: String) -> [AuditRow] {
            var out: [AuditRow] = []
            if let f = a.F { var r = AuditRow.unchecked(checkF, arm: a.label, reported: f.text, missing: why); r.method = method.rawValue; out.append(r) }
            if let p = a.p { var r = AuditRow.unchecked(checkP, arm: a.label, reported: p.text, missing: why); r.method = method.rawValue; out.append(r) }
            return out
        }
        if let why = prep.missing { return unchecked(why) }
        guard let box = prep.rounded else { return unchecked("a recomputable box") }
        let nominal = prep.nominal
        let dfText = method == .classic ? "df \(k - 1), \(N - k)"
            : "df \(k - 1), \(nominal.map { fmt($0.df2) } ?? "\(fmt(box.df2.lower))–\(fmt(box.df2.upper))")"
        // Printed df that the method cannot give mean the arms are not what the test used.
        if let d1 = a.df1, d1 != k - 1 { return unchecked("arms matching the printed df1 = \(d1) (k − 1 = \(k - 1))") }
        if let d2 = a.df2, !d2.rounded.meets(box.df2) {
            return unchecked("arm sizes matching the printed df2 = \(d2.text) (\(method == .classic ? "N − k" : "Welch df2") = \(fmt(box.df2.lower))\(box.df2.width > 0 ? "–\(fmt(box.df2.upper))" : ""))")
        }
        // Welch's truncation box is bounded only when rounding does not reproduce (it changes only the
        // readings and the detail, never the verdict); until then it is taken as empty.
        var truncated = prep.truncated
        let empty = AnovaRange(F: .point(.nan), p: .point(.nan), df2: .point(.nan))
        func judged(_ reported: PrintedInterval, _ nominal: Double?, _ pick: (AnovaRange) -> ValueInterval) -> Judgement {
            var j = Judgement.judge(reported: reported, nominal: nominal) { $0 == .truncation ? pick(truncated ?? empty) : pick(box) }
            if !j.verdict.reproduces, truncated == nil, let t = prep.truncationBox {
                truncated = welchRange(n: t.n, means: t.means, sds: t.sds, resolutionF: t.rF, resolutionP: t.rP, needP: t.needP) ?? box
                j = Judgement.judge(reported: reported, nominal: nominal) { $0 == .truncation ? pick(truncated!) : pick(box) }
            }
            return j
        }
        if let f = a.F {
            let j = judged(f, nominal?.F, \.F)
            rows.append(AuditRow(check: checkF, arm: a.label, reported: f, judgement: j, method: method.rawValue, detail: dfText))
        }
        if let p = a.p {
            let j = judged(p, nominal?.p, \.p)
            rows.append(AuditRow(check: checkP, arm: a.label, reported: p, judgement: j, method: method.rawValue, detail: dfText))
        }
        return rows
    }

    /// Method rows for the printed F (`overall_F`) and p (`overall_p`): all F rows (one per method), then
    /// all p rows.
    public static func check(_ a: PrintedAnova, methods: [AnovaMethod] = AnovaMethod.allCases) -> [AuditRow] {
        let rows = methods.flatMap { m in
            judge(prepare(a.arms, method: m, resolutionF: a.F.map { 0.1 * $0.step }, resolutionP: a.p.map { 0.1 * $0.step },
                          needP: a.p != nil), a)
        }
        return rows.filter { $0.check == checkF } + rows.filter { $0.check == checkP }
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
