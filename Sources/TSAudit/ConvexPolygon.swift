import TSCore

/// A convex polygon in the plane, cut down by half-planes (Sutherland & Hodgman 1974, one clipping edge at a time).
/// Used for the exact set of unrounded (mean, SE) pairs that reproduce an arm's printed numbers: every printed
/// constraint (mean, SD, CI bounds, |t| from p) is linear in (mean, SE) for a fixed n and method.
struct ConvexPolygon: Sendable {
    var vertices: [(x: Double, y: Double)]

    /// The rectangle [x0, x1] × [y0, y1].
    init(x0: Double, x1: Double, y0: Double, y1: Double) {
        vertices = x0 <= x1 && y0 <= y1 ? [(x0, y0), (x1, y0), (x1, y1), (x0, y1)] : []
    }

    var isEmpty: Bool { vertices.isEmpty }

    /// Keeps the part with a·x + b·y ≤ c.
    mutating func clip(a: Double, b: Double, c: Double) {
        guard !vertices.isEmpty else { return }
        // Tolerance relative to the scale of the constraint: keeps vertices that touch the line exactly.
        let tol = 1e-12 * (abs(c) + 1)
        var out: [(x: Double, y: Double)] = []
        let k = vertices.count
        for i in 0..<k {
            let p = vertices[i], q = vertices[(i + 1) % k]
            let fp = a * p.x + b * p.y - c, fq = a * q.x + b * q.y - c
            if fp <= tol { out.append(p) }
            if (fp <= tol) != (fq <= tol), fp != fq {
                let t = fp / (fp - fq)
                out.append((p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)))
            }
        }
        vertices = out
    }

    /// Range of a·x + b·y over the polygon (attained at vertices), nil if empty.
    func range(a: Double, b: Double) -> ValueInterval? {
        ValueInterval.hull(of: vertices.map { a * $0.x + b * $0.y })
    }

    var xRange: ValueInterval? { range(a: 1, b: 0) }
    var yRange: ValueInterval? { range(a: 0, b: 1) }

    /// The x-interval where the horizontal line y = c crosses the polygon.
    func slice(y c: Double) -> ValueInterval? {
        var xs: [Double] = []
        let k = vertices.count
        for i in 0..<k {
            let p = vertices[i], q = vertices[(i + 1) % k]
            if p.y == c { xs.append(p.x) }
            if (p.y - c) * (q.y - c) < 0 {
                xs.append(p.x + (c - p.y) / (q.y - p.y) * (q.x - p.x))
            }
        }
        return ValueInterval.hull(of: xs)
    }
}
