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
    /// The selected columns of X (pivoted order), double and low parts.
    let high: Matrix
    let low: Matrix?

    init(qr: PivotedQR, order: Int, x: Matrix, xLow: Matrix?) {
        self.qr = qr
        self.order = order
        let cols = (0..<order).map { qr.pivot[$0] }
        high = Matrix(columns: cols.map { x.column($0) })
        low = xLow.map { l in Matrix(columns: cols.map { l.column($0) }) }
    }

    private func entry(_ i: Int, _ k: Int) -> DoubleWord {
        DoubleWord(high[i, k], low?[i, k] ?? 0)
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

    /// Refines from r = 0, x = 0 until the correction to x stops shrinking or falls below 2⁻¹⁰⁰ ‖x‖.
    /// Returns x (pivoted order), r, and the number of corrections applied.
    func solve(b: [DoubleWord], c: [Double], maxSteps: Int) throws(LinearAlgebraError)
        -> (x: [DoubleWord], r: [DoubleWord], steps: Int, converged: Bool)
    {
        let m = qr.rows
        var x = [DoubleWord](repeating: .zero, count: order)
        var r = [DoubleWord](repeating: .zero, count: m)
        var previous = Double.infinity
        var steps = 0
        var converged = false
        let limit = max(1, maxSteps)
        while steps < limit {
            // f = b − r − X x and g = c − Xᵀ r, in double-word arithmetic.
            var f = [Double](repeating: 0, count: m)
            var g = c.map { DoubleWord($0) }
            for i in 0..<m {
                var t = b[i] - r[i]
                for k in 0..<order where x[k].hi != 0 { t = t - entry(i, k) * x[k] }
                f[i] = t.value
                if r[i].hi != 0 { for k in 0..<order { g[k] = g[k] - entry(i, k) * r[i] } }
            }
            let (dr, dx) = try correction(f: f, g: g.map(\.value))
            let size = dx.map(abs).max() ?? 0
            let xSize = x.map { abs($0.hi) }.max() ?? 0
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
        }
        return (x, r, steps, converged)
    }
}
