import Foundation
import Testing
@testable import TSAudit
import TSCore

/// GRIM (Brown & Heathers 2017, Soc Psychol Personal Sci 8:363) and GRIMMER (Anaya 2016, PeerJ Preprints 4:e2400).
@Suite struct GRIMChecks {
    func grim(_ mean: String, n: Int, items: Int = 1) -> Verdict {
        GRIM.check(mean: try! PrintedInterval(mean), n: n, items: items).verdict
    }

    @Test func economist2016DescriptionOfGRIM() {
        // The Economist, "Come again" (18 June 2016), describing Brown & Heathers' test: 49 participants on an
        // integer 1–7 scale with a printed mean of 5.93 (5.93 × 49 = 290.57): impossible.
        #expect(grim("5.93", n: 49).miss != nil)
        // Neighbours that are possible: 290/49 = 5.918 → 5.92, 291/49 = 5.939 → 5.94.
        #expect(grim("5.92", n: 49) == .consistent && grim("5.94", n: 49) == .consistent)
    }

    @Test func dieRolledTwentyTimes() {
        // Wikipedia "GRIM test" example: a die rolled 20 times cannot average 3.48 (means over 20 end in 0 or 5).
        #expect(grim("3.48", n: 20).miss != nil)
        #expect(grim("3.45", n: 20) == .consistent)
    }

    @Test func rsprite2MultiItemCases() {
        // Cases from the rsprite2 R package's GRIM tests (Wallrich et al.), which implement Brown & Heathers 2017.
        #expect(grim("19.20", n: 5, items: 2) == .consistent)
        #expect(grim("19.25", n: 4, items: 3) == .consistent)
        #expect(grim("0.80", n: 4, items: 2).miss != nil)
        #expect(grim("0.80", n: 5, items: 2) == .consistent)
        #expect(grim("20.95", n: 1, items: 12).miss != nil)
        #expect(grim(".25", n: 2).miss != nil)
        #expect(grim("20.95", n: 12).miss != nil)
        #expect(grim("18.25", n: 4) == .consistent)
    }

    @Test func tieOnlyUnderOneReading() {
        // 5/8 = 0.625: prints 0.63 half-up, 0.62 half-even; both are GRIM-consistent (under some rounding) with n = 8.
        let up = GRIM.check(mean: try! PrintedInterval("0.63"), n: 8)
        #expect(up.verdict == .consistent && up.readings.contains(.halfUp) && !up.readings.contains(.halfEven))
        let even = GRIM.check(mean: try! PrintedInterval("0.62"), n: 8)
        #expect(even.verdict == .consistent && even.readings.contains(.halfEven) && !even.readings.contains(.halfUp))
    }

    @Test func grimmerOneToFive() {
        // Data 1, 2, 3, 4, 5: mean 3, SD √2.5 = 1.5811 → "3.00", "1.58" consistent; "1.59" needs sum of squares
        // in [55.05, 55.18]: no integer, inconsistent.
        let m = try! PrintedInterval("3.00")
        #expect(GRIMMER.check(mean: m, sd: try! PrintedInterval("1.58"), n: 5).verdict == .consistent)
        #expect(GRIMMER.check(mean: m, sd: try! PrintedInterval("1.59"), n: 5).verdict.miss != nil)
    }

    @Test func grimmerParity() {
        // n = 2, mean 1.50 (total 3): SD 1.22 needs sum of squares 6 = x1² + x2² with x1 + x2 = 3 — impossible
        // (sum of squares and total must share parity, Anaya 2016). GRIM alone passes.
        let r = GRIMMER.check(mean: try! PrintedInterval("1.50"), sd: try! PrintedInterval("1.22"), n: 2)
        #expect(r.verdict.miss != nil && r.detail.contains("parity"))
        #expect(GRIM.check(mean: try! PrintedInterval("1.50"), n: 2).verdict == .consistent)
    }

    @Test func grimmerNeverFlagsRealData() {
        // Every multiset of 5 values on a 1–7 scale, printed to 2 decimals (half-up), must pass GRIM and GRIMMER:
        // the tests are necessary conditions, so a flag on real data would be a bug.
        var flagged = 0, tested = 0
        func walk(_ start: Int, _ xs: [Int]) {
            if xs.count == 5 {
                let n = 5.0, t = Double(xs.reduce(0, +)), q = Double(xs.map { $0 * $0 }.reduce(0, +))
                let mean = t / n, sd = ((q - t * t / n) / (n - 1)).squareRoot()
                let ms = try! PrintedInterval(String(format: "%.2f", mean)), ss = try! PrintedInterval(String(format: "%.2f", sd))
                tested += 1
                if !GRIM.check(mean: ms, n: 5).verdict.reproduces || !GRIMMER.check(mean: ms, sd: ss, n: 5).verdict.reproduces { flagged += 1 }
                return
            }
            for v in start...7 { walk(v, xs + [v]) }
        }
        walk(1, [])
        #expect(tested == 462 && flagged == 0)
    }

    @Test func percentAgainstCounts() {
        // 1 of 3 = 33.3%; no count out of 10 prints as 33.3%.
        #expect(PercentVsCounts.check(percent: try! PrintedInterval("33.3%"), n: 3, count: 1).verdict == .consistent)
        #expect(PercentVsCounts.check(percent: try! PrintedInterval("33.3"), n: 10).verdict.miss != nil)
        #expect(PercentVsCounts.check(percent: try! PrintedInterval("30.0"), n: 10).detail.contains("3"))
    }
}
