import Foundation
import TSCore

/// Route of administration as printed.
public enum Route: String, Sendable, Equatable {
    case oral, intramuscular, intravenous, subcutaneous
}

/// A dose regimen read from its printed text ("300,000 IU intramuscularly every 7-10 days, 4-6 times"):
/// amount and unit, route, interval between doses, days per week, number of doses and duration, each a
/// range where the text prints one. The daily-equivalent and cumulative doses follow from these.
public struct Regimen: Sendable, Equatable {
    /// The regimen as printed.
    public var text: String
    /// Amount per dose, nil for a placebo or a text with no amount.
    public var amount: DoseRange?
    public var unit: DoseUnit?
    public var route: Route?
    /// Days between doses (1 daily, 7 weekly, 30.4375 monthly); nil for a single dose or when not printed.
    public var intervalDays: DoseRange?
    /// Days dosed per week when printed ("≥5 days/week" → 5–7); nil means every scheduled day.
    public var daysPerWeek: DoseRange?
    /// Number of doses printed ("4-6 times" → 4–6; "once" → 1).
    public var doses: DoseRange?
    /// Length of treatment in days when printed ("for 8 weeks" → 56).
    public var durationDays: DoseRange?

    public init(text: String, amount: DoseRange? = nil, unit: DoseUnit? = nil, route: Route? = nil,
                intervalDays: DoseRange? = nil, daysPerWeek: DoseRange? = nil, doses: DoseRange? = nil,
                durationDays: DoseRange? = nil) {
        self.text = text
        self.amount = amount
        self.unit = unit
        self.route = route
        self.intervalDays = intervalDays
        self.daysPerWeek = daysPerWeek
        self.doses = doses
        self.durationDays = durationDays
    }

    /// Fraction of scheduled days actually dosed (daysPerWeek / 7), 1–1 when not printed.
    var dosedFraction: DoseRange {
        guard let d = daysPerWeek else { return DoseRange(1) }
        return DoseRange(d.low / 7, d.high / 7)
    }

    /// Average amount per day in `unit`: amount × dosed fraction / interval, the low end from the smallest
    /// amount and the longest interval, the high end from the largest amount and the shortest interval.
    /// Nil without an amount or an interval (a single dose has no daily equivalent), or when the units
    /// cannot be converted for this agent.
    public func dailyEquivalent(in target: DoseUnit, agent: AgentKind) -> DoseRange? {
        guard let amount, let unit, let interval = intervalDays,
              let k = DoseConversion.factor(from: unit, to: target, agent: agent) else { return nil }
        let f = dosedFraction
        return DoseRange(amount.low * f.low / interval.high * k, amount.high * f.high / interval.low * k)
    }

    /// Number of doses given: as printed; else 1 for a single dose; else duration / interval × dosed fraction.
    public var doseCount: DoseRange? {
        if let doses { return doses }
        guard let duration = durationDays, let interval = intervalDays else { return nil }
        let f = dosedFraction
        return DoseRange(duration.low / interval.high * f.low, duration.high / interval.low * f.high)
    }

    /// Total amount over the regimen in `unit`: amount × number of doses. Nil when neither the number of
    /// doses nor a duration (with an interval) is printed.
    public func cumulative(in target: DoseUnit, agent: AgentKind) -> DoseRange? {
        guard let amount, let unit, let count = doseCount,
              let k = DoseConversion.factor(from: unit, to: target, agent: agent) else { return nil }
        return DoseRange(amount.low * count.low * k, amount.high * count.high * k)
    }

    /// Days from the first to the last dose when a number of doses and an interval are printed:
    /// (doses − 1) × interval ("every 7-10 days, 4-6 times" → 21–50 days).
    public var treatmentSpanDays: DoseRange? {
        guard let doses, let interval = intervalDays else { return nil }
        return DoseRange((doses.low - 1) * interval.low, (doses.high - 1) * interval.high)
    }
}
