import Foundation

/// An unevaluated sum `hi + lo` of two doubles with |lo| ≤ ½ ulp(hi) ("double-double"): about 106 significant
/// bits. The one extended-precision type of the package: exact decimal data and residuals in the linear
/// algebra, and exponents, arguments and products in the distributions that must be known to better than one
/// rounding.
///
/// Sources. The error-free transformations are Knuth's TwoSum (TAOCP vol. 2, §4.2.2, Theorem B), Dekker's
/// Fast2Sum (Dekker 1971, "A floating-point technique for extending the available precision", Numer. Math.
/// 18, 224–242) and the product 2Prod, Dekker's exact product done with a fused multiply-add. The arithmetic
/// follows the double-word algorithms of Joldes, Muller & Popescu (2017), "Tight and rigorous error bounds
/// for basic building blocks of double-word arithmetic", ACM TOMS 44(2), whose algorithm numbers and proven
/// relative error bounds are quoted on each operation; u = 2⁻⁵³. Bounds assume no underflow or overflow.
public struct DoubleWord: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var hi: Double
    public var lo: Double

    /// The pair as given; the caller guarantees |lo| ≤ ½ ulp(hi) (or builds it with an operation below).
    @inlinable public init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    public static let zero = DoubleWord(0)

    /// The double nearest to hi + lo.
    public var value: Double { hi + lo }

    public var description: String { String(format: "%.17g%+.17g", hi, lo) }

    public static func < (a: DoubleWord, b: DoubleWord) -> Bool { a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo) }

    // MARK: error-free transformations

    /// a + b exactly (Knuth's TwoSum, TAOCP 4.2.2; Joldes et al. Alg. 2). No error: hi = fl(a + b) and
    /// lo is the rounding error, for any finite a, b.
    @inlinable public static func twoSum(_ a: Double, _ b: Double) -> DoubleWord {
        let s = a + b
        let bb = s - a
        return DoubleWord(s, (a - (s - bb)) + (b - bb))
    }

    /// a + b exactly when |a| ≥ |b| or a = 0 (Dekker's Fast2Sum, 1971; Joldes et al. Alg. 1). No error under
    /// that condition; otherwise use `twoSum`.
    @inlinable public static func fastTwoSum(_ a: Double, _ b: Double) -> DoubleWord {
        let s = a + b
        return DoubleWord(s, b - (s - a))
    }

    /// a · b exactly (Dekker's exact product, here with a fused multiply-add; Joldes et al. Alg. 3).
    /// No error unless the low part underflows.
    @inlinable public static func twoProduct(_ a: Double, _ b: Double) -> DoubleWord {
        let p = a * b
        return DoubleWord(p, (-p).addingProduct(a, b))
    }

    // MARK: arithmetic

    /// Double word + double word (AccurateDWPlusDW, Joldes et al. Alg. 6): relative error ≤ 3u² + 13u³.
    @inlinable public static func + (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let s = twoSum(x.hi, y.hi)
        let t = twoSum(x.lo, y.lo)
        let c = s.lo + t.hi
        let v = fastTwoSum(s.hi, c)
        let w = t.lo + v.lo
        return fastTwoSum(v.hi, w)
    }

    /// Double word + double (DWPlusFP, Joldes et al. Alg. 4): relative error ≤ 2u².
    public static func + (x: DoubleWord, y: Double) -> DoubleWord {
        let s = twoSum(x.hi, y)
        let v = s.lo + x.lo
        return fastTwoSum(s.hi, v)
    }

    /// Double + double word: as `x + y` with the operands swapped (≤ 2u²).
    public static func + (x: Double, y: DoubleWord) -> DoubleWord { y + x }

    /// Negation: exact.
    public static prefix func - (x: DoubleWord) -> DoubleWord { DoubleWord(-x.hi, -x.lo) }
    /// x + (−y): ≤ 3u² + 13u³.
    public static func - (x: DoubleWord, y: DoubleWord) -> DoubleWord { x + (-y) }
    /// x + (−y): ≤ 2u².
    public static func - (x: DoubleWord, y: Double) -> DoubleWord { x + (-y) }
    /// (−y) + x: ≤ 2u².
    public static func - (x: Double, y: DoubleWord) -> DoubleWord { -y + x }

    /// Double word × double word (DWTimesDW3, Joldes et al. Alg. 12, three FMAs): relative error ≤ 5u².
    @inlinable public static func * (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let c = twoProduct(x.hi, y.hi)
        let tl0 = x.lo * y.lo
        let tl1 = tl0.addingProduct(x.hi, y.lo)
        let cl2 = tl1.addingProduct(x.lo, y.hi)
        return fastTwoSum(c.hi, c.lo + cl2)
    }

    /// Double word × double (DWTimesFP3, Joldes et al. Alg. 9, one FMA): relative error ≤ 2u².
    @inlinable public static func * (x: DoubleWord, y: Double) -> DoubleWord {
        let c = twoProduct(x.hi, y)
        return fastTwoSum(c.hi, c.lo.addingProduct(x.lo, y))
    }

    /// Double × double word: as `y * x` (≤ 2u²).
    public static func * (x: Double, y: DoubleWord) -> DoubleWord { y * x }

    /// Double word ÷ double word: the double quotient th = x.hi/y.hi corrected once by the remainder
    /// x − y·th (formed with the operations above) divided by y.hi, as DWDivDW2 (Joldes et al. Alg. 17):
    /// relative error ≤ 15u² + 56u³.
    public static func / (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let th = x.hi / y.hi
        let r = x - y * th
        let tl = r.hi / y.hi
        return fastTwoSum(th, tl)
    }

    /// Double word ÷ double (DWDivFP3, Joldes et al. Alg. 15): the remainder x.hi − th·y is exact by 2Prod,
    /// so the one correction gives relative error ≤ 3u².
    public static func / (x: DoubleWord, y: Double) -> DoubleWord {
        let th = x.hi / y
        let p = twoProduct(th, y)
        let dh = x.hi - p.hi   // exact (Sterbenz)
        let d = (dh - p.lo) + x.lo
        return fastTwoSum(th, d / y)
    }

    /// The quotient n/d of two doubles as a double word: DWDivFP3 with a zero low part, i.e. the rounded
    /// quotient plus the exact FMA remainder divided by d (relative error ≤ 3u²; the remainder is exact).
    public static func quotient(_ n: Double, _ d: Double) -> DoubleWord { DoubleWord(n) / d }

    public static func += (x: inout DoubleWord, y: DoubleWord) { x = x + y }
    public static func += (x: inout DoubleWord, y: Double) { x = x + y }
    public static func -= (x: inout DoubleWord, y: DoubleWord) { x = x - y }
    public static func *= (x: inout DoubleWord, y: Double) { x = x * y }

    /// √x by one Newton correction of the double square root (Karp & Markstein 1997, "High-precision
    /// division and square root", ACM TOMS 23(4)): s = √hi, √x ≈ s + (x − s²)/(2s) with s² exact by 2Prod;
    /// relative error a few u². Returns 0 for x = 0 and NaN for x < 0.
    public func squareRoot() -> DoubleWord {
        guard hi > 0 else { return DoubleWord(hi == 0 ? 0 : .nan) }
        let s = hi.squareRoot()
        let e = (self - DoubleWord.twoProduct(s, s)).hi / (2 * s)
        return DoubleWord.fastTwoSum(s, e)
    }

    /// |x|: exact.
    public var magnitude: DoubleWord { hi < 0 || (hi == 0 && lo < 0) ? -self : self }

    /// The product a · b (exact by 2Prod) accumulated into `self` (dot-product step): ≤ 3u² + 13u³ per step.
    @inlinable public mutating func addProduct(_ a: Double, _ b: Double) {
        self = self + DoubleWord.twoProduct(a, b)
    }
}

extension DoubleWord {
    /// Σ xᵢ in double-word arithmetic.
    public static func sum(_ xs: [DoubleWord]) -> DoubleWord { xs.reduce(.zero, +) }
    /// Σ xᵢ of doubles, each addition with relative error ≤ 2u² (DWPlusFP).
    public static func sum(_ xs: [Double]) -> DoubleWord { xs.reduce(DoubleWord.zero) { $0 + $1 } }
}

extension DoubleWord {
    /// Parses a plain decimal ("-6.860120914", "1000000000000.4", "0.205177424076185E-03") into a double word
    /// accurate to about 2⁻¹⁰⁴ relative, so a datum like 1000000000000.4 keeps its last digit (a double holds
    /// it only to ±6e-5). Digits are accumulated as s ← 10·s + d (DWTimesFP3 then DWPlusFP) and the decimal
    /// exponent applied by exact powers 10^k, k ≤ 22 (DWTimesFP3 / DWDivFP3), so each step adds at most 3u².
    /// Returns nil for anything else (no hex, no inf/nan, no thousands separators).
    public init?(decimal text: String) {
        var chars = Substring(text.trimmingCharacters(in: .whitespaces)).utf8[...]
        var negative = false
        if let f = chars.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            chars = chars.dropFirst()
        }
        var significand = DoubleWord.zero
        var exponent = 0
        var digits = 0
        var seenPoint = false
        while let c = chars.first {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                significand = significand * 10 + Double(c - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { exponent -= 1 }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            chars = chars.dropFirst()
        }
        guard digits > 0 else { return nil }
        if let c = chars.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            guard let e = Int(String(decoding: chars.dropFirst(), as: UTF8.self)) else { return nil }
            exponent += e
            chars = chars.dropFirst(chars.count)
        }
        guard chars.isEmpty, abs(exponent) < 300 else { return nil }
        // Scale by powers of ten that are exact doubles (10^k, k ≤ 22).
        var v = significand
        var e = exponent
        while e != 0 {
            let step = min(abs(e), 22)
            let p = pow(10.0, Double(step))
            v = e > 0 ? v * p : v / p
            e += e > 0 ? -step : step
        }
        self = negative ? -v : v
    }
}
