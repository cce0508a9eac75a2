// Property suites draw their cases from a seeded generator and skip draws that fall outside what a check
// covers. A filter that skipped everything would leave a suite that passes with no case run, so the suites count
// what they check and assert the count with `CaseCount`.
import Testing

/// Counts the cases a property test actually checked and records an issue when fewer than `minimum` ran.
public struct CaseCount: Sendable {
    public private(set) var checked = 0
    public let minimum: Int
    public init(minimum: Int) {
        precondition(minimum > 0)
        self.minimum = minimum
    }
    /// One case checked.
    public mutating func tick() { checked += 1 }
    /// Records an issue (at the caller) when fewer than `minimum` cases were checked.
    public func expectEnough(_ what: String = "cases", sourceLocation: SourceLocation = #_sourceLocation) {
        if checked < minimum {
            Issue.record("only \(checked) \(what) checked, expected at least \(minimum)", sourceLocation: sourceLocation)
        }
    }
}
