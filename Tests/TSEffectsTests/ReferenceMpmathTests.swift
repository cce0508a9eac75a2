import Testing
import TSCore
import TSTestSupport
@testable import TSEffects

@Suite struct ReferenceMpmath {
    // Reference: Tests/Fixtures/effects_*.csv from Tests/Reference/effects_mpmath.py (mpmath, 50 digits).

    @Test func tBasedCIsAndPValuesMatchMpmath() throws {
        let ref = Dictionary(uniqueKeysWithValues: try loadFixture("effects_mp_cases.csv").map { ($0["case"]!, $0) })
        let log = ErrorLog()
        for c in try referenceCases() {
            let r = try #require(ref[c.name])
            let rows = [("arm1", try OneArm.mean(c.a, level: c.level)), ("arm2", try OneArm.mean(c.b, level: c.level)),
                        ("student", try TwoArmDifference.difference(c.a, c.b, test: .student, level: c.level)),
                        ("welch", try TwoArmDifference.difference(c.a, c.b, test: .welch, level: c.level))]
            for (p, row) in rows {
                let scale = abs(row.estimate) + (row.ciUpper! - row.ciLower!) / 2
                let e = max(scaledErr(row.ciLower!, r.num(p + "_lo")!, scale: scale),
                            scaledErr(row.ciUpper!, r.num(p + "_hi")!, scale: scale))
                log.note("ci bound (scaled)", e); log.note("p", relErr(row.pValue!, r.num(p + "_p")!))
                // 1e-13: the t quantile and tail are each good to ~1e-15..1e-14 relative; the rest is a few ulps.
                #expect(e < 1e-13, "\(c.name) \(p) CI")
                #expect(relErr(row.pValue!, r.num(p + "_p")!) < 1e-12, "\(c.name) \(p) p: t tail via incomplete beta")
            }
        }
        log.dump("mpmath t")
    }

    @Test func standardizedDifferencesAndExactCIsMatchMpmath() throws {
        let ref = Dictionary(uniqueKeysWithValues: try loadFixture("effects_mp_cases.csv").map { ($0["case"]!, $0) })
        let log = ErrorLog()
        for c in try referenceCases() {
            let r = try #require(ref[c.name])
            for (kind, key) in [(StandardizedMeanDifference.Kind.cohensD, "d"), (.hedgesG, "g"), (.glassDelta, "delta")] {
                let row = try StandardizedMeanDifference.exactCI(kind, c.a, c.b, level: c.level)
                // Point estimates are closed forms (plus J): 1e-14.
                #expect(relErr(row.estimate, r.num(key)!) < 1e-14, "\(c.name) \(key)")
                log.note("\(key) estimate", relErr(row.estimate, r.num(key)!))
                // Exact limits solve NoncentralT.cdf(t; ncp) = α/2 or 1 − α/2; an absolute cdf error ε moves the
                // root by ε / |∂cdf/∂ncp| (the density, ~0.05 at these tails), so ~1e-14 cdf accuracy gives
                // ~1e-13 in the limit. Compared relative to the CI half-width for limits near 0. 1e-12.
                let half = (row.ciUpper! - row.ciLower!) / 2
                let eLo = scaledErr(row.ciLower!, r.num(key + "_exact_lo")!, scale: half)
                let eHi = scaledErr(row.ciUpper!, r.num(key + "_exact_hi")!, scale: half)
                log.note("\(key) exact CI (scaled)", max(eLo, eHi))
                #expect(eLo < 1e-12, "\(c.name) \(key) exact lower")
                #expect(eHi < 1e-12, "\(c.name) \(key) exact upper")
            }
        }
        log.dump("mpmath SMD")
    }

    @Test func hedgesExactCorrectionMatchesGammaRatio() throws {
        var worst = 0.0
        for r in try loadFixture("effects_hedges_j.csv") {
            let e = relErr(StandardizedMeanDifference.hedgesJ(r.num("m")!), r.num("J")!)
            worst = max(worst, e)
            // Γ ratio: tgamma is good to a few ulps below m = 340; the 4-term Stirling series beyond has
            // truncation error < 1e-20 at x > 170. 1e-14 relative.
            #expect(e < 1e-14, "J(\(r["m"]!))")
        }
        print("[mpmath J] max rel error \(worst)")
    }

    @Test func noncentralTIntervalMatchesMpmath() throws {
        var worst = 0.0
        for r in try loadFixture("effects_nct_ci.csv") {
            let (lo, hi) = try NoncentralTInterval.interval(t: r.num("t")!, df: r.num("df")!, level: r.num("level")!)
            let scale = max(1, abs(r.num("t")!))
            let e = max(scaledErr(lo, r.num("ncp_lower")!, scale: scale), scaledErr(hi, r.num("ncp_upper")!, scale: scale))
            worst = max(worst, e)
            // Same reasoning as the exact SMD CI: cdf accuracy / density at the limit. 1e-12 relative to max(1, |t|).
            #expect(e < 1e-12, "t = \(r["t"]!), df = \(r["df"]!)")
        }
        print("[mpmath ncp CI] max scaled error \(worst)")
    }

    @Test func medianToMeanMatchesWanLuoShi() throws {
        for r in try loadFixture("effects_median.csv") {
            let est = { (m: MedianToMean.MeanMethod, s: MedianToMean.SDMethod) in
                try MedianToMean.estimate(n: Int(r.num("n")!), median: r.num("median")!, min: r.num("min"), q1: r.num("q1"),
                                          q3: r.num("q3"), max: r.num("max"), meanMethod: m, sdMethod: s)
            }
            let wan = try est(.wan, .wan), luo = try est(.luo, .shi)
            // Means are weighted averages (few ulps): 1e-14. SDs divide by ξ(n), η(n) = 2Φ⁻¹(·), whose
            // accuracy (~1e-15..1e-14 relative) bounds theirs: 1e-13.
            #expect(relErr(wan.mean, r.num("mean_wan")!) < 1e-14)
            #expect(relErr(luo.mean, r.num("mean_luo")!) < 1e-14)
            #expect(relErr(wan.sd, r.num("sd_wan")!) < 1e-13)
            #expect(relErr(luo.sd, r.num("sd_shi")!) < 1e-13)
        }
    }

    @Test func conversionsMatchMpmath() throws {
        func inputs(_ s: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: s.split(separator: ";").map {
                let kv = $0.split(separator: "=", maxSplits: 1); return (String(kv[0]), String(kv[1]))
            })
        }
        for r in try loadFixture("effects_conversions.csv") {
            let i = inputs(r["inputs"]!), want = r.num("value")!
            let d = { (k: String) in Double(i[k]!)! }
            let got: Double
            switch r["conversion"]! {
            case "sd_from_se": got = SDConversions.sdFromSE(d("se"), n: Int(d("n")))
            case "sd_from_ci":
                got = try SDConversions.sdFromCI(lower: d("lo"), upper: d("hi"), n: Int(d("n")), level: d("level"),
                                                 distribution: i["dist"] == "z" ? .z : .t)
            case "pooled_sd_from_difference_ci":
                got = try SDConversions.pooledSDFromDifferenceCI(lower: d("lo"), upper: d("hi"), n1: Int(d("n1")), n2: Int(d("n2")), level: d("level"))
            case "pooled_sd_from_p":
                got = try SDConversions.pooledSDFromP(d("p"), difference: d("difference"), n1: Int(d("n1")), n2: Int(d("n2")))
            case "pooled_sd_from_t":
                got = try SDConversions.pooledSDFromT(d("t"), difference: d("difference"), n1: Int(d("n1")), n2: Int(d("n2")))
            case "change_sd": got = try ChangeScores.changeSD(baselineSD: d("baseline_sd"), finalSD: d("final_sd"), correlation: d("r"))
            case "implied_r": got = try ChangeScores.impliedCorrelation(baselineSD: d("baseline_sd"), finalSD: d("final_sd"), changeSD: d("change_sd")).r
            case "combine_mean", "combine_sd":
                let c = try CombineGroups.combine(n1: Int(d("n1")), mean1: d("m1"), sd1: d("s1"), n2: Int(d("n2")), mean2: d("m2"), sd2: d("s2"))
                got = r["conversion"] == "combine_mean" ? c.mean : c.sd
            default: Issue.record("unknown conversion \(r["conversion"]!)"); continue
            }
            // Quantile-based conversions inherit the t/z quantile accuracy (~1e-15..1e-14); the rest are a few
            // ulps, except change_sd with r = 1 and equal SDs, whose exact value 0 is compared absolutely. 1e-13.
            if want == 0 { #expect(abs(got) < 1e-13, "\(r["conversion"]!) \(r["inputs"]!)") }
            else { #expect(relErr(got, want) < 1e-13, "\(r["conversion"]!) \(r["inputs"]!): \(got) vs \(want)") }
        }
    }

    @Test func impliedCorrelationFlagsImpossibleSDs() throws {
        let ok = try ChangeScores.impliedCorrelation(baselineSD: 4.2, finalSD: 4.6, changeSD: 3.1)
        #expect(!ok.outOfRange)
        let bad = try ChangeScores.impliedCorrelation(baselineSD: 4.2, finalSD: 4.6, changeSD: 9.5)
        #expect(bad.outOfRange && bad.r < -1)
    }
}
