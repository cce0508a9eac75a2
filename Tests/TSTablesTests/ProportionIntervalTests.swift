import TSCore
import Testing
import TSTestSupport
@testable import TSTables

struct ProportionIntervalTests {
    static let cases = [(81, 263), (15, 148), (0, 20), (1, 29), (7, 50), (29, 29), (1725, 2965)]

    @Test func allMethodsMatchMpmath() throws {
        var checked = 0
        for (x, n) in Self.cases {
            let c = try BinomialCount(events: x, n: n)
            // The generator (Tests/Reference/tables_mpmath.py) writes every method for every case except mid-p
            // above n = 1000; every other pair must be in the fixture.
            for m in ProportionMethod.allCases where !(m == .midP && n > 1000) {
                let lo = try #require(Fixture.mp("prop_\(x)_\(n)", "lower", m.rawValue), "no mpmath lower \(m) \(x)/\(n)")
                let hi = try #require(Fixture.mp("prop_\(x)_\(n)", "upper", m.rawValue), "no mpmath upper \(m) \(x)/\(n)")
                let (l, u) = ProportionInterval.interval(c, method: m, level: 0.95)
                // 1e-9 relative (floor 1e-15 for bounds at 0): the exact-method bounds are roots of a
                // tail probability found by bisection on double-precision sums/incomplete beta, whose
                // own relative error is ~1e-13; the closed forms agree to ~1e-15.
                #expect(close(l, lo, rel: 1e-9, floor: 1e-6), "\(m) \(x)/\(n) lower \(l) vs \(lo)")
                #expect(close(u, hi, rel: 1e-9, floor: 1e-6), "\(m) \(x)/\(n) upper \(u) vs \(hi)")
                checked += 1
            }
        }
        #expect(checked == Self.cases.count * ProportionMethod.allCases.count - 1)
    }

    /// Mid-p bounds at n up to 10^6 against mpmath at 40 digits (Tests/Reference/midp_large_n.py, tails summed term
    /// by term). The tails come from the incomplete beta and Loader's pmf, so the work does not grow with n.
    @Test func midPAtLargeNMatchesMpmath() throws {
        let rows = try Fixtures.lines("midp_large_n.csv", fields: 4)
        #expect(rows.count == 3)
        for r in rows {
            let c = try BinomialCount(events: try r.int(0), n: try r.int(1))
            let (l, u) = ProportionInterval.interval(c, method: .midP, level: 0.95)
            // 2e-15 relative: the root of a tail whose evaluation carries a few ulps (incomplete beta, pmf),
            // found by bisection to the last bit; measured ≤ 1.5e-16 at n = 10^6.
            #expect(close(l, try r.double(2), rel: 2e-15, floor: 0), "\(r.location) lower \(l)")
            #expect(close(u, try r.double(3), rel: 2e-15, floor: 0), "\(r.location) upper \(u)")
        }
    }

    @Test func groupSizesBeyondTwoToThe52AreRefused() {
        #expect(throws: InputError.self) { try BinomialCount(events: 3, n: (1 << 52) + 1) }
        let (l, u) = ProportionInterval.interval(try! BinomialCount(events: 1 << 50, n: 1 << 52), method: .midP, level: 0.95)
        #expect(l < 0.25 && 0.25 < u && u - l < 1e-6)
    }

    /// Newcombe (1998) Stat Med 17:857 (single proportion): Wilson score intervals (method 3) for the
    /// paper's examples 81/263, 15/148, 0/20 and 1/29, printed to 4 decimals.
    @Test func newcombe1998SingleProportionWilsonExamples() throws {
        let published: [(Int, Int, Double, Double)] = [
            (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0000, 0.1611), (1, 29, 0.0061, 0.1718),
        ]
        for (x, n, lo, hi) in published {
            let (l, u) = ProportionInterval.interval(try BinomialCount(events: x, n: n), method: .wilson)
            // Published to 4 decimals: agreement within half a unit in the 4th place (+ float slack).
            #expect(abs(l - lo) <= 0.5e-4 + 1e-12, "\(x)/\(n) lower \(l) vs \(lo)")
            #expect(abs(u - hi) <= 0.5e-4 + 1e-12, "\(x)/\(n) upper \(u) vs \(hi)")
        }
    }

    @Test func clopperPearsonAndWilsonMatchR() throws {
        for (x, n) in Self.cases {
            let c = try BinomialCount(events: x, n: n)
            for (m, key) in [(ProportionMethod.clopperPearson, "clopper_pearson"), (.wilson, "wilson"), (.wilsonCC, "wilson_cc")] {
                guard let lo = Fixture.rv("prop_\(x)_\(n)", "lower", key), let hi = Fixture.rv("prop_\(x)_\(n)", "upper", key) else {
                    Issue.record("missing R fixture \(key) \(x)/\(n)"); continue
                }
                let (l, u) = ProportionInterval.interval(c, method: m)
                // R binom.test/prop.test solve with uniroot-level tolerance (~1e-10 rel), so 1e-8 relative.
                #expect(close(l, lo, rel: 1e-8, floor: 1e-10), "\(key) \(x)/\(n) lower \(l) vs R \(lo)")
                #expect(close(u, hi, rel: 1e-8, floor: 1e-10), "\(key) \(x)/\(n) upper \(u) vs R \(hi)")
            }
        }
    }

    @Test func eventsAboveGroupSizeIsRejectedNamingTheParameter() {
        #expect(throws: InputError(.parameter("events"), "events (8) exceed the group size 7")) { try BinomialCount(events: 8, n: 7) }
        #expect(throws: InputError(.parameter("n"), "group size must be at least 1, found 0")) { try BinomialCount(events: 1, n: 0) }
    }
}
