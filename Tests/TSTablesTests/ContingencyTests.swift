import TSCore
import Foundation
import Testing
@testable import TSTables

struct ChiSquareTestsTests {
    static let tables: [String: [[Int]]] = [
        "t_12_5__3_9": [[12, 5], [3, 9]], "t_56_14__48_32": [[56, 14], [48, 32]], "t_150_1575__260_980": [[150, 1575], [260, 980]],
        "t_30_15_5__18_20_12": [[30, 15, 5], [18, 20, 12]], "t_700_520_505__380_410_450": [[700, 520, 505], [380, 410, 450]],
        "t_3x3_small": [[3, 1, 0], [1, 4, 2], [0, 2, 5]], "t_3x4_sparse": [[2, 0, 1, 3], [0, 3, 1, 0], [1, 1, 4, 0]],
        "t_4x3_mixed": [[4, 1, 0], [2, 3, 1], [0, 2, 3], [1, 0, 4]], "t_2x4": [[6, 4, 3, 1], [1, 3, 4, 7]],
    ]

    @Test func pearsonYatesGAndResidualsMatchR() throws {
        for (name, counts) in Self.tables {
            let t = try ContingencyTable(counts)
            let p = ChiSquareTests.pearson(t)
            // Statistic: the same finite sum in a different order, 1e-12 relative.
            #expect(close(p.statistic, try #require(Fixture.rv(name, "statistic", "pearson")), rel: 1e-12), "\(name)")
            // p-value: chi-square upper tail; R's pchisq and ours each ~1e-14; 1e-10 relative.
            #expect(close(p.pValue, try #require(Fixture.rv(name, "p_value", "pearson")), rel: 1e-10), "\(name) p")
            let g = ChiSquareTests.likelihoodRatio(t)
            #expect(close(g.statistic, try #require(Fixture.rv(name, "statistic", "g_test")), rel: 1e-12), "\(name) G")
            let res = ChiSquareTests.adjustedResiduals(t).flatMap { $0 }
            #expect(close(res.min()!, try #require(Fixture.rv(name, "min_adjusted_residual", "haberman")), rel: 1e-12))
            #expect(close(res.max()!, try #require(Fixture.rv(name, "max_adjusted_residual", "haberman")), rel: 1e-12))
            if t.isTwoByTwo {
                let y = ChiSquareTests.pearson(t, yates: true)
                #expect(close(y.statistic, try #require(Fixture.rv(name, "statistic", "yates")), rel: 1e-12), "\(name) Yates")
                #expect(close(y.pValue, try #require(Fixture.rv(name, "p_value", "yates")), rel: 1e-10), "\(name) Yates p")
            }
        }
    }

    @Test func badTablesAreRejectedNamingTheParameter() {
        let bad = ["1,2;3": "ragged", "1,-2;3,4": "negative", "1,2.5;3,4": "whole", "0,0;3,4": "row 1 is all zero",
                   "0,2;0,4": "column 1 is all zero", "1,2": "at least 2 rows", "x,2;3,4": "expected a number"]
        for (text, fragment) in bad {
            do {
                _ = try ContingencyTable.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect((error as? InputError)?.location == .parameter("counts"), "\(error)")
                #expect(error.description.contains(fragment), "\(text): \(error)")
            }
        }
        // A count with a thousands separator is quoted; unquoted, the comma separates cells.
        #expect((try? ContingencyTable.parse("\"1,725\",20;3,4"))?.total == 1752)
        #expect((try? ContingencyTable.parse("1725 20;3 4"))?.total == 1752)
        #expect((try? ContingencyTable.parse("1,725,20;3,4")) == nil)   // ragged: 3 cells vs 2
    }
}

struct FisherFreemanHaltonTests {
    static let small: [String: [[Int]]] = [
        "ffh_30_15_5__18_20_12": [[30, 15, 5], [18, 20, 12]], "ffh_3x3_small": [[3, 1, 0], [1, 4, 2], [0, 2, 5]],
        "ffh_3x4_sparse": [[2, 0, 1, 3], [0, 3, 1, 0], [1, 1, 4, 0]], "ffh_2x5": [[5, 3, 2, 0, 1], [1, 2, 4, 6, 3]],
        "ffh_4x3_mixed": [[4, 1, 0], [2, 3, 1], [0, 2, 3], [1, 0, 4]],
    ]

    @Test func matchesFullEnumerationInExactRationals() throws {
        for (name, counts) in Self.small {
            let r = try FisherFreemanHalton.exactPValue(try ContingencyTable(counts))
            // Double-double log-factorial differences and closed-form completion sums: ~1e-14 per
            // term; 1e-12 relative.
            #expect(close(r.pValue, try #require(Fixture.mp(name, "p_value", "ffh_exact")), rel: 1e-12), "\(name) \(r.pValue)")
            #expect(close(r.observedProbability, try #require(Fixture.mp(name, "observed_probability", "ffh_exact")), rel: 1e-12), "\(name)")
        }
    }

    /// 2×3 with the seed's group sizes (1,725 and 1,240; made-up outcome split — not the study's counts).
    @Test func twoByThreeWithN2965IsExact() throws {
        let t = try ContingencyTable([[700, 520, 505], [380, 410, 450]])
        let r = try FisherFreemanHalton.exactPValue(t)
        // mpmath reference at 30 digits with log-factorials: 1e-11 relative (terms ≈ e^-16 of the mode,
        // double-double differences keep ~1e-13; margin for 10^6 summed exponentials).
        #expect(close(r.pValue, try #require(Fixture.mp("ffh_700_520_505__380_410_450", "p_value", "ffh_exact")), rel: 1e-11), "\(r.pValue)")
        // R fisher.test (FEXACT) agrees to its own ~1e-12.
        #expect(close(r.pValue, try #require(Fixture.rv("t_700_520_505__380_410_450", "p_value", "ffh_exact")), rel: 1e-9))
    }

    @Test func matchesRFisherTestOnRxC() throws {
        for name in ["t_3x3_small", "t_3x4_sparse", "t_4x3_mixed", "t_30_15_5__18_20_12"] {
            let counts = ChiSquareTestsTests.tables[name]!
            let r = try FisherFreemanHalton.exactPValue(try ContingencyTable(counts))
            // FEXACT accumulates in double with its own 1e-7 tie tolerance: 1e-9 relative.
            #expect(close(r.pValue, try #require(Fixture.rv(name, "p_value", "ffh_exact")), rel: 1e-9), "\(name)")
        }
    }

    // The 4×6 N = 258 table (completion, agreement across orders and splits, work-limit bounds) and the
    // random brute-force cross-check are in FisherFreemanHaltonNetworkTests.swift.

    @Test func monteCarloIsOnlyOnRequestSeededAndConsistent() throws {
        let t = try ContingencyTable([[30, 15, 5], [18, 20, 12]])
        let a = try FisherFreemanHalton.monteCarloPValue(t, replicates: 4000, seed: 42)
        let b = try FisherFreemanHalton.monteCarloPValue(t, replicates: 4000, seed: 42)
        #expect(a == b)
        let exact = try #require(Fixture.mp("ffh_30_15_5__18_20_12", "p_value", "ffh_exact"))
        // Binomial sampling error: within 5 standard errors (fails by chance with probability < 1e-6).
        let se = (exact * (1 - exact) / 4000).squareRoot()
        #expect(abs(a.pValue - exact) < 5 * se, "\(a.pValue) vs \(exact)")
        let rows = try TableReport.rows(t)
        #expect(!rows.contains { $0.method.contains("Monte Carlo") })
        // On request: the row's estimate is the Monte Carlo p itself (never the replicate count), with its SE,
        // and the replicate count and seed in their own columns.
        let mc = try #require(try TableReport.rows(t, monteCarlo: (replicates: 4000, seed: 42))
            .first { $0.quantity == "fisher_freeman_halton_monte_carlo" })
        #expect(mc.estimate == a.pValue && mc.pValue == a.pValue && mc.se == a.standardError)
        #expect(mc.extra["replicates"] == "4000" && mc.extra["seed"] == "42")
        #expect(mc.method.contains("not exact"))
    }

    @Test func monteCarloWorkIsBoundedBeforeItStarts() throws {
        // 10^11 replicates used to be accepted and run for hours; the bound is checked before any draw.
        let t = try ContingencyTable([[30, 15, 5], [18, 20, 12]])
        for b in [FisherFreemanHalton.maxReplicates + 1, 100_000_000_000] {
            #expect(throws: InputError.self) { try FisherFreemanHalton.monteCarloPValue(t, replicates: b, seed: 1) }
        }
        // Total 1e6: 10^5 replicates are 1e11 units of work, over the 1e10 bound.
        let big = try ContingencyTable([[250_000, 250_000], [250_000, 250_000]])
        do {
            _ = try FisherFreemanHalton.monteCarloPValue(big, replicates: 100_000, seed: 1)
            Issue.record("accepted 1e11 units of work")
        } catch {
            #expect(error.location == .parameter("replicates") && error.message.contains("at most 10000"), "\(error)")
        }
    }

    @Test func monteCarloProgressCountsUpAndLeavesThePValueAlone() throws {
        // Total 100: with a call every 10^4 units of work, every 100 replicates, then one at the end.
        let t = try ContingencyTable([[30, 20], [25, 25]])
        let plain = try FisherFreemanHalton.monteCarloPValue(t, replicates: 1_050, seed: 11)
        var calls: [Int] = []
        let followed = try FisherFreemanHalton.monteCarloPValue(t, replicates: 1_050, seed: 11, progress: { done, of in
            #expect(of == 1_050)
            calls.append(done)
        }, progressWork: 10_000)
        #expect(followed == plain)
        #expect(calls == Array(stride(from: 100, through: 1_000, by: 100)) + [1_050])
        #expect(FisherFreemanHalton.monteCarloWork(t, replicates: 1_000) == 100_000)
        #expect(FisherFreemanHalton.monteCarloWork(t, replicates: .max) == .max)
    }
}
