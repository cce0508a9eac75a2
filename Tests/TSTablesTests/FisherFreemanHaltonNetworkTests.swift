import Foundation
import Testing
import TSTestSupport
@testable import TSTables

/// Cross-checks of the exact Fisher–Freeman–Halton network (child-level pruning, exact max-completion
/// bounds, meet in the middle) against brute-force enumeration written independently here.
struct FisherFreemanHaltonNetworkTests {

    /// Σ P(T) over all tables with the margins of `counts` and P(T) ≤ P(obs)(1 + 1e-7), by enumerating
    /// every table column by column. Log-factorials are plain running sums of log k (N ≤ 60, so each
    /// table's log-ratio to the observed table is exact to ~1e-13) and the counted ratios are summed with
    /// Kahan compensation; returns (p, P(obs), number of tables).
    static func bruteForce(_ counts: [[Int]]) -> (Double, Double, Int) {
        let r = counts.count, c = counts[0].count
        let rows = counts.map { $0.reduce(0, +) }
        let cols = (0..<c).map { j in counts.reduce(0) { $0 + $1[j] } }
        let n = rows.reduce(0, +)
        var lfact = [0.0]
        for k in 1...max(n, 1) { lfact.append(lfact[k - 1] + Foundation.log(Double(k))) }
        var logObsCells = 0.0
        for row in counts { for v in row { logObsCells += lfact[v] } }
        var logP = -lfact[n] - logObsCells
        for v in rows { logP += lfact[v] }
        for v in cols { logP += lfact[v] }
        var sum = 0.0, comp = 0.0, tables = 0
        var left = rows
        func fillColumn(_ j: Int, _ i: Int, _ need: Int, _ acc: Double) {
            if j == c - 1 {
                // The last column is forced by the row totals.
                var v = acc
                for k in 0..<r { v += lfact[left[k]] }
                tables += 1
                let rel = logObsCells - v
                if rel <= Foundation.log1p(1e-7) {
                    let y = Foundation.exp(rel) - comp, t = sum + y
                    comp = (t - sum) - y; sum = t
                }
                return
            }
            if i == r - 1 {
                guard need <= left[i] else { return }
                left[i] -= need
                fillColumn(j + 1, 0, cols[j + 1], acc + lfact[need])
                left[i] += need
                return
            }
            let rest = left[(i + 1)...].reduce(0, +)
            for x in max(0, need - rest)...min(need, left[i]) {
                left[i] -= x
                fillColumn(j, i + 1, need - x, acc + lfact[x])
                left[i] += x
            }
        }
        fillColumn(0, 0, cols[0], 0)
        return (sum * Foundation.exp(logP), Foundation.exp(logP), tables)
    }

    /// 200 random tables from 2×2 to 4×5 (either orientation), N ≤ 60 (smaller for more cells so that
    /// brute force stays quick), cells drawn with random row/column and cell tilts (up to 16×) so p spans ~1e-8…1.
    @Test func randomTablesMatchBruteForceEnumeration() throws {
        var rng = TSTestSupport.SplitMix64(seed: 20_261_122)
        var checked = 0, worst = 0.0, smallest = 1.0
        while checked < 200 {
            let r = 2 + rng.below(3), c = 2 + rng.below(4)
            let cells = r * c
            let maxN = cells <= 6 ? 60 : cells <= 9 ? 36 : cells <= 12 ? 26 : 20
            let n = cells + rng.below(maxN - cells + 1)
            let rw = (0..<r).map { _ in 1 + rng.below(6) }, cw = (0..<c).map { _ in 1 + rng.below(6) }
            let tilt = (0..<cells).map { _ in 1 << rng.below(5) }
            var weights: [Int] = []
            for i in 0..<r { for j in 0..<c { weights.append(rw[i] * cw[j] * tilt[i * c + j]) } }
            let total = weights.reduce(0, +)
            var counts = [[Int]](repeating: [Int](repeating: 0, count: c), count: r)
            for _ in 0..<n {
                var pick = rng.below(total), k = 0
                while pick >= weights[k] { pick -= weights[k]; k += 1 }
                counts[k / c][k % c] += 1
            }
            guard let table = try? ContingencyTable(counts) else { continue }   // empty row or column
            let (pRef, pObsRef, _) = Self.bruteForce(counts)
            let res = try FisherFreemanHalton.exactPValue(table)
            #expect(res.isComplete)
            // Both sides sum the same terms to ~1e-13 each (double log-factorials for N ≤ 60, direct sums of
            // positive terms, no cancellation): 1e-12 relative.
            #expect(close(res.pValue, pRef, rel: 1e-12), "\(counts): \(res.pValue) vs \(pRef)")
            #expect(close(res.observedProbability, pObsRef, rel: 1e-12), "\(counts)")
            worst = max(worst, abs(res.pValue - pRef) / pRef)
            smallest = min(smallest, pRef)
            checked += 1
        }
        print("FFH cross-check: \(checked) tables, worst relative error \(worst), smallest p \(smallest)")
    }

    static let fourBySix = [[8, 12, 10, 15, 9, 11], [10, 9, 14, 8, 12, 7], [12, 11, 9, 10, 13, 12], [9, 13, 11, 12, 8, 13]]

    /// A 4×6 table with N = 258 close to independence (R's default workspace fails; FEXACT needs about
    /// 2 minutes with workspace = 2e8).
    @Test func fourBySixN258CompletesAndMatchesPrototype() throws {
        let t = try ContingencyTable(Self.fourBySix)
        #expect(t.total == 258)
        let res = try FisherFreemanHalton.exactPValue(t)
        #expect(res.isComplete)
        // Independent research prototype (Tests/Reference/ffh_mitm_prototype.c: lgamma, long double sums,
        // other code): 0.90918440845640728; both sum ~1e6 positive terms at ~1e-15 each: 1e-12 relative.
        #expect(close(res.pValue, 0.90918440845640728, rel: 1e-12), "\(res.pValue)")
        // R fisher.test(workspace = 2e8) gives 0.90918439244875815, 1.76e-8 relative lower: FEXACT merges
        // past values within 3.45e-7 and its representatives drift across ties (tables with exactly
        // P(obs) carry mass 1.65e-4), so R is only checked at 1e-7 relative.
        let rRef = try #require(try Fixture.load("tables_r_slow.csv")["t_4x6_n258|p_value|ffh_exact"])
        #expect(close(res.pValue, rRef, rel: 1e-7))
        #expect(!close(res.pValue, rRef, rel: 1e-9))   // the known FEXACT drift is still there
    }

    /// Different stage orders walk different networks (other nodes, merges and middle lists); the sums of
    /// the same ~1e6 positive terms in different orders agree to 1e-13 relative.
    @Test func fourBySixAgreesAcrossColumnOrders() throws {
        let t = try ContingencyTable(Self.fourBySix)
        let ref = try FisherFreemanHalton.exactPValue(t)
        for (order, split) in [([5, 4, 3, 2, 1, 0], 3), ([2, 0, 5, 1, 4, 3], 3)] {
            let res = try FisherFreemanHalton.exactPValue(t, workLimit: 200_000_000, columnOrder: order, split: split)
            #expect(res.isComplete)
            #expect(close(res.pValue, ref.pValue, rel: 1e-13), "\(order) H=\(split): \(res.pValue) vs \(ref.pValue)")
        }
    }

    /// Every meet-in-the-middle split point (forward network only up to H, backward lists after it) gives the
    /// same p-value on a 3×8 table with N = 120: 1e-13 relative (same terms, other summation order); a repeated
    /// call gives the identical result.
    @Test func threeByEightAgreesAcrossSplitPoints() throws {
        let t = try ContingencyTable([[5, 6, 4, 7, 5, 3, 6, 4], [4, 5, 6, 5, 4, 6, 5, 5], [6, 4, 5, 3, 6, 6, 4, 6]])
        let ref = try FisherFreemanHalton.exactPValue(t)
        #expect(ref.isComplete)
        #expect(try FisherFreemanHalton.exactPValue(t) == ref)   // deterministic to the last bit
        for split in 1...7 {
            let res = try FisherFreemanHalton.exactPValue(t, workLimit: FisherFreemanHalton.defaultWorkLimit, columnOrder: nil, split: split)
            #expect(res.isComplete)
            #expect(close(res.pValue, ref.pValue, rel: 1e-13), "H=\(split): \(res.pValue) vs \(ref.pValue)")
        }
    }

    /// Sparse 5×5 and 5×6 tables with small p (from a random sweep): most completions are not counted, so
    /// the middle nodes answer their few past entries from the children's completion lists directly. R
    /// fisher.test(workspace = 2e8) values from Tests/Reference/ffh_sparse_r.R (R 4.2.2); FEXACT's own accumulation: 1e-9.
    @Test func sparseSmallPTablesMatchRFisherTest() throws {
        let cases: [([[Int]], Double)] = [
            ([[0, 0, 0, 7, 10], [0, 0, 10, 11, 3], [1, 1, 3, 1, 0], [0, 0, 0, 0, 2], [0, 6, 2, 7, 0]], 1.6600731513572087e-07),
            ([[1, 0, 3, 7, 5, 0], [0, 0, 1, 0, 0, 1], [2, 4, 13, 0, 2, 1], [0, 0, 2, 1, 5, 0], [0, 0, 8, 6, 2, 0]], 0.00023062404017028075),
        ]
        for (counts, rValue) in cases {
            let res = try FisherFreemanHalton.exactPValue(try ContingencyTable(counts))
            #expect(res.isComplete)
            #expect(close(res.pValue, rValue, rel: 1e-9), "\(counts): \(res.pValue) vs R \(rValue)")
        }
    }

    /// Past a tiny work limit the network stops, and the bounds still bracket the exact value, identically
    /// on every run.
    @Test func fourBySixTinyWorkLimitBracketsExactValueDeterministically() throws {
        let t = try ContingencyTable(Self.fourBySix)
        let exact = try FisherFreemanHalton.exactPValue(t).pValue
        for limit in [1_000, 20_000, 200_000] {
            let a = try FisherFreemanHalton.exactPValue(t, workLimit: limit)
            let b = try FisherFreemanHalton.exactPValue(t, workLimit: limit)
            #expect(a == b)   // deterministic to the last bit
            #expect(!a.isComplete)
            #expect(a.pValue <= exact && exact <= a.pValueUpperBound, "\(limit): [\(a.pValue), \(a.pValueUpperBound)] vs \(exact)")
        }
    }

    /// The 2×3 table with N = 2,965 (p ≈ 7.8e-8) through other stage orders: the counted side is summed
    /// directly, so every order keeps the mpmath value to 1e-11 (as in `twoByThreeWithN2965IsExact`).
    @Test func twoByThreeN2965SmallPValueIsAccurateInEveryOrder() throws {
        let t = try ContingencyTable([[700, 520, 505], [380, 410, 450]])
        let ref = try #require(Fixture.mp("ffh_700_520_505__380_410_450", "p_value", "ffh_exact"))
        for (order, split) in [([0, 1, 2], 1), ([2, 1, 0], 1), ([1, 0, 2], 2), ([0, 2, 1], 2)] {
            let res = try FisherFreemanHalton.exactPValue(t, workLimit: FisherFreemanHalton.defaultWorkLimit, columnOrder: order, split: split)
            #expect(close(res.pValue, ref, rel: 1e-11), "\(order) H=\(split): \(res.pValue)")
        }
    }
}
