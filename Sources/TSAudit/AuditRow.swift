import TSCore

/// Whether a row is the finding about a printed quantity or what one method alone gives.
///
/// A `result` row aggregates every plausible method for one printed quantity (`Finding.result`): it is the
/// only kind of row that may call a paper's number inconsistent. A `method` row under it says whether that
/// one method reproduces the number ("Student: does not reproduce, Welch: reproduces").
public enum Scope: String, Sendable, Equatable {
    case result
    case method
}

/// One row of an audit: a printed number, what the printed inputs say it should be, and the verdict.
public struct AuditRow: Sendable, Equatable {
    /// `result` for the finding about the printed quantity, `method` for one method's reading of it.
    public var scope: Scope
    /// What was checked: `ci_lower`, `ci_upper`, `mean_vs_ci`, `p`, `sd_vs_ci`, `difference`, `difference_vs_ci`,
    /// `difference_ci_lower`, `difference_ci_upper`, `difference_p`, `statistic_p`, `percent`, `grim`, `grimmer`,
    /// `n`, `total_n`, `method`.
    public var check: String
    /// Arm label, `difference`, or a test's label.
    public var arm: String
    /// The reported value as printed ("−2.3", "0.332", "68 total").
    public var reported: String
    /// The printed number itself, when the row checks one printed number (nil for joint rows and sizes).
    public var printed: PrintedInterval?
    /// Range of recomputed values over the box of rounded inputs (for `n`: the feasible arm sizes).
    public var recomputed: ValueInterval?
    /// Recomputed from the inputs exactly as printed, when one value exists.
    public var nominal: Double?
    public var verdict: Verdict
    /// Readings of the reported number under which the box reproduces it.
    public var readings: [RoundingReading]
    /// The method the recomputation used.
    public var method: String
    /// Free text: the miss explained, the feasible set, the method that would reproduce a number.
    public var detail: String
    /// True for a method that reads the paper other than the usual way (z for t, a reversed sign, an SE
    /// printed as SD, a one-sided p); on a result row, true when only such methods reproduce the number.
    public var alternativeReading: Bool = false

    public init(check: String, arm: String, reported: String, recomputed: ValueInterval? = nil, nominal: Double? = nil,
                verdict: Verdict, readings: [RoundingReading] = [], method: String = "", detail: String = "",
                scope: Scope = .method) {
        self.scope = scope
        self.check = check
        self.arm = arm
        self.reported = reported
        self.recomputed = recomputed
        self.nominal = nominal
        self.verdict = verdict
        self.readings = readings
        self.method = method
        self.detail = detail
    }

    /// A row from a judgement; `alternative` marks a reading other than the usual one (e.g. a one-sided p).
    public init(check: String, arm: String, reported: PrintedInterval, judgement j: Judgement,
                method: String, detail: String = "", alternative: Bool = false) {
        self.init(check: check, arm: arm, reported: reported.text, recomputed: j.range, nominal: j.nominal,
                  verdict: j.verdict, readings: j.readings, method: method, detail: detail)
        self.alternativeReading = alternative
        self.printed = reported
        if case .inconsistent = j.verdict, j.readings.contains(.truncation) {
            self.detail += (detail.isEmpty ? "" : "; ") + "reproduced if the paper truncated instead of rounding"
        }
    }

    /// An `unchecked` row naming what is missing.
    public static func unchecked(_ check: String, arm: String, reported: String, missing: String) -> AuditRow {
        AuditRow(check: check, arm: arm, reported: reported, verdict: .unchecked(missing: missing))
    }
}
