import ArgumentParser
import Foundation
import TrialStatsKit

/// Parsing of `trialstats audit` flags into printed values (kept as text so their precision is known).
enum AuditFlags {
    /// A statcheck-style result: "t(28) = 2.20, p = .06", "F(2, 45) = 5.81, p = .03", "chi2(1) = 3.9, p < .05",
    /// "z = 1.96, p = .05", "r(28) = .22, p = .24".
    static func test(_ text: String, flag: String) throws -> PrintedTest {
        let s = text.replacingOccurrences(of: "χ2", with: "chi2").replacingOccurrences(of: "χ²", with: "chi2")
            .replacingOccurrences(of: "X2", with: "chi2")
        guard let equals = s.range(of: "="), let comma = s.range(of: ",", options: .backwards, range: equals.upperBound..<s.endIndex) ??
                s.range(of: ";") else { throw CLIFailure.usage(flag, "expected e.g. \"t(28) = 2.20, p = .06\", got \(InputError.quoted(text))") }
        let left = String(s[..<comma.lowerBound]), right = String(s[comma.upperBound...])
        guard let eq = left.firstIndex(of: "=") else { throw CLIFailure.usage(flag, "no \"=\" before the statistic in \(InputError.quoted(text))") }
        let head = left[..<eq].trimmingCharacters(in: .whitespaces)
        var kindText = head, dfs: [Double] = []
        if let open = head.firstIndex(of: "("), let close = head.firstIndex(of: ")") {
            kindText = String(head[..<open]).trimmingCharacters(in: .whitespaces)
            dfs = try FlagMap([:]).checked { try PrintedNumber.parseList(String(head[head.index(after: open)..<close]), location: .flag(flag)) }
        }
        let kinds: [String: PrintedTest.Kind] = ["t": .t, "z": .z, "f": .F, "chi2": .chi2, "chi": .chi2, "r": .r]
        guard let kind = kinds[kindText.lowercased()] else { throw CLIFailure.usage(flag, "unknown statistic \(InputError.quoted(kindText)) (t, z, F, chi2, r)") }
        let stat = try FlagMap([:]).checked { try PrintedInterval(String(left[left.index(after: eq)...]), location: .flag(flag)) }
        let p = try FlagMap([:]).checked { try PrintedInterval(right, location: .flag(flag), domain: 0...1) }
        return PrintedTest(label: text.trimmingCharacters(in: .whitespaces), kind: kind, statistic: stat,
                           df1: dfs.first, df2: dfs.count > 1 ? dfs[1] : nil, p: p)
    }
}
