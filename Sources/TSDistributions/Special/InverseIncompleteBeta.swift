import RealModule

extension Special {
    /// The x in [0, 1] with `I_x(a,b) = p`, returned with `y = 1 - x` computed accurately, for a, b > 0.
    /// The caller passes both `p` and `q = 1 - p`; the smaller one is used, so a tiny upper-tail probability
    /// `q` gives an accurate tiny `y`.
    ///
    /// Method: initial value from the better (in |log I_x - log p|) of (i) the normal-deviate approximation
    /// of Abramowitz & Stegun 26.5.22 / Cran, Martin & Thomas (1977) AS 109, with the deviate from
    /// A&S 26.2.22 and its small-shape branch, and (ii) the tail approximations `x ~ (p a B(a,b))^(1/a)`,
    /// `y ~ (q b B(a,b))^(1/b)`; then Halley iteration on `log I_x(a,b) - log p` (so p down to 1e-300 works),
    /// stepping in whichever of x and y is smaller, inside a bracket kept from the signs of `I_x - p`; a step
    /// leaving the bracket is replaced by bisection (geometric when the bracket spans orders of magnitude).
    /// At most 400 evaluations.
    static func inverseBeta(a: Double, b: Double, p: Double, q: Double) -> (x: Double, y: Double) {
        if a.isNaN || b.isNaN || p.isNaN || q.isNaN || a <= 0 || b <= 0 || !a.isFinite || !b.isFinite
            || p < 0 || q < 0 || p > 1 || q > 1
        {
            return (.nan, .nan)
        }
        if p <= q {
            if p == 0 { return (0, 1) }
            return betaInverseLowerTail(a: a, b: b, p: p)
        }
        if q == 0 { return (1, 0) }
        let r = betaInverseLowerTail(a: b, b: a, p: q)
        return (r.y, r.x)
    }
}

/// A point (x, y = 1 - x) with the smaller coordinate exact and the larger its rounded complement.
private struct BetaPoint {
    var x: Double
    var y: Double
    init(x: Double) {
        self.x = x
        self.y = 1 - x
    }
    init(y: Double) {
        self.y = y
        self.x = 1 - y
    }
    /// `self.x < other.x`, compared in the accurate (smaller) coordinate.
    func precedes(_ other: BetaPoint) -> Bool {
        if x <= 0.5 && other.x <= 0.5 { return x < other.x }
        if y <= 0.5 && other.y <= 0.5 { return y > other.y }
        return x < other.x
    }
    /// Moves by `dx` in x, changing whichever coordinate is smaller.
    func moved(by dx: Double) -> BetaPoint {
        x <= 0.5 ? BetaPoint(x: x + dx) : BetaPoint(y: y - dx)
    }
}

/// Solves `I_x(a,b) = p` for `0 < p <= 1/2`.
private func betaInverseLowerTail(a: Double, b: Double, p: Double) -> (x: Double, y: Double) {
    let logBeta = Special.logBeta(a, b)
    let logP = Double.log(p)
    var lo = BetaPoint(x: 0)  // I(lo) < p
    var hi = BetaPoint(y: 0)  // I(hi) > p

    func evaluate(_ pt: BetaPoint) -> Double { Special.betaRatios(a: a, b: b, x: pt.x, y: pt.y).p }

    // Initial candidates.
    var candidates: [BetaPoint] = []
    // (i) A&S 26.5.22 / AS 109, deviate y_p with upper-tail probability p (A&S 26.2.22).
    let r0 = (-2 * logP).squareRoot()
    let dev = r0 - (2.30753 + 0.27061 * r0) / (1 + (0.99229 + 0.04481 * r0) * r0)
    if a > 1 && b > 1 {
        let rr = (dev * dev - 3) / 6
        let s = 1 / (2 * a - 1)
        let t = 1 / (2 * b - 1)
        let h = 2 / (s + t)
        let w = dev * (h + rr).squareRoot() / h - (t - s) * (rr + 5.0 / 6 - 2 / (3 * h))
        // x = a/(a + b e^{2w}), y = b e^{2w}/(a + b e^{2w}); take the smaller directly.
        let e2w = Double.exp(2 * w)
        let xg = a / (a + b * e2w)
        candidates.append(xg <= 0.5 ? BetaPoint(x: xg) : BetaPoint(y: b * e2w / (a + b * e2w)))
    } else {
        let rb = 2 * b
        var t = 1 / (9 * b)
        t = rb * Double.pow(1 - t + dev * t.squareRoot(), 3)
        if t > 0 {
            t = (4 * a + rb - 2) / t
            if t > 1 { candidates.append(BetaPoint(y: 2 / (t + 1))) }
        }
    }
    // (ii) tail power approximations.
    let xTail = Double.exp((logP + Double.log(a) + logBeta) / a)
    if xTail > 0 && xTail < 1 { candidates.append(xTail <= 0.5 ? BetaPoint(x: xTail) : BetaPoint(y: 1 - xTail)) }
    let yTail = Double.exp((Double.log(onePlus: -p) + Double.log(b) + logBeta) / b)
    if yTail > 0 && yTail < 1 { candidates.append(BetaPoint(y: yTail)) }

    var current = BetaPoint(x: 0.5)
    var currentP = -1.0
    var bestDistance = Double.infinity
    for c in candidates where c.x > 0 && c.y > 0 && c.x.isFinite && c.y.isFinite {
        // A start within 1% of p (in log) is good enough for Halley's iteration: skip the other candidates.
        if bestDistance < 0.01 { break }
        let pc = evaluate(c)
        if pc < p {
            if lo.precedes(c) { lo = c }
        } else if pc > p {
            if c.precedes(hi) { hi = c }
        } else {
            return (c.x, c.y)
        }
        let distance = pc > 0 ? abs(Double.log(pc) - logP) : Double.infinity
        if distance < bestDistance || currentP < 0 {
            bestDistance = distance
            current = c
            currentP = pc
        }
    }
    if currentP < 0 {
        currentP = evaluate(current)
        if currentP < p { lo = current } else { hi = current }
    }

    for _ in 0..<400 {
        let pc = currentP
        if pc == p { break }
        var next: BetaPoint? = nil
        var converged = false
        if pc > 0 {
            // Halley on G(x) = log I_x - log p: G' = f/I, G''/G'^2 = (f'/f)(I/f) - 1.
            // The step's size makes a few-digit derivative enough (it changes the convergence rate only).
            let logF = Special.approximateLogBetaDensityPrefix(a: a, b: b, x: current.x, y: current.y)
                - Double.log(current.x) - Double.log(current.y)
            let iOverF = Double.exp(Double.log(pc) - logF)
            let ratio = pc / p
            let g = (ratio > 0.5 && ratio < 2) ? Double.log(onePlus: (pc - p) / p) : Double.log(pc) - logP
            var dx = -g * iOverF
            let curvature = ((a - 1) / current.x - (b - 1) / current.y) * iOverF - 1
            let denom = 1 - 0.5 * g * curvature
            if denom > 0.5 && denom < 2 { dx /= denom }
            if dx.isFinite {
                let cand = current.moved(by: dx)
                if lo.precedes(cand) && cand.precedes(hi) && cand.y > 0 && cand.x > 0 {
                    next = cand
                    let small = min(current.x, current.y)
                    converged = abs(dx) <= 2e-16 * small
                }
            }
        }
        let pt = next ?? betaBisect(lo, hi)
        if pt.x == current.x && pt.y == current.y { break }
        if !(lo.precedes(pt) && pt.precedes(hi)) { break }  // bracket exhausted
        if converged {
            // A step below 2e-16 of the smaller coordinate: take it; evaluating there would change nothing.
            return (pt.x, pt.y)
        }
        current = pt
        currentP = evaluate(current)
        if currentP < p { lo = current } else if currentP > p { hi = current } else { break }
        if converged { break }
    }
    // Root below the smallest positive double (bisection ran into underflow): report the limit.
    if lo.x == 0 && currentP > p && current.x < 0x1p-1000 { return (0, 1) }
    if hi.y == 0 && currentP < p && current.y < 0x1p-1000 { return (1, 0) }
    return (current.x, current.y)
}

/// Midpoint of a bracket, in the smaller coordinate; geometric when the ends differ by more than a factor 8.
private func betaBisect(_ lo: BetaPoint, _ hi: BetaPoint) -> BetaPoint {
    if hi.x <= 0.5 {
        if lo.x == 0 { return BetaPoint(x: hi.x * 0x1p-64) }
        if hi.x > 8 * lo.x { return BetaPoint(x: Double.exp((Double.log(lo.x) + Double.log(hi.x)) / 2)) }
        return BetaPoint(x: lo.x + (hi.x - lo.x) / 2)
    }
    if lo.y <= 0.5 {
        if hi.y == 0 { return BetaPoint(y: lo.y * 0x1p-64) }
        if lo.y > 8 * hi.y { return BetaPoint(y: Double.exp((Double.log(lo.y) + Double.log(hi.y)) / 2)) }
        return BetaPoint(y: hi.y + (lo.y - hi.y) / 2)
    }
    return BetaPoint(x: 0.5)
}
