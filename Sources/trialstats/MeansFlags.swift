import ArgumentParser
import Foundation
import TrialStatsKit

/// Parsing of the per-arm list flags of `trialstats means`.
enum MeansFlags {
    /// Items of a per-arm list: split on ';' when present (items may then use thousands separators), else on ','.
    static func items(_ text: String) -> [String] {
        text.split(separator: text.contains(";") ? ";" : ",", omittingEmptySubsequences: false).map(String.init)
    }

    static func values(_ text: String, flag: String) throws -> [Double] {
        try items(text).map { try number($0, flag: flag) }
    }

    /// Values with empty items allowed (an arm that uses another spread flag).
    static func optionalValues(_ text: String, flag: String, arms: Int) throws -> [Double?] {
        let parts = items(text)
        guard parts.count == arms else { throw ValidationError("\(flag): \(parts.count) value(s) for \(arms) arm(s); lists must have one value per arm") }
        return try parts.map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try number($0, flag: flag) }
    }

    /// Arm sizes. With one arm the whole text is one count, so "1,725" is 1725.
    static func counts(_ text: String, flag: String, arms: Int) throws -> [Int] {
        let parts = arms == 1 ? [text] : items(text)
        guard parts.count == arms else { throw ValidationError("\(flag): \(parts.count) value(s) for \(arms) arm(s); lists must have one value per arm") }
        return try parts.map { p in
            let c = try checked { try PrintedNumber.parseCount(p, location: flag) }
            guard c >= 2 else { throw ValidationError("\(flag): each arm needs n ≥ 2, got \(c)") }
            return c
        }
    }

    /// "LO,HI" or "LO,HI;LO,HI" (also "LO to HI"); an empty item leaves that arm's CI out.
    static func intervals(_ text: String, flag: String, arms: Int) throws -> [(Double, Double)?] {
        let parts = arms == 1 ? [text] : text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == arms else {
            throw ValidationError("\(flag): \(parts.count) interval(s) for \(arms) arm(s); separate arms with ';' as in \"LO,HI;LO,HI\"")
        }
        return try parts.map { p -> (Double, Double)? in
            if p.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            let v = try numbers(p, flag: flag)
            guard v.count == 2 else { throw ValidationError("\(flag): expected LO,HI, got \"\(p)\"") }
            guard v[0] < v[1] else { throw ValidationError("\(flag): lower bound \(v[0]) is above the upper bound \(v[1])") }
            return (v[0], v[1])
        }
    }

    /// Maps a library error's parameter name to the flag that carried it.
    static func flagged(_ error: Error, arm: Int?) -> String {
        guard let e = error as? InputError else { return "\(error)" }
        let flag: String
        switch e.location {
        case .parameter("level"): flag = arm == nil ? "--level" : "--ci-level"
        case .parameter(let p): flag = "--" + p
        default: flag = e.location.description
        }
        return "\(flag): \(e.message)" + (arm.map { " (arm \($0))" } ?? "")
    }
}
