/// Arm sizes a paper did not print, inferred from what it did print.
///
/// For each candidate n the arm's printed mean, SD (or SE), CI and p are reproduced exactly when the convex set
/// of unrounded (mean, SE) pairs (`ArmRegion`, one-sample t on n − 1 df) is non-empty: the CI width fixes
/// c(n − 1)·SD/√n and p fixes |mean|·√n/SD, each up to rounding. With a printed total the two arms' sets are
/// paired (n1 + n2 = total), and pairs may further be narrowed by the printed comparison (some method of
/// `MethodFingerprint` must reproduce its CI and p jointly with both arms). The result is the feasible set,
/// never a single guess.
public enum HiddenArmSizes {
    /// Feasible n for one arm in `candidates` under `method`; nil when the arm prints too little to tell
    /// (it needs an SD or SE, and a CI or a p).
    /// With `method` nil an n is feasible when any `ArmMethod` (t or z, two- or one-sided, SE printed as SD)
    /// reproduces the arm at that size: a size is never excluded because the paper used another plausible method.
    public static func feasible(_ arm: PrintedArm, candidates: ClosedRange<Int>, method: ArmMethod? = nil) -> [Int]? {
        guard isInferable(arm) else { return nil }
        let methods = method.map { [$0] } ?? ArmMethod.all
        return candidates.filter { n in n >= 2 && methods.contains { !ArmRegion(arm: arm, n: n, method: $0).isEmpty } }
    }

    /// Whether the arm prints enough to constrain its size: an SD or SE, and a CI or a p with its mean.
    public static func isInferable(_ arm: PrintedArm) -> Bool {
        (arm.sd != nil || arm.se != nil) && (arm.hasCI || (arm.p != nil && arm.mean != nil))
    }

    /// Feasible (n1, n2) with n1 + n2 = total, from each arm's feasible set.
    public static func pairs(_ a: PrintedArm, _ b: PrintedArm, total: Int, method: ArmMethod? = nil) -> [(Int, Int)]? {
        guard total >= 4 else { return [] }
        let range = 2...(total - 2)
        let fa = a.n.map { [$0] } ?? feasible(a, candidates: range, method: method)
        let fb = b.n.map { [$0] } ?? feasible(b, candidates: range, method: method)
        switch (fa, fb) {
        case let (x?, y?):
            let ys = Set(y)
            return x.filter { ys.contains(total - $0) }.map { ($0, total - $0) }
        case let (x?, nil): return x.map { ($0, total - $0) }
        case let (nil, y?): return y.map { (total - $0, $0) }
        default: return nil
        }
    }

    /// Pairs for which some difference method reproduces the printed comparison's CI and p jointly with both arms.
    public static func pairsReproducingComparison(_ a: PrintedArm, _ b: PrintedArm, pairs: [(Int, Int)],
                                                  comparison: PrintedComparison) -> [(pair: (Int, Int), methods: [DifferenceMethod])] {
        guard comparison.hasCI || comparison.p != nil else { return [] }
        return pairs.compactMap { p in
            let fp = MethodFingerprint.difference(a, b, n1: p.0, n2: p.1, comparison: comparison)
            let ms = fp.filter { $0.region.d != nil }.map(\.method)
            return ms.isEmpty ? nil : (p, ms)
        }
    }

    /// "28, 30–33, 35".
    public static func describe(_ ns: [Int]) -> String {
        let s = Array(Set(ns)).sorted()
        guard var start = s.first else { return "none" }
        var parts: [String] = []
        var prev = start
        for x in s.dropFirst() + [Int.max] {
            if x == prev + 1 { prev = x; continue }
            parts.append(start == prev ? "\(start)" : "\(start)–\(prev)")
            start = x; prev = x
        }
        return parts.joined(separator: ", ")
    }

    /// "35+33, 34+34".
    public static func describePairs(_ ps: [(Int, Int)]) -> String {
        ps.isEmpty ? "none" : ps.map { "\($0.0)+\($0.1)" }.joined(separator: ", ")
    }
}
