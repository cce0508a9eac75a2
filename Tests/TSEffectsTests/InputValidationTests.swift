import Testing
import TSCore
@testable import TSEffects

@Suite struct InputValidation {
    @Test func rejectsBadArmsNamingTheParameter() {
        func location(_ body: () throws -> Void) -> InputLocation? {
            do { try body(); return nil } catch let e as InputError { return e.location } catch { return .path("other") }
        }
        #expect(location { _ = try ArmSummary(n: 1, mean: 0, sd: 1) } == "n")
        #expect(location { _ = try ArmSummary(n: 5, mean: 0, sd: 0) } == "sd")
        #expect(location { _ = try ArmSummary(n: 5, mean: 0, spread: .se(-1)) } == "se")
        #expect(location { _ = try ArmSummary(n: 5, mean: 0, spread: .ci(lower: 2, upper: 1, level: 0.95, distribution: .t)) } == "ci")
        #expect(location { _ = try ArmSummary(n: 5, mean: 0, spread: .ci(lower: 1, upper: 2, level: 1, distribution: .t)) } == "level")
        #expect(location { _ = try OneArm.mean(try ArmSummary(n: 5, mean: 0, sd: 1), level: 0) } == "level")
        #expect(location { _ = try MedianToMean.estimate(n: 10, median: 5, min: 6, max: 9) } == "min")
        #expect(location { _ = try ChangeScores.changeSD(baselineSD: 1, finalSD: 1, correlation: 1.2) } == "correlation")
    }

    @Test func spreadFromSEAndCIRoundTrips() throws {
        // SD → CI → SD and SD → SE → SD are exact inverses up to rounding: 1e-14 relative (a few ulps plus the
        // t quantile appearing twice and cancelling).
        let arm = try ArmSummary(n: 33, mean: -1.4, sd: 2.7)
        let row = try OneArm.mean(arm)
        let back = try ArmSummary(n: 33, mean: -1.4, spread: .ci(lower: row.ciLower!, upper: row.ciUpper!, level: 0.95, distribution: .t))
        #expect(abs(back.sd - 2.7) / 2.7 < 1e-14)
        let viaSE = try ArmSummary(n: 33, mean: -1.4, spread: .se(row.se!))
        #expect(abs(viaSE.sd - 2.7) / 2.7 < 1e-15)
    }

    @Test func combiningTwoHalvesOfOneSampleGivesTheWholeSample() throws {
        // Data 1…10 split 1…4 / 5…10: whole-sample mean 5.5, SD √(82.5/9). Closed form: 1e-14.
        func msd(_ x: [Double]) -> (Double, Double) {
            let m = x.reduce(0, +) / Double(x.count)
            return (m, (x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)).squareRoot())
        }
        let (m1, s1) = msd([1, 2, 3, 4]), (m2, s2) = msd([5, 6, 7, 8, 9, 10])
        let c = try CombineGroups.combine(n1: 4, mean1: m1, sd1: s1, n2: 6, mean2: m2, sd2: s2)
        #expect(c.n == 10)
        #expect(abs(c.mean - 5.5) < 1e-14)
        #expect(abs(c.sd - (82.5 / 9).squareRoot()) < 1e-14)
    }

    @Test func percentChangeFromMeans() throws {
        #expect(try PercentChange.fromMeans(baseline: 0.95, followUp: 0.9367) == 100 * (0.9367 - 0.95) / 0.95)
        #expect(throws: InputError.self) { try PercentChange.fromMeans(baseline: 0, followUp: 1) }
    }
}
