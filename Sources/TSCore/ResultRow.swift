/// One recomputed quantity: the plain table row every computing module returns and every
/// report and CLI format prints (the metafor idea: compute effect sizes into a plain table first).
public struct ResultRow: Sendable, Equatable {
    /// What was computed, e.g. `difference_in_means`, `arm_mean`, `risk_ratio`.
    public var quantity: String
    public var estimate: Double
    public var se: Double?
    public var ciLower: Double?
    public var ciUpper: Double?
    public var statistic: Double?
    public var df: Double?
    public var pValue: Double?
    /// Human-readable method with its source, e.g. "Welch t (Satterthwaite df)".
    public var method: String
    /// Extra named columns (e.g. `arm`, `level`), printed after the standard ones in key order.
    public var extra: [String: String]

    public init(
        quantity: String, estimate: Double, se: Double? = nil,
        ciLower: Double? = nil, ciUpper: Double? = nil, statistic: Double? = nil,
        df: Double? = nil, pValue: Double? = nil, method: String, extra: [String: String] = [:]
    ) {
        self.quantity = quantity
        self.estimate = estimate
        self.se = se
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.statistic = statistic
        self.df = df
        self.pValue = pValue
        self.method = method
        self.extra = extra
    }
}
