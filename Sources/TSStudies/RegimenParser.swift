import Foundation
import TSCore

/// Reads a printed regimen into a `Regimen`. The clauses may come in any order:
///   amount      "20,000 IU", "800-1000 IU", "180 µg/day", "1,000 mg/day"   (units IU, µg/mcg/ug, mg, g)
///   frequency   "daily", "once a week", "weekly", "per day", "/day", "every 7-10 days", "twice a week", "3 times a week"
///   days/week   "≥5 days/week", "at least 5 days a week", "5 days a week"
///   route       "orally", "intramuscularly" / "IM", "intravenously", "subcutaneously"
///   doses       "4-6 times", "once" (a single dose), "8 doses", "x 4"
///   duration    "for 8 weeks", "over 3 years", "x 8 weeks"
/// Agent names ("vitamin D(3)", "calcium", "MK-7", ...) and a few filler words are skipped; any other word
/// is an error, so that nothing printed is silently ignored. Two amounts, or two frequencies, are an error:
/// give each agent or phase of a regimen its own row.
public enum RegimenParser {
    /// Words skipped: the agents' names (`AgentCatalogue.regimenWords`) and a few fillers.
    static let fillers: Set<String> = AgentCatalogue.regimenWords.union([
        "capsule", "capsules", "tablet", "tablets", "supplement", "supplements", "of", "as", "in", "total", "all", "plus",
        "with", "and", "dose", "given", "administered", "an", "oral",
    ])
    static let routes: [String: Route] = [
        "orally": .oral, "po": .oral, "p.o.": .oral, "intramuscularly": .intramuscular, "intramuscular": .intramuscular,
        "im": .intramuscular, "i.m.": .intramuscular, "intravenously": .intravenous, "intravenous": .intravenous,
        "iv": .intravenous, "i.v.": .intravenous, "subcutaneously": .subcutaneous, "subcutaneous": .subcutaneous,
        "sc": .subcutaneous, "s.c.": .subcutaneous,
    ]
    static let units: [String: DoseUnit] = [
        "iu": .iu, "ui": .iu, "ug": .microgram, "microgram": .microgram, "micrograms": .microgram,
        "mg": .milligram, "milligram": .milligram, "milligrams": .milligram, "g": .gram, "gram": .gram, "grams": .gram,
    ]
    static let periods: [String: Double] = [
        "day": 1, "days": 1, "d": 1, "week": DayCounts.week, "weeks": DayCounts.week, "wk": DayCounts.week,
        "wks": DayCounts.week, "month": DayCounts.month, "months": DayCounts.month, "mo": DayCounts.month,
        "year": DayCounts.year, "years": DayCounts.year, "yr": DayCounts.year, "yrs": DayCounts.year, "y": DayCounts.year,
    ]
    static let adverbs: [String: Double] = [
        "daily": 1, "weekly": DayCounts.week, "monthly": DayCounts.month, "yearly": DayCounts.year, "annually": DayCounts.year,
        "fortnightly": 14,
    ]

    /// A number as a reader would write it in a message: whole numbers without a decimal point.
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    public static func parse(_ text: String, location: InputLocation) throws(InputError) -> Regimen {
        var p = Parser(text: text, location: location, tokens: try RegimenLexer.tokens(text, location: location))
        return try p.run()
    }

    struct Parser {
        let text: String
        let location: InputLocation
        let tokens: [RegimenToken]
        var i = 0
        var r: Regimen

        init(text: String, location: InputLocation, tokens: [RegimenToken]) {
            self.text = text; self.location = location; self.tokens = tokens
            r = Regimen(text: text)
        }

        func fail(_ message: String) -> InputError { InputError(location, "regimen \(InputError.quoted(text)): \(message)") }
        func peek(_ k: Int = 0) -> RegimenToken? { i + k < tokens.count ? tokens[i + k] : nil }
        func word(_ k: Int = 0) -> String? { if case .word(let w)? = peek(k) { return w } else { return nil } }
        func isSymbol(_ s: String, _ k: Int = 0) -> Bool { peek(k) == .symbol(s) }

        /// "N" or "N-M" / "N to M" at the cursor.
        mutating func range() throws(InputError) -> DoseRange? {
            guard case .number(let a)? = peek() else { return nil }
            i += 1
            if isSymbol("-") || word() == "to", case .number(let b)? = peek(1) {
                i += 2
                guard a <= b else { throw fail("range \(plain(a))-\(plain(b)) runs backwards") }
                return DoseRange(a, b)
            }
            return DoseRange(a)
        }

        /// A period word at the cursor ("day", "weeks"), consumed; its length in days.
        mutating func period() -> Double? {
            guard let w = word(), let d = RegimenParser.periods[w] else { return nil }
            i += 1
            return d
        }

        mutating func setInterval(_ days: DoseRange) throws(InputError) {
            guard r.intervalDays == nil else { throw fail("the frequency is given twice") }
            guard days.low > 0 else { throw fail("an interval of 0 days") }
            r.intervalDays = days
        }

        mutating func setDoses(_ n: DoseRange) throws(InputError) {
            guard r.doses == nil else { throw fail("the number of doses is given twice") }
            guard n.low >= 1, n.low == n.low.rounded(), n.high == n.high.rounded() else {
                throw fail("the number of doses must be whole and at least 1")
            }
            r.doses = n
        }

        /// "a week", "per day", "each month", "/day", "daily" after a count ("twice", "3 times"): interval = period / count.
        mutating func frequency(count: DoseRange) throws(InputError) -> Bool {
            if let w = word(), let d = RegimenParser.adverbs[w] { i += 1; try setInterval(DoseRange(d / count.high, d / count.low)); return true }
            if word() == "a" || word() == "per" || word() == "each" || isSymbol("/") {
                let save = i
                i += 1
                if let d = period() { try setInterval(DoseRange(d / count.high, d / count.low)); return true }
                i = save
            }
            return false
        }

        /// Days per week after an optional relation: "5 days/week", ">=5 days a week", "5-7 days per week".
        mutating func daysPerWeek(atLeast: Bool) throws(InputError) -> Bool {
            let save = i
            guard let n = try range(), word() == "days" || word() == "day" else { i = save; return false }
            i += 1
            guard isSymbol("/") || word() == "a" || word() == "per" || word() == "each", case .word(let w)? = peek(1),
                  RegimenParser.periods[w] == DayCounts.week else { i = save; return false }
            i += 2
            guard r.daysPerWeek == nil else { throw fail("days per week are given twice") }
            guard n.low > 0, n.high <= 7 else { throw fail("days per week must lie between 1 and 7") }
            r.daysPerWeek = atLeast ? DoseRange(n.low, 7) : n
            return true
        }

        mutating func run() throws(InputError) -> Regimen {
            guard !tokens.isEmpty else { throw fail("nothing to read") }
            while let t = peek() {
                switch t {
                case .number:
                    if try daysPerWeek(atLeast: false) { continue }
                    let n = try range()!
                    if let w = word(), let unit = RegimenParser.units[w] {
                        i += 1
                        guard r.amount == nil else { throw fail("two amounts; give each agent or phase its own row") }
                        guard n.low > 0 else { throw fail("the amount must be positive") }
                        r.amount = n
                        r.unit = unit
                        if isSymbol("/") {
                            i += 1
                            guard let d = period() else { throw fail("expected a period after \"/\" (day, week, month)") }
                            try setInterval(DoseRange(d))
                        }
                    } else if word() == "times" {
                        i += 1
                        if try frequency(count: n) { continue }
                        try setDoses(n)
                    } else if word() == "doses" {
                        i += 1
                        try setDoses(n)
                    } else {
                        throw fail("expected a unit (IU, µg, mg, g), \"times\", \"doses\" or \"days/week\" after \(plain(n.low))")
                    }
                case .symbol(let s):
                    i += 1
                    if s == ">=" || s == "=" {
                        guard try daysPerWeek(atLeast: s == ">=") else { throw fail("expected days per week after \(InputError.quoted(s))") }
                    } else if s == "/" {
                        guard let d = period() else { throw fail("expected a period after \"/\" (day, week, month)") }
                        try setInterval(DoseRange(d))
                    } else if s == "<=" {
                        throw fail("an upper bound on days per week cannot be read; write the range (e.g. 3-5 days/week)")
                    } else if s != "," && s != ";" && s != "." {
                        throw fail("unexpected \(InputError.quoted(s))")
                    }
                case .word(let w):
                    try clause(w)
                }
            }
            return r
        }

        mutating func clause(_ w: String) throws(InputError) {
            i += 1
            if let route = RegimenParser.routes[w] {
                guard r.route == nil || r.route == route else { throw fail("two routes") }
                r.route = route
            } else if let d = RegimenParser.adverbs[w] {
                try setInterval(DoseRange(d))
            } else if w == "once" || w == "twice" || w == "thrice" {
                let count: Double = w == "once" ? 1 : (w == "twice" ? 2 : 3)
                if word() == "every" { return }   // "once every 7-10 days"
                if try frequency(count: DoseRange(count)) { return }
                try setDoses(DoseRange(count))
            } else if w == "a" || w == "per" || w == "each" {
                guard let d = period() else { throw fail("expected a period after \(InputError.quoted(w)) (day, week, month)") }
                try setInterval(DoseRange(d))
            } else if w == "every" {
                if word() == "other", case .word(let p)? = peek(1), let d = RegimenParser.periods[p] {
                    i += 2
                    try setInterval(DoseRange(2 * d))
                    return
                }
                let n = try range() ?? DoseRange(1)
                guard let d = period() else { throw fail("expected a period after \"every\" (days, weeks, months)") }
                try setInterval(n.scaled(d))
            } else if w == "for" || w == "over" || w == "x" {
                guard let n = try range() else { throw fail("expected a number after \(InputError.quoted(w))") }
                if let d = period() {
                    guard r.durationDays == nil else { throw fail("the duration is given twice") }
                    r.durationDays = n.scaled(d)
                } else if w == "x" {
                    try setDoses(n)
                } else {
                    throw fail("expected a period after \"\(w) \(plain(n.low))\" (days, weeks, months, years)")
                }
            } else if w == "at", word() == "least" {
                i += 1
                guard try daysPerWeek(atLeast: true) else { throw fail("expected days per week after \"at least\"") }
            } else if w == "then" || w == "or" || w == "followed" {
                throw fail("\(InputError.quoted(w)) joins two regimens; give each phase or alternative its own row")
            } else if !RegimenParser.fillers.contains(w) {
                throw fail("cannot read \(InputError.quoted(w))")
            }
        }
    }
}
