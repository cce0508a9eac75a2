import Foundation
import Testing

@testable import TSDistributions
import TSTestSupport

/// Reference rows produced by Tests/Reference/special_beta.py (mpmath, 50 digits) into
/// Tests/Fixtures/special_beta.csv: tag,kind,a,b,u,v,r1,r2.
private struct BetaReferenceRow {
    var tag: String
    var kind: String
    var a: Double
    var b: Double
    var u: Double
    var v: Double
    var r1: Double
    var r2: Double
}

private let betaReferenceResult = Result { () throws -> [BetaReferenceRow] in
    try Fixtures.lines("special_beta.csv", fields: 8).map { line in
        BetaReferenceRow(tag: line.fields[0], kind: line.fields[1], a: try line.double(2), b: try line.double(3),
                         u: try line.double(4), v: try line.double(5), r1: try line.double(6), r2: try line.double(7))
    }
}

/// The fixture's rows; throws, naming the file and line, when it is missing or a field is not a number.
private var betaReferenceRows: [BetaReferenceRow] { get throws { try betaReferenceResult.get() } }

/// `Tolerance.relativeError`: a reference of 0 admits only 0, a NaN never passes.
private func relativeError(_ computed: Double, _ reference: Double) -> Double {
    Tolerance.relativeError(computed, reference)
}

/// The accuracy target for I_x(a,b), 1 - I_x(a,b) and the inverse: 1e-13 relative. Measured worst case on the
/// fixture is 2.6e-14 (far tails, p ~ 1e-293, where the exponent ~ -675 of x^a y^b/B amplifies the last
/// rounding of the deviance); everything else is below 1.7e-14.
private let betaTarget = 1e-13

@Suite("Incomplete beta ratio against mpmath")
struct IncompleteBetaReferenceTests {
    @Test(
        "I_x(a,b) and its complement match mpmath to 1e-13 relative, per region",
        arguments: ["random", "random-xsmall", "random-ysmall", "grid", "student-t", "F", "binomial", "deep-tail"])
    func ratiosMatchReference(tag: String) throws {
        let rows = try betaReferenceRows.filter { $0.tag == tag && $0.kind == "ratio" }
        #expect(rows.count > 50)
        var worst = 0.0
        for row in rows {
            let r = Special.betaRatios(a: row.a, b: row.b, x: row.u, y: row.v)
            // Only values that are normal doubles >= 1e-300 carry a relative-accuracy promise.
            if row.r1 >= 1e-300 {
                let e = relativeError(r.p, row.r1)
                worst = max(worst, e)
                #expect(e <= betaTarget, "p: a=\(row.a) b=\(row.b) x=\(row.u) y=\(row.v) got \(r.p) want \(row.r1)")
            }
            if row.r2 >= 1e-300 {
                let e = relativeError(r.q, row.r2)
                worst = max(worst, e)
                #expect(e <= betaTarget, "q: a=\(row.a) b=\(row.b) x=\(row.u) y=\(row.v) got \(r.q) want \(row.r2)")
            }
        }
        print("betaRatios \(tag): \(rows.count) points, worst relative error \(worst)")
    }

    @Test(
        "inverseBeta recovers x (and the small y) to 1e-13 relative for p or q from 1e-300 to 0.5",
        arguments: ["inverse-lower", "inverse-upper"])
    func inverseMatchesReference(tag: String) throws {
        let rows = try betaReferenceRows.filter { $0.tag == tag }
        #expect(rows.count > 300)
        var worst = 0.0
        for row in rows {
            let r = Special.inverseBeta(a: row.a, b: row.b, p: row.u, q: row.v)
            var e = relativeError(r.x, row.r1)
            if row.r2 <= 0.5 { e = max(e, relativeError(r.y, row.r2)) }
            worst = max(worst, e)
            #expect(e <= betaTarget, "a=\(row.a) b=\(row.b) p=\(row.u) q=\(row.v) got \(r) want \(row.r1), \(row.r2)")
        }
        print("inverseBeta \(tag): \(rows.count) points, worst relative error \(worst)")
    }

    @Test("logBeta matches mpmath log-gammas for a, b in [0.01, 3e7]")
    func logBetaMatchesReference() throws {
        let rows = try betaReferenceRows.filter { $0.kind == "logbeta" }
        #expect(rows.count > 100)
        for row in rows {
            let got = Special.logBeta(row.a, row.b)
            // Absolute error in units of max(1, |log B|): what matters when exp(log B) is used. 4e-15 allows
            // a few ulps of the largest Stirling term; measured worst is 7.8e-16.
            #expect(abs(got - row.r1) <= 4e-15 * max(1, abs(row.r1)), "a=\(row.a) b=\(row.b) got \(got)")
        }
    }

    @Test("logBetaDensityPrefix matches mpmath within 20 sd of the mean")
    func logPrefixMatchesReference() throws {
        let rows = try betaReferenceRows.filter { $0.kind == "prefix" }
        #expect(rows.count > 100)
        for row in rows {
            let got = Special.logBetaDensityPrefix(a: row.a, b: row.b, x: row.u, y: row.v)
            // Same absolute criterion as logBeta (the prefix is used through exp); measured worst 1.4e-15.
            #expect(abs(got - row.r1) <= 4e-15 * max(1, abs(row.r1)), "a=\(row.a) b=\(row.b) x=\(row.u)")
        }
    }
}

@Suite("Incomplete beta ratio identities and edge cases")
struct IncompleteBetaIdentityTests {
    @Test("Closed forms: I_x(a,1) = x^a, I_x(1,b) = 1 - y^b, I_x(1/2,1/2) = (2/pi) asin(sqrt x)")
    func closedForms() throws {
        for a in [0.05, 0.7, 3.0, 250.0, 1e6] {
            for x in [1e-5, 0.2, 0.5, 0.9] {
                let r = Special.betaRatios(a: a, b: 1, x: x, y: 1 - x)
                let exact = Foundation.pow(x, a)
                guard exact >= 1e-300 else { continue }
                // pow is correctly rounded to < 1 ulp; 1e-13 is the accuracy target.
                #expect(relativeError(r.p, exact) <= betaTarget, "a=\(a) x=\(x)")
                let s = Special.betaRatios(a: 1, b: a, x: 1 - x, y: x)
                #expect(relativeError(s.q, exact) <= betaTarget, "b=\(a) y=\(x)")
            }
        }
        for x in [1e-12, 0.01, 0.3, 0.5] {
            let r = Special.betaRatios(a: 0.5, b: 0.5, x: x, y: 1 - x)
            // asin and sqrt are within an ulp or two; the target is 1e-13.
            #expect(relativeError(r.p, 2 / Double.pi * asin(x.squareRoot())) <= betaTarget, "x=\(x)")
        }
    }

    @Test("Swapping (a,b,x,y) to (b,a,y,x) swaps p and q")
    func symmetry() throws {
        for a in [0.05, 0.9, 2.5, 45.0, 1e3, 2e6] {
            for b in [0.3, 1.0, 17.0, 120.0, 5e5] {
                for x in [1e-7, 0.01, 0.3, 0.5, 0.8] {
                    let r = Special.betaRatios(a: a, b: b, x: x, y: 1 - x)
                    let s = Special.betaRatios(a: b, b: a, x: 1 - x, y: x)
                    // Different evaluation paths may be taken; each is within the 1e-13 target of the truth.
                    if r.p >= 1e-300 { #expect(relativeError(s.q, r.p) <= 2 * betaTarget, "a=\(a) b=\(b) x=\(x)") }
                    if r.q >= 1e-300 { #expect(relativeError(s.p, r.q) <= 2 * betaTarget, "a=\(a) b=\(b) x=\(x)") }
                }
            }
        }
    }

    @Test("Edge cases: x = 0 or y = 0, invalid parameters give NaN")
    func edgeCases() throws {
        #expect(Special.betaRatios(a: 2, b: 3, x: 0, y: 1) == (0, 1))
        #expect(Special.betaRatios(a: 2, b: 3, x: 1, y: 0) == (1, 0))
        #expect(Special.betaRatios(a: -1, b: 3, x: 0.5, y: 0.5).p.isNaN)
        #expect(Special.betaRatios(a: 1, b: .nan, x: 0.5, y: 0.5).q.isNaN)
        #expect(Special.inverseBeta(a: 2, b: 3, p: 0, q: 1) == (0, 1))
        #expect(Special.inverseBeta(a: 2, b: 3, p: 1, q: 0) == (1, 0))
        #expect(Special.inverseBeta(a: 0, b: 3, p: 0.5, q: 0.5).x.isNaN)
        // Roots below the smallest double (x ~ 1e-6000 here) are reported as the limit 0.
        #expect(Special.inverseBeta(a: 0.05, b: 0.05, p: 1e-300, q: 1) == (0, 1))
        #expect(Special.logBeta(1, 1) == 0)
        #expect(Special.logBeta(-1, 1).isNaN)
    }

    @Test("inverseBeta brackets the root within a few ulps over extreme shapes and tails")
    func inverseBracketsRoot() throws {
        let shapes = [0.05, 0.5, 1.0, 3.0, 50.0, 1e4, 1e7]
        let probabilities = [1e-300, 1e-100, 1e-20, 1e-5, 0.1, 0.5]
        for a in shapes {
            for b in shapes {
                for prob in probabilities {
                    for upper in [false, true] {
                        let (p, q) = upper ? (1 - prob, prob) : (prob, 1 - prob)
                        let r = Special.inverseBeta(a: a, b: b, p: p, q: q)
                        #expect(r.x >= 0 && r.y >= 0 && r.x <= 1 && r.y <= 1)
                        // Root below the normal range (e.g. x ~ 1e-6000 for a = 0.05): no accuracy promise.
                        guard min(r.x, r.y) >= 1e-290 else { continue }
                        // The root lies between the neighbours 8 ulps away in the smaller coordinate: 8 ulps
                        // covers the ~1e-15 error of I_x where dlog I/dlog x is O(1).
                        let small = min(r.x, r.y)
                        let d = 8 * small.ulp
                        let below = r.x <= r.y ? (small - d, 1 - (small - d)) : (1 - (small + d), small + d)
                        let above = r.x <= r.y ? (small + d, 1 - (small + d)) : (1 - (small - d), small - d)
                        let lo = Special.betaRatios(a: a, b: b, x: below.0, y: below.1)
                        let hi = Special.betaRatios(a: a, b: b, x: above.0, y: above.1)
                        if upper {
                            #expect(lo.q >= q * (1 - 1e-13) && hi.q <= q * (1 + 1e-13), "a=\(a) b=\(b) q=\(q) \(r)")
                        } else {
                            #expect(lo.p <= p * (1 + 1e-13) && hi.p >= p * (1 - 1e-13), "a=\(a) b=\(b) p=\(p) \(r)")
                        }
                    }
                }
            }
        }
    }
}
