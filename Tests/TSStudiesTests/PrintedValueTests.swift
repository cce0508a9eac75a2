import Foundation
import Testing
import TSCore
@testable import TSStudies

@Suite struct PrintedValues {
    @Test func precisionIsKeptSoThatPoint70IsNotPoint7() throws {
        let a = try PrintedValue.parse("0.70", location: "x")
        let b = try PrintedValue.parse("0.7", location: "x")
        #expect(a.value == b.value)
        #expect(a.decimals == 2 && b.decimals == 1)
        // Interval ends are value ± 0.5·10^-d computed in binary floating point: compare within 1e-15 (a few ulps).
        #expect(abs(a.interval.lower - 0.695) < 1e-15 && abs(a.interval.upper - 0.705) < 1e-15)
        #expect(abs(b.interval.lower - 0.65) < 1e-15 && abs(b.interval.upper - 0.75) < 1e-15)
        #expect(b.isConsistent(with: 0.73) && !a.isConsistent(with: 0.73))
    }

    @Test(arguments: [
        ("P<0.0001", 0.0001, PrintedValue.Bound.lessThan, 4), ("p = 0.006", 0.006, .exact, 3), ("p=0.332", 0.332, .exact, 3),
        ("P ≤ 0.05", 0.05, .atMost, 2), ("p > 0.05", 0.05, .greaterThan, 2), ("<0.001", 0.001, .lessThan, 3),
        ("P >= 0.1", 0.1, .atLeast, 1), ("0.118", 0.118, .exact, 3),
    ])
    func pValuesWithLabelsAndBounds(text: String, value: Double, bound: PrintedValue.Bound, decimals: Int) throws {
        let v = try PrintedValue.parse(text, location: "x", label: "p")
        #expect(v.value == value && v.bound == bound && v.decimals == decimals && v.text == text)
    }

    @Test func boundsStandForHalfLines() throws {
        let v = try PrintedValue.parse("P<0.0001", location: "x", label: "p")
        #expect(v.interval.lower == -.infinity && v.interval.upper == 0.0001)
        #expect(v.interval(within: 0...1) == (0, 0.0001))
        #expect(v.isConsistent(with: 0.00009) && !v.isConsistent(with: 0.0001))
        let w = try PrintedValue.parse("≥5", location: "x")
        #expect(w.isConsistent(with: 5) && w.interval.upper == .infinity)
    }

    @Test(arguments: [("−1.4", -1.4, 1), ("1,725", 1725.0, 0), ("5.0%", 5.0, 1), ("+31.6", 31.6, 1), ("\u{2013}0.4", -0.4, 1)])
    func numbersAsPapersPrintThem(text: String, value: Double, decimals: Int) throws {
        let v = try PrintedValue.parse(text, location: "x")
        #expect(v.value == value && v.decimals == decimals && v.bound == .exact)
    }

    @Test func percentSignIsRemembered() throws {
        #expect(try PrintedValue.parse("3.8%", location: "x").percent)
        #expect(try !PrintedValue.parse("3.8", location: "x").percent)
    }

    @Test func integersStandForPlusMinusAHalf() throws {
        let v = try PrintedValue.parse("1,725", location: "x")
        #expect(v.interval == (1724.5, 1725.5))
    }

    @Test func errorsNameTheWholeCell() {
        #expect(throws: InputError("f.csv:2:3", "expected a number, found \"P<abc\"")) {
            try PrintedValue.parse("P<abc", location: "f.csv:2:3", label: "p")
        }
        #expect(throws: InputError("f.csv:2:3", "expected a number after \"<\"")) {
            try PrintedValue.parse("<", location: "f.csv:2:3")
        }
    }

    @Test func intervalsInOneCell() throws {
        for text in ["−2.3 to −0.4", "(−2.3 to −0.4)", "-2.3; -0.4", "−2.3, −0.4", "[-2.3 - -0.4]"] {
            let ci = try PrintedPairs.interval(text, location: "x")
            #expect(ci.lower.value == -2.3 && ci.upper.value == -0.4, "\(text)")
        }
        #expect(throws: InputError("x", "interval \"0.2 to -1.6\" has its lower bound above its upper bound")) {
            try PrintedPairs.interval("0.2 to -1.6", location: "x")
        }
        #expect(throws: InputError("x", "cannot split \"-1.6–0.2\" into two bounds; write it as \"lower to upper\"")) {
            try PrintedPairs.interval("-1.6–0.2", location: "x")
        }
    }

    @Test func meanPlusMinusSD() throws {
        let a = try PrintedPairs.meanSD("2.7 ± 0.4", location: "x")
        #expect(a.mean.value == 2.7 && a.sd.value == 0.4 && a.sd.decimals == 1)
        let b = try PrintedPairs.meanSD("0.05% ± 1.46%", location: "x")
        #expect(b.mean.value == 0.05 && b.mean.decimals == 2 && b.sd.value == 1.46 && b.mean.percent)
        let c = try PrintedPairs.meanSD("−4.1 +/- 11.5", location: "x")
        #expect(c.mean.value == -4.1 && c.sd.value == 11.5)
    }
}
