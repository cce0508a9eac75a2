import RealModule

/// log k! for k = 0...n as double-double (hi + lo), built by compensated summation of log k
/// (Dekker/Knuth TwoSum). Differences log a! − log b! then carry only the rounding of the
/// individual log k terms (≈ 1e-16 each), not the ulp of log N! (≈ 4e-12 at N = 3,000).
struct LogFactorials: Sendable {
    let hi: [Double]
    let lo: [Double]

    init(upTo n: Int) {
        var h = [Double](repeating: 0, count: n + 1), l = h
        var sh = 0.0, sl = 0.0
        if n >= 1 {
            for k in 1...n {
                let (s, e) = twoSum(sh, Double.log(Double(k)))
                sh = s; sl += e
                let (s2, e2) = twoSum(sh, sl)
                sh = s2; sl = e2
                h[k] = sh; l[k] = sl
            }
        }
        hi = h; lo = l
    }

    /// log a! − log b!, accurate to a few ulp of the result.
    @inline(__always) func diff(_ a: Int, _ b: Int) -> Double { (hi[a] - hi[b]) + (lo[a] - lo[b]) }

    /// Σ sign·log k! over terms, summed in double-double and rounded once.
    func combination(plus: [Int], minus: [Int]) -> Double {
        var acc = CompensatedSum()
        for k in plus { acc.add(hi[k]); acc.add(lo[k]) }
        for k in minus { acc.add(-hi[k]); acc.add(-lo[k]) }
        return acc.value
    }
}

@inline(__always) func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
    let s = a + b
    let bb = s - a
    return (s, (a - (s - bb)) + (b - bb))
}

/// A running sum kept as hi + lo (compensated), for sums of large terms that cancel.
struct CompensatedSum {
    var hi = 0.0, lo = 0.0
    mutating func add(_ x: Double) {
        let (s, e) = twoSum(hi, x)
        let (s2, e2) = twoSum(s, lo + e)
        hi = s2; lo = e2
    }
    var value: Double { hi + lo }
}

/// log(Σ exp(x_i)) without overflow.
func logSumExp(_ xs: [Double]) -> Double {
    guard let m = xs.max(), m > -.infinity else { return -.infinity }
    return m + Double.log(xs.reduce(0) { $0 + Double.exp($1 - m) })
}

/// Root of a monotone function on [lo, hi] by bisection to full double precision
/// (bracket must straddle a sign change). Deterministic and robust; ~60–1100 steps.
func bisect(_ lo0: Double, _ hi0: Double, _ f: (Double) -> Double) -> Double {
    var lo = lo0, hi = hi0
    let flo = f(lo)
    for _ in 0..<2000 {
        let m = lo + (hi - lo) / 2
        if m <= lo || m >= hi { break }
        let fm = f(m)
        if fm == 0 { return m }
        if (fm < 0) == (flo < 0) { lo = m } else { hi = m }
    }
    return lo + (hi - lo) / 2
}
