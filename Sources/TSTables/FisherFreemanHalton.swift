import RealModule
import TSCore

/// Fisher–Freeman–Halton exact test of independence for an r×c table (Freeman & Halton 1951):
/// p = Σ P(T) over tables T with the observed margins and P(T) ≤ P(observed)·(1 + 1e-7)
/// (R fisher.test's tolerance), with P(T) = Π r_i! Π c_j! / (N! Π n_ij!).
///
/// Algorithm: the network algorithm of Mehta & Patel (1983) JASA 78:427. Columns are stages (smallest
/// column first); a node is the multiset of row totals still to fill, kept sorted (the completions depend
/// only on it, because a column's log-probability Σ_i log obs_ij! − Σ_i log x_i! is symmetric in the rows,
/// Mehta & Patel 1986 ACM TOMS 12:154); each node keeps the distinct "past" log-probabilities
/// of the paths reaching it (merged when equal to 1e-9) with their summed mass. At a node, a bound on
/// the largest and smallest completion decides whether every completion counts (then the completions
/// are summed in closed form, Σ Π 1/n_ij! = M!/(Π R'_i! Π C'_j!)), none does, or the node must be
/// expanded. Bounds: the largest completion probability is bounded by a Lagrangian relaxation of the
/// margin constraints with multipliers log(R'_i C'_j / M) (the independence table), solved cell by cell
/// in integers; the smallest by filling each row (or column) greedily into its largest caps (log n! is
/// convex, so a greedy fill majorizes every feasible row: Marshall & Olkin 1979 majorization).
/// All log-probabilities are taken relative to the observed table through double-double log-factorial
/// differences, so p-values keep ~1e-13 relative accuracy even at N ≈ 3,000.
/// Deterministic; Monte Carlo only through `monteCarloPValue` with an explicit seed.
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

    /// Default work limit (path extensions): about 10 s in a debug build, ~1 s optimised.
    public static let defaultWorkLimit = 5_000_000

    static let tolerance = Double.log(onePlus: 1e-7)

    public static func exactPValue(_ table: ContingencyTable, workLimit: Int = defaultWorkLimit) throws(InputError) -> Result {
        // Rows = the shorter dimension, so a node is a short vector.
        var obs = table.rowCount <= table.columnCount ? table.counts : table.transposed.counts
        let r = obs.count
        var colOrder = Array(0..<obs[0].count)
        let colSum = { (j: Int) in obs.reduce(0) { $0 + $1[j] } }
        colOrder.sort { a, b in (colSum(a), a) < (colSum(b), b) }
        obs = obs.map { row in colOrder.map { row[$0] } }
        let c = obs[0].count
        let rowTot = obs.map { $0.reduce(0, +) }
        let colTot = (0..<c).map { j in obs.reduce(0) { $0 + $1[j] } }
        let n = rowTot.reduce(0, +)
        // Node keys are the remaining row totals sorted (completions depend only on their multiset).
        let base = (rowTot.max() ?? 0) + 1
        guard Double.pow(Double(base), Double(r)) < 4e18 else {
            throw InputError("--table", "table too large for the exact network algorithm; use the Monte Carlo option")
        }
        let lf = LogFactorials(upTo: n)

        // log P(observed) in double-double.
        var lp = CompensatedSum()
        for t in rowTot { lp.add(lf.hi[t]); lp.add(lf.lo[t]) }
        for t in colTot { lp.add(lf.hi[t]); lp.add(lf.lo[t]) }
        lp.add(-lf.hi[n]); lp.add(-lf.lo[n])
        for row in obs { for v in row { lp.add(-lf.hi[v]); lp.add(-lf.lo[v]) } }
        let logPObs = lp.value

        // Column j contributes δ_j(x) = Σ_i log obs_ij! − Σ_i log x_i! (relative to observed, symmetric in
        // the rows) = kc[j] + Σ_i (log m_j! − log x_i!) with m_j ≈ c_j / r, so each term is a short difference.
        let center = colTot.map { $0 / r }
        let kc: [Double] = (0..<c).map { j in
            var a = CompensatedSum()
            for i in 0..<r { a.add(lf.hi[obs[i][j]]); a.add(lf.lo[obs[i][j]]) }
            for _ in 0..<r { a.add(-lf.hi[center[j]]); a.add(-lf.lo[center[j]]) }
            return a.value
        }
        @inline(__always) func cell(_ j: Int, _ k: Int) -> Double { lf.diff(center[j], k) }

        var remObsLF: [CompensatedSum] = []
        for s in 0..<c {
            var acc = CompensatedSum()
            for i in 0..<r { for j in s..<c { acc.add(lf.hi[obs[i][j]]); acc.add(lf.lo[obs[i][j]]) } }
            remObsLF.append(acc)
        }
        func key(_ v: [Int]) -> Int { var k = 0; for x in v { k = k * base + x }; return k }

        /// log Σ over completions of exp(Σ δ) for remaining rows `rem` at stage s.
        func logCompletionSum(_ rem: [Int], _ s: Int) -> Double {
            var acc = remObsLF[s]
            let m = rem.reduce(0, +)
            acc.add(lf.hi[m]); acc.add(lf.lo[m])
            for v in rem { acc.add(-lf.hi[v]); acc.add(-lf.lo[v]) }
            for j in s..<c { acc.add(-lf.hi[colTot[j]]); acc.add(-lf.lo[colTot[j]]) }
            return acc.value
        }

        /// Upper bound on max Σδ over completions (Lagrangian relaxation of the margins).
        func maxFutureBound(_ rem: [Int], _ s: Int) -> Double {
            let m = Double(rem.reduce(0, +))
            var lower = 0.0   // lower bound on min Σ (log n! − log obs!)
            for j in s..<c {
                let cj = Double(colTot[j])
                lower -= kc[j]
                for i in 0..<r {
                    if rem[i] == 0 { lower -= cell(j, 0); continue }
                    let lam = Double.log(Double(rem[i]) * cj / m)
                    let cap = min(rem[i], colTot[j])
                    var k = Int(max(0, (Double.exp(lam) - 1).rounded(.up)))
                    k = min(k, cap)
                    var best = Double.infinity
                    for kk in max(0, k - 1)...min(cap, k + 1) {
                        best = min(best, -cell(j, kk) - lam * Double(kk))
                    }
                    lower += best
                }
            }
            for i in 0..<r where rem[i] > 0 { lower += Double.log(Double(rem[i]) / m.squareRoot()) * Double(rem[i]) }
            for j in s..<c { lower += Double.log(Double(colTot[j]) / m.squareRoot()) * Double(colTot[j]) }
            return -lower + 1e-9 * (1 + abs(lower))
        }

        /// Lower bound on min Σδ over completions (greedy fill, the smaller of row-wise and column-wise).
        func minFutureBound(_ rem: [Int], _ s: Int) -> Double {
            var obsSum = 0.0
            for i in 0..<r { for j in s..<c { obsSum += lf.hi[obs[i][j]] } }
            func greedy(_ total: Int, _ caps: [Int]) -> Double {
                var left = total, v = 0.0
                for cap in caps.sorted(by: >) where left > 0 { let k = min(cap, left); v += lf.hi[k]; left -= k }
                return v
            }
            let cols = Array(colTot[s...])
            var byRow = 0.0, byCol = 0.0
            for i in 0..<r { byRow += greedy(rem[i], cols) }
            for j in s..<c { byCol += greedy(colTot[j], rem) }
            let maxSum = min(byRow, byCol)
            return obsSum - maxSum - 1e-9 * (1 + maxSum)
        }

        var pRel = 0.0   // p-value / P(observed)
        var unresolved = 0.0   // mass of paths abandoned at the work limit (relative to P(observed))
        var work = 0
        var visited = 0
        // Stage dictionaries: node key → (rem, [bin: (rep, mass)])
        struct Node { var rem: [Int]; var past: [Int64: (Double, Double)] }
        let root = rowTot.sorted()
        var stage: [Int: Node] = [key(root): Node(rem: root, past: [0: (0, 1)])]
        for s in 0..<(c - 1) {
            var next: [Int: Node] = [:]
            let lastStep = s == c - 2
            // Sorted iteration: Swift dictionaries iterate in a per-process random order, and the
            // summation order must not change the last digit between runs.
            for nodeKey in stage.keys.sorted() {
                let node = stage[nodeKey]!
                visited += 1
                let rem = node.rem
                let hiB = maxFutureBound(rem, s)
                let loB = minFutureBound(rem, s)
                var open: [(Double, Double)] = []
                var logComp: Double? = nil
                for bin in node.past.keys.sorted() {
                    let e = node.past[bin]!
                    if e.0 + hiB <= tolerance {
                        if logComp == nil { logComp = logCompletionSum(rem, s) }
                        pRel += e.1 * Double.exp(e.0 + logComp!)
                    } else if e.0 + loB > tolerance {
                        continue
                    } else {
                        open.append(e)
                    }
                }
                if open.isEmpty { continue }
                if work > workLimit {
                    if logComp == nil { logComp = logCompletionSum(rem, s) }
                    for (rep, mass) in open { unresolved += mass * Double.exp(rep + logComp!) }
                    continue
                }
                // Enumerate allocations of column s among rows.
                let cs = colTot[s]
                var alloc = [Int](repeating: 0, count: r)
                var suffixCap = [Int](repeating: 0, count: r + 1)
                for i in stride(from: r - 1, through: 0, by: -1) { suffixCap[i] = suffixCap[i + 1] + min(rem[i], cs) }
                // Last branching column: the completion of this node is an r×2 table fixed by the
                // allocation, so list every completion value f once, sort, keep running sums of e^f
                // (rescaled), and answer each past entry by binary search: Σ_{f ≤ tol − rep} e^{rep+f}.
                var finals: [Double] = []
                let k0 = kc[s], kLast = kc[c - 1]
                var child = rem
                func visit(_ i: Int, _ left: Int, _ edge: Double) {
                    if i == r - 1 {
                        guard left <= rem[i] else { return }
                        alloc[i] = left
                        let e = (edge + cell(s, left)) + k0
                        if lastStep {
                            var fin = kLast
                            for k in 0..<r { fin += cell(c - 1, rem[k] - alloc[k]) }
                            finals.append(e + fin)
                            work += 1
                        } else {
                            work += open.count
                            for k in 0..<r { child[k] = rem[k] - alloc[k] }
                            // insertion sort (r is small)
                            for a in 1..<r {
                                let x = child[a]; var b = a - 1
                                while b >= 0 && child[b] > x { child[b + 1] = child[b]; b -= 1 }
                                child[b + 1] = x
                            }
                            let ck = key(child)
                            // Mutate in place (a local copy of the node would copy its dictionary).
                            if next[ck] == nil { next[ck] = Node(rem: child, past: [:]) }
                            for (rep, mass) in open {
                                let v = rep + e
                                let bin = Int64((v * 1e9).rounded())
                                if let old = next[ck]!.past[bin] {
                                    next[ck]!.past[bin] = (old.0, old.1 + mass * Double.exp(v - old.0))
                                } else {
                                    next[ck]!.past[bin] = (v, mass)
                                }
                            }
                        }
                        return
                    }
                    let lowK = max(0, left - suffixCap[i + 1])
                    let highK = min(rem[i], left)
                    if lowK > highK { return }
                    for k in lowK...highK {
                        alloc[i] = k
                        visit(i + 1, left - k, edge + cell(s, k))
                    }
                }
                visit(0, cs, 0)
                if lastStep && !finals.isEmpty {
                    finals.sort()
                    // cumulative Σ_{i≤k} e^{f_i} = e^{scale_k} · sum_k
                    var scales = [Double](repeating: 0, count: finals.count), sums = scales
                    var sc = finals[0], sm = 0.0
                    for (k, f) in finals.enumerated() {
                        if f - sc > 300 { sm *= Double.exp(sc - f); sc = f }
                        sm += Double.exp(f - sc)
                        scales[k] = sc; sums[k] = sm
                    }
                    for (rep, mass) in open {
                        let limit = tolerance - rep
                        // number of finals ≤ limit
                        var lo = 0, hi = finals.count
                        while lo < hi { let mid = (lo + hi) / 2; if finals[mid] <= limit { lo = mid + 1 } else { hi = mid } }
                        if lo > 0 { pRel += mass * sums[lo - 1] * Double.exp(rep + scales[lo - 1]) }
                    }
                }
            }
            stage = next
        }
        let pObs = Double.exp(logPObs)
        let lower = min(1, pRel * pObs)
        return Result(pValue: lower, observedProbability: pObs, nodesVisited: visited,
                      isComplete: unresolved == 0, pValueUpperBound: min(1, (pRel + unresolved) * pObs))
    }
}
