import Foundation
import Testing
@testable import TSDistributions
import TSTestSupport

/// Reference rows written by Tests/Reference/special_gamma.py (mpmath, 50 digits).
private struct GammaFixtureRow {
    var kind: String
    var a: Double
    var x: Double
    var v1: Double
    var v2: Double
}

private let gammaFixtureResult = Result { () throws -> [GammaFixtureRow] in
    try Fixtures.lines("special_gamma.csv", fields: 5).map { line in
        // An empty field is one the row's kind does not use (x for bd0, v2 for the inverses): NaN, as before.
        func value(_ i: Int) throws -> Double { line.fields[i].isEmpty ? .nan : try line.double(i) }
        return GammaFixtureRow(kind: line.fields[0], a: try value(1), x: try value(2), v1: try value(3), v2: try value(4))
    }
}

/// The fixture's rows; throws, naming the file and line, when it is missing or a field is not a number.
private var gammaFixture: [GammaFixtureRow] { get throws { try gammaFixtureResult.get() } }

/// `Tolerance.relativeError`: a reference of 0 admits only 0, a NaN never passes.
private func relativeError(_ value: Double, _ reference: Double) -> Double {
    Tolerance.relativeError(value, reference)
}

/// Worst relative error over a set of comparisons, with the place it happened (for failure messages).
private struct Worst: CustomStringConvertible {
    var error = 0.0
    var count = 0
    var at = ""
    mutating func add(_ value: Double, _ reference: Double, _ label: @autoclosure () -> String) {
        add(error: relativeError(value, reference), label())
    }
    mutating func add(error e: Double, _ label: @autoclosure () -> String) {
        count += 1
        if !(e <= error) {
            error = e
            at = label()
        }
    }
    var description: String { "max rel err \(error) over \(count) points (worst at \(at))" }
}

/// Values below this are outside the accuracy claim (subnormal or nearly so), per the contract.
private let smallestChecked = 1e-300

@Suite("Incomplete gamma ratios and inverses")
struct IncompleteGammaTests {
    @Test("fixture is present and large")
    func fixturePresent() throws {
        #expect(try gammaFixture.count > 2000)
    }

    /// P and Q against mpmath, per DiDonato–Morris region.
    @Test("P and Q match mpmath to 1e-13 in every region")
    func ratiosMatchMpmath() throws {
        var regions: [String: Worst] = [:]
        for row in try gammaFixture where row.kind == "ratio" {
            let (p, q) = Special.gammaRatios(a: row.a, x: row.x)
            let region: String
            if row.a < 1 && row.x <= 1.1 {
                region = "a<1, x<=1.1 (gam1 series)"
            } else if row.a >= 20 && abs(row.x - row.a) <= 0.4 * row.a {
                region = "a>=20, |x-a|<=0.4a (Temme)"
            } else if row.x < row.a {
                region = "x<a (P series)"
            } else {
                region = "x>=a (continued fraction)"
            }
            let label = "a=\(row.a) x=\(row.x)"
            if row.v1 >= smallestChecked { regions[region, default: Worst()].add(p, row.v1, "P " + label) }
            if row.v2 >= smallestChecked { regions[region, default: Worst()].add(q, row.v2, "Q " + label) }
        }
        #expect(regions.count == 4)
        for (region, worst) in regions.sorted(by: { $0.key < $1.key }) {
            print("gammaRatios \(region): \(worst)")
            // 1e-13: the accuracy claimed in the contract (about 450 ulps); the implementation is ~1e-15.
            #expect(worst.error <= 1e-13, "\(region): \(worst)")
        }
    }

    @Test("gammaP and gammaQ agree with gammaRatios and sum to one")
    func componentsAndComplement() throws {
        for (a, x) in [(0.01, 0.3), (2.5, 1.0), (30.0, 31.0), (1e6, 1.001e6), (0.5, 40.0)] {
            let r = Special.gammaRatios(a: a, x: x)
            #expect(Special.gammaP(a, x) == r.p)
            #expect(Special.gammaQ(a, x) == r.q)
            // 4 ulps of 1: one rounding in each of P, Q and the complement.
            #expect(abs(r.p + r.q - 1) <= 4 * Double.ulpOfOne)
        }
    }

    @Test("edge arguments: x = 0, x = ∞, invalid a or x")
    func edgeArguments() throws {
        #expect(Special.gammaRatios(a: 3, x: 0) == (0, 1))
        #expect(Special.gammaRatios(a: 3, x: .infinity) == (1, 0))
        #expect(Special.gammaP(-1, 2).isNaN)
        #expect(Special.gammaQ(0, 2).isNaN)
        #expect(Special.gammaP(2, -1).isNaN)
        #expect(Special.gammaQ(.nan, 1).isNaN)
        #expect(Special.gammaP(1, .nan).isNaN)
    }

    /// The exponential distribution: Q(1, x) = e^{−x} exactly, far into the tail.
    @Test("Q(1, x) = exp(-x) down to 1e-300")
    func exponentialCase() throws {
        for x in [1e-10, 0.5, 1.0, 3.0, 50.0, 300.0, 690.0] {
            // 1e-14: e^{−x} is correctly rounded by libm; the ratio is computed to a few ulps.
            #expect(relativeError(Special.gammaQ(1, x), Foundation.exp(-x)) <= 1e-14)
        }
    }

    @Test("inverseGammaP and inverseGammaQ match mpmath to 1e-13 for p, q in [1e-300, 0.5]")
    func inversesMatchMpmath() throws {
        var lowerWorst = Worst()
        var upperWorst = Worst()
        for row in try gammaFixture where row.kind == "invp" || row.kind == "invq" {
            guard row.v1 >= smallestChecked else { continue }
            if row.kind == "invp" {
                lowerWorst.add(Special.inverseGammaP(a: row.a, p: row.x), row.v1, "a=\(row.a) p=\(row.x)")
            } else {
                upperWorst.add(Special.inverseGammaQ(a: row.a, q: row.x), row.v1, "a=\(row.a) q=\(row.x)")
            }
        }
        print("inverseGammaP: \(lowerWorst)")
        print("inverseGammaQ: \(upperWorst)")
        #expect(lowerWorst.count > 250 && upperWorst.count > 250)
        // 1e-13 relative in x: the contract's claim. The inherent limit is (relative error of P)/(a·…),
        // about 20 ulps at a = 0.05 in the lower tail.
        #expect(lowerWorst.error <= 1e-13, "\(lowerWorst)")
        #expect(upperWorst.error <= 1e-13, "\(upperWorst)")
    }

    @Test("inverses round-trip and handle the end points")
    func inverseRoundTripAndEnds() throws {
        #expect(Special.inverseGammaP(a: 2, p: 0) == 0)
        #expect(Special.inverseGammaP(a: 2, p: 1) == .infinity)
        #expect(Special.inverseGammaQ(a: 2, q: 0) == .infinity)
        #expect(Special.inverseGammaQ(a: 2, q: 1) == 0)
        #expect(Special.inverseGammaP(a: 2, p: 1.5).isNaN)
        #expect(Special.inverseGammaQ(a: -2, q: 0.5).isNaN)
        for a in [0.07, 0.8, 4.2, 77.7, 3.3e4] {
            for t in [1e-200, 1e-9, 0.03, 0.3, 0.7, 0.97] {
                for upper in [false, true] {
                    let x = upper ? Special.inverseGammaQ(a: a, q: t) : Special.inverseGammaP(a: a, p: t)
                    guard x >= smallestChecked else { continue }  // answer not a normal double
                    let back = upper ? Special.gammaQ(a, x) : Special.gammaP(a, x)
                    // Rounding x to a double moves the ratio by up to cond·ulp/2, cond = |d log F/d log x|
                    // = x·density/F; on top of that the ratio's own 1e-13 claim.
                    let cond = Foundation.exp(Special.logGammaDensityPrefix(a: a, x: x)) / back
                    #expect(relativeError(back, t) <= 1e-13 + cond * Double.ulpOfOne,
                            "a=\(a) \(upper ? "q" : "p")=\(t) x=\(x)")
                }
            }
        }
    }

    @Test("logGammaDensityPrefix matches mpmath")
    func prefixMatchesMpmath() throws {
        var worst = Worst()
        for row in try gammaFixture where row.kind == "prefix" {
            // error relative to max(1, |value|): a log near 0 is judged absolutely
            let v = Special.logGammaDensityPrefix(a: row.a, x: row.x)
            worst.add(error: abs(v - row.v1) / max(1, abs(row.v1)), "a=\(row.a) x=\(row.x)")
        }
        print("logGammaDensityPrefix: \(worst)")
        // 1e-14: the exponent is carried in double-double, the result is one double.
        #expect(worst.count > 50 && worst.error <= 1e-14, "\(worst)")
    }
}

@Suite("Loader's corrections and log1pmx")
struct GammaCorrectionTests {
    @Test("log1pmx, stirlingError and bd0 match mpmath")
    func correctionsMatchMpmath() throws {
        var l = Worst(), s = Worst(), b = Worst()
        for row in try gammaFixture {
            switch row.kind {
            case "log1pmx": l.add(Special.log1pmx(row.x), row.v1, "x=\(row.x)")
            case "stirling": s.add(Special.stirlingError(row.a), row.v1, "n=\(row.a)")
            case "bd0": b.add(Special.bd0(row.x, row.a), row.v1, "x=\(row.x) np=\(row.a)")
            default: break
            }
        }
        print("log1pmx: \(l)\nstirlingError: \(s)\nbd0: \(b)")
        // 1e-15 (≈ 5 ulps): each is a short cancellation-free formula.
        #expect(l.count > 20 && l.error <= 1e-15, "\(l)")
        #expect(s.count > 20 && s.error <= 1e-15, "\(s)")
        #expect(b.count > 50 && b.error <= 1e-15, "\(b)")
    }

    @Test("logGamma1p and rgamma1pm1 near 0 and 1")
    func smallArgumentGamma() throws {
        // Γ(1+a) = 1 − γa + … : 1/Γ(1+a) − 1 ≈ γa for tiny a; exact 0 at a = 0 and a = 1.
        #expect(Special.rgamma1pm1(0) == 0)
        #expect(Special.rgamma1pm1(1) == 0)
        let a = 1e-12
        // 1e-11 relative: the next Taylor term is O(a) relative to γa.
        #expect(relativeError(Special.rgamma1pm1(a), 0.5772156649015329 * a) <= 1e-11)
        // log Γ(1.5) = log(√π/2), log Γ(2.5) = log(3√π/4). 2e-15: at a = ½ the result is formed as
        // log Γ(2.5) − log 1.5, a cancellation by a factor of about 6 (≈ 10 ulps).
        #expect(relativeError(Special.logGamma1p(0.5), Foundation.log(Double.pi.squareRoot() / 2)) <= 2e-15)
        #expect(relativeError(Special.logGamma1p(1.5), Foundation.log(3 * Double.pi.squareRoot() / 4)) <= 2e-15)
    }
}
