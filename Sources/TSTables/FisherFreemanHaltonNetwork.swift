import RealModule

/// Stage model of the Fisher–Freeman–Halton network (Mehta & Patel 1983, JASA 78:427): columns are
/// stages, a node is the sorted vector of row totals still to fill (Mehta & Patel 1986, ACM TOMS 12:154:
/// completions depend only on its multiset). A column allocation x contributes
/// δ_s(x) = Σ_i log obs_is! − Σ_i log x_i!, taken relative to the observed table through double-double
/// log-factorial differences (`LogFactorials.diff`), so sums of δ keep ~1e-13 absolute accuracy.
///
/// Max completion: `gmax(s, u)` is the exact largest Σ_{j≥s} δ_j over completions of node u. The function
/// −Σ log n! restricted to a transportation polytope is M-concave (Murota, Discrete Convex Analysis, 2003;
/// separable concave over a base polyhedron of a flow), so exchange hill-climbing (move one unit between two
/// rows of a column) from the proportional allocation stops only at the global maximum; memoized per
/// (stage, node): the most probable completion (the most probable table with given margins, Joe 1988), not
/// a relaxation, so no path is expanded that cannot still count. The smallest completion
/// keeps the greedy majorization bound (Marshall & Olkin 1979).
final class FFHNetwork {
    let r: Int, c: Int
    let colTot: [Int]
    let rowTot: [Int]
    let lf: LogFactorials
    let base: Int
    let logPObs: CompensatedSum
    private let center: [Int]
    private let kc: [Double]
    private let remObs: [CompensatedSum]
    private let obsHi: [[Double]]   // log obs_ij! (hi) for the min bound
    /// Hill-climb evaluations so far, and the count past which `gmax` returns +∞ (a valid, useless bound)
    /// instead of climbing: the work limit then stops the enumeration that asked.
    var gmaxEvaluations = 0
    var gmaxBudget = Int.max
    private var memo: [FFHIndexTable]
    private var memoVal: [[Double]]
    private var minMemo: [FFHIndexTable]
    private var minMemoVal: [[Double]]

    /// `obs`: rows = the shorter side, columns already in stage order.
    init(obs: [[Int]]) {
        r = obs.count; c = obs[0].count
        let rowTot = obs.map { $0.reduce(0, +) }
        let colTot = (0..<obs[0].count).map { j in obs.reduce(0) { $0 + $1[j] } }
        self.rowTot = rowTot; self.colTot = colTot
        let n = rowTot.reduce(0, +)
        base = (rowTot.max() ?? 0) + 1
        let lf = LogFactorials(upTo: n)
        self.lf = lf
        var lp = CompensatedSum()
        for t in rowTot { lp.add(lf.hi[t]); lp.add(lf.lo[t]) }
        for t in colTot { lp.add(lf.hi[t]); lp.add(lf.lo[t]) }
        lp.add(-lf.hi[n]); lp.add(-lf.lo[n])
        for row in obs { for v in row { lp.add(-lf.hi[v]); lp.add(-lf.lo[v]) } }
        logPObs = lp
        let r = obs.count
        center = colTot.map { $0 / r }
        kc = (0..<obs[0].count).map { j in
            var a = CompensatedSum()
            for i in 0..<r { a.add(lf.hi[obs[i][j]]); a.add(lf.lo[obs[i][j]]) }
            for _ in 0..<r { a.add(-lf.hi[colTot[j] / r]); a.add(-lf.lo[colTot[j] / r]) }
            return a.value
        }
        var rem: [CompensatedSum] = []
        for s in 0...obs[0].count {
            var acc = CompensatedSum()
            for i in 0..<r { for j in s..<obs[0].count { acc.add(lf.hi[obs[i][j]]); acc.add(lf.lo[obs[i][j]]) } }
            rem.append(acc)
        }
        remObs = rem
        obsHi = obs.map { row in row.map { lf.hi[$0] } }
        memo = (0...obs[0].count).map { _ in FFHIndexTable() }
        memoVal = [[Double]](repeating: [], count: obs[0].count + 1)
        minMemo = memo; minMemoVal = memoVal
    }

    @inline(__always) func key(_ v: [Int]) -> Int { var k = 0; for x in v { k = k * base + x }; return k }
    func decode(_ key: Int) -> [Int] {
        var v = [Int](repeating: 0, count: r), k = key
        for i in stride(from: r - 1, through: 0, by: -1) { v[i] = k % base; k /= base }
        return v
    }

    /// δ_s(x) relative to the observed column.
    @inline(__always) func colValue(_ s: Int, _ x: [Int]) -> Double {
        var v = kc[s]
        for k in x { v += lf.diff(center[s], k) }
        return v
    }

    /// log(P(obs) · Σ over completions of exp(Σ δ)) for node u at stage s: the closed form
    /// Σ Π 1/n_ij! = M!/(Π u_i! Π C_j!) over the remaining columns, in one double-double sum.
    func logMass(_ u: [Int], _ s: Int) -> CompensatedSum {
        var acc = logPObs
        acc.add(remObs[s].hi); acc.add(remObs[s].lo)
        let m = u.reduce(0, +)
        acc.add(lf.hi[m]); acc.add(lf.lo[m])
        for v in u { acc.add(-lf.hi[v]); acc.add(-lf.lo[v]) }
        for j in s..<c { acc.add(-lf.hi[colTot[j]]); acc.add(-lf.lo[colTot[j]]) }
        return acc
    }

    /// Child node of u after allocating x (sorted), into w.
    @inline(__always) func child(_ u: [Int], _ x: [Int], _ w: inout [Int]) {
        for k in 0..<r { w[k] = u[k] - x[k] }
        for a in 1..<r {
            let v = w[a]; var b = a - 1
            while b >= 0 && w[b] > v { w[b + 1] = w[b]; b -= 1 }
            w[b + 1] = v
        }
    }

    /// Exact max of Σ_{j≥s} δ_j over completions of sorted node u (exchange hill-climbing; M-concavity).
    func gmax(_ s: Int, _ u: [Int]) -> Double {
        if s == c { return 0 }
        if s == c - 1 { return colValue(s, u) }
        let k = key(u)
        if let i = memo[s].find(k, 0) { return memoVal[s][i] }
        if gmaxEvaluations > gmaxBudget { return .infinity }
        let cs = colTot[s], m = u.reduce(0, +)
        var x = [Int](repeating: 0, count: r), w = x
        var frac = [Double](repeating: 0, count: r)
        var left = cs
        for i in 0..<r {
            let e = Double(u[i]) * Double(cs) / Double(m)
            x[i] = min(Int(e), u[i]); frac[i] = e - Double(x[i]); left -= x[i]
        }
        while left > 0 {
            var bi = -1, bf = -Double.infinity
            for i in 0..<r where x[i] < u[i] && frac[i] > bf { bf = frac[i]; bi = i }
            x[bi] += 1; frac[bi] = -1; left -= 1
        }
        func value() -> Double { gmaxEvaluations += 1; child(u, x, &w); return colValue(s, x) + gmax(s + 1, w) }
        var best = value()
        while true {
            var bi = -1, bj = -1, bv = best
            for i in 0..<r where x[i] < u[i] {
                for j in 0..<r where j != i && x[j] > 0 {
                    x[i] += 1; x[j] -= 1
                    let v = value()
                    x[i] -= 1; x[j] += 1
                    if v > bv + 1e-13 { bv = v; bi = i; bj = j }
                }
            }
            if bi < 0 { break }
            x[bi] += 1; x[bj] -= 1; best = bv
        }
        if best == .infinity { return best }   // over budget below: not memoized
        _ = memo[s].insert(k, 0)
        memoVal[s].append(best)
        return best
    }

    /// `minFutureBound` memoized per (stage, node); exact for the last column.
    func gmin(_ s: Int, _ u: [Int]) -> Double {
        if s == c { return 0 }
        if s == c - 1 { return colValue(s, u) }
        let k = key(u)
        if let i = minMemo[s].find(k, 0) { return minMemoVal[s][i] }
        let v = minFutureBound(u, s)
        _ = minMemo[s].insert(k, 0)
        minMemoVal[s].append(v)
        return v
    }

    /// Lower bound on min Σ_{j≥s} δ_j over completions (greedy fill, the smaller of row-wise and
    /// column-wise; log n! is convex, so a greedy fill majorizes every feasible row or column).
    func minFutureBound(_ u: [Int], _ s: Int) -> Double {
        var obsSum = 0.0
        for i in 0..<r { for j in s..<c { obsSum += obsHi[i][j] } }
        func greedy(_ total: Int, _ caps: [Int]) -> Double {
            var left = total, v = 0.0
            for cap in caps.sorted(by: >) where left > 0 { let k = min(cap, left); v += lf.hi[k]; left -= k }
            return v
        }
        let cols = Array(colTot[s...])
        var byRow = 0.0, byCol = 0.0
        for i in 0..<r { byRow += greedy(u[i], cols) }
        for j in s..<c { byCol += greedy(colTot[j], u) }
        let maxSum = min(byRow, byCol)
        return obsSum - maxSum - 1e-9 * (1 + maxSum)
    }
}
