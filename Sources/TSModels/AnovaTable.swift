import TSDistributions
import TSLinearAlgebra
import TSCore

/// One line of an analysis-of-variance table.
public struct AnovaRow: Sendable, Equatable {
    public var source: String
    public var df: Int
    public var sumOfSquares: Double
    public var meanSquare: Double
    /// F = MS / MS(residual) and its upper-tail p-value; nil on the residual line.
    public var fStatistic: Double?
    public var pValue: Double?
}

/// An ANOVA table: term lines then the residual line.
public struct AnovaTable: Sendable {
    public var rows: [AnovaRow]

    /// Sequential (type I) sums of squares, term by term in model order, as R's `anova(lm)`: each term's
    /// SS is the drop in residual sum of squares when it is added to the terms before it. Each nested
    /// model is fitted by pivoted QR (`QRLeastSquares`); the intercept-only RSS is the centred Σ(y − ȳ)².
    public static func sequential(_ design: DesignMatrix) throws(ModelError) -> AnovaTable {
        let n = design.rows
        var previous = design.hasIntercept ? centredSumOfSquares(design.response) : uncentredSumOfSquares(design.response)
        var previousRank = design.hasIntercept ? 1 : 0
        var lines: [(String, Int, Double)] = []
        var rss = previous, rank = previousRank
        for k in 1...max(1, design.terms.count) where k <= design.terms.count {
            let sub = design.leadingTerms(k)
            let fit: QRLeastSquares
            do { fit = try QRLeastSquares(sub.x, sub.y, xLow: sub.xLow, yLow: sub.yLow) } catch {
                throw .linearAlgebra(error.description)
            }
            rss = fit.residualSumOfSquares
            rank = fit.rank
            lines.append((design.terms[k - 1].name, rank - previousRank, previous - rss))
            previous = rss
            previousRank = rank
        }
        let residualDF = n - rank
        let msr = residualDF > 0 ? rss / Double(residualDF) : .nan
        var rows: [AnovaRow] = []
        for (name, df, ss) in lines {
            let ms = df > 0 ? ss / Double(df) : .nan
            let f = ms / msr
            let p = (df > 0 && residualDF > 0 && f.isFinite) ? (try? FDistribution(df1: Double(df), df2: Double(residualDF)))?.sf(f) : nil
            rows.append(AnovaRow(source: name, df: df, sumOfSquares: ss, meanSquare: ms, fStatistic: f, pValue: p))
        }
        rows.append(AnovaRow(source: "Residuals", df: residualDF, sumOfSquares: rss, meanSquare: msr))
        return AnovaTable(rows: rows)
    }

    /// Σ (yᵢ − ȳ)² in double-word arithmetic, two passes.
    static func centredSumOfSquares(_ y: [DoubleWord]) -> Double {
        let mean = DoubleWord.sum(y) / Double(y.count)
        return y.reduce(DoubleWord.zero) { s, v in let d = v - mean; return s + d * d }.value
    }

    static func uncentredSumOfSquares(_ y: [DoubleWord]) -> Double {
        y.reduce(DoubleWord.zero) { $0 + $1 * $1 }.value
    }
}

/// One-way analysis of variance from the groups' observations, computed as NIST StRD certifies it
/// (Simon & Lesage 1989): two passes in double-word arithmetic, group means first, then centred squares
/// Σ nᵢ (ȳᵢ − ȳ)² and ΣΣ (yᵢⱼ − ȳᵢ)², so data with 13 constant leading digits (SmLs07–09) keep their digits.
public struct OneWayAnova: Sendable {
    public let betweenDF: Int
    public let withinDF: Int
    public let betweenSS: Double
    public let withinSS: Double
    public let betweenMS: Double
    public let withinMS: Double
    public let fStatistic: Double
    public let pValue: Double
    public let rSquared: Double
    public let residualSD: Double

    public init(groups: [[DoubleWord]]) throws(ModelError) {
        let k = groups.count
        let n = groups.reduce(0) { $0 + $1.count }
        guard k >= 2 else { throw .degenerate("one-way ANOVA needs at least 2 groups, got \(k)") }
        guard groups.allSatisfy({ !$0.isEmpty }), n > k else {
            throw .tooFewRows("one-way ANOVA needs non-empty groups and more observations (\(n)) than groups (\(k))")
        }
        let means = groups.map { DoubleWord.sum($0) / Double($0.count) }
        let grand = DoubleWord.sum(groups.flatMap { $0 }) / Double(n)
        var between = DoubleWord.zero, within = DoubleWord.zero
        for (g, m) in zip(groups, means) {
            let d = m - grand
            between += d * d * Double(g.count)
            for v in g { let e = v - m; within += e * e }
        }
        betweenDF = k - 1
        withinDF = n - k
        let msb = between / Double(k - 1), msw = within / Double(n - k)
        betweenSS = between.value
        withinSS = within.value
        betweenMS = msb.value
        withinMS = msw.value
        fStatistic = (msb / msw).value
        pValue = (try? FDistribution(df1: Double(k - 1), df2: Double(n - k)))?.sf(fStatistic) ?? .nan
        rSquared = (between / (between + within)).value
        residualSD = msw.squareRoot().value
    }

    /// The table form: treatment line and residual line.
    public var table: AnovaTable {
        AnovaTable(rows: [
            AnovaRow(source: "Between", df: betweenDF, sumOfSquares: betweenSS, meanSquare: betweenMS,
                     fStatistic: fStatistic, pValue: pValue),
            AnovaRow(source: "Within", df: withinDF, sumOfSquares: withinSS, meanSquare: withinMS),
        ])
    }
}
