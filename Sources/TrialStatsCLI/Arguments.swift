import ArgumentParser
import Foundation
import TrialStatsKit

/// Why a flag value was refused, kept by its text while the command line is parsed: ArgumentParser only says
/// "the value is invalid", and the tool's one-line error adds what is wrong and what is accepted.
final class ArgumentDiagnostics: @unchecked Sendable {
    private let lock = NSLock()
    private var reasons: [String: String] = [:]

    func record(_ reason: String, for text: String) { lock.withLock { reasons[text] = reason } }
    func reason(for text: String) -> String? { lock.withLock { reasons[text] } }

    @TaskLocal static var current = ArgumentDiagnostics()

    /// Records the reason and refuses the value (`init?(argument:)` returns nil).
    static func refuse(_ text: String, _ reason: String) {
        current.record(reason, for: text)
    }

    /// "ITEM: why", or just "why" when the reason already quotes the item (so a long item is shown once).
    static func item(_ item: String, _ why: String) -> String {
        let q = InputError.quoted(item)
        return why.contains(q) ? why : "\(q): \(why)"
    }
}

/// The list rule, one for every per-arm flag: commas separate the arms' values ("35,33", "-0.7,-1.4"), an empty
/// item leaves that arm out ("2.7,"). A list that could also be one number with a thousands separator
/// ("35,330", "1,725") is refused: write 1725 for one number, or "35, 330" (a space after the comma) for two arms.
enum ArmListRule {
    static let help = "commas separate the arms; \"1,725\" is refused as ambiguous (write 1725, or \"1, 725\" for two arms)"

    /// The items of a per-arm list, or the reason it is refused.
    static func items(_ text: String) -> Result<[String], ListError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if isAmbiguous(t) {
            let parts = t.split(separator: ",").map(String.init)
            return .failure(ListError(reason: "\"\(t)\" could be \(parts.count) arms (\(parts.joined(separator: " and "))) or one number "
                + "with a thousands separator (\(parts.joined())); write \(parts.joined()) for one number, or \"\(parts.joined(separator: ", "))\" "
                + "(a space after each comma) for \(parts.count) arms"))
        }
        return .success(t.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// Digits grouped in threes after the first comma, nothing else: "35,330", "1,725", "−1,725.5".
    static func isAmbiguous(_ t: String) -> Bool {
        t.range(of: #"^[+\-−]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"#, options: .regularExpression) != nil
    }

    struct ListError: Error { var reason: String }
}

/// A number as a paper prints it: Unicode minus, a leading +, thousands separators ("1,725"), "±" forms
/// are read by the library's `PrintedInterval`; the printed text is kept so its decimals are known.
struct Printed: ExpressibleByArgument, Sendable {
    var interval: PrintedInterval
    var value: Double { interval.value }
    var text: String { interval.text }

    init(_ interval: PrintedInterval) { self.interval = interval }

    init?(argument: String) {
        do { interval = try PrintedInterval(argument) } catch { ArgumentDiagnostics.refuse(argument, error.message); return nil }
    }

    /// The same value checked against a domain (`[0, 1]` for a p value); the error names `flag`.
    func within(_ domain: ClosedRange<Double>, flag: String) throws -> PrintedInterval {
        do { return try PrintedInterval(interval.text, location: .flag(flag), domain: domain) } catch {
            throw CLIFailure.usage(flag, error.message)
        }
    }
}

/// A plain number ("-1.5", "−1.5", "1e-300", "1,725").
struct Number: ExpressibleByArgument, Sendable {
    var value: Double
    var text: String

    init(_ value: Double) { self.value = value; self.text = NumberFormat.full(value) }

    init?(argument: String) {
        do { value = try PrintedNumber.parse(argument, location: "value"); text = argument } catch {
            ArgumentDiagnostics.refuse(argument, error.message + "; give a number such as 2.7, −1.4 or 1e-3"); return nil
        }
    }

    var defaultValueDescription: String { text }
}

/// A whole count ("35", "1,725"; a percentage is not a count).
struct Count: ExpressibleByArgument, Sendable {
    var value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        do { value = try PrintedNumber.parseCount(argument, location: "value") } catch {
            ArgumentDiagnostics.refuse(argument, error.message); return nil
        }
    }

    var defaultValueDescription: String { String(value) }
}

/// A confidence level written as 0.95, 95 or 95%; from 50% up to, not including, 100%.
struct ConfidenceLevel: ExpressibleByArgument, Sendable {
    var value: Double

    init(_ value: Double) { self.value = value }

    init?(argument: String) {
        let accepted = "give a level from 50% up to (not including) 100%, as 0.95, 95 or 95%"
        var t = argument.trimmingCharacters(in: .whitespaces)
        let percent = t.hasSuffix("%")
        if percent { t.removeLast() }
        guard !t.contains("%") else { ArgumentDiagnostics.refuse(argument, "not a confidence level; " + accepted); return nil }
        guard let x = try? PrintedNumber.parse(t, location: "level"), x.isFinite else {
            ArgumentDiagnostics.refuse(argument, "not a confidence level; " + accepted); return nil
        }
        // Written as a fraction when its integer part is 0 ("0.95", ".95"), whatever it rounds to:
        // 0.9999999999999999999 is the double 1.0, which is not a level, not 1%.
        let digits = t.drop { $0 == "+" || $0 == " " }
        let writtenAsFraction = !percent && (digits.hasPrefix("0") || digits.hasPrefix("."))
        if writtenAsFraction, x >= 1 {
            ArgumentDiagnostics.refuse(argument, "\(InputError.quoted(argument)) is 1 in double precision; " + accepted); return nil
        }
        let v = percent || (!writtenAsFraction && x >= 1) ? x / 100 : x
        guard v >= 0.5, v < 1 else {
            ArgumentDiagnostics.refuse(argument, "\(InputError.quoted(argument)) is \(NumberFormat.readable(v * 100))%; " + accepted); return nil
        }
        value = v
    }

    var defaultValueDescription: String { String(format: "%g", value) }
}

/// One printed value per arm (see `ArmListRule`); empty items are nil. An item may be printed as
/// "mean ± SD" ("−0.7 ± 2.7", also "+/-"): the SD after "±" is kept in `spreads`.
struct PrintedList: ExpressibleByArgument, Sendable {
    var items: [Printed?]
    /// The value after "±" of each item, when it was printed so.
    var spreads: [Printed?]

    init?(argument: String) {
        switch ArmListRule.items(argument) {
        case .failure(let e): ArgumentDiagnostics.refuse(argument, e.reason); return nil
        case .success(let parts):
            var items: [Printed?] = [], spreads: [Printed?] = []
            for p in parts {
                if p.isEmpty { items.append(nil); spreads.append(nil); continue }
                let pm = ["±", "+/-"].lazy.map { p.components(separatedBy: $0) }.first { $0.count == 2 }
                do {
                    if let pm {
                        let spread = try PrintedInterval(pm[1].trimmingCharacters(in: .whitespaces), domain: 0...Double.infinity)
                        items.append(Printed(try PrintedInterval(pm[0].trimmingCharacters(in: .whitespaces))))
                        spreads.append(Printed(spread))
                    } else {
                        items.append(Printed(try PrintedInterval(p)))
                        spreads.append(nil)
                    }
                } catch {
                    ArgumentDiagnostics.refuse(argument, ArgumentDiagnostics.item(p, error.message) + "; " + ArmListRule.help); return nil
                }
            }
            guard items.contains(where: { $0 != nil }) else {
                ArgumentDiagnostics.refuse(argument, "no value given; " + ArmListRule.help); return nil
            }
            self.items = items
            self.spreads = spreads
        }
    }

    /// Whether some item was printed as "mean ± SD".
    var hasSpreads: Bool { spreads.contains { $0 != nil } }

    /// The values after "±" as a list of their own (for `--sd`).
    var spreadList: PrintedList { PrintedList(items: spreads) }

    init(items: [Printed?]) { self.items = items; self.spreads = Array(repeating: nil, count: items.count) }

    var count: Int { items.count }

    /// The values checked against a domain, one per arm; the error names `flag` and the arm.
    func within(_ domain: ClosedRange<Double>, flag: String, arms: ArmCount) throws -> [PrintedInterval?] {
        try arms.check(items.count, flag: flag)
        return try items.map { try $0?.within(domain, flag: flag) }
    }
}

/// One count per arm (see `ArmListRule`); empty items are nil.
struct CountList: ExpressibleByArgument, Sendable {
    var items: [Int?]

    init(_ items: [Int?]) { self.items = items }

    init?(argument: String) {
        switch ArmListRule.items(argument) {
        case .failure(let e): ArgumentDiagnostics.refuse(argument, e.reason); return nil
        case .success(let parts):
            var items: [Int?] = []
            for p in parts {
                if p.isEmpty { items.append(nil); continue }
                do { items.append(try PrintedNumber.parseCount(p, location: "n")) } catch {
                    ArgumentDiagnostics.refuse(argument, ArgumentDiagnostics.item(p, error.message) + "; " + ArmListRule.help); return nil
                }
            }
            guard items.contains(where: { $0 != nil }) else {
                ArgumentDiagnostics.refuse(argument, "no value given; " + ArmListRule.help); return nil
            }
            self.items = items
        }
    }

    var count: Int { items.count }

    func exactly(_ arms: ArmCount, flag: String) throws -> [Int?] {
        try arms.check(items.count, flag: flag)
        return items
    }
}

/// Intervals as printed, "LO,HI" or "LO to HI"; arms separated by ';' ("-1.6,0.2;-2.3,-0.4"). An empty item
/// leaves that arm's interval out.
struct IntervalList: ExpressibleByArgument, Sendable {
    var items: [(lower: Printed, upper: Printed)?]

    init?(argument: String) {
        var items: [(lower: Printed, upper: Printed)?] = []
        for part in argument.split(separator: ";", omittingEmptySubsequences: false) {
            let t = part.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { items.append(nil); continue }
            let bits = t.replacingOccurrences(of: " to ", with: ",").split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let accepted = "give LO,HI (or LO to HI), arms separated by ';' as in \"-1.6,0.2;-2.3,-0.4\""
            guard bits.count == 2 else { ArgumentDiagnostics.refuse(argument, "\(InputError.quoted(t)) is not an interval; " + accepted); return nil }
            do {
                let lo = try PrintedInterval(bits[0]), hi = try PrintedInterval(bits[1])
                guard lo.value <= hi.value else {
                    ArgumentDiagnostics.refuse(argument, "lower bound \(lo.text) is above the upper bound \(hi.text); " + accepted); return nil
                }
                items.append((Printed(lo), Printed(hi)))
            } catch {
                ArgumentDiagnostics.refuse(argument, ArgumentDiagnostics.item(t, error.message) + "; " + accepted); return nil
            }
        }
        guard items.contains(where: { $0 != nil }) else {
            ArgumentDiagnostics.refuse(argument, "no interval given; give LO,HI (or LO to HI), arms separated by ';'"); return nil
        }
        self.items = items
    }

    var count: Int { items.count }

    func exactly(_ arms: ArmCount, flag: String) throws -> [(lower: Printed, upper: Printed)?] {
        try arms.check(items.count, flag: flag, what: "interval(s)", rule: "separate arms with ';' as in \"LO,HI;LO,HI\"")
        return items
    }
}

/// Comma-separated names (arm labels, table row and column labels, covariate columns).
struct NameList: ExpressibleByArgument, Sendable {
    var items: [String]

    init?(argument: String) {
        items = argument.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// The number of arms and the flag whose list set it, so that a list of another length is reported as
/// "--n: 2 value(s), but --mean gives 1 arm".
struct ArmCount: Sendable {
    var count: Int
    var setBy: String

    func check(_ given: Int, flag: String, what: String = "value(s)",
               rule: String = "give one value per arm, separated by commas") throws {
        guard given != count else { return }
        let source = setBy == flag ? "" : ", but \(setBy) gives \(count) arm(s)"
        throw CLIFailure.usage(flag, "\(given) \(what)\(source); " + rule)
    }
}

/// An SD or SE printed with "%" beside a mean printed without it is a coefficient of variation or a relative
/// error, not an SD in the mean's units: refused rather than read as a number of units.
func requireSamePercentSign(means: [PrintedInterval?], spreads: [PrintedInterval?], flag: String) throws {
    for (m, s) in zip(means, spreads) {
        guard let s, s.percent, !(m?.percent ?? false) else { continue }
        throw CLIFailure.usage(flag, "\(InputError.quoted(s.text)) is a percentage but the mean \(m.map { InputError.quoted($0.text) } ?? "") is not; "
            + "an SD or SE in percent of the mean is not one in its units: give it in the mean's units")
    }
}
