import Foundation
import TSCore
import TSAudit
import TSStudies

/// What a report line is about; also the order of sections in a study's CSV and text report.
public enum ReportSection: String, Sendable, CaseIterable {
    case arm            // one arm's printed summary recomputed (SE, CI, p, SD from CI, conversions)
    case comparison     // between-arm results recomputed from the arms (means or counts)
    case bound          // what a printed bound ("P<0.0001") implies when the data behind it are not printed
    case audit          // TSAudit consistency verdicts
    case regimen        // dose arithmetic of a printed regimen
    case intake         // a regimen set against a reference intake
}

/// How a recomputed number stands against what the paper printed.
public enum ReportFlag: String, Sendable, CaseIterable {
    /// The recomputed value lies in the printed value's rounding interval (value ± half a unit in the last place).
    case matches
    /// Outside the rounding interval: `difference` and `beyondRounding` give the size.
    case differs
    /// The printed value is a bound ("<0.0001", ">0.05") and the recomputed value lies on its side.
    case boundMet = "bound-met"
    /// The printed value is a bound and the recomputed value does not lie on its side.
    case boundNotMet = "bound-not-met"
    /// Nothing printed to compare with: derived for the reader (SE, a conversion, a dose).
    case derived
    /// A limit implied by a printed bound (e.g. the smallest chi-square that gives P<0.0001).
    case implied
    /// TSAudit verdicts.
    case consistent, rounding, inconsistent, unchecked
    /// A daily-equivalent dose against a reference range.
    case below, within, above, overlapping
}

/// One recomputed quantity with the printed value beside it: a row of a study's CSV.
public struct ReportLine: Sendable, Equatable {
    public var section: ReportSection
    public var outcome: String
    public var timepoint: String
    /// Arm label, or "A − B" for a comparison.
    public var arm: String
    /// The agent of a regimen or intake line ("vitamin D3", "calcium"); empty otherwise.
    public var agent: String
    /// Machine name of the quantity: `ci_lower`, `p_welch`, `daily_equivalent`, `min_chi_square`, ...
    public var quantity: String
    /// The recomputed value (nil when only a range exists).
    public var recomputed: Double?
    /// Range of the recomputed value (a dose range, an audit's range over the rounding box); nil for a point.
    public var range: (low: Double, high: Double)?
    public var unit: String
    /// The printed value this line is compared with, exactly as printed ("−2.3", "p = 0.006"); nil if none.
    public var printed: PrintedValue?
    /// For audit lines: the reported text when it is not a single printed number ("not printed (total 68)").
    public var printedText: String?
    public var flag: ReportFlag
    /// Recomputed − printed (for audit lines: the miss beyond rounding).
    public var difference: Double?
    /// Distance from the recomputed value to the printed value's rounding interval (0 when inside).
    public var beyondRounding: Double?
    public var method: String
    /// Inputs used, caveats, sources: free text.
    public var detail: String
    /// Audit lines: `result` (the finding about the printed number) or `method` (one method's reading); nil otherwise.
    public var scope: Scope?
    /// Audit lines: reproduced only under another reading than the usual one (see `AuditRow.alternativeReading`).
    public var alternativeReading: Bool = false
    /// Audit result lines: the miss in units of the printed number's last digit, for ranking findings.
    public var missInUnits: Double?

    public init(section: ReportSection, outcome: String = "", timepoint: String = "", arm: String = "", agent: String = "",
                quantity: String, recomputed: Double?, range: (low: Double, high: Double)? = nil, unit: String = "",
                printed: PrintedValue? = nil, printedText: String? = nil, flag: ReportFlag? = nil,
                difference: Double? = nil, method: String, detail: String = "") {
        self.section = section
        self.outcome = outcome
        self.timepoint = timepoint
        self.arm = arm
        self.agent = agent
        self.quantity = quantity
        self.recomputed = recomputed
        self.range = range
        self.unit = unit
        self.printed = printed
        self.printedText = printedText
        self.method = method
        self.detail = detail
        self.difference = difference
        self.beyondRounding = nil
        self.scope = nil
        self.missInUnits = nil
        if let flag {
            self.flag = flag
        } else {
            let judged = ReportLine.judge(recomputed: recomputed, printed: printed)
            self.flag = judged.flag
            self.difference = judged.difference
            self.beyondRounding = judged.beyond
        }
    }

    /// Compares a recomputed value with a printed one: inside the rounding interval → matches, else differs
    /// (difference = recomputed − printed, beyond = distance to the rounding interval); a bound is met or not.
    static func judge(recomputed: Double?, printed: PrintedValue?) -> (flag: ReportFlag, difference: Double?, beyond: Double?) {
        guard let printed else { return (.derived, nil, nil) }
        guard let x = recomputed, x.isFinite else { return (.unchecked, nil, nil) }
        switch printed.bound {
        case .exact:
            let (lo, hi) = printed.interval
            let beyond = x < lo ? lo - x : (x > hi ? x - hi : 0)
            return (printed.isConsistent(with: x) ? .matches : .differs, x - printed.value, beyond)
        default:
            return (printed.isConsistent(with: x) ? .boundMet : .boundNotMet, nil, nil)
        }
    }

    /// The printed text shown beside the value ("" when nothing was printed).
    public var printedDisplay: String { printed?.text ?? printedText ?? "" }

    public static func == (a: ReportLine, b: ReportLine) -> Bool {
        a.section == b.section && a.outcome == b.outcome && a.timepoint == b.timepoint && a.arm == b.arm && a.agent == b.agent
            && a.quantity == b.quantity && a.recomputed == b.recomputed && a.range?.low == b.range?.low
            && a.range?.high == b.range?.high && a.unit == b.unit && a.printed == b.printed
            && a.printedText == b.printedText && a.flag == b.flag && a.difference == b.difference
            && a.beyondRounding == b.beyondRounding && a.method == b.method && a.detail == b.detail && a.scope == b.scope
            && a.missInUnits == b.missInUnits && a.alternativeReading == b.alternativeReading
    }
}
