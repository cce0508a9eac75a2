import Testing
@testable import TSTables

struct RiskDifferenceTests {
    /// Newcombe (1998) Stat Med 17:873, Table II, method 10 (hybrid Wilson score), examples (a)–(h).
    @Test func newcombe1998TableIIMethod10() throws {
        let published: [(Int, Int, Int, Int, Double, Double)] = [
            (56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090), (6, 7, 2, 7, 0.0582, 0.8062),
            (5, 56, 0, 29, -0.0381, 0.1926), (0, 10, 0, 20, -0.1611, 0.2775), (0, 10, 0, 10, -0.2775, 0.2775),
            (10, 10, 0, 20, 0.6791, 1.0000), (10, 10, 0, 10, 0.6075, 1.0000),
        ]
        for (x1, n1, x2, n2, lo, hi) in published {
            let (l, u) = RiskDifference.interval(try TwoGroupCounts(x1: x1, n1: n1, x2: x2, n2: n2), method: .newcombe)
            // Printed to 4 decimals: within half a unit of the 4th place.
            #expect(abs(l - lo) <= 0.5e-4 + 1e-12, "\(x1)/\(n1)-\(x2)/\(n2) lower \(l) vs \(lo)")
            #expect(abs(u - hi) <= 0.5e-4 + 1e-12, "\(x1)/\(n1)-\(x2)/\(n2) upper \(u) vs \(hi)")
        }
    }

    /// Newcombe (1998) Table II, examples (a) 56/70−48/80, (b) 9/10−3/10, (g) 10/10−0/20 for the
    /// continuity-corrected hybrid (method 11) and Miettinen–Nurminen score intervals.
    @Test func newcombe1998TableIIMethod11AndMiettinenNurminen() throws {
        let published: [(Int, Int, Int, Int, RiskDifferenceMethod, Double, Double)] = [
            (56, 70, 48, 80, .newcombeCC, 0.0428, 0.3422), (9, 10, 3, 10, .newcombeCC, 0.1013, 0.8387), (10, 10, 0, 20, .newcombeCC, 0.6014, 1.0),
            (56, 70, 48, 80, .miettinenNurminen, 0.0528, 0.3382), (9, 10, 3, 10, .miettinenNurminen, 0.1700, 0.8406),
            (10, 10, 0, 20, .miettinenNurminen, 0.7156, 1.0),
        ]
        for (x1, n1, x2, n2, m, lo, hi) in published {
            let (l, u) = RiskDifference.interval(try TwoGroupCounts(x1: x1, n1: n1, x2: x2, n2: n2), method: m)
            // Printed to 4 decimals.
            #expect(abs(l - lo) <= 0.5e-4 + 1e-12, "\(m) \(x1)/\(n1)-\(x2)/\(n2) lower \(l) vs \(lo)")
            #expect(abs(u - hi) <= 0.5e-4 + 1e-12, "\(m) \(x1)/\(n1)-\(x2)/\(n2) upper \(u) vs \(hi)")
        }
    }

    @Test func allMethodsMatchMpmath() throws {
        var checked = 0
        for (x1, n1, x2, n2) in [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (0, 10, 0, 20), (0, 10, 0, 10),
                                 (10, 10, 0, 20), (10, 10, 0, 10), (12, 17, 3, 12), (150, 1725, 260, 1240)] {
            let g = try TwoGroupCounts(x1: x1, n1: n1, x2: x2, n2: n2)
            for m in RiskDifferenceMethod.allCases {
                let key = "rd_\(x1)_\(n1)_\(x2)_\(n2)"
                guard let lo = Fixture.mp(key, "lower", m.rawValue), let hi = Fixture.mp(key, "upper", m.rawValue) else {
                    Issue.record("missing fixture \(key) \(m)"); continue
                }
                let (l, u) = RiskDifference.interval(g, method: m)
                // MN bounds are roots of the score (bisection to full precision on a double score whose
                // rounding is ~1e-15 relative); mpmath uses the independent Farrington–Manning cubic.
                // 1e-9 relative with absolute floor 1e-9 for bounds at 0.
                #expect(close(l, lo, rel: 1e-9, floor: 1), "\(m) \(key) lower \(l) vs \(lo)")
                #expect(close(u, hi, rel: 1e-9, floor: 1), "\(m) \(key) upper \(u) vs \(hi)")
                checked += 1
            }
        }
        #expect(checked == 50)
    }
}

struct RiskRatioTests {
    @Test func scoreAndKatzIntervalsMatchMpmath() throws {
        var checked = 0
        for (x1, n1, x2, n2) in [(12, 17, 3, 12), (56, 70, 48, 80), (9, 10, 3, 10), (150, 1725, 260, 1240), (5, 56, 1, 29)] {
            let g = try TwoGroupCounts(x1: x1, n1: n1, x2: x2, n2: n2)
            for m in RiskRatioMethod.allCases {
                let key = "rr_\(x1)_\(n1)_\(x2)_\(n2)"
                guard let lo = Fixture.mp(key, "lower", m.rawValue), let hi = Fixture.mp(key, "upper", m.rawValue) else {
                    Issue.record("missing fixture \(key) \(m)"); continue
                }
                let (l, u, _) = RiskRatio.interval(g, method: m)
                // Roots found by bisection in log φ to full double precision; 1e-9 relative.
                #expect(close(l, lo, rel: 1e-9), "\(m) \(key) lower \(l) vs \(lo)")
                #expect(close(u, hi, rel: 1e-9), "\(m) \(key) upper \(u) vs \(hi)")
                checked += 1
            }
        }
        #expect(checked == 15)
    }

    @Test func zeroCellsAreHandledAndReported() throws {
        let g = try TwoGroupCounts(x1: 5, n1: 56, x2: 0, n2: 29)
        let katz = RiskRatio.interval(g, method: .katz)
        #expect(katz.note?.contains("0.5") == true)
        let mn = RiskRatio.interval(g, method: .miettinenNurminen)
        #expect(mn.upper == .infinity)
        #expect(mn.lower > 0 && mn.lower < 1)
        let w = OddsRatio.woolf(g)
        #expect(w.note?.contains("Haldane") == true)
    }
}

struct FisherExactTests {
    static let cases = [(3, 1, 1, 3), (12, 5, 3, 9), (56, 14, 48, 32), (5, 51, 0, 29), (1, 9, 11, 3), (150, 1575, 260, 980), (10, 0, 0, 10), (2, 7, 8, 2)]

    /// Fisher's tea-tasting experiment (Fisher 1935; Agresti 2002 Table 3.8): 3 of 4 cups right,
    /// one-sided P = 17/70 = 0.2429, two-sided (minlike) P = 34/70 = 0.4857.
    @Test func teaTastingAgresti2002() throws {
        let r = FisherExact2x2.test(try TwoGroupCounts(x1: 3, n1: 4, x2: 1, n2: 4))
        // Exact rationals: only float rounding of a 5-term sum separates us from 17/70 and 34/70.
        #expect(close(r.pGreater, 17.0 / 70.0, rel: 1e-14))
        #expect(close(r.pMinlike, 34.0 / 70.0, rel: 1e-14))
        #expect(close(r.pCentral, 34.0 / 70.0, rel: 1e-14))
    }

    @Test func pValuesMatchExactRationalSums() throws {
        for (a, b, c, d) in Self.cases {
            let r = FisherExact2x2.test(try TwoGroupCounts(x1: a, n1: a + b, x2: c, n2: c + d))
            let key = "fisher_\(a)_\(b)_\(c)_\(d)"
            // 1e-12 relative: probabilities are exact-difference log-factorials (double-double) and
            // a sum of ≤ 411 terms; error ~1e-14, margin for the exponentials.
            for (name, v) in [("minlike", r.pMinlike), ("central", r.pCentral), ("less", r.pLess), ("greater", r.pGreater)] {
                guard let ref = Fixture.mp(key, "p_value", name) else { Issue.record("missing \(key) \(name)"); continue }
                #expect(close(v, ref, rel: 1e-12), "\(key) \(name) \(v) vs \(ref)")
            }
        }
    }

    @Test func conditionalOddsRatioAndIntervalsMatchMpmath() throws {
        for (a, b, c, d) in Self.cases {
            let g = try TwoGroupCounts(x1: a, n1: a + b, x2: c, n2: c + d)
            let key = "fisher_\(a)_\(b)_\(c)_\(d)"
            let h = OddsRatio.support(g)
            if h.lo < h.observed && h.observed < h.hi {
                // The generator writes the MLE for every table whose count is inside its support: required.
                let ref = try #require(Fixture.mp(key, "estimate", "conditional_mle"), "no mpmath conditional MLE for \(key)")
                // Root of E_ψ[X] = x by bisection in log ψ; the mean is a ratio of sums accurate to
                // ~1e-14, divided by Var(X) ≥ ~0.5: 1e-10 relative.
                #expect(close(OddsRatio.conditionalMLE(g), ref, rel: 1e-10), "\(key) MLE")
            } else {
                // At an end of the support the likelihood is monotone: the MLE is 0 or ∞ (none in the fixture).
                #expect(OddsRatio.conditionalMLE(g) == (h.observed == h.lo ? 0 : .infinity), "\(key) MLE at the support's end")
                #expect(Fixture.mp(key, "estimate", "conditional_mle") == nil)
            }
            for (mid, name) in [(false, "exact"), (true, "mid_p")] {
                let (l, u) = OddsRatio.conditionalInterval(g, midP: mid)
                // Tail probability roots: tail sums accurate to ~1e-14 relative, slope in log ψ ≥ ~1e-3
                // at the roots here: 1e-9 relative.
                if let ref = Fixture.mp(key, "lower", name) { #expect(close(l, ref, rel: 1e-9), "\(key) \(name) lower \(l) vs \(ref)") } else { #expect(l == 0) }
                if let ref = Fixture.mp(key, "upper", name) { #expect(close(u, ref, rel: 1e-9), "\(key) \(name) upper \(u) vs \(ref)") } else { #expect(u == .infinity) }
            }
        }
    }

    @Test func matchesRFisherTest() throws {
        for (name, a, b, c, d) in [("t_12_5__3_9", 12, 5, 3, 9), ("t_56_14__48_32", 56, 14, 48, 32), ("t_150_1575__260_980", 150, 1575, 260, 980), ("t_3_1__1_3", 3, 1, 1, 3)] {
            let g = try TwoGroupCounts(x1: a, n1: a + b, x2: c, n2: c + d)
            let p = try #require(Fixture.rv(name, "p_value", "fisher_minlike"))
            // R sums dhyper values (relative error ~1e-15 per term): 1e-12 relative.
            #expect(close(FisherExact2x2.test(g).pMinlike, p, rel: 1e-12), "\(name)")
            let est = try #require(Fixture.rv(name, "estimate", "conditional_mle"))
            // R's uniroot for the MLE uses tol = .Machine$double.eps^0.25 (~1.2e-4): 1e-4 relative.
            #expect(close(OddsRatio.conditionalMLE(g), est, rel: 1e-4), "\(name) MLE")
            let lo = try #require(Fixture.rv(name, "lower", "fisher_exact_ci"))
            let (l, _) = OddsRatio.conditionalInterval(g)
            // R's CI is also a uniroot with the same loose tolerance: 1e-3 relative (mpmath is the real check).
            #expect(close(l, lo, rel: 1e-3), "\(name) lower")
        }
    }
}
