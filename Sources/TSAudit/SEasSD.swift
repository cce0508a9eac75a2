import TSCore

/// A printed SD against the SD implied by the CI width, and the tell-tale of an SE printed as an SD.
///
/// Implied SD = √n (U − L)/(2c), c the t critical value on n − 1 df (Cochrane Handbook 6.5, section 6.5.2.2;
/// `TSEffects.SDConversions.sdFromCI`). If the printed "SD" misses it but matches the implied SE (U − L)/(2c),
/// the paper printed an SE and called it an SD (or the CI was built from the SD as if it were an SE).
public enum SEasSD {
    public static func check(_ arm: PrintedArm, ns: [Int], nInferred: Bool = false) -> [AuditRow] {
        guard let l = arm.ciLower, let u = arm.ciUpper else { return [] }
        let printed = arm.sd ?? arm.se
        guard let printed else { return [] }
        let isSD = arm.sd != nil
        let name = isSD ? "sd_vs_ci" : "se_vs_ci"
        guard !ns.isEmpty else { return [.unchecked(name, arm: arm.label, reported: printed.text, missing: "n")] }
        func implied(_ n: Int, asSD: Bool, useT: Bool = true) -> Judgement {
            let c = Tails.critical(level: arm.level, df: useT ? Double(n - 1) : .infinity)
            let f = asSD ? Double(n).squareRoot() / (2 * c) : 1 / (2 * c)
            return Judgement.judge(reported: printed, nominal: f * (u.value - l.value)) { reading in
                let a = l.interval(reading).closed, b = u.interval(reading).closed
                return ValueInterval(f * max(0, b.lower - a.upper), f * (b.upper - a.lower))
            }
        }
        let detail = nInferred ? "n inferred: \(HiddenArmSizes.describe(ns))" : ""
        func row(asSD: Bool, useT: Bool = true) -> AuditRow {
            let q = useT ? "t(n − 1)" : "z"
            let method = asSD ? "√n (U − L)/(2 \(q)): SD implied by the CI" : "(U − L)/(2 \(q)): SE implied by the CI"
            let label = asSD == isSD ? method : method + (isSD ? " (an SE printed as SD)" : " (an SD printed as SE)")
            return AuditRow(check: name, arm: arm.label, reported: printed,
                            judgement: Judgement.best(ns.map { implied($0, asSD: asSD, useT: useT) })!, method: label, detail: detail)
        }
        // A z interval (the CI built with 1.96) is the other usual reading of the width.
        return Alternatives.rows(base: [row(asSD: isSD)]) { [row(asSD: isSD, useT: false), row(asSD: !isSD), row(asSD: !isSD, useT: false)] }
    }
}
