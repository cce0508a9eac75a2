import RealModule
import TSCore

/// Fisher–Freeman–Halton exact test of independence for an r×c table (Freeman & Halton 1951):
/// p = Σ P(T) over tables T with the observed margins and P(T) ≤ P(observed)·(1 + 1e-7)
/// (R fisher.test's tolerance), with P(T) = Π r_i! Π c_j! / (N! Π n_ij!).
///
/// Algorithm: the network algorithm of Mehta & Patel (1983) JASA 78:427 (`FFHNetwork`), with
/// - exact largest-completion bounds by exchange hill-climbing (M-concavity; `FFHNetwork.gmax`),
/// - child-level pruning: at a node only the children whose best completion can still exceed the
///   threshold are enumerated (`enumerateOpen`); a past entry with value a expands only the prefix of
///   children (sorted by best completion h) with a + h > t, and the rest of its mass counts in closed form
///   (Σ Π 1/n_ij! = M!/(Π R'_i! Π C'_j!)), summed directly from the closed children's shares,
/// - past values merged per (node, 1e-9 bin) in a flat hash (`FFHIndexTable`), nodes processed in sorted
///   key order (deterministic to the last bit),
/// - meet in the middle at stage H = c/2 (`FFHMiddleJoin`; Staples 1999),
/// - at the last branching column (h exact) a node with few past entries counts its closed share directly,
///   the open interval's ends found by bisection (`closedShare`).
/// Log-probabilities are relative to the observed table through double-double log-factorial
/// differences, so p keeps ~1e-12 relative accuracy even at N ≈ 3,000 and for small p-values.
/// Monte Carlo only through `monteCarloPValue` with an explicit seed.
public enum FisherFreemanHalton {
    public struct Result: Sendable, Equatable {
        public let pValue: Double
        /// Probability of the observed table under independence given the margins.
        public let observedProbability: Double
        /// Network nodes visited (a work measure).
        public let nodesVisited: Int
        /// False when the work limit stopped the network early; the p-value then lies in
        /// [pValue, pValueUpperBound] (both rigorous: the mass of unresolved paths is summed in closed form).
        public let isComplete: Bool
        public let pValueUpperBound: Double
    }

    /// Default work limit (bound evaluations, path extensions and completion values): the 4×6 N = 258
    /// table needs about 3.2e7 (≈0.4 s optimised); tables that exhaust 5e7 stop after ~1–2.5 s optimised.
    public static let defaultWorkLimit = 50_000_000

    static let tolerance = Double.log(onePlus: 1e-7)
    /// Safety margin on pruning comparisons: a child is treated as open when its best completion is within
    /// 1e-9 of the threshold (the bounds carry ~1e-12 rounding); opening more is always exact.
    static let pruneMargin = 1e-9

    /// Merge class of a log-value: 1e-9 wide bins (truncation; any fixed partition works).
    @inline(__always) static func pastBin(_ v: Double) -> Int { Int(v * 1e9) }
    /// e^d for |d| ≤ ~2e-9 (merged values in one bin): 1 + d + d²/2, exact to ~1e-27.
    @inline(__always) static func expSmall(_ d: Double) -> Double { abs(d) < 1e-8 ? 1 + d * (1 + 0.5 * d) : Double.exp(d) }

    public static func exactPValue(_ table: ContingencyTable, workLimit: Int = defaultWorkLimit) throws(InputError) -> Result {
        try exactPValue(table, workLimit: workLimit, columnOrder: nil, split: nil)
    }

    /// `columnOrder`: stage order of the columns of the oriented table (rows = shorter side); default
    /// ascending column totals. `split`: the meet-in-the-middle stage H (1…c−1); default c/2, or c − 1 for
    /// c ≤ 3 (then the last branching column is counted directly by bisection, the fastest route for 2×3).
    static func exactPValue(_ table: ContingencyTable, workLimit: Int, columnOrder: [Int]?,
                            split: Int?) throws(InputError) -> Result {
        var obs = table.rowCount <= table.columnCount ? table.counts : table.transposed.counts
        let r = obs.count
        var colOrder = Array(0..<obs[0].count)
        let colSum = { (j: Int) in obs.reduce(0) { $0 + $1[j] } }
        colOrder.sort { a, b in (colSum(a), a) < (colSum(b), b) }
        if let given = columnOrder, given.sorted() == colOrder.sorted() { colOrder = given }
        obs = obs.map { row in colOrder.map { row[$0] } }
        let c = obs[0].count
        let base = (obs.map { $0.reduce(0, +) }.max() ?? 0) + 1
        guard Double.pow(Double(base), Double(r)) < 4e18 else {
            throw InputError(.parameter("table"), "table too large for the exact network algorithm; use the Monte Carlo option")
        }
        let net = FFHNetwork(obs: obs)
        net.gmaxBudget = workLimit
        let H = min(max(split ?? (c <= 3 ? c - 1 : c / 2), 1), c - 1)
        let tol = tolerance, eps = pruneMargin

        var p = CompensatedSum()        // p-value (probability units)
        var unresolved = 0.0            // mass abandoned at the work limit
        var stopped = false             // (even if that mass underflows)
        var work = 0, visited = 0
        var curKeys = [net.key(net.rowTot.sorted())], cur = [FFHNodePast()]
        cur[0].add(0, 1)
        var ch = FFHChildren()
        var suf: [Double] = [], kArr: [Int] = []
        for s in 0..<H {
            var nextIndex = FFHIndexTable(expected: 64)
            var nextKeys: [Int] = [], next: [FFHNodePast] = []
            for ni in (0..<curKeys.count).sorted(by: { curKeys[$0] < curKeys[$1] }) {
                let u = net.decode(curKeys[ni])
                let pa = cur[ni].a, pm = cur[ni].m
                let order = (0..<pa.count).sorted { pa[$0] > pa[$1] }   // distinct values
                // Entries whose every completion is more probable than the observed table: none counts.
                let lb = net.minFutureBound(u, s)
                var first = 0
                while first < order.count && pa[order[first]] + lb > tol { first += 1 }
                if first == order.count { continue }
                visited += 1
                let lm = net.logMass(u, s).value
                if work > workLimit {
                    for q in first..<order.count { unresolved += pm[order[q]] * Double.exp(pa[order[q]] + lm) }
                    stopped = true
                    continue
                }
                if s == c - 2 && order.count - first <= 4 {
                    // Last branching column, few entries: h is exact, count each entry's closed share directly.
                    for q in first..<order.count {
                        let share = net.closedShare(s, u, theta: tol - pa[order[q]], budget: workLimit - work, into: &ch)
                        work += ch.evaluations
                        let mass = pm[order[q]] * Double.exp(pa[order[q]] + lm)
                        if ch.aborted { unresolved += mass; stopped = true } else { p.add(mass * share) }
                    }
                    continue
                }
                net.enumerateOpen(s, u, theta: tol - pa[order[first]] - eps, budget: workLimit - work, into: &ch)
                work += ch.evaluations
                if ch.aborted {
                    for q in first..<order.count { unresolved += pm[order[q]] * Double.exp(pa[order[q]] + lm) }
                    stopped = true
                    continue
                }
                let co = (0..<ch.keys.count).sorted { (ch.h[$1], ch.keys[$0]) < (ch.h[$0], ch.keys[$1]) }
                // Closed-form shares of the children after position q (summed from the smallest h).
                suf = [Double](repeating: 0, count: co.count + 1)
                for q in stride(from: co.count - 1, through: 0, by: -1) { suf[q] = suf[q + 1] + ch.frac[co[q]] }
                // Entry q expands the children before kArr[q] and counts the rest (non-increasing in q).
                kArr.removeAll(keepingCapacity: true)
                var k = co.count
                for q in first..<order.count {
                    let a = pa[order[q]], m = pm[order[q]]
                    // (At the last branching column h is exact: no margin.)
                    while k > 0 && !(ch.h[co[k - 1]] > tol - a - (s == c - 2 ? 0 : eps)) { k -= 1 }
                    p.add(m * Double.exp(a + lm) * (ch.closedShare + suf[k]))
                    kArr.append(k)
                }
                // At the last branching column an open child's only completion is its exact h > t − a: none
                // counts, nothing to push.
                if s == c - 2 { continue }
                let pushes = kArr.reduce(0, +)
                if work + pushes > workLimit {
                    // Over the limit: the expanded part of each entry stays unresolved (its share summed directly).
                    var pre = [Double](repeating: 0, count: co.count + 1)
                    for q in 0..<co.count { pre[q + 1] = pre[q] + ch.frac[co[q]] }
                    for (q, k) in kArr.enumerated() { unresolved += pm[order[first + q]] * Double.exp(pa[order[first + q]] + lm) * pre[k] }
                    work += pushes
                    stopped = true
                    continue
                }
                work += pushes
                // Child-major pushes: one child's merge table stays in cache across the entries.
                // Entries with a + δ + (min completion of the child) > t never count through it: skipped.
                for j in 0..<kArr[0] {
                    let ci = co[j], f = ch.f[ci]
                    let lowest = f + net.gmin(s + 1, net.decode(ch.keys[ci]))
                    var q = 0
                    while q < kArr.count && kArr[q] > j && pa[order[first + q]] + lowest > tol { q += 1 }
                    if !(q < kArr.count && kArr[q] > j) { continue }
                    let (idx, ins) = nextIndex.insert(ch.keys[ci], 0)
                    if ins { nextKeys.append(ch.keys[ci]); next.append(FFHNodePast()) }
                    while q < kArr.count && kArr[q] > j {
                        next[idx].add(pa[order[first + q]] + f, pm[order[first + q]])
                        q += 1
                    }
                }
            }
            curKeys = nextKeys; cur = next
        }
        var join = FFHMiddleJoin()
        join.run(net, H: H, nodeKeys: curKeys, nodes: cur, tol: tol, eps: eps, workLimit: workLimit, workSoFar: work)
        p.add(join.p.hi); p.add(join.p.lo)
        unresolved += join.unresolved
        visited += join.visited
        let pObs = Double.exp(net.logPObs.value)
        let lower = min(1, p.value)
        return Result(pValue: lower, observedProbability: pObs, nodesVisited: visited,
                      isComplete: !stopped && !join.stopped, pValueUpperBound: min(1, p.value + unresolved * (1 + 1e-12)))
    }
}
