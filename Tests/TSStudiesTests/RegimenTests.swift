import Foundation
import Testing
import TSCore
@testable import TSStudies

/// Relative difference; dose arithmetic is a few multiplications and divisions, so 1e-12 allows rounding only.
private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(b), 1) }

@Suite struct Regimens {
    func parse(_ s: String) throws -> Regimen { try RegimenParser.parse(s, location: "x") }

    @Test func steffensenWeekly20000IU() throws {
        let r = try parse("20,000 IU once a week")
        #expect(r.amount == DoseRange(20_000) && r.unit == .iu && r.intervalDays == DoseRange(7))
        let d = try #require(r.dailyEquivalent(in: .iu, agent: .vitaminD))
        #expect(close(d.low, 20_000.0 / 7) && d.isPoint)   // ≈ 2,857 IU/day
        #expect(Int(d.low.rounded()) == 2857)
        // In micrograms: 20,000 IU / 40 = 500 µg a week, 71.43 µg a day.
        #expect(close(r.dailyEquivalent(in: .microgram, agent: .vitaminD)!.low, 500.0 / 7))
        #expect(r.cumulative(in: .iu, agent: .vitaminD) == nil)   // no duration, no count
        let s = try parse("20,000 IU once a week for 96 weeks")
        #expect(close(s.cumulative(in: .iu, agent: .vitaminD)!.low, 1_920_000))
    }

    @Test func liangIntramuscular300000IU() throws {
        let r = try parse("300,000 IU intramuscularly every 7-10 days, 4-6 times")
        #expect(r.route == .intramuscular && r.intervalDays == DoseRange(7, 10) && r.doses == DoseRange(4, 6))
        let d = try #require(r.dailyEquivalent(in: .iu, agent: .vitaminD))
        #expect(close(d.low, 30_000) && close(d.high, 300_000.0 / 7))   // 30,000–42,857 IU/day
        #expect(r.cumulative(in: .iu, agent: .vitaminD) == DoseRange(1_200_000, 1_800_000))
        #expect(r.treatmentSpanDays == DoseRange(21, 50))
        #expect(try parse("300,000 IU intramuscularly once every 7-10 days, 4-6 times") == Regimen(
            text: "300,000 IU intramuscularly once every 7-10 days, 4-6 times", amount: DoseRange(300_000), unit: .iu,
            route: .intramuscular, intervalDays: DoseRange(7, 10), doses: DoseRange(4, 6)))
    }

    @Test func repletion50000WeeklyFor8Weeks() throws {
        let r = try parse("50,000 IU weekly for 8 weeks")
        #expect(r.durationDays == DoseRange(56) && r.doseCount == DoseRange(8))
        #expect(r.cumulative(in: .iu, agent: .vitaminD) == DoseRange(400_000))
        #expect(close(r.dailyEquivalent(in: .iu, agent: .vitaminD)!.low, 50_000.0 / 7))
    }

    @Test func mk7InMicrogramsPerDay() throws {
        let r = try parse("180 µg/day MK-7")
        #expect(r.amount == DoseRange(180) && r.unit == .microgram && r.intervalDays == DoseRange(1))
        #expect(r.dailyEquivalent(in: .microgram, agent: .vitaminK2) == DoseRange(180))
        #expect(try parse("180 mcg daily") == Regimen(text: "180 mcg daily", amount: DoseRange(180), unit: .microgram, intervalDays: DoseRange(1)))
        // IU cannot be converted for anything but vitamin D.
        #expect(r.dailyEquivalent(in: .iu, agent: .vitaminK2) == nil)
    }

    @Test func calciumOnAtLeastFiveDaysAWeek() throws {
        let r = try parse("1,000 mg/day, ≥5 days/week")
        #expect(r.daysPerWeek == DoseRange(5, 7))
        let d = try #require(r.dailyEquivalent(in: .milligram, agent: .calcium))
        #expect(close(d.low, 5000.0 / 7) && d.high == 1000)
        #expect(try parse("1,000 mg a day at least 5 days a week").daysPerWeek == DoseRange(5, 7))
        #expect(close(r.dailyEquivalent(in: .gram, agent: .calcium)!.high, 1))
    }

    @Test func calciumDailyAndRanges() throws {
        #expect(try parse("500 mg calcium daily").dailyEquivalent(in: .milligram, agent: .calcium) == DoseRange(500))
        let m = try parse("800-1000 IU daily")
        #expect(m.amount == DoseRange(800, 1000) && m.dailyEquivalent(in: .iu, agent: .vitaminD) == DoseRange(800, 1000))
        #expect(try parse("800–2,000 IU per day").amount == DoseRange(800, 2000))
        #expect(try parse("10 000 IU daily").amount == DoseRange(10_000))
    }

    @Test func frequenciesAndCounts() throws {
        #expect(try parse("50,000 IU twice monthly").intervalDays == DoseRange(DayCounts.month / 2))
        #expect(try parse("20,000 IU 2 times a week").intervalDays == DoseRange(3.5))
        #expect(try parse("100,000 IU monthly").intervalDays == DoseRange(30.4375))
        #expect(try parse("300,000 IU once intramuscularly").doses == DoseRange(1))
        #expect(try parse("300,000 IU once intramuscularly").cumulative(in: .iu, agent: .vitaminD) == DoseRange(300_000))
        #expect(try parse("5 mg every other day").intervalDays == DoseRange(2))
        #expect(try parse("20,000 IU vitamin D(3) once a week for 96 weeks").durationDays == DoseRange(672))
        #expect(try parse("placebo once a week").amount == nil)
    }

    @Test func unreadableWordsAreErrors() {
        #expect(throws: InputError("x", "regimen \"20,000 IU fortnightlyish\": cannot read \"fortnightlyish\"")) {
            try RegimenParser.parse("20,000 IU fortnightlyish", location: "x")
        }
        #expect(throws: InputError("x", "regimen \"50,000 IU weekly then 1000 IU daily\": \"then\" joins two regimens; give each phase or alternative its own row")) {
            try RegimenParser.parse("50,000 IU weekly then 1000 IU daily", location: "x")
        }
        #expect(throws: InputError("x", "regimen \"20,000 IU daily weekly\": the frequency is given twice")) {
            try RegimenParser.parse("20,000 IU daily weekly", location: "x")
        }
    }

    @Test func conversions() {
        #expect(DoseConversion.factor(from: .microgram, to: .iu, agent: .vitaminD) == 40)
        #expect(DoseConversion.factor(from: .iu, to: .microgram, agent: .vitaminD) == 1.0 / 40)
        #expect(DoseConversion.factor(from: .iu, to: .microgram, agent: .calcium) == nil)
        #expect(close(DoseConversion.factor(from: .milligram, to: .microgram, agent: .calcium)!, 1000))
        // Seed 003: "≥30 ng/mL (75 nmol/L)": 30 × 2.496 = 74.88, which prints as 75.
        #expect(close(DoseConversion.nmolPerL(fromNgPerML: 30), 74.88))
        #expect(close(DoseConversion.ngPerML(fromNmolPerL: 74.88), 30))
    }

    @Test func agentKinds() {
        #expect(AgentKind.classify("vitamin D3") == .vitaminD)
        #expect(AgentKind.classify("cholecalciferol") == .vitaminD)
        #expect(AgentKind.classify("calcium carbonate") == .calcium)
        #expect(AgentKind.classify("MK-7") == .vitaminK2)
        #expect(AgentKind.classify("alfacalcidol") == .other)
        #expect(AgentKind.classify("menatetrenone (vitamin K2 MK-4)") == .other)
        #expect(AgentKind.classify("placebo") == .placebo)
    }
}
