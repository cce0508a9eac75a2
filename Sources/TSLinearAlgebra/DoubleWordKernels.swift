/// Double-word multiply–accumulate for the refinement's residual loops, written out here so that the compiler
/// inlines it into those loops (the `TSCore.DoubleWord` operators are not `@inlinable` across modules, and a
/// call per element dominated the residual passes). The arithmetic is the same as `TSCore.DoubleWord`'s:
/// TwoProd by FMA, DWTimesDW3 / DWTimesFP3 and AccurateDWPlusDW of Joldes, Muller & Popescu (2017),
/// *Tight and rigorous error bounds for basic building blocks of double-word arithmetic*, ACM TOMS 44(2),
/// Algorithms 12, 9 and 6.
enum DoubleWordKernel {
    @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    @inline(__always) static func fastTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// (sh + sl) + (th + tl), AccurateDWPlusDW (Alg. 6): relative error ≤ 3u² + 13u³.
    @inline(__always) static func add(_ sh: Double, _ sl: Double, _ th: Double, _ tl: Double) -> (Double, Double) {
        let (s, se) = twoSum(sh, th)
        let (t, te) = twoSum(sl, tl)
        let (v, ve) = fastTwoSum(s, se + t)
        return fastTwoSum(v, te + ve)
    }

    /// (xh + xl)(yh + yl), DWTimesDW3 (Alg. 12): relative error ≤ 5u².
    @inline(__always) static func mul(_ xh: Double, _ xl: Double, _ yh: Double, _ yl: Double) -> (Double, Double) {
        let p = xh * yh
        let e = (-p).addingProduct(xh, yh)
        let t = (xl * yl).addingProduct(xh, yl).addingProduct(xl, yh)
        return fastTwoSum(p, e + t)
    }

    /// (xh + xl) · y, DWTimesFP3 (Alg. 9): relative error ≤ 2u².
    @inline(__always) static func mul(_ xh: Double, _ xl: Double, _ y: Double) -> (Double, Double) {
        let p = xh * y
        let e = (-p).addingProduct(xh, y)
        return fastTwoSum(p, e.addingProduct(xl, y))
    }
}
