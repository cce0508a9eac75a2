import Foundation
import TSCore

/// Typed readers for dataset cells; each error is located at the cell.
extension CSVTable.Row {
    /// A plain printed number or nil when the cell is empty. Bounds ("<0.001") are rejected: only p may be a bound.
    func number(_ column: String) throws(InputError) -> PrintedValue? {
        let t = text(column)
        guard !t.isEmpty else { return nil }
        let v = try PrintedValue.parse(t, location: location(column))
        guard v.bound == .exact else {
            throw InputError(location(column), "\(column) \(InputError.quoted(t)) is a bound; only p may be printed as one")
        }
        return v
    }

    /// A number that must not be negative (SD, SE).
    func nonNegative(_ column: String) throws(InputError) -> PrintedValue? {
        guard let v = try number(column) else { return nil }
        guard v.value >= 0 else { throw InputError(location(column), "\(column) \(InputError.quoted(v.text)) is negative") }
        return v
    }

    /// A whole count ("1,725"); nil when empty.
    func count(_ column: String) throws(InputError) -> PrintedValue? {
        guard let v = try number(column) else { return nil }
        guard v.value >= 0, v.value == v.value.rounded(), v.value < 9.0e15, !v.percent else {
            throw InputError(location(column), "\(column) \(InputError.quoted(v.text)) is not a whole non-negative count")
        }
        return v
    }

    /// A p-value as printed ("0.006", "p = 0.006", "P<0.0001"); nil when empty. Must lie in [0, 1].
    func pValue(_ column: String) throws(InputError) -> PrintedValue? {
        let t = text(column)
        guard !t.isEmpty else { return nil }
        let v = try PrintedValue.parse(t, location: location(column), label: "p")
        guard v.value >= 0, v.value <= 1, !v.percent else {
            throw InputError(location(column), "\(column) \(InputError.quoted(t)) is not a probability between 0 and 1")
        }
        return v
    }

    /// A confidence level: "95%", "95" or "0.95" → 0.95; nil when empty.
    func level(_ column: String) throws(InputError) -> Double? {
        guard let v = try number(column) else { return nil }
        let level = (v.percent || v.value > 1) ? v.value / 100 : v.value
        guard level > 0, level < 1 else {
            throw InputError(location(column), "\(column) \(InputError.quoted(v.text)) is not a level between 0 and 100%")
        }
        return level
    }

    /// A confidence interval from `ci_lower`/`ci_upper`, or the whole interval in `ci_lower` ("−2.3 to −0.4")
    /// with `ci_upper` empty; with its level. Both bounds or neither; a level exactly when there is an interval.
    func confidenceInterval() throws(InputError) -> (lower: PrintedValue, upper: PrintedValue, level: Double)? {
        let lowerText = text("ci_lower"), upperText = text("ci_upper")
        var bounds: (lower: PrintedValue, upper: PrintedValue)? = nil
        if !lowerText.isEmpty && upperText.isEmpty {
            guard PrintedPairs.looksLikeInterval(lowerText) else {
                throw InputError(location("ci_upper"), "ci_upper is empty but ci_lower \(InputError.quoted(lowerText)) is a single bound")
            }
            bounds = try PrintedPairs.interval(lowerText, location: location("ci_lower"))
        } else if lowerText.isEmpty && !upperText.isEmpty {
            throw InputError(location("ci_lower"), "ci_lower is empty but ci_upper is given")
        } else if !lowerText.isEmpty {
            let lower = try number("ci_lower")!, upper = try number("ci_upper")!
            guard lower.value <= upper.value else {
                throw InputError(location("ci_upper"), "ci_upper \(InputError.quoted(upperText)) is below ci_lower \(InputError.quoted(lowerText))")
            }
            bounds = (lower, upper)
        }
        let level = try level("ci_level")
        guard let bounds else {
            if level != nil { throw InputError(location("ci_level"), "ci_level is given but there is no interval") }
            return nil
        }
        guard let level else {
            throw InputError(location("ci_level"), "ci_level is empty: give the printed level (e.g. 95%) or mark it inferred")
        }
        return (bounds.lower, bounds.upper, level)
    }

    /// A word from a fixed vocabulary.
    func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type) throws(InputError) -> T where T.RawValue == String {
        let t = text(column)
        guard let v = T(rawValue: t) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError(location(column), "\(column) \(InputError.quoted(t)) is not one of: \(allowed)")
        }
        return v
    }
}

extension PrintedPairs {
    /// Whether a cell looks like an interval rather than one number.
    static func looksLikeInterval(_ text: String) -> Bool {
        [" to ", ";", ", ", " – ", " - ", " — "].contains { text.contains($0) }
    }
}
