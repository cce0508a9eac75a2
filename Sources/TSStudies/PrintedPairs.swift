import Foundation
import TSCore

/// Two printed numbers in one cell, as papers print them: an interval ("−2.3 to −0.4") or a mean with
/// its SD ("2.7 ± 0.4").
public enum PrintedPairs {
    /// An interval in one cell: "−2.3 to −0.4", "(−1.6 to 0.2)", "−1.6; 0.2", "−1.6, 0.2" (comma and space),
    /// "1.2 – 3.4" (a dash with spaces round it). A dash without spaces is read as a minus sign and rejected.
    public static func interval(_ text: String, location: InputLocation) throws(InputError) -> (lower: PrintedValue, upper: PrintedValue) {
        var t = text.trimmingCharacters(in: .whitespaces)
        if let f = t.first, let l = t.last, (f == "(" && l == ")") || (f == "[" && l == "]") {
            t = String(t.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        var parts: [String] = []
        for separator in [" to ", ";", ", ", " – ", " - ", " — ", " \u{2212} "] {
            let p = t.components(separatedBy: separator)
            if p.count == 2 { parts = p; break }
        }
        guard parts.count == 2 else {
            throw InputError(location, "cannot split \(InputError.quoted(text)) into two bounds; write it as \"lower to upper\"")
        }
        let lower = try PrintedValue.parse(parts[0], location: location)
        let upper = try PrintedValue.parse(parts[1], location: location)
        guard lower.bound == .exact, upper.bound == .exact else {
            throw InputError(location, "interval bounds must be plain numbers, found \(InputError.quoted(text))")
        }
        guard lower.value <= upper.value else {
            throw InputError(location, "interval \(InputError.quoted(text)) has its lower bound above its upper bound")
        }
        return (lower, upper)
    }

    /// A mean and SD in one cell: "2.7 ± 0.4", "0.05% ± 1.46%", "2.7 +/- 0.4". The SD must not be negative.
    public static func meanSD(_ text: String, location: InputLocation) throws(InputError) -> (mean: PrintedValue, sd: PrintedValue) {
        var parts: [String] = []
        for separator in ["±", "+/-", "+-"] {
            let p = text.components(separatedBy: separator)
            if p.count == 2 { parts = p; break }
        }
        guard parts.count == 2 else {
            throw InputError(location, "cannot split \(InputError.quoted(text)) into a mean and an SD; write it as \"mean ± SD\"")
        }
        let mean = try PrintedValue.parse(parts[0], location: location)
        let sd = try PrintedValue.parse(parts[1], location: location)
        guard mean.bound == .exact, sd.bound == .exact else {
            throw InputError(location, "mean ± SD must be plain numbers, found \(InputError.quoted(text))")
        }
        guard sd.value >= 0 else { throw InputError(location, "SD in \(InputError.quoted(text)) is negative") }
        return (mean, sd)
    }

    /// Whether a cell holds a mean ± SD rather than a single number.
    static func looksLikeMeanSD(_ text: String) -> Bool {
        text.contains("±") || text.contains("+/-") || text.contains("+-")
    }
}
