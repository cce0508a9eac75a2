import Foundation
import TSCore
@testable import TSAudit
import TSTestSupport


/// How a paper's software turns a computed value into printed digits.
enum PaperRounding: CaseIterable {
    /// printf / R sprintf: the exact binary value rounded (ties only at dyadic values).
    case printf
    /// Decimal half-up on the 15-significant-digit value (Excel, SPSS).
    case decimalHalfUp
    /// Decimal half-even on the 15-significant-digit value (R round()).
    case decimalHalfEven
}

/// `x` (≥ 0) printed with `d` decimals under `style`, as text with exactly `d` decimals.
func printed(_ x: Double, decimals d: Int, _ style: PaperRounding) -> String {
    precondition(x >= 0 && x.isFinite)
    if style == .printf { return String(format: "%.\(d)f", x) }
    // 16 significant digits of the decimal expansion: x = D × 10^(e − 15), D in [10^15, 10^16).
    let s = String(format: "%.15e", x)
    let parts = s.split(separator: "e")
    let digits = Int(parts[0].replacingOccurrences(of: ".", with: ""))!
    let e = Int(parts[1])!
    // Value in units of 10^−d: digits × 10^(e − 15 + d).
    let shift = e - 15 + d
    var q: Int
    if shift >= 0 {
        q = digits
        for _ in 0..<shift { q *= 10 }
    } else if -shift > 17 {
        q = 0
    } else {
        var p = 1
        for _ in 0..<(-shift) { p *= 10 }
        q = digits / p
        let rem = digits % p
        if 2 * rem > p || (2 * rem == p && (style == .decimalHalfUp || q % 2 == 1)) { q += 1 }
    }
    if d == 0 { return String(q) }
    var p = 1
    for _ in 0..<d { p *= 10 }
    let frac = String(q % p)
    return "\(q / p)." + String(repeating: "0", count: d - frac.count) + frac
}

/// A p printed as a paper would: `d` decimals, or "<0.001" / "<0.01" below the smallest printed unit.
func printedP(_ p: Double, decimals d: Int, _ style: PaperRounding) -> String {
    let floor = d == 3 ? 0.001 : 0.01
    if p < floor { return d == 3 ? "<0.001" : "<0.01" }
    return printed(p, decimals: d, style)
}

func pInterval(_ s: String) -> PrintedInterval { try! PrintedInterval(s, domain: 0...1) }

/// A printed value with the same decimals moved `steps` units from `text` (nil when it would leave [0, top]).
func moved(_ text: String, steps: Int, top: Double = .infinity) -> String? {
    let d = text.split(separator: ".").count == 2 ? text.split(separator: ".")[1].count : 0
    var p = 1
    for _ in 0..<d { p *= 10 }
    let q = Int((Double(text)! * Double(p)).rounded()) + steps
    guard q >= 0, Double(q) / Double(p) <= top else { return nil }
    if d == 0 { return String(q) }
    let frac = String(q % p)
    return "\(q / p)." + String(repeating: "0", count: d - frac.count) + frac
}

/// The rows of a committed fixture (Tests/Fixtures/NAME) keyed by header name; throws, naming the file and line,
/// when it is missing, empty or ragged (`Fixtures.table`).
func loadAuditFixture(_ name: String) throws -> [FixtureRow] {
    try Fixtures.table(name)
}
