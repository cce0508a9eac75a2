import Testing
@testable import TSTables

struct OrdinalTestsTests {
    static let tables: [String: [[Int]]] = ["ord_30_15_5__18_20_12": [[30, 15, 5], [18, 20, 12]], "ord_2x4": [[6, 4, 3, 1], [1, 3, 4, 7]],
                                            "ord_2x3_small": [[4, 2, 1], [1, 2, 5]]]

    @Test func exactLinearByLinearAndMannWhitneyMatchExactRationals() throws {
        for (name, counts) in Self.tables {
            let t = try ContingencyTable(counts)
            let ex = try OrdinalTests.exactLinearByLinear(t)
            // Exact enumeration in rationals vs double-double relative weights: 1e-12 relative.
            #expect(close(ex.pValue, try #require(Fixture.mp(name, "p_value", "lbl_exact")), rel: 1e-12), "\(name)")
            #expect(close(ex.midP, try #require(Fixture.mp(name, "p_value", "lbl_mid_p")), rel: 1e-12), "\(name)")
            let mw = try OrdinalTests.mannWhitney(t)
            #expect(close(mw.exactPValue, try #require(Fixture.mp(name, "p_value", "mw_exact")), rel: 1e-12), "\(name) MW")
            #expect(close(mw.exactMidP, try #require(Fixture.mp(name, "p_value", "mw_mid_p")), rel: 1e-12), "\(name) MW mid-p")
        }
    }

    @Test func cochranArmitageAndMannWhitneyMatchR() throws {
        for (name, counts) in ["t_30_15_5__18_20_12": [[30, 15, 5], [18, 20, 12]], "t_2x4": [[6, 4, 3, 1], [1, 3, 4, 7]],
                               "t_700_520_505__380_410_450": [[700, 520, 505], [380, 410, 450]]] {
            let t = try ContingencyTable(counts)
            let ca = try OrdinalTests.cochranArmitage(t)
            // Closed forms; R computes the same via weighted least squares: 1e-10 relative.
            #expect(close(ca.chiSquare, try #require(Fixture.rv(name, "statistic", "cochran_armitage")), rel: 1e-10), "\(name)")
            #expect(close(ca.pValue, try #require(Fixture.rv(name, "p_value", "cochran_armitage")), rel: 1e-9), "\(name) p")
            let mw = try OrdinalTests.mannWhitney(t)
            #expect(close(mw.u, try #require(Fixture.rv(name, "statistic", "mann_whitney_u")), rel: 1e-14), "\(name) U")
            // wilcox.test(correct = FALSE) uses the same tie-corrected variance: 1e-10 relative.
            #expect(close(mw.pValue, try #require(Fixture.rv(name, "p_value", "mann_whitney_normal")), rel: 1e-10), "\(name) MW p")
        }
    }

    @Test func linearByLinearIsCochranArmitageScaledByNMinus1OverN() throws {
        let t = try ContingencyTable([[30, 15, 5], [18, 20, 12]])
        let ca = try OrdinalTests.cochranArmitage(t)
        let ll = OrdinalTests.linearByLinear(t, rowScores: [1, 0])
        // Identity M² = X²_CA (N−1)/N (Agresti 2002 §3.4.6); float rounding only.
        #expect(close(ll.chiSquare, ca.chiSquare * 99 / 100, rel: 1e-13))
    }
}

struct BoundImplicationTests {
    /// Liang et al. (2022) Exp Ther Med 23:285: 1,725 vitamin D alone vs 1,240 with calcium, outcome
    /// alleviation / unchanged / aggravation, "P<0.0001", no counts in the abstract.
    @Test func liang2022MinimumChiSquareAndCramersVFor2x3() throws {
        let rows = try BoundImplications.rows(groupSizes: [1725, 1240], categories: 3, pBound: 1e-4)
        let chi = try #require(rows.first { $0.quantity == "min_chi_square" })
        // χ²₂ upper quantile is −2 log b exactly; our inverse tail is good to ~1e-13.
        #expect(close(chi.estimate, try #require(Fixture.mp("liang2022", "min_chi_square", "df2")), rel: 1e-10))
        #expect(close(chi.estimate, try #require(Fixture.rv("liang2022", "min_chi_square", "df2")), rel: 1e-10))
        let v = try #require(rows.first { $0.quantity == "min_cramers_v" })
        #expect(close(v.estimate, try #require(Fixture.mp("liang2022", "min_cramers_v", "2x3")), rel: 1e-10))
        #expect(abs(v.estimate - 0.0788) < 0.5e-4)   // the value the report quotes, 4 decimals
    }

    @Test func liang2022SmallestDifferenceForA2x2Collapse() throws {
        let rows = try BoundImplications.rows(groupSizes: [1725, 1240], categories: 3, pBound: 1e-4)
        let chi1 = try #require(rows.first { $0.quantity == "min_chi_square_2x2_collapse" })
        // χ²₁ quantile via the inverse normal tail; 1e-10 relative.
        #expect(close(chi1.estimate, try #require(Fixture.mp("liang2022", "min_chi_square", "df1")), rel: 1e-10))
        let d = try #require(rows.first { $0.quantity == "min_risk_difference_2x2_collapse" && $0.extra["pooled_proportion"] == "0.5" })
        #expect(close(d.estimate, try #require(Fixture.mp("liang2022", "min_risk_difference", "pooled_0.5")), rel: 1e-10))
        // Over all integer collapses the minimum is smaller (rare events) but still positive and
        // achieved by a table whose chi-square really clears the bound.
        let a = BoundImplications.smallestAchievableRiskDifference(pBound: 1e-4, n1: 1725, n2: 1240)
        #expect(a.difference > 0 && a.difference < d.estimate)
    }

    @Test func boundInputsAreValidated() {
        #expect(throws: (any Error).self) { try BoundImplications.rows(groupSizes: [1725], categories: 3, pBound: 1e-4) }
        #expect(throws: (any Error).self) { try BoundImplications.rows(groupSizes: [1725, 1240], categories: 3, pBound: 0) }
    }
}
