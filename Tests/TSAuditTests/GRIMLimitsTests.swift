import Testing
@testable import TSAudit
import TSCore

/// GRIM and GRIMMER never call a mean or SD impossible when their search did not run: no items, a total beyond
/// the integers a double holds exactly, sums of squares beyond 2^53.
@Suite struct GRIMLimits {
    @Test func zeroItemsIsUncheckedNotInconsistent() throws {
        // Before: n·items = 0 gave no totals and the verdict INCONSISTENT for any mean.
        let row = GRIM.check(mean: try PrintedInterval("-0.7"), n: 35, items: 0)
        #expect(row.verdict.label == "unchecked", "\(row.verdict)")
    }

    @Test func overflowingNTimesItemsIsUnchecked() throws {
        let row = GRIM.check(mean: try PrintedInterval("2.5"), n: Int.max / 2, items: 3)
        #expect(row.verdict.label == "unchecked", "\(row.verdict)")
    }

    @Test func aMeanBeyondExactIntegersIsNotInconsistent() throws {
        // 1.23e300 × 35 has no exact integer total to search (and Int() of it used to trap).
        let row = GRIM.check(mean: try PrintedInterval("1.23e300"), n: 35)
        #expect(row.verdict.label != "inconsistent", "\(row.verdict)")
    }

    @Test func grimmerWithSumsOfSquaresBeyond2To53IsUnchecked() throws {
        // SD 1e10 with n = 100: Q ≈ 99 × 1e20, far past 2^53 ≈ 9.0e15 (Int() of it used to trap).
        let row = GRIMMER.check(mean: try PrintedInterval("5.0"), sd: try PrintedInterval("10000000000"), n: 100)
        #expect(row.verdict.label == "unchecked", "\(row.verdict)")
    }

    @Test func anAttainableMeanStaysConsistent() throws {
        // 5 participants, one item: 2.4 = 12/5 — the guards leave an ordinary case alone.
        #expect(GRIM.check(mean: try PrintedInterval("2.4"), n: 5).verdict.label == "consistent")
        #expect(GRIM.check(mean: try PrintedInterval("2.5"), n: 5).verdict.label == "inconsistent")
    }
}
