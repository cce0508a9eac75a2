import Testing
import TSTestSupport
import RealModule
import TSCore
@testable import TSEffects

/// Cases shared by the R and mpmath generators (Tests/Reference/effects_cases.csv).
func referenceCases() throws -> [(name: String, a: ArmSummary, b: ArmSummary, level: Double)] {
    try Fixtures.packageTable("Tests/Reference/effects_cases.csv").map { r in
        (r["case"]!,
         try ArmSummary(n: Int(r["n1"]!)!, mean: r.num("m1")!, sd: r.num("s1")!),
         try ArmSummary(n: Int(r["n2"]!)!, mean: r.num("m2")!, sd: r.num("s2")!),
         r.num("level")!)
    }
}

@Suite struct ReferenceR {
    // Reference: Tests/Fixtures/effects_r.csv from Tests/Reference/effects_r.R (R 4.2.2, metafor 3.8-1),
    // printed with 17 significant digits.
    @Test func tTestFormulasMatchR() throws {
        let ref = Dictionary(uniqueKeysWithValues: try loadFixture("effects_r.csv").map { ($0["case"]!, $0) })
        let log = ErrorLog()
        for c in try referenceCases() {
            let r = try #require(ref[c.name])
            let a1 = try OneArm.mean(c.a, level: c.level), a2 = try OneArm.mean(c.b, level: c.level)
            let st = try TwoArmDifference.difference(c.a, c.b, test: .student, level: c.level)
            let we = try TwoArmDifference.difference(c.a, c.b, test: .welch, level: c.level)
            for (row, p) in [(a1, "arm1"), (a2, "arm2"), (st, "student"), (we, "welch")] {
                // CI bounds are estimate ± c·SE: compare relative to |estimate| + c·SE, since a bound near 0
                // is a difference of two O(1) terms. 1e-12: R's qt/pt are good to ~1e-15 and print 17 digits.
                let half = (row.ciUpper! - row.ciLower!) / 2
                let scale = abs(row.estimate) + half
                let eLo = scaledErr(row.ciLower!, r.num(p + "_lo")!, scale: scale)
                let eHi = scaledErr(row.ciUpper!, r.num(p + "_hi")!, scale: scale)
                let eT = relErr(row.statistic!, r.num(p + "_t")!)
                let eP = relErr(row.pValue!, r.num(p + "_p")!)
                log.note("R ci bound (scaled)", max(eLo, eHi)); log.note("R t", eT); log.note("R p", eP)
                #expect(eLo < 1e-12, "\(c.name) \(p) lower")
                #expect(eHi < 1e-12, "\(c.name) \(p) upper")
                #expect(eT < 1e-13, "\(c.name) \(p) t: plain arithmetic, a few ulps")
                // p: R's pt is accurate to ~1e-14 relative in these ranges; 1e-12 leaves room for both sides.
                #expect(eP < 1e-12, "\(c.name) \(p) p")
                if r[p + "_df"] != nil, let df = r.num(p + "_df") {   // the per-arm rows have no df column
                    #expect(relErr(row.df!, df) < 1e-14, "\(c.name) \(p) df: closed form, a few ulps")
                }
            }
        }
        log.dump("R t-tests")
    }

    @Test func metaforEscalcMatches() throws {
        let ref = Dictionary(uniqueKeysWithValues: try loadFixture("effects_r.csv").map { ($0["case"]!, $0) })
        let log = ErrorLog()
        for c in try referenceCases() {
            let r = try #require(ref[c.name])
            // MD: vtype LS = unpooled (Welch/z SE²), HO = pooled (Student SE²). Closed forms: 1e-13.
            let we = try TwoArmDifference.difference(c.a, c.b, test: .welch)
            let st = try TwoArmDifference.difference(c.a, c.b, test: .student)
            #expect(relErr(we.estimate, r.num("md_yi")!) < 1e-13)
            #expect(relErr(we.se! * we.se!, r.num("md_v_ls")!) < 1e-13)
            #expect(relErr(st.se! * st.se!, r.num("md_v_ho")!) < 1e-13)
            // SMD (Hedges' g): metafor computes J as exp(lgamma(m/2) − log√(m/2) − lgamma((m−1)/2)); each lgamma
            // carries ~ε·|lgamma| absolute error, so metafor's J (and g) is off by up to
            // jBound = 4ε(|lgamma(m/2)| + |lgamma((m−1)/2)|) relative — 2e-11 at m = 3523. Our J is checked
            // against mpmath at 1e-14 (ReferenceMpmath); here the tolerance is 1e-13 plus metafor's J error,
            // and for variances that error times its leverage (the g² term and, for LS2, the J² factor).
            let m = Double(c.a.n + c.b.n - 2)
            let jBound = { (m: Double) in 4 * Double.ulpOfOne * (abs(Double.logGamma(m / 2)) + abs(Double.logGamma((m - 1) / 2))) }
            for v in StandardizedMeanDifference.Variance.allCases {
                let g = try StandardizedMeanDifference.normalCI(.hedgesG, c.a, c.b, variance: v)
                let vi = g.se! * g.se!
                let eY = relErr(g.estimate, r.num("smd_yi")!)
                let eV = relErr(vi, r.num("smd_v_" + v.rawValue.lowercased())!)
                log.note("metafor SMD yi", eY); log.note("metafor SMD vi (\(v.rawValue))", eV)
                #expect(eY < 1e-13 + jBound(m), "\(c.name) g")
                #expect(eV < 1e-13 + 2 * jBound(m) * (1 + g.estimate * g.estimate / vi), "\(c.name) g variance \(v.rawValue)")
            }
            // SMD1 = J(n2 − 1)·Glass's delta; its LS variance uses that corrected value. Same metafor J error.
            let delta = StandardizedMeanDifference.estimate(.glassDelta, c.a, c.b).value
            let m1 = Double(c.b.n - 1)
            let j = StandardizedMeanDifference.hedgesJ(m1)
            #expect(relErr(j * delta, r.num("smd1_yi")!) < 1e-13 + jBound(m1), "\(c.name) SMD1")
            let y = j * delta, n1 = Double(c.a.n), n2 = Double(c.b.n)
            let v1 = 1 / n1 + 1 / n2 + y * y / (2 * n2)
            #expect(relErr(v1, r.num("smd1_v_ls")!) < 1e-13 + 2 * jBound(m1), "\(c.name) SMD1 vi")
            // ROM (log ratio of means), only for positive means.
            if let yi = r.num("rom_yi") {
                let ls = try RatioOfMeans.ratio(c.a, c.b, variance: .unpooled)
                let ho = try RatioOfMeans.ratio(c.a, c.b, variance: .pooled)
                log.note("metafor ROM yi", relErr(Double.log(ls.estimate), yi))
                // log of a ratio near 1 loses relative accuracy in log(exp(·)); compare on the absolute scale.
                #expect(abs(Double.log(ls.estimate) - yi) < 1e-14, "\(c.name) ROM yi")
                #expect(relErr(ls.se! * ls.se!, r.num("rom_v_ls")!) < 1e-13, "\(c.name) ROM vi LS")
                #expect(relErr(ho.se! * ho.se!, r.num("rom_v_ho")!) < 1e-13, "\(c.name) ROM vi HO")
                let pc = try RatioOfMeans.pairedRatio(n: c.a.n, mean1: c.a.mean, sd1: c.a.sd, mean2: c.b.mean, sd2: c.b.sd,
                                                      correlation: r.num("romc_r")!)
                #expect(relErr(pc.se! * pc.se!, r.num("romc_v")!) < 1e-13, "\(c.name) ROMC vi")
            } else {
                #expect(throws: InputError.self) { try RatioOfMeans.ratio(c.a, c.b) }
            }
        }
        log.dump("metafor")
    }
}
