import TSLinearAlgebra
import TSCore

/// A model term (an arm factor, a covariate) and the design columns that code it.
public struct ModelTerm: Sendable, Equatable {
    public var name: String
    public var columns: Range<Int>
    public init(name: String, columns: Range<Int>) {
        self.name = name
        self.columns = columns
    }
}

/// The numbers a model is fitted to: response y and design X (column-major), each optionally with low
/// parts so that y + yLow and X + xLow are exact decimal data to about 2⁻¹⁰⁴ (see `DoubleWord`).
public struct DesignMatrix: Sendable {
    /// One name per column, R style: "(Intercept)", "armB", "baseline".
    public var columnNames: [String]
    /// Terms in model order (the intercept is not a term).
    public var terms: [ModelTerm]
    public var hasIntercept: Bool
    public var x: Matrix
    public var xLow: Matrix?
    public var y: [Double]
    public var yLow: [Double]?

    public init(columnNames: [String], terms: [ModelTerm], hasIntercept: Bool, x: Matrix, xLow: Matrix? = nil,
                y: [Double], yLow: [Double]? = nil) {
        precondition(columnNames.count == x.columns && y.count == x.rows)
        self.columnNames = columnNames
        self.terms = terms
        self.hasIntercept = hasIntercept
        self.x = x
        self.xLow = xLow
        self.y = y
        self.yLow = yLow
    }

    public var rows: Int { x.rows }

    /// The response as double words.
    public var response: [DoubleWord] { (0..<y.count).map { DoubleWord(y[$0], yLow?[$0] ?? 0) } }

    /// The design restricted to the intercept (if any) and the first `count` terms.
    public func leadingTerms(_ count: Int) -> DesignMatrix {
        let kept = Array(terms.prefix(count))
        var cols = hasIntercept ? [0] : []
        for t in kept { cols += Array(t.columns) }
        var renumbered: [ModelTerm] = []
        var next = hasIntercept ? 1 : 0
        for t in kept {
            renumbered.append(ModelTerm(name: t.name, columns: next..<(next + t.columns.count)))
            next += t.columns.count
        }
        return DesignMatrix(
            columnNames: cols.map { columnNames[$0] }, terms: renumbered, hasIntercept: hasIntercept,
            x: Matrix(columns: cols.map { x.column($0) }), xLow: xLow.map { l in Matrix(columns: cols.map { l.column($0) }) },
            y: y, yLow: yLow)
    }
}
