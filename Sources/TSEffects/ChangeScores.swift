import TSCore

/// Change-from-baseline SDs (Cochrane Handbook 6.5, section 6.5.2.8, "Imputing standard deviations
/// for changes from baseline").
public enum ChangeScores {
    /// SD_change = √(SD_b² + SD_f² − 2 r SD_b SD_f).
    public static func changeSD(baselineSD: Double, finalSD: Double, correlation r: Double) throws(InputError) -> Double {
        guard baselineSD > 0, finalSD > 0 else { throw InputError(.parameter("sd"), "baseline and final SDs must be > 0") }
        guard r >= -1, r <= 1 else { throw InputError(.parameter("correlation"), "must be within [−1, 1], got \(r)") }
        return (baselineSD * baselineSD + finalSD * finalSD - 2 * r * baselineSD * finalSD).squareRoot()
    }

    /// The correlation implied by three SDs: r = (SD_b² + SD_f² − SD_change²) / (2 SD_b SD_f).
    /// `outOfRange` is true when |r| > 1, i.e. the three SDs cannot belong to one set of data.
    public static func impliedCorrelation(baselineSD: Double, finalSD: Double, changeSD: Double)
        throws(InputError) -> (r: Double, outOfRange: Bool)
    {
        guard baselineSD > 0, finalSD > 0, changeSD > 0 else { throw InputError(.parameter("sd"), "all three SDs must be > 0") }
        let r = (baselineSD * baselineSD + finalSD * finalSD - changeSD * changeSD) / (2 * baselineSD * finalSD)
        return (r, abs(r) > 1)
    }
}
