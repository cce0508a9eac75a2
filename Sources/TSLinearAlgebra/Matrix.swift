/// A dense matrix of doubles in column-major order, the layout LAPACK expects.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Column-major storage: element (i, j) is `storage[i + j * rows]`.
    public var storage: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0)
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// Builds a matrix from its columns (each of length `rows`).
    public init(columns cols: [[Double]]) {
        let r = cols.first?.count ?? 0
        precondition(cols.allSatisfy { $0.count == r }, "columns differ in length")
        self.rows = r
        self.columns = cols.count
        self.storage = cols.flatMap { $0 }
    }

    /// Builds a matrix from its rows.
    public init(rows rowArrays: [[Double]]) {
        let c = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == c }, "rows differ in length")
        self.init(rows: rowArrays.count, columns: c)
        for (i, row) in rowArrays.enumerated() {
            for (j, v) in row.enumerated() { self[i, j] = v }
        }
    }

    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Matrix–vector product.
    public func times(_ v: [Double]) -> [Double] {
        precondition(v.count == columns)
        var out = [Double](repeating: 0, count: rows)
        for j in 0..<columns where v[j] != 0 {
            let base = j * rows
            for i in 0..<rows { out[i] += storage[base + i] * v[j] }
        }
        return out
    }
}
