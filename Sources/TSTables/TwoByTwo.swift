import TSCore

/// Two independent groups' events: group 1 is x1/n1 (first row), group 2 is x2/n2 (second row).
/// Effect measures are group 1 versus group 2 (p1 − p2, p1/p2, odds1/odds2).
public struct TwoGroupCounts: Sendable, Equatable {
    public let x1: Int, n1: Int, x2: Int, n2: Int

    public init(x1: Int, n1: Int, x2: Int, n2: Int) throws(InputError) {
        _ = try BinomialCount(events: x1, n: n1, eventsLocation: .parameter("x1"), nLocation: .parameter("n1"))
        _ = try BinomialCount(events: x2, n: n2, eventsLocation: .parameter("x2"), nLocation: .parameter("n2"))
        self.x1 = x1; self.n1 = n1; self.x2 = x2; self.n2 = n2
    }

    /// First column = events, rows = groups.
    public init(_ table: ContingencyTable) throws(InputError) {
        guard table.isTwoByTwo else { throw InputError(.parameter("table"), "a 2x2 table is needed for effect measures") }
        let c = table.counts
        try self.init(x1: c[0][0], n1: c[0][0] + c[0][1], x2: c[1][0], n2: c[1][0] + c[1][1])
    }

    public var p1: Double { Double(x1) / Double(n1) }
    public var p2: Double { Double(x2) / Double(n2) }
    /// Cells a, b, c, d of [[a, b], [c, d]].
    var cells: (a: Int, b: Int, c: Int, d: Int) { (x1, n1 - x1, x2, n2 - x2) }
    var hasZeroCell: Bool { let t = cells; return t.a == 0 || t.b == 0 || t.c == 0 || t.d == 0 }
}
