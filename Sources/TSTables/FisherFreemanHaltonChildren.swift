import RealModule

/// The open children of one network node: allocations x of the current column whose best completion
/// h(x) = δ_s(x) + gmax(s+1, u − x) exceeds a threshold θ, found by nested concave scans (for fixed
/// x_0…x_{i−1}, the best value over x_{i+1}… is concave in x_i by M-concavity, so the x_i with value
/// above θ form an interval around the maximiser; Murota 2003). Every other child is closed, and its
/// share of the node's closed-form completion mass is summed directly (not as 1 − open share), as
/// multivariate-hypergeometric tail sums Σ Π_i C(u_i, x_i) / C(M, c_s) with the rows beyond level i
/// collapsed by Vandermonde's identity: this keeps small p-values accurate (no cancellation).
struct FFHChildren {
    var keys: [Int] = []
    var f: [Double] = []      // δ_s(x)
    var h: [Double] = []      // δ_s(x) + gmax(s+1, child)
    var frac: [Double] = []   // child's share of the node's completion mass
    var closedShare = 0.0     // share of the node's completion mass in closed children
    var evaluations = 0       // h evaluations, including the hill-climb steps they triggered
    var budget = Int.max      // evaluations allowed; past it the scan stops and sets `aborted`
    var aborted = false       // then nothing in here is valid

    mutating func reset() {
        keys.removeAll(keepingCapacity: true); f.removeAll(keepingCapacity: true)
        h.removeAll(keepingCapacity: true); frac.removeAll(keepingCapacity: true)
        closedShare = 0; evaluations = 0; aborted = false
    }
}

extension FFHNetwork {
    /// Fills `out` with the children of sorted node u at stage s (s < c − 1) whose h exceeds θ, unless more
    /// than `budget` evaluations are needed (then `out.aborted`).
    func enumerateOpen(_ s: Int, _ u: [Int], theta: Double, budget: Int, into out: inout FFHChildren) {
        out.reset()
        out.budget = budget
        var scan = FFHScan(net: self, s: s, u: u, theta: theta)
        scan.level(0, colTot[s], columnSplitPrefix(s, u), &out)
    }

    /// log( c_s! (m − c_s)! / m! ), m = Σ u: the first factor of a column's hypergeometric split.
    private func columnSplitPrefix(_ s: Int, _ u: [Int]) -> CompensatedSum {
        let m = u.reduce(0, +), cs = colTot[s]
        var lpre = CompensatedSum()
        lpre.add(lf.hi[cs]); lpre.add(lf.lo[cs])
        lpre.add(lf.hi[m - cs]); lpre.add(lf.lo[m - cs])
        lpre.add(-lf.hi[m]); lpre.add(-lf.lo[m])
        return lpre
    }

    /// Only the closed share for threshold θ (no children listed): at the innermost row the open interval's
    /// ends are found by bisection (h is concave there), so the cost is logarithmic in the column total.
    /// Used at the last branching column, where h is the exact completion value.
    func closedShare(_ s: Int, _ u: [Int], theta: Double, budget: Int, into out: inout FFHChildren) -> Double {
        out.reset()
        out.budget = budget
        var scan = FFHScan(net: self, s: s, u: u, theta: theta)
        scan.countOnly = true
        scan.level(0, colTot[s], columnSplitPrefix(s, u), &out)
        return out.closedShare
    }
}

private struct FFHScan {
    let net: FFHNetwork
    let lf: LogFactorials
    let s: Int, u: [Int], theta: Double, r: Int
    var x: [Int], w: [Int]
    let suffixU: [Int]     // Σ_{k≥i} u_k
    var countOnly = false
    var lastF = 0.0   // δ_s of the last evaluated allocation (its child is in w)

    init(net: FFHNetwork, s: Int, u: [Int], theta: Double) {
        self.net = net; lf = net.lf; self.s = s; self.u = u; self.theta = theta; r = u.count
        x = [Int](repeating: 0, count: u.count); w = x
        var suf = [Int](repeating: 0, count: u.count + 1)
        for i in stride(from: u.count - 1, through: 0, by: -1) { suf[i] = suf[i + 1] + u[i] }
        suffixU = suf
    }

    /// h at the current full allocation x.
    mutating func hAt(_ out: inout FFHChildren) -> Double {
        let g0 = net.gmaxEvaluations
        net.child(u, x, &w)
        lastF = net.colValue(s, x)
        let v = lastF + net.gmax(s + 1, w)
        out.evaluations += 1 + (net.gmaxEvaluations - g0)
        if out.evaluations > out.budget { out.aborted = true }
        return v
    }

    /// Max over x_i… of h given x_0…x_{i−1} (R units left), and its maximising x_i.
    mutating func maxFrom(_ i: Int, _ R: Int, _ out: inout FFHChildren) -> (Double, Int) {
        if i == r - 1 { x[i] = R; return (hAt(&out), R) }
        let lo = max(0, R - suffixU[i + 1]), hi = min(u[i], R)
        if lo > hi { return (-.infinity, lo) }
        let denom = u[i] + suffixU[i + 1]
        var p = denom > 0 ? Int(Double(R) * Double(u[i]) / Double(denom)) : lo
        p = min(max(p, lo), hi)
        func at(_ v: Int, _ me: inout FFHScan) -> Double { me.x[i] = v; return me.maxFrom(i + 1, R - v, &out).0 }
        var best = at(p, &self)
        while !out.aborted {
            if p < hi { let v = at(p + 1, &self); if v > best { best = v; p += 1; continue } }
            if p > lo { let v = at(p - 1, &self); if v > best { best = v; p -= 1; continue } }
            break
        }
        return (best, p)
    }

    /// Scans level i (x_i) outward from its maximiser while the best completion beats θ; recurses into
    /// open x_i, emits children at the innermost level, and adds the closed tails' mass share.
    mutating func level(_ i: Int, _ R: Int, _ lpre: CompensatedSum, _ out: inout FFHChildren) {
        let lo = max(0, R - suffixU[i + 1]), hi = min(u[i], R)
        let innermost = i == r - 2
        let (best, p) = maxFrom(i, R, &out)
        if out.aborted { return }
        if !(best > theta) {
            // No open child below this prefix: the whole level is closed (Vandermonde).
            var acc = lpre
            addLogBinom(&acc, suffixU[i], R)
            out.closedShare += Double.exp(acc.value)
            return
        }
        var openLo = p, openHi = p - 1
        if innermost && countOnly {
            func open(_ v: Int, _ me: inout FFHScan) -> Bool { me.x[i] = v; me.x[i + 1] = R - v; return me.hAt(&out) > me.theta }
            var l = lo, h = p
            while l < h && !out.aborted { let mid = (l + h) / 2; if open(mid, &self) { h = mid } else { l = mid + 1 } }
            openLo = l
            l = p; h = hi
            while l < h && !out.aborted { let mid = (l + h + 1) / 2; if open(mid, &self) { l = mid } else { h = mid - 1 } }
            openHi = l
            if openLo > lo { out.closedShare += tail(i, R, lpre, from: openLo - 1, to: lo) }
            if openHi < hi { out.closedShare += tail(i, R, lpre, from: openHi + 1, to: hi) }
            return
        }
        // Innermost shares C(u_i, v) C(u_{i+1}, R − v) e^{lpre}: exact at p, then by term ratios (~1e-16 each).
        var fracP = 0.0
        if innermost {
            var acc = lpre
            addLogBinom(&acc, u[i], p); addLogBinom(&acc, u[i + 1], R - p)
            fracP = Double.exp(acc.value)
        }
        let U = suffixU[i + 1], ui = u[i]
        for dir in stride(from: 1, through: -1, by: -2) {
            var v = dir == 1 ? p : p - 1
            var frac = fracP
            if dir == -1 && v >= lo { frac = fracP * (Double(p) / Double(ui - p + 1) * (Double(U - R + p) / Double(R - p + 1))) }
            while v >= lo && v <= hi && !out.aborted {
                x[i] = v
                let val: Double
                if innermost { x[i + 1] = R - v; val = hAt(&out) } else { val = maxFrom(i + 1, R - v, &out).0 }
                if !(val > theta) { break }
                if innermost {
                    out.keys.append(net.key(w)); out.f.append(lastF); out.h.append(val)
                    out.frac.append(frac)
                    if dir == 1 {
                        frac *= Double(ui - v) / Double(v + 1) * (Double(R - v) / Double(U - R + v + 1))
                    } else {
                        frac *= Double(v) / Double(ui - v + 1) * (Double(U - R + v) / Double(R - v + 1))
                    }
                } else {
                    var acc = lpre
                    addLogBinom(&acc, u[i], v)
                    x[i] = v
                    level(i + 1, R - v, acc, &out)
                }
                if dir == 1 { openHi = v } else { openLo = v }
                v += dir
            }
        }
        if openLo > lo { out.closedShare += tail(i, R, lpre, from: openLo - 1, to: lo) }
        if openHi < hi { out.closedShare += tail(i, R, lpre, from: openHi + 1, to: hi) }
    }

    @inline(__always) func addLogBinom(_ acc: inout CompensatedSum, _ n: Int, _ k: Int) {
        acc.add(lf.hi[n]); acc.add(lf.lo[n])
        acc.add(-lf.hi[k]); acc.add(-lf.lo[k])
        acc.add(-lf.hi[n - k]); acc.add(-lf.lo[n - k])
    }

    /// Σ_{x_i from…to} e^{lpre} C(u_i, x_i) C(U, R − x_i), U = Σ_{k>i} u_k: a log-concave sequence, summed
    /// by term ratios from the first term; stops once past the mode and the geometric remainder bound
    /// is below 1e-18 of the running sum.
    func tail(_ i: Int, _ R: Int, _ lpre: CompensatedSum, from: Int, to: Int) -> Double {
        let U = suffixU[i + 1], ui = u[i]
        var acc0 = lpre
        addLogBinom(&acc0, ui, from)
        addLogBinom(&acc0, U, R - from)
        var logScale = acc0.value
        var term = 1.0, sum = 0.0
        let dir = to >= from ? 1 : -1
        var v = from
        while true {
            sum += term
            if v == to { break }
            let ratio: Double
            if dir == 1 {
                ratio = Double(ui - v) / Double(v + 1) * (Double(R - v) / Double(U - R + v + 1))
            } else {
                ratio = Double(v) / Double(ui - v + 1) * (Double(U - R + v) / Double(R - v + 1))
            }
            term *= ratio
            v += dir
            if ratio < 1 && term * ratio / (1 - ratio) <= 1e-18 * sum {
                sum += term
                break
            }
            if sum > 1e250 { sum *= 1e-250; term *= 1e-250; logScale += 250 * Double.log(10) }
        }
        return sum * Double.exp(logScale)
    }
}
