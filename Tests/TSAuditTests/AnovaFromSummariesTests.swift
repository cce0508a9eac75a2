import TSTestSupport
import Foundation
import Testing
import TSDistributions
@testable import TSAudit
import TSCore

/// Independent point formulas for the property suite (written out again here, not shared with the library).
enum AnovaReference {
    static func classic(_ n: [Int], _ m: [Double], _ s: [Double]) -> (F: Double, p: Double) {
        let k = n.count, N = n.reduce(0, +), f = classicF(n, m, s)
        return (f, (try! FDistribution(df1: Double(k - 1), df2: Double(N - k))).sf(f))
    }

    static func classicF(_ n: [Int], _ m: [Double], _ s: [Double]) -> Double {
        let k = n.count, N = n.reduce(0, +)
        var grand = 0.0
        for i in 0..<k { grand += Double(n[i]) * m[i] }
        grand /= Double(N)
        var ssb = 0.0, ssw = 0.0
        for i in 0..<k { ssb += Double(n[i]) * (m[i] - grand) * (m[i] - grand); ssw += Double(n[i] - 1) * s[i] * s[i] }
        return (ssb / Double(k - 1)) / (ssw / Double(N - k))
    }

    static func welch(_ n: [Int], _ m: [Double], _ s: [Double]) -> (F: Double, p: Double, df2: Double) {
        let (f, d2) = welchFD(n, m, s)
        return (f, (try! FDistribution(df1: Double(n.count - 1), df2: d2)).sf(f), d2)
    }

    static func welchF(_ n: [Int], _ m: [Double], _ s: [Double]) -> Double { welchFD(n, m, s).F }

    static func welchFD(_ n: [Int], _ m: [Double], _ s: [Double]) -> (F: Double, df2: Double) {
        let k = n.count
        let w = (0..<k).map { Double(n[$0]) / (s[$0] * s[$0]) }
        let W = w.reduce(0, +)
        var mw = 0.0
        for i in 0..<k { mw += w[i] * m[i] }
        mw /= W
        var a = 0.0, lam = 0.0
        for i in 0..<k { a += w[i] * (m[i] - mw) * (m[i] - mw); lam += (1 - w[i] / W) * (1 - w[i] / W) / Double(n[i] - 1) }
        a /= Double(k - 1)
        let kk = Double(k * k - 1)
        return (a / (1 + 2 * Double(k - 2) * lam / kk), kk / (3 * lam))
    }
}

@Suite struct AnovaFromSummariesTests {
    func arm(_ n: Int, _ m: String, _ s: String) -> SummaryArm {
        SummaryArm(n: n, mean: try! PrintedInterval(m), sd: try! PrintedInterval(s, domain: 0...Double.infinity))
    }

    /// Summary data from a publication (A: n 14, mean 23.2, SD 7.2; B: 9, 31.6, 5.8; C: 12, 25.5, 8.1) worked
    /// by hand and with rpsychi::ind.oneway.second in "One-way ANOVA analyses, by hand and in R",
    /// epidemiological.net (2019-03-17): SSB 394.23 on 2 df, SSW 1664.75 on 32 df, F = 3.789. The classic F
    /// reproduces it (3.78894; p = 0.0334); Welch's F* is 4.83 on (2, 20.5) df and does not.
    @Test func epidemiologicalNetThreeGroups() {
        let arms = [arm(14, "23.2", "7.2"), arm(9, "31.6", "5.8"), arm(12, "25.5", "8.1")]
        let rows = AnovaFromSummaries.check(PrintedAnova(label: "A/B/C", arms: arms, F: try! PrintedInterval("3.789"),
                                                         p: pInterval("0.033"), df1: 2, df2: try! PrintedInterval("32")))
        #expect(rows.count == 4)
        let cF = rows.first { $0.check == "overall_F" && $0.method == AnovaMethod.classic.rawValue }!
        let wF = rows.first { $0.check == "overall_F" && $0.method == AnovaMethod.welch.rawValue }!
        #expect(cF.verdict == .consistent && abs(cF.nominal! - 3.788940595971081) < 1e-12)
        // The classic method with df2 = 32 printed; Welch's df (20.5) does not match the printed 32: unchecked.
        if case .unchecked(let why) = wF.verdict { #expect(why.contains("df2")) } else { Issue.record("Welch should be unchecked: \(wF.verdict)") }
        let cp = rows.first { $0.check == "overall_p" && $0.method == AnovaMethod.classic.rawValue }!
        #expect(cp.verdict == .consistent && abs(cp.nominal! - 0.033354851050243712) < 1e-12)
        #expect(Finding.result(rows.filter { $0.check == "overall_F" }).verdict == .consistent)
        // Without printed df, Welch is tried and does not reproduce F = 3.789 (its range over the box ≈ 4.8).
        let noDF = AnovaFromSummaries.check(PrintedAnova(arms: arms, F: try! PrintedInterval("3.789")))
        #expect(noDF[0].verdict == .consistent && noDF[1].verdict.miss != nil)
        #expect(noDF[1].recomputed!.lower > 4.5 && noDF[1].recomputed!.upper < 5.2)
        // A printed F of 4.83 is Welch's, not the classic F's.
        let welch = AnovaFromSummaries.check(PrintedAnova(arms: arms, F: try! PrintedInterval("4.83"), p: pInterval("0.019")))
        #expect(welch.filter { $0.method == AnovaMethod.welch.rawValue }.allSatisfy { $0.verdict == .consistent })
        #expect(welch.filter { $0.method == AnovaMethod.classic.rawValue }.allSatisfy { $0.verdict.miss != nil })
    }

    /// Tests/Fixtures/anova_summaries.csv (Tests/Reference/anova_summaries.py, mpmath 40 digits; Welch
    /// cross-checked with scipy f_oneway(equal_var=False)): point F, df2 and p for both methods.
    @Test func mpmathFixture() throws {
        let fixture = try loadAuditFixture("anova_summaries.csv")
        #expect(fixture.count == 120)
        var worstF = 0.0, worstP = 0.0
        for row in fixture {
            let n = row["n"]!.split(separator: ";").map { Int($0)! }
            let m = row["means"]!.split(separator: ";").map { Double($0)! }
            let s = row["sds"]!.split(separator: ";").map { Double($0)! }
            let c = try #require(AnovaFromSummaries.classic(n: n, means: m, sds: s))
            let w = try #require(AnovaFromSummaries.welch(n: n, means: m, sds: s))
            for (x, key) in [(c.F, "classic_F"), (w.F, "welch_F"), (w.df2, "welch_df2")] {
                worstF = max(worstF, abs(x - Double(row[key]!)!) / Double(row[key]!)!)
            }
            for (x, key) in [(c.p, "classic_p"), (w.p, "welch_p")] {
                let ref = Double(row[key]!)!
                if ref > 1e-300 { worstP = max(worstP, abs(x - ref) / ref) }
            }
        }
        #expect(worstF < 1e-12, "F/df2 worst relative error \(worstF)")
        #expect(worstP < 1e-9, "p worst relative error \(worstP)")
    }

    /// The exact minimum and maximum of Σ w (m − m̄)² over a box against random points of the box and a
    /// fine grid (k = 3): no point goes below the minimum or above the maximum, and the grid comes within
    /// its resolution of both.
    @Test func weightedSpreadRangeIsExact() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let k = 3
            let w = (0..<k).map { _ in rng.uniform(0.5, 40) }
            let box = (0..<k).map { _ -> ValueInterval in let a = rng.uniform(-2, 2); return ValueInterval(a, a + rng.uniform(0, 1.5)) }
            let lo = WeightedSpread.minimum(w, box).value, hi = WeightedSpread.maximum(w, box).value
            var gLo = Double.infinity, gHi = -Double.infinity
            let g = 12
            for a in 0...g { for b in 0...g { for c in 0...g {
                let m = [a, b, c].enumerated().map { box[$0.offset].lower + box[$0.offset].width * Double($0.element) / Double(g) }
                let v = WeightedSpread.value(w, m)
                gLo = min(gLo, v); gHi = max(gHi, v)
            } } }
            #expect(gLo >= lo - 1e-9 * max(1, hi) && gHi <= hi + 1e-9 * max(1, hi))
            #expect(gHi >= hi - 1e-9 * max(1, hi))
            // Grid resolution: the grid minimum exceeds the exact one by at most the spread of one grid cell.
            let cell = box.map { $0.width / Double(g) }.max()!
            #expect(gLo - lo <= w.reduce(0, +) * (2 * cell * 4 + cell * cell) + 1e-9)
        }
    }

    @Test func inputsThatCannotRun() {
        // SD printed "0.0": Welch has no positive lower SD; unchecked with the reason. One arm: unchecked.
        let r = AnovaFromSummaries.check(PrintedAnova(arms: [arm(5, "1.0", "0.0"), arm(6, "2.0", "1.1")], F: try! PrintedInterval("3.1")))
        if case .unchecked(let why) = r[1].verdict { #expect(why.contains("SD")) } else { Issue.record("\(r[1].verdict)") }
        let one = AnovaFromSummaries.check(PrintedAnova(arms: [arm(5, "1.0", "1.0")], F: try! PrintedInterval("3.1")))
        #expect(one.allSatisfy { if case .unchecked = $0.verdict { return true } else { return false } })
        // Printed df1 that k − 1 cannot give.
        let d = AnovaFromSummaries.check(PrintedAnova(arms: [arm(5, "1.0", "1.0"), arm(6, "2.0", "1.1")], F: try! PrintedInterval("3.1"), df1: 2))
        #expect(d.allSatisfy { if case .unchecked(let w) = $0.verdict { return w.contains("df1") } else { return false } })
    }

    /// 10^5 random designs (k = 2…5 arms, n = 2…60, means and SDs on scales 0.1…100 printed to 0–3
    /// decimals as a paper would; F printed to 2 decimals, p to 3 decimals or "<0.001"): with the true method,
    /// the printed F and p are never inconsistent; prints moved just outside the method's range over the
    /// rounding box always are. Every 100th design also checks the range against every corner of the box
    /// (each vertex of the means at each corner of the SDs): every corner inside, and the range's upper end
    /// above the corners' largest F by at most 1e-8 (classic, where that corner is the exact maximum) or 5% of
    /// the corners' spread plus a tenth of the printed unit (Welch, whose maximum over the SDs can be interior).
    /// About 90 s in a debug build (Welch's rigorous p bounds need tens of F-tail evaluations per design at
    /// ~15 µs each unoptimised); `ANOVA_CASES` sets a smaller count and `ANOVA_ONLY=classic|welch` one method.
    @Test func propertyTrueMethodNeverInconsistent() {
        var rng = SplitMix64(seed: 0xA11_0BA)
        var failures: [String] = []
        var welchCases = 0, movedF = 0, movedP = 0, tightChecked = 0
        var worstExcess = 0.0
        let styles = PaperRounding.allCases
        let total = Int(ProcessInfo.processInfo.environment["ANOVA_CASES"] ?? "") ?? 100_000
        let clock = ContinuousClock.now
        for index in 0..<total {
            let k = rng.int(2...5)
            let n = (0..<k).map { _ in rng.int(2...60) }
            let scale = pow(10, rng.uniform(-1, 2))
            let base = scale * rng.uniform(2, 10), spread = scale * rng.uniform(0, 1.5)
            let trueM = (0..<k).map { _ in abs(base + spread * (rng.uniform() - 0.5) * 2) }
            let trueS = (0..<k).map { _ in scale * rng.uniform(0.3, 3) }
            let minS = trueS.min()!
            let dm = max(0, Int((-log10(minS)).rounded(.up)) + 1) + rng.int(0...1)
            let style = styles[rng.int(0...2)]
            let mText = trueM.map { printed($0, decimals: dm, style) }, sText = trueS.map { printed($0, decimals: dm, style) }
            let arms = (0..<k).map { SummaryArm(n: n[$0], mean: try! PrintedInterval(mText[$0]), sd: try! PrintedInterval(sText[$0])) }
            let coin = rng.bool()
            let method: AnovaMethod = ProcessInfo.processInfo.environment["ANOVA_ONLY"] == "classic" ? .classic : (ProcessInfo.processInfo.environment["ANOVA_ONLY"] == "welch" ? .welch : (coin ? .classic : .welch))
            if method == .welch { welchCases += 1 }
            let truth: (F: Double, p: Double) = method == .classic ? AnovaReference.classic(n, trueM, trueS)
                : { let w = AnovaReference.welch(n, trueM, trueS); return (w.F, w.p) }()
            let dF = truth.F < 1000 ? 2 : 1
            let fText = printed(truth.F, decimals: dF, styles[rng.int(0...2)])
            let pText = printedP(truth.p, decimals: 3, styles[rng.int(0...2)])
            let printedF = try! PrintedInterval(fText), printedPv = pInterval(pText)
            let prep = AnovaFromSummaries.prepare(arms, method: method, resolutionF: 0.1 * printedF.step, resolutionP: 0.1 * printedPv.step)
            let rows = AnovaFromSummaries.judge(prep, PrintedAnova(arms: arms, F: printedF, p: printedPv))
            if rows.count != 2 || !rows.allSatisfy({ $0.verdict.reproduces }) {
                failures.append("\(method) n \(n) m \(mText) s \(sText) F \(fText) (\(truth.F)) p \(pText) (\(truth.p)): \(rows.map(\.verdict))")
                continue
            }
            let fRange = rows[0].recomputed!, pRange = rows[1].recomputed!
            // Moved just outside the range over the box (up or down at random).
            let unit = pow(10, -Double(dF))
            var mF: String? = nil
            if rng.bool() || fRange.lower < 2 * unit {
                let q = Int((fRange.upper / unit + 0.5).rounded(.down)) + 1
                mF = printed(Double(q) * unit, decimals: dF, .printf)
            } else {
                let q = Int((fRange.lower / unit - 0.5).rounded(.up)) - 1
                if q >= 0 { mF = printed(Double(q) * unit, decimals: dF, .printf) }
            }
            var mP: String? = nil
            if pRange.upper < 0.998 {
                let q = Int((pRange.upper / 0.001 + 0.5).rounded(.down)) + 1
                mP = printed(Double(q) * 0.001, decimals: 3, .printf)
            }
            if mF != nil || mP != nil {
                let m = AnovaFromSummaries.judge(prep, PrintedAnova(arms: arms, F: mF.map { try! PrintedInterval($0) }, p: mP.map(pInterval)))
                for r in m where r.verdict.miss == nil {
                    failures.append("moved \(method) n \(n) m \(mText) s \(sText) \(r.check) \(r.reported) range \(r.recomputed.map { "\($0)" } ?? "-"): \(r.verdict)")
                }
                if mF != nil { movedF += 1 }
                if mP != nil { movedP += 1 }
            }
            // Tightness and containment against the corners of the box (every vertex of the means at every
            // corner of the SDs; the classic maximum is among them).
            if index % 100 == 0 {
                tightChecked += 1
                let mBox = arms.map { $0.mean.rounded }, sBox = arms.map { $0.sd.rounded }
                var lo = Double.infinity, hi = -Double.infinity
                for sMask in 0..<(1 << k) {
                    let s = (0..<k).map { sMask & (1 << $0) == 0 ? sBox[$0].lower : sBox[$0].upper }
                    for mMask in 0..<(1 << k) {
                        let m = (0..<k).map { mMask & (1 << $0) == 0 ? mBox[$0].lower : mBox[$0].upper }
                        let f = method == .classic ? AnovaReference.classicF(n, m, s) : AnovaReference.welchF(n, m, s)
                        lo = min(lo, f); hi = max(hi, f)
                    }
                }
                if lo < fRange.lower * (1 - 1e-9) - 1e-300 || hi > fRange.upper * (1 + 1e-9) {
                    failures.append("containment \(method) n \(n) m \(mText) s \(sText): corners [\(lo), \(hi)] range \(fRange)")
                }
                // The corners need not reach the minimum (interior in the means): the upper side is compared.
                let excess = (fRange.upper - hi) / max(hi - lo, unit)
                if method == .welch { worstExcess = max(worstExcess, excess) }
                if excess > (method == .classic ? 1e-8 : 0.05) + 0.1 * unit / max(hi - lo, unit) {
                    failures.append("loose \(method) n \(n) m \(mText) s \(sText): corners [\(lo), \(hi)] range \(fRange)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(4))")
        #expect(movedF > total * 9 / 10)
        print("anova property: \(total) designs in \(ContinuousClock.now - clock) (\(welchCases) Welch), \(movedF) moved F, \(movedP) moved p, \(tightChecked) range checks, worst Welch upper excess \(worstExcess) of the point hull")
    }
}
