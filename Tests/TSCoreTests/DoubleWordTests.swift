import Testing
@testable import TSCore

/// Exactness of the error-free transformations and the promised accuracy of division, checked on operands
/// whose exact results are known in closed form (powers of two), so no tolerance hides a lost bit.
@Suite struct DoubleWordExactness {
    /// TwoSum returns the rounding error of a + b exactly: 1 + 2⁻⁶⁰ rounds to 1, the error is 2⁻⁶⁰;
    /// and for operands in either order (TwoSum needs no |a| ≥ |b|).
    @Test func twoSumIsExact() {
        let s = DoubleWord.twoSum(1, 0x1p-60)
        #expect(s.hi == 1 && s.lo == 0x1p-60)
        let t = DoubleWord.twoSum(0x1p-60, 1)
        #expect(t.hi == 1 && t.lo == 0x1p-60)
        // 2⁵³ + 1 is a tie and rounds to even (2⁵³); the lost 1 is the low part.
        #expect(DoubleWord.twoSum(0x1p53, 1) == DoubleWord(0x1p53, 1))
        #expect(DoubleWord.twoSum(1, 0x1p53) == DoubleWord(0x1p53, 1))
        // Fast2Sum agrees with TwoSum when |a| ≥ |b|.
        #expect(DoubleWord.fastTwoSum(1, 0x1p-60) == s)
    }

    /// TwoProduct: (1 + 2⁻³⁰)(1 − 2⁻³⁰) = 1 − 2⁻⁶⁰ exactly; the double product rounds to 1.
    @Test func twoProductIsExact() {
        let p = DoubleWord.twoProduct(1 + 0x1p-30, 1 - 0x1p-30)
        #expect(p.hi == 1 && p.lo == -0x1p-60)
        // (2²⁷ + 1)² = 2⁵⁴ + 2²⁸ + 1 needs 55 bits: hi = 2⁵⁴ + 2²⁸, and the 1 below ulp(hi) = 4 is the low part.
        let q = DoubleWord.twoProduct(0x1p27 + 1, 0x1p27 + 1)
        #expect(q.hi == 0x1p54 + 0x1p28 && q.lo == 1)
    }

    /// 1/3 as a double word times 3 is 1 to within 2⁻¹⁰³: the division's bound (DWDivFP3, ≤ 3u²,
    /// u = 2⁻⁵³) plus the product's (DWTimesFP3, ≤ 2u²) is 5·2⁻¹⁰⁶ < 2⁻¹⁰³. A double 1/3 times 3 misses by 2⁻⁵⁴.
    @Test func divisionByDoubleKeepsTheRemainder() {
        let third = DoubleWord(1) / 3
        #expect(third.hi == 1.0 / 3)
        #expect(abs((third * 3 - 1).value) <= 0x1p-103)
        #expect(third.lo != 0)
        #expect(DoubleWord.quotient(1, 3) == third)
        // A quotient that is exact: (2⁻³⁰ + 1)(2⁻³⁰ − 1) / (2⁻³⁰ − 1) returns the first factor exactly.
        let num = DoubleWord.twoProduct(0x1p-30 + 1, 0x1p-30 - 1)
        #expect(num / (0x1p-30 - 1) == DoubleWord(0x1p-30 + 1))
    }

    /// Double word ÷ double word: (1 + 2⁻⁷⁰)/(1 − 2⁻⁷⁰) = 1 + 2⁻⁶⁹ + 2⁻¹³⁹ + …; the result must be within
    /// the DWDivDW bound (15u² + 56u³ ≈ 2⁻¹⁰²) of 1 + 2⁻⁶⁹.
    @Test func divisionOfDoubleWords() {
        let x = DoubleWord(1, 0x1p-70), y = DoubleWord(1, -0x1p-70)
        let q = x / y
        #expect(q.hi == 1)
        #expect(abs(q.lo - 0x1p-69) <= 0x1p-102)
        // And back: q·y reproduces x to the product's bound.
        #expect(abs((q * y - x).value) <= 0x1p-102)
    }

    /// The square root of 2 squared is 2 to 2⁻¹⁰²: a few u² for the Newton-corrected root (Karp–Markstein)
    /// and ≤ 5u² for the product, relative to 2.
    @Test func squareRootOfTwo() {
        let r = DoubleWord(2).squareRoot()
        #expect(abs((r * r - 2).value) <= 0x1p-102)
        #expect(DoubleWord(0).squareRoot() == .zero && DoubleWord(-1).squareRoot().hi.isNaN)
    }
}
