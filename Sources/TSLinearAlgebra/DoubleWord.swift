import Foundation

/// An unevaluated sum `hi + lo` of two doubles with |lo| ≤ ½ ulp(hi): about 106 significant bits.
///
/// Used where double precision is not enough: exact decimal inputs (`init?(decimal:)`), residuals
/// and sums of squares in iterative refinement, two-pass centred sums. Algorithms are the
/// "double-word" ones of Joldes, Muller & Popescu (2017), *Tight and rigorous error bounds for basic
/// building blocks of double-word arithmetic*, ACM TOMS 44(2): TwoSum (Knuth), Fast2Sum (Dekker 1971),
/// 2Prod by fused multiply-add, DWPlusDW (their Alg. 6, relative error ≤ 3u²), DWTimesDW (Alg. 12,
/// ≤ 5u²), DWDivDW (Alg. 17, ≤ 15u² + 56u³), with u = 2⁻⁵³.
public struct DoubleWord: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var hi: Double
    public var lo: Double

    public init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    public static let zero = DoubleWord(0)

    /// The double nearest to hi + lo.
    public var value: Double { hi + lo }

    public var description: String { String(format: "%.17g%+.17g", hi, lo) }

    public static func < (a: DoubleWord, b: DoubleWord) -> Bool { a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo) }

    // MARK: error-free transformations

    /// a + b exactly (Knuth's TwoSum).
    @inlinable public static func twoSum(_ a: Double, _ b: Double) -> DoubleWord {
        let s = a + b
        let bb = s - a
        return DoubleWord(s, (a - (s - bb)) + (b - bb))
    }

    /// a + b exactly when |a| ≥ |b| or a = 0 (Dekker's Fast2Sum).
    @inlinable static func fastTwoSum(_ a: Double, _ b: Double) -> DoubleWord {
        let s = a + b
        return DoubleWord(s, b - (s - a))
    }

    /// a · b exactly (2Prod with a fused multiply-add).
    @inlinable public static func twoProduct(_ a: Double, _ b: Double) -> DoubleWord {
        let p = a * b
        return DoubleWord(p, (-p).addingProduct(a, b))
    }

    // MARK: arithmetic

    public static func + (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let s = twoSum(x.hi, y.hi)
        let t = twoSum(x.lo, y.lo)
        let c = s.lo + t.hi
        let v = fastTwoSum(s.hi, c)
        let w = t.lo + v.lo
        return fastTwoSum(v.hi, w)
    }

    public static func + (x: DoubleWord, y: Double) -> DoubleWord {
        let s = twoSum(x.hi, y)
        let v = s.lo + x.lo
        return fastTwoSum(s.hi, v)
    }

    public static prefix func - (x: DoubleWord) -> DoubleWord { DoubleWord(-x.hi, -x.lo) }
    public static func - (x: DoubleWord, y: DoubleWord) -> DoubleWord { x + (-y) }
    public static func - (x: DoubleWord, y: Double) -> DoubleWord { x + (-y) }

    public static func * (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let c = twoProduct(x.hi, y.hi)
        let tl0 = x.lo * y.lo
        let tl1 = tl0.addingProduct(x.hi, y.lo)
        let cl2 = tl1.addingProduct(x.lo, y.hi)
        return fastTwoSum(c.hi, c.lo + cl2)
    }

    public static func * (x: DoubleWord, y: Double) -> DoubleWord {
        let c = twoProduct(x.hi, y)
        return fastTwoSum(c.hi, c.lo.addingProduct(x.lo, y))
    }

    public static func / (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let th = x.hi / y.hi
        let r = x - y * th
        let tl = r.hi / y.hi
        return fastTwoSum(th, tl)
    }

    public static func / (x: DoubleWord, y: Double) -> DoubleWord { x / DoubleWord(y) }

    public static func += (x: inout DoubleWord, y: DoubleWord) { x = x + y }
    public static func += (x: inout DoubleWord, y: Double) { x = x + y }
    public static func -= (x: inout DoubleWord, y: DoubleWord) { x = x - y }

    /// √x by one Newton correction of the double square root (Karp & Markstein 1997).
    public func squareRoot() -> DoubleWord {
        guard hi > 0 else { return DoubleWord(hi == 0 ? 0 : .nan) }
        let s = hi.squareRoot()
        let e = (self - DoubleWord.twoProduct(s, s)).hi / (2 * s)
        return DoubleWord.fastTwoSum(s, e)
    }

    public var magnitude: DoubleWord { hi < 0 || (hi == 0 && lo < 0) ? -self : self }

    /// The product a · b accumulated into `self` (dot-product step).
    @inlinable public mutating func addProduct(_ a: Double, _ b: Double) {
        self = self + DoubleWord.twoProduct(a, b)
    }

    // MARK: decimal input

    /// Parses a plain decimal ("-6.860120914", "1000000000000.4", "0.205177424076185E-03") into a double word
    /// accurate to about 2⁻¹⁰⁴ relative, so a datum like 1000000000000.4 keeps its last digit (a double holds
    /// it only to ±6e-5). Returns nil for anything else (no hex, no inf/nan, no thousands separators).
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

extension DoubleWord {
    /// Σ xᵢ in double-word arithmetic.
    public static func sum(_ xs: [DoubleWord]) -> DoubleWord { xs.reduce(.zero, +) }
    /// Σ xᵢ of doubles, each addition exact up to the final 2⁻¹⁰⁴ rounding.
    public static func sum(_ xs: [Double]) -> DoubleWord { xs.reduce(DoubleWord.zero) { $0 + $1 } }
}
