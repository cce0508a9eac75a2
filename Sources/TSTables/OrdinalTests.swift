import RealModule
import TSCore
import TSDistributions

/// Tests for a 2×k table whose columns are ordered categories (rows = the two groups).
/// Sources: Cochran (1954) Biometrics 10:417 and Armitage (1955) Biometrics 11:375 (trend test; as R
/// prop.trend.test, X² = [Σ s_j(n_1j − R1 C_j/N)]² / [p̄(1−p̄)(Σ C_j s_j² − (Σ C_j s_j)²/N)]);
/// linear-by-linear association M² = (N−1) r² (Agresti 2002 §3.4.1), and its exact conditional
/// distribution given the margins (Agresti, Mehta & Patel 1990 JASA 85:453; coin's
/// independence_test with distribution = "exact"); mid-p (Lancaster 1961). Mann–Whitney for ordered
/// categories: U counts pairs with ½ for ties, variance with the tie correction
/// n1n2/12·[(N+1) − Σ(t³−t)/(N(N−1))] (Lehmann 1975 §1.4); its exact version is the exact
/// linear-by-linear test with midrank scores.
public enum OrdinalTests {
    /// The table as a 2×k with ordered columns (a k×2 table is transposed).
    static func twoByK(_ t: ContingencyTable) throws(InputError) -> ContingencyTable {
        if t.rowCount == 2 { return t }
        if t.columnCount == 2 { return t.transposed }
        throw InputError(.parameter("table"), "ordinal two-group tests need a 2 x k (or k x 2) table")
    }

    public static func defaultScores(_ k: Int) -> [Double] { (1...k).map(Double.init) }

    public static func midranks(_ columnTotals: [Int]) -> [Double] {
        var before = 0
        return columnTotals.map { cj in let r = Double(before) + (Double(cj) + 1) / 2; before += cj; return r }
    }

    public struct TrendResult: Sendable, Equatable {
        public let z: Double, chiSquare: Double, pValue: Double
    }

    /// Cochran–Armitage trend in the proportion of row 1 across ordered columns.
    public static func cochranArmitage(_ table: ContingencyTable, scores: [Double]? = nil) throws(InputError) -> TrendResult {
        let t = try twoByK(table)
        let s = scores ?? defaultScores(t.columnCount)
        guard s.count == t.columnCount else { throw InputError(.parameter("scores"), "\(s.count) scores for \(t.columnCount) columns") }
        let c = t.columnTotals, n = Double(t.total), r1 = Double(t.rowTotals[0]), pbar = r1 / n
        var num = 0.0, sc = 0.0, sc2 = 0.0
        for j in 0..<c.count {
            num += s[j] * (Double(t.counts[0][j]) - r1 * Double(c[j]) / n)
            sc += Double(c[j]) * s[j]; sc2 += Double(c[j]) * s[j] * s[j]
        }
        let v = pbar * (1 - pbar) * (sc2 - sc * sc / n)
        let z = num / v.squareRoot()
        return TrendResult(z: z, chiSquare: z * z, pValue: 2 * Normal.standard.sf(abs(z)))
    }

    /// Asymptotic linear-by-linear association M² = (N−1)r² for any r×c with row and column scores.
    public static func linearByLinear(_ t: ContingencyTable, rowScores: [Double]? = nil, columnScores: [Double]? = nil) -> TrendResult {
        let u = rowScores ?? defaultScores(t.rowCount), v = columnScores ?? defaultScores(t.columnCount)
        let n = Double(t.total)
        var su = 0.0, sv = 0.0
        for i in 0..<t.rowCount { for j in 0..<t.columnCount { let w = Double(t.counts[i][j]); su += w * u[i]; sv += w * v[j] } }
        let mu = su / n, mv = sv / n
        var cuv = 0.0, cuu = 0.0, cvv = 0.0
        for i in 0..<t.rowCount {
            for j in 0..<t.columnCount {
                let w = Double(t.counts[i][j])
                cuv += w * (u[i] - mu) * (v[j] - mv); cuu += w * (u[i] - mu) * (u[i] - mu); cvv += w * (v[j] - mv) * (v[j] - mv)
            }
        }
        let r = cuv / (cuu * cvv).squareRoot()
        let m2 = (n - 1) * r * r
        let z = r * (n - 1).squareRoot()
        return TrendResult(z: z, chiSquare: m2, pValue: (try! ChiSquared(df: 1)).sf(m2))
    }

    public struct ExactResult: Sendable, Equatable {
        /// Observed T = Σ s_j n_1j and its conditional mean.
        public let statistic: Double, mean: Double
        /// Two-sided P(|T − E T| ≥ |t − E T|) and its mid-p version.
        public let pValue: Double, midP: Double
    }

    /// Exact conditional distribution of T = Σ_j s_j n_1j given both margins (2×k), by a DP over
    /// columns on (row-1 count so far, T); the last two columns are enumerated directly.
    /// Weights are relative to the observed table via double-double log-factorial differences.
    public static func exactLinearByLinear(_ table: ContingencyTable, scores: [Double]? = nil) throws(InputError) -> ExactResult {
        let t = try twoByK(table)
        let k = t.columnCount
        let s = scores ?? defaultScores(k)
        guard s.count == k else { throw InputError(.parameter("scores"), "\(s.count) scores for \(k) columns") }
        let c = t.columnTotals, r1 = t.rowTotals[0], n = t.total
        let lf = LogFactorials(upTo: n)
        let o1 = t.counts[0], o2 = t.counts[1]
        func delta(_ j: Int, _ x: Int) -> Double { -(lf.diff(x, o1[j]) + lf.diff(c[j] - x, o2[j])) }
        var tObs = 0.0, mean = 0.0
        for j in 0..<k { tObs += s[j] * Double(o1[j]); mean += s[j] * Double(c[j]) * Double(r1) / Double(n) }
        let dObs = abs(tObs - mean)
        let tol = 1e-9 * (1 + dObs + abs(mean))
        // state: a → [(T, logw)] merged on T (grid 1e-9 relative).
        var states: [Int: [Int64: (Double, Double)]] = [0: [0: (0, 0)]]
        var prefix = 0
        for j in 0..<(k - 2) {
            var next: [Int: [Int64: (Double, Double)]] = [:]
            for a in states.keys.sorted() {
                let m = states[a]!.sorted { $0.key < $1.key }.map(\.value)
                for x in 0...min(c[j], r1 - a) {
                    let d = delta(j, x)
                    var dict = next[a + x] ?? [:]
                    for (tv, lw) in m {
                        let nt = tv + s[j] * Double(x)
                        let key = Int64((nt / (1 + abs(mean)) * 1e9).rounded())
                        let nl = lw + d
                        if let old = dict[key] {
                            let hi = max(old.1, nl)
                            dict[key] = (old.0, hi + Double.log(Double.exp(old.1 - hi) + Double.exp(nl - hi)))
                        } else { dict[key] = (nt, nl) }
                    }
                    next[a + x] = dict
                }
            }
            prefix += c[j]
            states = next
        }
        var total = 0.0, extreme = 0.0, equal = 0.0
        let j1 = k - 2, j2 = k - 1
        for a in states.keys.sorted() {
            let m = states[a]!.sorted { $0.key < $1.key }.map(\.value)
            let need = r1 - a
            guard need >= 0 else { continue }
            let lowX = max(0, need - c[j2]), highX = min(c[j1], need)
            if lowX > highX { continue }
            for x in lowX...highX {
                let y = need - x
                let d = delta(j1, x) + delta(j2, y)
                let add = s[j1] * Double(x) + s[j2] * Double(y)
                for (tv, lw) in m {
                    let w = Double.exp(lw + d)
                    total += w
                    let dev = abs(tv + add - mean)
                    if dev > dObs + tol { extreme += w } else if dev >= dObs - tol { equal += w }
                }
            }
        }
        return ExactResult(statistic: tObs, mean: mean, pValue: min(1, (extreme + equal) / total),
                           midP: min(1, (extreme + 0.5 * equal) / total))
    }

    public struct MannWhitneyResult: Sendable, Equatable {
        /// U for row 1: pairs (row-1 member, row-2 member) with row 1 in a higher category, ties ½.
        public let u: Double
        /// U/(n1 n2) = P(X1 > X2) + ½P(X1 = X2).
        public let probabilityOfSuperiority: Double
        public let z: Double, pValue: Double
        public let exactPValue: Double, exactMidP: Double
    }

    public static func mannWhitney(_ table: ContingencyTable) throws(InputError) -> MannWhitneyResult {
        let t = try twoByK(table)
        let a = t.counts[0], b = t.counts[1]
        let n1 = Double(t.rowTotals[0]), n2 = Double(t.rowTotals[1]), n = n1 + n2
        var u = 0.0, below = 0.0
        for j in 0..<t.columnCount {
            u += Double(a[j]) * (below + 0.5 * Double(b[j]))
            below += Double(b[j])
        }
        let ties = t.columnTotals.reduce(0.0) { let x = Double($1); return $0 + x * x * x - x }
        let v = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
        let z = (u - n1 * n2 / 2) / v.squareRoot()
        let ex = try exactLinearByLinear(t, scores: midranks(t.columnTotals))
        return MannWhitneyResult(u: u, probabilityOfSuperiority: u / (n1 * n2), z: z,
                                 pValue: 2 * Normal.standard.sf(abs(z)), exactPValue: ex.pValue, exactMidP: ex.midP)
    }

    public static func rows(_ table: ContingencyTable, scores: [Double]? = nil) throws(InputError) -> [ResultRow] {
        var out: [ResultRow] = []
        let sc = scores.map { $0.map { String(format: "%g", $0) }.joined(separator: ",") } ?? "1..k"
        if table.rowCount == 2 || table.columnCount == 2 {
            let ca = try cochranArmitage(table, scores: scores)
            out.append(ResultRow(quantity: "cochran_armitage_trend", estimate: ca.z, statistic: ca.chiSquare, df: 1, pValue: ca.pValue,
                                 method: "Cochran-Armitage trend (R prop.trend.test)", extra: ["scores": sc]))
            let t2 = try twoByK(table)
            let ll = linearByLinear(t2, rowScores: [1, 0], columnScores: scores)
            out.append(ResultRow(quantity: "linear_by_linear", estimate: ll.z, statistic: ll.chiSquare, df: 1, pValue: ll.pValue,
                                 method: "linear-by-linear association M2=(N-1)r2, asymptotic", extra: ["scores": sc]))
            let ex = try exactLinearByLinear(table, scores: scores)
            out.append(ResultRow(quantity: "linear_by_linear", estimate: ex.statistic, statistic: ex.statistic, pValue: ex.pValue,
                                 method: "linear-by-linear exact conditional (two-sided |T-E(T)|)", extra: ["scores": sc, "expected_statistic": NumberFormat.full(ex.mean)]))
            out.append(ResultRow(quantity: "linear_by_linear", estimate: ex.statistic, statistic: ex.statistic, pValue: ex.midP,
                                 method: "linear-by-linear exact conditional, mid-p", extra: ["scores": sc, "expected_statistic": NumberFormat.full(ex.mean)]))
            let mw = try mannWhitney(table)
            out.append(ResultRow(quantity: "mann_whitney_u", estimate: mw.u, statistic: mw.z, pValue: mw.pValue,
                                 method: "Mann-Whitney U with ties, normal approximation (no continuity correction)"))
            out.append(ResultRow(quantity: "mann_whitney_u", estimate: mw.u, pValue: mw.exactPValue,
                                 method: "Mann-Whitney U exact conditional on ties (midrank scores)"))
            out.append(ResultRow(quantity: "mann_whitney_u", estimate: mw.u, pValue: mw.exactMidP,
                                 method: "Mann-Whitney U exact conditional on ties, mid-p"))
            out.append(ResultRow(quantity: "probability_of_superiority", estimate: mw.probabilityOfSuperiority,
                                 method: "U/(n1 n2) = P(row1 higher) + P(tie)/2"))
        } else {
            let ll = linearByLinear(table, columnScores: scores)
            out.append(ResultRow(quantity: "linear_by_linear", estimate: ll.z, statistic: ll.chiSquare, df: 1, pValue: ll.pValue,
                                 method: "linear-by-linear association M2=(N-1)r2, asymptotic (row scores 1..r)", extra: ["scores": sc]))
        }
        return out
    }
}
