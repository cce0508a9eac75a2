import RealModule

/// Meet in the middle for the Fisher–Freeman–Halton network (Staples 1999's bidirectional idea, as
/// prototyped in Tests/Reference/ffh_mitm_prototype.c): the forward network stops at stage H; for the middle
/// nodes the last c − H columns are explored backward. Thresholds propagate forward first
/// (θ_v = t − max past at v, Θ_v = t − min past at v; a child gets the smallest θ_v − δ and the largest
/// Θ_v − δ over its parents; a child whose min completion exceeds Θ_v − δ gets no edge), then each node's
/// completion list is built from its children's lists: values in (θ, Θ] are kept (equal values merged at
/// 1e-9, masses summed exactly), values above Θ are dropped (they count for no entry), the rest are folded
/// into a directly summed closed share. A middle node's
/// past list and completion list are joined by sorting: p += m·e^{a}·M_v·(closed_v + Σ_{b ≤ t−a} w_b),
/// all terms positive (the counted side is summed directly, so small p-values keep full accuracy).
struct FFHMiddleJoin {
    var p = CompensatedSum()
    var unresolved = 0.0
    var stopped = false   // the work limit stopped it (`unresolved` may still underflow to 0)
    var visited = 0
    var work = 0

    /// `nodeKeys`, `nodes`: the stage-H nodes and their merged past entries.
    mutating func run(_ net: FFHNetwork, H: Int, nodeKeys keysIn: [Int], nodes: [FFHNodePast],
                      tol: Double, eps: Double, workLimit: Int, workSoFar: Int) {
        work = workSoFar
        let c = net.c
        // Middle nodes in key order; keep entries that can still count (min completion bound).
        // θ: completions at or below it count for every entry; Θ = t − (smallest past): above it, for none.
        var nodeKeys: [Int] = [], nodeTheta: [Double] = [], nodeUpper: [Double] = [], nodeLM: [Double] = []
        var entA: [[Double]] = [], entM: [[Double]] = []
        for ni in (0..<keysIn.count).sorted(by: { keysIn[$0] < keysIn[$1] }) {
            let u = net.decode(keysIn[ni])
            let lb = net.minFutureBound(u, H)
            let pa = nodes[ni].a, pm = nodes[ni].m
            var ea: [Double] = [], em: [Double] = []
            for q in (0..<pa.count).sorted(by: { pa[$0] > pa[$1] }) where pa[q] + lb <= tol { ea.append(pa[q]); em.append(pm[q]) }
            if !ea.isEmpty {
                nodeKeys.append(keysIn[ni]); nodeTheta.append(tol - ea[0] - eps); nodeUpper.append(tol - ea[ea.count - 1])
                nodeLM.append(net.logMass(u, H).value); entA.append(ea); entM.append(em)
            }
        }
        func abandon() {
            stopped = true
            for v in 0..<nodeKeys.count { for q in 0..<entA[v].count { unresolved += entM[v][q] * Double.exp(entA[v][q] + nodeLM[v]) } }
        }
        if work > workLimit { abandon(); return }

        // Forward threshold propagation and edges, stages H..c−2.
        var stageKeys = [nodeKeys], stageTheta = [nodeTheta], stageUpper = [nodeUpper]
        var edgeStart: [[Int]] = [], edgeChild: [[Int]] = [], edgeF: [[Double]] = [], edgeFrac: [[Double]] = []
        var closed: [[Double]] = []
        var ch = FFHChildren()
        if H < c - 1 {
            for s in H..<(c - 1) {
                let keysS = stageKeys[s - H], thetaS = stageTheta[s - H], upperS = stageUpper[s - H]
                var table = FFHIndexTable(expected: keysS.count * 4)
                var nk: [Int] = [], nt: [Double] = [], nu: [Double] = []
                var es: [Int] = [0], ec: [Int] = [], ef: [Double] = [], efr: [Double] = [], cl: [Double] = []
                for v in 0..<keysS.count {
                    visited += 1
                    net.enumerateOpen(s, net.decode(keysS[v]), theta: thetaS[v], budget: workLimit - work, into: &ch)
                    work += ch.evaluations + ch.keys.count
                    if ch.aborted || work > workLimit { abandon(); return }
                    cl.append(ch.closedShare)
                    for q in 0..<ch.keys.count {
                        if s == c - 2 {
                            // The child's completion is the last column, fixed: keep its exact value h, no node.
                            if ch.h[q] <= upperS[v] { ec.append(-1); ef.append(ch.h[q]); efr.append(ch.frac[q]) }
                            continue
                        }
                        let wu = net.decode(ch.keys[q])
                        // No completion through this child can count for any entry of v: no edge.
                        if ch.f[q] + net.gmin(s + 1, wu) > upperS[v] { continue }
                        let (idx, ins) = table.insert(ch.keys[q], 0)
                        let th = thetaS[v] - ch.f[q], up = upperS[v] - ch.f[q]
                        if ins { nk.append(ch.keys[q]); nt.append(th); nu.append(up) } else {
                            nt[idx] = min(nt[idx], th); nu[idx] = max(nu[idx], up)
                        }
                        ec.append(idx); ef.append(ch.f[q]); efr.append(ch.frac[q])
                    }
                    es.append(ec.count)
                }
                if work > workLimit { abandon(); return }
                stageKeys.append(nk); stageTheta.append(nt); stageUpper.append(nu)
                edgeStart.append(es); edgeChild.append(ec); edgeF.append(ef); edgeFrac.append(efr); closed.append(cl)
            }
        }
        // Completion lists, backward: the last column's single completion, then parents from children.
        let lastKeys = H == c - 1 ? nodeKeys : []
        var lStart = Array(0...lastKeys.count)
        var lVal = lastKeys.map { net.colValue(c - 1, net.decode($0)) }
        var lWt = [Double](repeating: 1, count: lastKeys.count)
        var lClosed = [Double](repeating: 0, count: lastKeys.count)
        visited += lastKeys.count
        var direct = [Bool](repeating: false, count: nodeKeys.count)
        if H < c - 1 {
            for s in stride(from: c - 2, through: H, by: -1) {
                let S = s - H
                var ns: [Int] = [0], nv: [Double] = [], nw: [Double] = [], nc: [Double] = []
                var tv: [Double] = [], tw: [Double] = [], dv: [Double] = [], dw: [Double] = []
                var binTable = FFHIndexTable()
                // Inclusive running sums of the child lists' masses, for direct queries at the middle.
                var lPre = lWt
                if s == H {
                    for w in 0..<(lStart.count - 1) where lStart[w + 1] - lStart[w] > 1 {
                        for q in (lStart[w] + 1)..<lStart[w + 1] { lPre[q] += lPre[q - 1] }
                    }
                }
                for v in 0..<stageKeys[S].count {
                    // Candidate completion values of this node, before materialising them.
                    var candidates = 0
                    for e in edgeStart[S][v]..<edgeStart[S][v + 1] {
                        let w = edgeChild[S][e]
                        candidates += w < 0 ? 1 : lStart[w + 1] - lStart[w]
                    }
                    let queries = s == H ? entA[v].count * (edgeStart[S][v + 1] - edgeStart[S][v]) : Int.max
                    if queries / 4 < candidates {
                        // A middle node with few past entries: answer each entry from the children's lists by
                        // binary search instead of building this node's list.
                        work += queries
                        if work > workLimit { abandon(); return }
                        for q in 0..<entA[v].count {
                            let limit = tol - entA[v][q]
                            var total = closed[S][v]
                            for e in edgeStart[S][v]..<edgeStart[S][v + 1] {
                                let w = edgeChild[S][e], f = edgeF[S][e], fr = edgeFrac[S][e]
                                if w < 0 { if f <= limit { total += fr }; continue }
                                var l = lStart[w], h = lStart[w + 1]
                                while l < h { let mid = (l + h) / 2; if lVal[mid] <= limit - f { l = mid + 1 } else { h = mid } }
                                total += fr * (lClosed[w] + (l > lStart[w] ? lPre[l - 1] : 0))
                            }
                            p.add(entM[v][q] * Double.exp(entA[v][q] + nodeLM[v]) * total)
                        }
                        direct[v] = true
                        ns.append(nv.count); nc.append(0)
                        continue
                    }
                    work += candidates
                    if work > workLimit { abandon(); return }
                    let th = stageTheta[S][v], up = stageUpper[S][v]
                    var z = closed[S][v]
                    tv.removeAll(keepingCapacity: true); tw.removeAll(keepingCapacity: true)
                    for e in edgeStart[S][v]..<edgeStart[S][v + 1] {
                        let w = edgeChild[S][e], f = edgeF[S][e], fr = edgeFrac[S][e]
                        if w < 0 {
                            if f > th { if f <= up { tv.append(f); tw.append(fr) } } else { z += fr }
                            continue
                        }
                        z += fr * lClosed[w]
                        for q in lStart[w]..<lStart[w + 1] {
                            let b = f + lVal[q]
                            if b > th { if b <= up { tv.append(b); tw.append(fr * lWt[q]) } } else { z += fr * lWt[q] }
                        }
                    }
                    // Merge equal values (1e-9 bins, first value kept, masses summed), then sort the distinct ones.
                    binTable.clear(); dv.removeAll(keepingCapacity: true); dw.removeAll(keepingCapacity: true)
                    for q in 0..<tv.count {
                        let (idx, ins) = binTable.insert(FisherFreemanHalton.pastBin(tv[q]), 0)
                        if ins { dv.append(tv[q]); dw.append(tw[q]) } else { dw[idx] += tw[q] }
                    }
                    let ord = (0..<dv.count).sorted { dv[$0] < dv[$1] }
                    for q in ord { nv.append(dv[q]); nw.append(dw[q]) }
                    ns.append(nv.count); nc.append(z)
                }
                lStart = ns; lVal = nv; lWt = nw; lClosed = nc
            }
        }
        // Join: entries with larger a count fewer completions.
        for v in 0..<nodeKeys.count where !direct[v] {
            let lo = lStart[v], hi = lStart[v + 1]
            var prefix = [Double](repeating: 0, count: hi - lo + 1)
            for q in lo..<hi { prefix[q - lo + 1] = prefix[q - lo] + lWt[q] }
            for q in 0..<entA[v].count {
                let limit = tol - entA[v][q]
                var l = lo, h = hi
                while l < h { let mid = (l + h) / 2; if lVal[mid] <= limit { l = mid + 1 } else { h = mid } }
                p.add(entM[v][q] * Double.exp(entA[v][q] + nodeLM[v]) * (lClosed[v] + prefix[l - lo]))
            }
        }
    }
}
