import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The shared deterministic argument grids for the distribution cases. The same formulas are in
/// peers/peers.R and peers/peers_scipy.py, so all three tools evaluate identical arguments.
enum Grid {
    static let count = 100_000
    /// p_i = (i + 0.5) / N  over (0, 1).
    static func p(_ i: Int) -> Double { (Double(i) + 0.5) / Double(count) }
    /// df_i = 0.5 + 0.25 (i mod 997)  over [0.5, 249.5].
    static func df(_ i: Int) -> Double { 0.5 + 0.25 * Double(i % 997) }
    /// df1_i = 1 + (i mod 13).
    static func df1(_ i: Int) -> Double { 1 + Double(i % 13) }
    /// x_i = 0.01 + 0.05 (i mod 1009)  over [0.01, 50.41] (chi-square and F tails; |t| for the t tail).
    static func x(_ i: Int) -> Double { 0.01 + 0.05 * Double(i % 1009) }
}

/// Fast numeric CSV loading for the harness (not timed): header line, then numbers separated by commas.
func loadNumericCSV(_ path: String) -> (header: [String], columns: [[Double]]) {
    guard let f = fopen(path, "r") else { fatalError("cannot open \(path)") }
    defer { fclose(f) }
    var line: UnsafeMutablePointer<CChar>? = nil
    var cap = 0
    guard getline(&line, &cap, f) > 0 else { fatalError("\(path): empty") }
    let header = String(cString: line!).trimmingCharacters(in: .whitespacesAndNewlines)
        .split(separator: ",").map(String.init)
    var cols = [[Double]](repeating: [], count: header.count)
    while getline(&line, &cap, f) > 0 {
        var p = UnsafeMutablePointer(line!)
        for j in 0..<header.count {
            var end: UnsafeMutablePointer<CChar>? = nil
            cols[j].append(strtod(p, &end))
            p = end! + 1
        }
    }
    free(line)
    return (header, cols)
}
