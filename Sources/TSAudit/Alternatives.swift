/// Which method rows to list for a printed quantity: the usual methods always, the alternative readings
/// (z for t, a reversed sign, an SE printed as SD, a one-sided p) only when no usual method reproduces the
/// number. The verdict is the same either way (a result is reproduced when any plausible method reproduces
/// it); listing alternatives only when they matter keeps the output readable.
enum Alternatives {
    static func rows(base: [AuditRow], alternatives: () -> [AuditRow]) -> [AuditRow] {
        if base.contains(where: { $0.verdict.reproduces }) { return base }
        let alt = alternatives().map { r -> AuditRow in var r = r; r.alternativeReading = true; return r }
        // When nothing at all could be tried, the base rows already say what is missing.
        return base + alt.filter { if case .unchecked = $0.verdict { return false } else { return true } }
    }
}

extension Alternatives {
    /// Rows computed all at once, per printed quantity: the alternative readings are kept only where no usual
    /// method reproduces.
    static func prune(_ rows: [AuditRow]) -> [AuditRow] {
        Finding.byQuantity(rows).flatMap { g -> [AuditRow] in
            let base = g.filter { !$0.alternativeReading }
            return base.isEmpty ? g : Alternatives.rows(base: base, alternatives: { g.filter(\.alternativeReading) })
        }
    }
}
