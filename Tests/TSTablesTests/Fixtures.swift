import Foundation

/// Reference values from the committed generators (Tests/Reference/tables_*.{py,R}), keyed by
/// "case|quantity|method". Located from this file's path: walk up to the package root.
enum Fixture {
    static func load(_ name: String) -> [String: Double] {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Tests/Fixtures/\(name)")
            if FileManager.default.fileExists(atPath: candidate.path) {
                let text = (try? String(contentsOf: candidate, encoding: .utf8)) ?? ""
                var out: [String: Double] = [:]
                for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                    let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    guard f.count == 4, let v = Double(f[3]) else { continue }
                    out["\(f[0])|\(f[1])|\(f[2])"] = v
                }
                return out
            }
        }
        return [:]
    }

    static let mpmath = load("tables_mpmath.csv")
    static let r = load("tables_r.csv")

    static func mp(_ c: String, _ q: String, _ m: String) -> Double? { mpmath["\(c)|\(q)|\(m)"] }
    static func rv(_ c: String, _ q: String, _ m: String) -> Double? { r["\(c)|\(q)|\(m)"] }
}

/// |a − b| ≤ tol·max(|b|, floor): relative error with an absolute floor for values near zero.
func close(_ a: Double, _ b: Double, rel: Double, floor: Double = 1e-300) -> Bool {
    if a == b { return true }
    return abs(a - b) <= rel * max(abs(b), floor)
}
