import Testing
import TSCore
@testable import TSAudit

@Suite struct PrintedIntervalReadings {
    @Test func steffensenAndLiangPrintsAsIntervals() throws {
        // Steffensen/Liang abstract values: "−1.4" → [−1.45, −1.35], "2.7" → [2.65, 2.75], "0.006" → [0.0055, 0.0065],
        // "<0.0001" → (0, 0.0001). Tolerance 1e-15: decimal fractions are not exact in binary.
        let a = try PrintedInterval("−1.4").rounded
        #expect(abs(a.lower - -1.45) < 1e-15 && abs(a.upper - -1.35) < 1e-15)
        let b = try PrintedInterval("2.7").rounded
        #expect(abs(b.lower - 2.65) < 1e-15 && abs(b.upper - 2.75) < 1e-15)
        let c = try PrintedInterval("0.006").rounded
        #expect(abs(c.lower - 0.0055) < 1e-15 && abs(c.upper - 0.0065) < 1e-15)
        let d = try PrintedInterval("<0.0001", domain: 0...1).interval(.halfUp)
        #expect(d.lower == 0 && d.upper == 0.0001 && !d.upperClosed)
        #expect(!d.contains(0.0001) && d.contains(0.00005))
    }

    @Test func truncationReadsTowardZero() throws {
        let t = try PrintedInterval("−1.4").interval(.truncation)
        #expect(abs(t.lower - -1.5) < 1e-15 && t.upper == -1.4 && !t.lowerClosed && t.upperClosed)
        let u = try PrintedInterval("2.70").interval(.truncation)   // two decimals: [2.70, 2.71)
        #expect(u.lower == 2.7 && abs(u.upper - 2.71) < 1e-15)
    }

    @Test func tiesDecidedPerReading() throws {
        // 1.125 may be printed 1.12 (half-even) or 1.13 (half-up) — the GRIM literature's example of
        // inconsistent rounding conventions. 1.125 = 9/8 exactly.
        let lo = try PrintedInterval("1.12"), hi = try PrintedInterval("1.13")
        #expect(lo.containsFraction(numerator: 9, denominator: 8, reading: .halfEven))
        #expect(!lo.containsFraction(numerator: 9, denominator: 8, reading: .halfUp))
        #expect(hi.containsFraction(numerator: 9, denominator: 8, reading: .halfUp))
        #expect(!hi.containsFraction(numerator: 9, denominator: 8, reading: .halfEven))
        #expect(lo.containsFraction(numerator: 9, denominator: 8, reading: .truncation))
        // Negative: −9/8 prints −1.13 half away from zero.
        #expect(try PrintedInterval("-1.13").containsFraction(numerator: -9, denominator: 8, reading: .halfUp))
    }

    @Test func exponentAndPercentPrecision() throws {
        #expect(try PrintedInterval("1.5e-3").decimals == 4)
        #expect(try PrintedInterval("12.5%").decimals == 1)
        #expect(try PrintedInterval("p < .05", domain: 0...1).relation == .less)
        #expect(throws: InputError.self) { try PrintedInterval("abc", location: "--p") }
        #expect(throws: InputError.self) { try PrintedInterval("1.2", location: "--p", domain: 0...1) }
    }
}
