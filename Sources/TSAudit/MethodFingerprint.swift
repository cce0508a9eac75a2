import Foundation
import TSCore

/// Which methods reproduce every printed digit: for an arm, one-sample t or z, two- or one-sided p, SE printed
/// as SD; for a comparison, Student, Welch or z, two- or one-sided, and the sign convention (first − second or
/// second − first). A method "reproduces" when some unrounded inputs inside the printed rounding box give every
/// printed output (exact region for arms, `DifferenceRegion` for comparisons). Nothing is bent to fit: a method
/// either reproduces all printed digits or it is not listed.
public enum MethodFingerprint {
    public struct ArmResult: Sendable {
        public var method: ArmMethod
        /// Unrounded means and SDs that reproduce every printed number under this method.
        public var meanRange: ValueInterval
        public var sdRange: ValueInterval
        /// True when the printed mean and SD themselves (not just some unrounded values) reproduce everything.
        public var atPrintedValues: Bool
        var region: ArmRegion
    }

    /// Reproducing arm methods at size n, standard method first.
    public static func arm(_ arm: PrintedArm, n: Int) -> [ArmResult] {
        ArmMethod.all.compactMap { m in
            let region = ArmRegion(arm: arm, n: n, method: m)
            guard !region.isEmpty, let mr = region.meanRange, let sr = region.sdRange else { return nil }
            var exact = arm
            if let x = arm.mean { exact.mean = PrintedInterval(exact: x.value) }
            if let x = arm.sd { exact.sd = PrintedInterval(exact: x.value) }
            if let x = arm.se { exact.se = PrintedInterval(exact: x.value) }
            return ArmResult(method: m, meanRange: mr, sdRange: sr, atPrintedValues: !ArmRegion(arm: exact, n: n, method: m).isEmpty,
                             region: region)
        }
    }

    /// The region an arm contributes to a joint comparison search: its first reproducing method, or (if none
    /// reproduces its own CI and p) just the box of its printed mean and SD.
    static func jointRegion(_ arm: PrintedArm, n: Int) -> (region: ArmRegion, note: String) {
        if let r = MethodFingerprint.arm(arm, n: n).first { return (r.region, "") }
        return (ArmRegion(arm: arm, n: n, method: .standard, use: .init(ci: false, p: false)),
                "\(arm.label): own CI/p not reproduced, only its mean and SD used")
    }

    public struct DifferenceResult: Sendable {
        public var method: DifferenceMethod
        var region: DifferenceRegion
        /// Unrounded differences (in the method's orientation) that reproduce the printed CI and p.
        public var d: ValueInterval? { region.d }
        /// … that also reproduce the printed estimate.
        public var dWithEstimate: ValueInterval? { region.dWithEstimate }
    }

    /// Every difference method with its reproducing set, at sizes (n1, n2).
    public static func difference(_ a: PrintedArm, _ b: PrintedArm, n1: Int, n2: Int,
                                  comparison: PrintedComparison) -> [DifferenceResult] {
        let r1 = jointRegion(a, n: n1).region, r2 = jointRegion(b, n: n2).region
        return DifferenceMethod.all.map { m in
            guard mayReproduce(a, b, n1: n1, n2: n2, comparison: comparison, method: m) else {
                return DifferenceResult(method: m, region: DifferenceRegion())
            }
            return DifferenceResult(method: m, region: DifferenceRegion(r1, r2, comparison: comparison, method: m))
        }
    }

    /// A necessary condition for a joint fit under `m`: the printed CI bounds and p each meet the enclosure of
    /// what the method can give over the box of the arms' printed means and spreads (`TwoArmBox`), which holds
    /// every joint region. When it fails the joint search cannot succeed and is skipped.
    static func mayReproduce(_ a: PrintedArm, _ b: PrintedArm, n1: Int, n2: Int, comparison c: PrintedComparison,
                             method m: DifferenceMethod) -> Bool {
        guard let box = TwoArmBox(a, b, n1: n1, n2: n2, test: m.test, level: c.level, sign: m.sign, reading: .halfUp) else { return true }
        if let l = c.ciLower, !box.boundRange(side: -1).meets(l.rounded) { return false }
        if let u = c.ciUpper, !box.boundRange(side: 1).meets(u.rounded) { return false }
        if let p = c.p, !box.pRange(sided: m.sided).meets(p.interval(.halfUp).closed.hull(p.rounded)) { return false }
        return true
    }

    static func summary(_ arm: PrintedArm) -> String {
        var parts: [String] = []
        if let m = arm.mean { parts.append("mean \(m.text)") }
        if let s = arm.sd { parts.append("SD \(s.text)") } else if let s = arm.se { parts.append("SE \(s.text)") }
        if let l = arm.ciLower, let u = arm.ciUpper { parts.append("CI \(l.text) to \(u.text)") }
        if let p = arm.p { parts.append(labelled(p)) }
        return parts.joined(separator: ", ")
    }

    /// The verdict of a joint row when no single method reproduces every printed number: inconsistent only
    /// when some printed number is itself inconsistent under every method (the joint miss is at least the
    /// largest such miss); otherwise each number is reproduced by some method and the joint search alone
    /// decides nothing.
    static func jointFailure(_ findings: [AuditRow], searched: String) -> Verdict {
        let misses = findings.filter { $0.scope == .result }.compactMap(\.verdict.miss).filter { !$0.isNaN }
        if let m = misses.max() { return .inconsistent(miss: m) }
        return .unchecked(missing: "one method reproducing every printed number jointly (\(searched)); each printed number is reproduced on its own")
    }

    /// The `joint` row of an arm: which methods reproduce all its printed numbers at once, with the unrounded values.
    public static func armRow(_ arm: PrintedArm, ns: [Int], findings: [AuditRow]) -> AuditRow? {
        guard arm.mean != nil, arm.hasCI || arm.p != nil, arm.sd != nil || arm.se != nil else { return nil }
        guard !ns.isEmpty else { return .unchecked("joint", arm: arm.label, reported: summary(arm), missing: "n") }
        var byMethod: [ArmMethod: (mean: ValueInterval, sd: ValueInterval, exact: Bool, ns: [Int])] = [:]
        for n in ns {
            for r in MethodFingerprint.arm(arm, n: n) {
                if let old = byMethod[r.method] {
                    byMethod[r.method] = (old.mean.hull(r.meanRange), old.sd.hull(r.sdRange), old.exact || r.atPrintedValues, old.ns + [n])
                } else {
                    byMethod[r.method] = (r.meanRange, r.sdRange, r.atPrintedValues, [n])
                }
            }
        }
        let ordered = ArmMethod.all.filter { byMethod[$0] != nil }
        guard let first = ordered.first, let best = byMethod[first] else {
            return AuditRow(check: "joint", arm: arm.label, reported: summary(arm),
                            verdict: jointFailure(findings, searched: "exact regions"),
                            method: "none of: t or z, two- or one-sided, SE printed as SD",
                            detail: "no single method reproduces every printed number of this arm", scope: .result)
        }
        var detail = "unrounded mean \(fmt(best.mean.lower)) to \(fmt(best.mean.upper)), SD \(fmt(best.sd.lower)) to \(fmt(best.sd.upper))"
        if ns.count > 1 { detail += ", n \(HiddenArmSizes.describe(best.ns))" }
        detail += " reproduce every printed digit"
        if ordered.count > 1 { detail += "; also: " + ordered.dropFirst().map(\.description).joined(separator: "; ") }
        if first != .standard { detail += "; not with the standard one-sample t, two-sided" }
        // Consistent only when every checked number of the arm is (unchecked ones do not count against it).
        let allConsistent = findings.filter { $0.scope == .result }.allSatisfy { r in
            if case .unchecked = r.verdict { return true }
            return r.verdict == .consistent
        }
        return AuditRow(check: "joint", arm: arm.label, reported: summary(arm), recomputed: best.mean,
                        verdict: best.exact && allConsistent ? .consistent : .rounding, method: first.description, detail: detail,
                        scope: .result)
    }

    /// The `joint` row of a comparison: which difference methods reproduce the printed CI and p together with
    /// both arms, the difference they imply, and whether that difference prints as the printed estimate.
    public static func differenceRow(_ a: PrintedArm, _ b: PrintedArm, pairs: [(Int, Int)], comparison: PrintedComparison,
                                     findings: [AuditRow]) -> AuditRow? {
        guard comparison.hasCI || comparison.p != nil, a.mean != nil, b.mean != nil else { return nil }
        var reported: [String] = []
        if let e = comparison.estimate { reported.append(e.text) }
        if let l = comparison.ciLower, let u = comparison.ciUpper { reported.append("(\(l.text) to \(u.text))") }
        if let p = comparison.p { reported.append(labelled(p)) }
        let rep = reported.joined(separator: " ")
        guard TwoArmBox.hasSpread(a) && TwoArmBox.hasSpread(b) else {
            return .unchecked("joint", arm: "difference", reported: rep, missing: "arm SDs, SEs or CIs")
        }
        guard !pairs.isEmpty else { return .unchecked("joint", arm: "difference", reported: rep, missing: "arm sizes") }
        var dRange: [DifferenceMethod: ValueInterval] = [:], eRange: [DifferenceMethod: ValueInterval] = [:]
        var notes = Set<String>()
        for (n1, n2) in pairs {
            for x in [jointRegion(a, n: n1).note, jointRegion(b, n: n2).note] where !x.isEmpty { notes.insert(x) }
            for r in difference(a, b, n1: n1, n2: n2, comparison: comparison) {
                if let d = r.d { dRange[r.method] = dRange[r.method].map { $0.hull(d) } ?? d }
                if let e = r.dWithEstimate { eRange[r.method] = eRange[r.method].map { $0.hull(e) } ?? e }
            }
        }
        func orient(_ m: DifferenceMethod) -> String { m.sign > 0 ? "\(a.label) − \(b.label)" : "\(b.label) − \(a.label)" }
        func printedAs(_ d: ValueInterval) -> String {
            guard let e = comparison.estimate else { return "" }
            let s = Set([d.lower, d.upper, d.midpoint].map { fmtFixed($0, e.decimals) })
            return " (prints as \(s.sorted().joined(separator: " or ")))"
        }
        let all = DifferenceMethod.all
        let full = all.filter { comparison.estimate == nil ? dRange[$0] != nil : eRange[$0] != nil }
        let ciOnly = all.filter { dRange[$0] != nil }
        var detail = notes.sorted().joined(separator: "; ")
        func add(_ s: String) { detail += (detail.isEmpty ? "" : "; ") + s }
        let searched = "Student, Welch, z; two- or one-sided; either sign; searched over the arms' SE box"
        if let m = full.first {
            let d = comparison.estimate == nil ? dRange[m]! : eRange[m]!
            add("every printed digit reproduced by \(orient(m)) = \(fmt(d.lower)) to \(fmt(d.upper))")
            if full.count > 1 { add("also: " + full.dropFirst().map { "\($0) as \(orient($0))" }.joined(separator: "; ")) }
            let allConsistent = findings.filter { $0.scope == .result }.allSatisfy { $0.verdict == .consistent }
            return AuditRow(check: "joint", arm: "difference", reported: rep, recomputed: d,
                            verdict: allConsistent ? .consistent : .rounding, method: "\(m), \(orient(m))", detail: detail,
                            scope: .result)
        }
        if let m = ciOnly.first {
            let d = dRange[m]!
            add("the CI and p are reproduced by \(orient(m)) = \(fmt(d.lower)) to \(fmt(d.upper))\(printedAs(d)), not by the printed estimate \(comparison.estimate?.text ?? "")")
            if ciOnly.count > 1 { add("also: " + ciOnly.dropFirst().map { "\($0) as \(orient($0)) = \(fmt(dRange[$0]!.lower)) to \(fmt(dRange[$0]!.upper))" }.joined(separator: "; ")) }
            if m.sign < 0 {
                let inFirstMinusSecond = ValueInterval(-d.upper, -d.lower)
                add("with the sign as printed (\(a.label) − \(b.label)) that difference is \(fmt(inFirstMinusSecond.lower)) to \(fmt(inFirstMinusSecond.upper))")
            }
            return AuditRow(check: "joint", arm: "difference", reported: rep, recomputed: d,
                            verdict: jointFailure(findings, searched: searched), method: "\(m), \(orient(m))", detail: detail,
                            scope: .result)
        }
        add("no method (\(searched)) reproduces the printed CI and p together with both arms")
        return AuditRow(check: "joint", arm: "difference", reported: rep, verdict: jointFailure(findings, searched: searched),
                        method: "none", detail: detail, scope: .result)
    }
}

/// A printed p with its label: "p 0.006", or the text itself when it carries one ("p = 0.006", "P<0.001").
func labelled(_ p: PrintedInterval) -> String {
    p.text.lowercased().hasPrefix("p") ? p.text : "p \(p.text)"
}

/// x with `decimals` decimals (half away from zero), Unicode minus.
func fmtFixed(_ x: Double, _ decimals: Int) -> String {
    let d = max(decimals, 0)
    var s = String(format: "%.\(d)f", x)
    if s.hasPrefix("-"), Double(s) == 0 { s.removeFirst() }
    if s.hasPrefix("-") { s = "−" + s.dropFirst() }
    return s
}
