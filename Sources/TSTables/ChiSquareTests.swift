import RealModule
import TSCore
import TSDistributions

/// Asymptotic tests of independence for an r×c table.
/// Pearson X² = Σ(O−E)²/E (Pearson 1900); Yates' correction for 2×2, Σ(|O−E| − min(½, |O−E|))²/E as in
/// R chisq.test; likelihood-ratio G² = 2ΣO log(O/E) (Agresti 2002 §3.2.1); adjusted (standardized)
/// residuals (O−E)/√(E(1−r_i/N)(1−c_j/N)) (Haberman 1973; Agresti 2002 §3.3.1); Cramér's V =
/// √(X²/(N(min(r,c)−1))) (Cramér 1946).
public enum ChiSquareTests {
    public struct Result: Sendable, Equatable {
        public let statistic: Double
        public let df: Double
        public let pValue: Double
    }

    static func df(_ t: ContingencyTable) -> Double { Double((t.rowCount - 1) * (t.columnCount - 1)) }

    static func upperTail(_ x: Double, df: Double) -> Double {
        (try! ChiSquared(df: df)).sf(x)
    }

    public static func pearson(_ t: ContingencyTable, yates: Bool = false) -> Result {
        let e = t.expected
        var x2 = 0.0
        for i in 0..<t.rowCount {
            for j in 0..<t.columnCount {
                var dev = abs(Double(t.counts[i][j]) - e[i][j])
                if yates && t.isTwoByTwo { dev -= min(0.5, dev) }
                x2 += dev * dev / e[i][j]
            }
        }
        let d = df(t)
        return Result(statistic: x2, df: d, pValue: upperTail(x2, df: d))
    }

    public static func likelihoodRatio(_ t: ContingencyTable) -> Result {
        let e = t.expected
        var g = 0.0
        for i in 0..<t.rowCount {
            for j in 0..<t.columnCount where t.counts[i][j] > 0 {
                let o = Double(t.counts[i][j])
                g += o * Double.log(o / e[i][j])
            }
        }
        g *= 2
        let d = df(t)
        return Result(statistic: g, df: d, pValue: upperTail(g, df: d))
    }

    public static func cramersV(_ t: ContingencyTable) -> Double {
        let x2 = pearson(t).statistic
        return (x2 / (Double(t.total) * Double(min(t.rowCount, t.columnCount) - 1))).squareRoot()
    }

    /// Adjusted residuals, [row][column].
    public static func adjustedResiduals(_ t: ContingencyTable) -> [[Double]] {
        let e = t.expected, r = t.rowTotals, c = t.columnTotals, n = Double(t.total)
        return (0..<t.rowCount).map { i in
            (0..<t.columnCount).map { j in
                let v = e[i][j] * (1 - Double(r[i]) / n) * (1 - Double(c[j]) / n)
                return (Double(t.counts[i][j]) - e[i][j]) / v.squareRoot()
            }
        }
    }
}
