import ArgumentParser
import Foundation
import TrialStatsKit

/// Parsing of `trialstats audit` flags into printed values (kept as text so their precision is known).
enum AuditFlags {
    /// Items of a per-arm list: split on ';' when present, else on ','.
    static func items(_ text: String) -> [String] {
        text.split(separator: text.contains(";") ? ";" : ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// One printed value per arm; empty items are nil.
    static func printed(_ text: String?, flag: String, arms: Int, domain: ClosedRange<Double> = -Double.infinity...Double.infinity)
        throws -> [PrintedInterval?] {
        guard let text else { return Array(repeating: nil, count: arms) }
        let parts = arms == 1 ? [text.trimmingCharacters(in: .whitespaces)] : items(text)
        guard parts.count == arms else {
            throw ValidationError("\(flag): \(parts.count) value(s) for \(arms) arm(s); lists need one value per arm")
        }
        return try parts.map { p in
            p.isEmpty ? nil : try checked { try PrintedInterval(p, location: flag, domain: domain) }
        }
    }

    /// "LO,HI" (or "LO to HI"); two arms "LO,HI;LO,HI".
    static func intervals(_ text: String?, flag: String, arms: Int) throws -> [(PrintedInterval, PrintedInterval)?] {
        guard let text else { return Array(repeating: nil, count: arms) }
        let parts = arms == 1 ? [text] : text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == arms else {
            throw ValidationError("\(flag): \(parts.count) interval(s) for \(arms) arm(s); separate arms with ';' as in \"LO,HI;LO,HI\"")
        }
        return try parts.map { p in try interval(p, flag: flag) }
    }

    static func interval(_ text: String, flag: String) throws -> (PrintedInterval, PrintedInterval)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        let bits = t.replacingOccurrences(of: " to ", with: ",").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard bits.count == 2 else { throw ValidationError("\(flag): expected LO,HI, got \"\(text)\"") }
        let lo = try checked { try PrintedInterval(bits[0], location: flag) }
        let hi = try checked { try PrintedInterval(bits[1], location: flag) }
        guard lo.value <= hi.value else { throw ValidationError("\(flag): lower bound \(lo.text) is above the upper bound \(hi.text)") }
        return (lo, hi)
    }

    static func counts(_ text: String?, flag: String, arms: Int) throws -> [Int?] {
        guard let text else { return Array(repeating: nil, count: arms) }
        let parts = arms == 1 ? [text] : items(text)
        guard parts.count == arms else { throw ValidationError("\(flag): \(parts.count) value(s) for \(arms) arm(s)") }
        return try parts.map { p in
            p.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try checked { try PrintedNumber.parseCount(p, location: flag) }
        }
    }

    /// A statcheck-style result: "t(28) = 2.20, p = .06", "F(2, 45) = 5.81, p = .03", "chi2(1) = 3.9, p < .05",
    /// "z = 1.96, p = .05", "r(28) = .22, p = .24".
    static func test(_ text: String, flag: String) throws -> PrintedTest {
        let s = text.replacingOccurrences(of: "χ2", with: "chi2").replacingOccurrences(of: "χ²", with: "chi2")
            .replacingOccurrences(of: "X2", with: "chi2")
        guard let comma = s.range(of: ",", options: .backwards, range: s.range(of: "=")!.upperBound..<s.endIndex) ??
                s.range(of: ";") else { throw ValidationError("\(flag): expected e.g. \"t(28) = 2.20, p = .06\", got \"\(text)\"") }
        let left = String(s[..<comma.lowerBound]), right = String(s[comma.upperBound...])
        guard let eq = left.firstIndex(of: "=") else { throw ValidationError("\(flag): no \"=\" before the statistic in \"\(text)\"") }
        let head = left[..<eq].trimmingCharacters(in: .whitespaces)
        var kindText = head, dfs: [Double] = []
        if let open = head.firstIndex(of: "("), let close = head.firstIndex(of: ")") {
            kindText = String(head[..<open]).trimmingCharacters(in: .whitespaces)
            dfs = try PrintedNumber.parseList(String(head[head.index(after: open)..<close]), location: flag)
        }
        let kinds: [String: PrintedTest.Kind] = ["t": .t, "z": .z, "f": .F, "chi2": .chi2, "chi": .chi2, "r": .r]
        guard let kind = kinds[kindText.lowercased()] else { throw ValidationError("\(flag): unknown statistic \"\(kindText)\" (t, z, F, chi2, r)") }
        let stat = try checked { try PrintedInterval(String(left[left.index(after: eq)...]), location: flag) }
        let p = try checked { try PrintedInterval(right, location: flag, domain: 0...1) }
        return PrintedTest(label: text.trimmingCharacters(in: .whitespaces), kind: kind, statistic: stat,
                           df1: dfs.first, df2: dfs.count > 1 ? dfs[1] : nil, p: p)
    }
}
