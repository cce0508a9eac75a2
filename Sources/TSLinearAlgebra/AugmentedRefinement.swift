import TSCore

/// Iterative refinement of least-squares problems through the augmented system
///
///     [ I   X ] [ r ]   [ b ]
///     [ Xᵀ  0 ] [ x ] = [ c ]
///
/// whose solution is x = (XᵀX)⁻¹(Xᵀb − c), r = b − X x. With c = 0 it is the least-squares problem;
/// with b = 0, c = −eⱼ it yields column j of (XᵀX)⁻¹. Björck (1967), *Iterative refinement of linear
/// least squares solutions I*, BIT 7:257–278: residuals f = b − r − X x and g = c − Xᵀ r are formed in
/// double-word arithmetic from the exact (double-word) data, and the correction solves the augmented
/// system with the pivoted QR factors of the double part of X. Each step gains about −log₁₀(κ·u) digits
/// (κ the condition number of the column-scaled X), so it converges when κ·u < 1 to a solution of the
/// *exact* data correct to working precision, instead of the κ·u relative error of a single QR solve.
struct AugmentedRefinement {
    let qr: PivotedQR
    /// Number of leading pivoted columns used (the numerical rank).
    let order: Int
    /// X and its low parts (original column order, shared with the caller, not copied).
    let high: Matrix
    let low: Matrix?
    /// `columns[k]` is the original column in pivoted position k (the first `order` pivots).
    let columns: [Int]

    init(qr: PivotedQR, order: Int, x: Matrix, xLow: Matrix?) {
        self.qr = qr
        self.order = order
        high = x
        low = xLow
        columns = Array(qr.pivot.prefix(order))
    }

    /// One correction: solves the augmented system with right-hand side (f, g) using the QR factors of X.
    private func correction(f: [Double], g: [Double]) throws(LinearAlgebraError) -> (dr: [Double], dx: [Double]) {
        let m = qr.rows
        let gScaled = (0..<order).map { g[$0] / qr.scale[qr.pivot[$0]] }
        let h = try qr.solveR(gScaled, order: order, transposed: true)
        let d = try qr.applyQ(f, transposed: true)
        let z = try qr.solveR((0..<order).map { d[$0] - h[$0] }, order: order, transposed: false)
        let dx = (0..<order).map { z[$0] / qr.scale[qr.pivot[$0]] }
        var hd = d
        for k in 0..<order { hd[k] = h[k] }
        for k in order..<min(qr.columns, m) { hd[k] = d[k] }
        let dr = try qr.applyQ(hd, transposed: false)
        return (dr, dx)
    }

    /// When to stop refining.
    enum Stop {
        /// Until the correction falls below 2⁻¹⁰⁰ ‖x‖ (x to double-word accuracy) or stops shrinking.
        case doubleWord
        /// As soon as every component's correction is at most half an ulp of it (|dxₖ| ≤ 2⁻⁵³ |xₖ|): the
        /// next one would be about κu times smaller still (Higham 2002, ch. 12), so x rounded to double
        /// no longer changes. Also stops on the `doubleWord` conditions.
        case workingPrecision
    }

    /// f = b − r − X x and g = c − Xᵀ r in double-word arithmetic from the exact data (X + xLow), rounded to
    /// double. Column-oriented, so X is read with unit stride.
    private func residuals(b: [DoubleWord], c: [Double], x: [DoubleWord], r: [DoubleWord]) -> (f: [Double], g: [Double]) {
        let m = qr.rows
        var fh = [Double](repeating: 0, count: m), fl = [Double](repeating: 0, count: m)
        var rh = [Double](repeating: 0, count: m), rl = [Double](repeating: 0, count: m)
        var anyR = false
        for i in 0..<m {
            let t = b[i] - r[i]
            fh[i] = t.hi; fl[i] = t.lo
            rh[i] = r[i].hi; rl[i] = r[i].lo
            if r[i].hi != 0 { anyR = true }
        }
        var g = [Double](repeating: 0, count: order)
        let lowStorage = low?.storage ?? []
        let hasLow = low != nil
        high.storage.withUnsafeBufferPointer { hp in
            lowStorage.withUnsafeBufferPointer { lp in
                fh.withUnsafeMutableBufferPointer { fh in
                    fl.withUnsafeMutableBufferPointer { fl in
                        for k in 0..<order {
                            let base = columns[k] * m
                            // −x, so that the loops accumulate f + X(−x).
                            let xh = -x[k].hi, xl = -x[k].lo
                            if xh != 0 {
                                for i in 0..<m {
                                    let p: DoubleWord = hasLow ? DoubleWord(hp[base + i], lp[base + i]) * DoubleWord(xh, xl)
                                                               : DoubleWord(xh, xl) * hp[base + i]
                                    let s: DoubleWord = DoubleWord(fh[i], fl[i]) + p
                                    fh[i] = s.hi
                                    fl[i] = s.lo
                                }
                            }
                            guard anyR else { g[k] = c[k]; continue }
                            var sh = c[k], sl = 0.0
                            for i in 0..<m {
                                let p: DoubleWord = hasLow ? DoubleWord(hp[base + i], lp[base + i]) * DoubleWord(rh[i], rl[i])
                                                           : DoubleWord(rh[i], rl[i]) * hp[base + i]
                                let s: DoubleWord = DoubleWord(sh, sl) + DoubleWord(-p.hi, -p.lo)
                                sh = s.hi
                                sl = s.lo
                            }
                            g[k] = sh + sl
                        }
                    }
                }
            }
        }
        return ((0..<m).map { fh[$0] + fl[$0] }, g)
    }

    /// Refines from r = 0, x = 0 (the first correction is the plain QR solution) until `stop` says so, the
    /// correction stops shrinking, or `maxSteps` corrections were applied. Returns x (pivoted order), r, the
    /// number of corrections applied, whether it converged, and the relative size ‖S dx₁‖∞ / ‖S x₀‖∞ of the
    /// first correction to the plain solution x₀ (S the column scaling; NaN if none was computed), which
    /// estimates the plain solution's relative error (Higham 2002, §12.1).
    func solve(b: [DoubleWord], c: [Double], maxSteps: Int, stop: Stop = .doubleWord) throws(LinearAlgebraError)
        -> (x: [DoubleWord], r: [DoubleWord], steps: Int, converged: Bool, firstCorrection: Double)
    {
        let m = qr.rows
        var x = [DoubleWord](repeating: .zero, count: order)
        var r = [DoubleWord](repeating: .zero, count: m)
        var previous = Double.infinity
        var steps = 0
        var converged = false
        var firstCorrection = Double.nan
        let limit = max(1, maxSteps)
        let scale = (0..<order).map { qr.scale[qr.pivot[$0]] }
        while steps < limit {
            let (f, g) = residuals(b: b, c: c, x: x, r: r)
            let (dr, dx) = try correction(f: f, g: g)
            let size = dx.map(abs).max() ?? 0
            let xSize = x.map { abs($0.hi) }.max() ?? 0
            if steps == 1 {
                let scaledX = (0..<order).map { abs(x[$0].hi) * scale[$0] }.max() ?? 0
                let scaledDx = (0..<order).map { abs(dx[$0]) * scale[$0] }.max() ?? 0
                firstCorrection = scaledX > 0 ? scaledDx / scaledX : (scaledDx == 0 ? 0 : .infinity)
            }
            if steps > 0 && size >= previous / 2 && size > 0x1p-100 * xSize {
                // Stagnation at the level the data's double-word rounding allows: keep the current x.
                converged = previous <= 0x1p-60 * xSize
                break
            }
            for k in 0..<order { x[k] += dx[k] }
            for i in 0..<m { r[i] += dr[i] }
            steps += 1
            previous = size
            if size <= 0x1p-100 * max(xSize, x.map { abs($0.hi) }.max() ?? 0) { converged = true; break }
            if stop == .workingPrecision && steps > 1
                && (0..<order).allSatisfy({ abs(dx[$0]) <= 0x1p-53 * abs(x[$0].hi) }) { converged = true; break }
        }
        return (x, r, steps, converged, firstCorrection)
    }
}
