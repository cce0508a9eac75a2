import TSCore

/// One arm as printed: every number kept as its printed text (so its precision is known).
public struct PrintedArm: Sendable {
    public var label: String
    /// Arm size, if printed (exact). When nil the audit infers it (see `HiddenArmSizes`).
    public var n: Int?
    public var mean: PrintedInterval?
    public var sd: PrintedInterval?
    public var se: PrintedInterval?
    public var ciLower: PrintedInterval?
    public var ciUpper: PrintedInterval?
    /// Two-sided p of the arm's mean against 0 (within-arm change), as printed.
    public var p: PrintedInterval?
    /// Confidence level of the printed CI.
    public var level: Double
    /// Number of integer items averaged per participant, when the outcome is integer data (enables GRIM/GRIMMER).
    public var integerItems: Int?
    /// A printed percentage of participants with an event, and optionally its count.
    public var percent: PrintedInterval?
    public var count: Int?

    public init(label: String, n: Int? = nil, mean: PrintedInterval? = nil, sd: PrintedInterval? = nil,
                se: PrintedInterval? = nil, ciLower: PrintedInterval? = nil, ciUpper: PrintedInterval? = nil,
                p: PrintedInterval? = nil, level: Double = 0.95, integerItems: Int? = nil,
                percent: PrintedInterval? = nil, count: Int? = nil) {
        self.label = label
        self.n = n
        self.mean = mean
        self.sd = sd
        self.se = se
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.p = p
        self.level = level
        self.integerItems = integerItems
        self.percent = percent
        self.count = count
    }

    public var hasCI: Bool { ciLower != nil && ciUpper != nil }
}

/// The printed comparison of two arms (first minus second, as the arms are listed).
public struct PrintedComparison: Sendable {
    public var estimate: PrintedInterval?
    public var ciLower: PrintedInterval?
    public var ciUpper: PrintedInterval?
    public var p: PrintedInterval?
    public var level: Double

    public init(estimate: PrintedInterval? = nil, ciLower: PrintedInterval? = nil, ciUpper: PrintedInterval? = nil,
                p: PrintedInterval? = nil, level: Double = 0.95) {
        self.estimate = estimate
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.p = p
        self.level = level
    }

    public var hasCI: Bool { ciLower != nil && ciUpper != nil }
}

/// A printed comparison that stands alone (no arm summaries): a difference or a ratio with its CI and p.
public struct NamedEffect: Sendable {
    public var label: String
    public var effect: PrintedEffect
    public init(label: String, effect: PrintedEffect) {
        self.label = label
        self.effect = effect
    }
}

/// A table of counts with the p the paper printed for it.
public struct PrintedTable: Sendable {
    public var label: String
    /// Rows × columns of whole counts.
    public var counts: [[Int]]
    public var p: PrintedInterval
    /// Ordered categories (adds the trend tests).
    public var ordered: Bool
    public init(label: String = "table", counts: [[Int]], p: PrintedInterval, ordered: Bool = false) {
        self.label = label
        self.counts = counts
        self.p = p
        self.ordered = ordered
    }
}

/// The overall test printed across all arms (one-way or Welch ANOVA): F and/or p.
public struct PrintedOverall: Sendable {
    public var F: PrintedInterval?
    public var p: PrintedInterval?
    public init(F: PrintedInterval? = nil, p: PrintedInterval? = nil) {
        self.F = F
        self.p = p
    }
}

/// What a study printed: arms, an optional total and comparison of the first two arms, an overall test across
/// the arms, comparisons printed without arms, tables of counts with their p, and free-standing tests.
public struct PrintedStudy: Sendable {
    public var arms: [PrintedArm]
    /// Total analysed (the sum of arm sizes), when printed.
    public var totalN: Int?
    public var comparison: PrintedComparison?
    public var overall: PrintedOverall?
    public var effects: [NamedEffect]
    public var tables: [PrintedTable]
    public var tests: [PrintedTest]

    public init(arms: [PrintedArm], totalN: Int? = nil, comparison: PrintedComparison? = nil, overall: PrintedOverall? = nil,
                effects: [NamedEffect] = [], tables: [PrintedTable] = [], tests: [PrintedTest] = []) {
        self.arms = arms
        self.totalN = totalN
        self.comparison = comparison
        self.overall = overall
        self.effects = effects
        self.tables = tables
        self.tests = tests
    }
}
