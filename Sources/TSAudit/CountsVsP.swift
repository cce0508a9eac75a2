import TSCore
import TSDistributions
import TSTables

/// A test a paper may have run on a table of counts.
///
/// Sources: Pearson X² (Pearson 1900) and Yates' continuity correction (Yates 1934, JRSS Suppl 1:217; as R
/// `chisq.test`: |O − E| reduced by min(½, |O − E|)); the 'N − 1' χ² = X²(N − 1)/N (E. Pearson 1947,
/// Biometrika 34:139; recommended by Campbell 2007, Stat Med 26:3661; for a 2 × 2 it equals the
/// linear-by-linear M²); likelihood-ratio G² = 2ΣO log(O/E) (Agresti 2002 §3.2.1); Fisher's exact test
/// (Fisher 1935; Irwin 1935): two-sided as the sum of the probabilities of all tables no more probable than
/// the observed one (R `fisher.test`, relative tolerance 1e-7, SPSS "Exact Sig. (2-sided)"), central as twice
/// the smaller tail (Agresti 2002 §3.5.3), one-sided as the smaller tail (SPSS "Exact Sig. (1-sided)");
/// Lancaster's mid-p (Lancaster 1961, JASA 56:223); Fisher–Freeman–Halton (Freeman & Halton 1951,
/// Biometrika 38:141); linear-by-linear M² = (N − 1)r² (Agresti 2002 §3.4.1) and the Cochran–Armitage trend
/// test (Cochran 1954; Armitage 1955) with scores 1…k for ordered categories; the one-sided χ² is the normal
/// tail of z = ±√X² in the observed direction, half the two-sided Pearson p.
public enum CountsMethod: String, Sendable, CaseIterable {
    case pearson, yates, nMinusOne, likelihoodRatio
    case fisherMinlike, fisherCentral, fisherMidP, fisherOneSided, fisherMidPOneSided, pearsonOneSided
    case freemanHalton, linearByLinear, cochranArmitage, exactLinearByLinear

    /// The method as named in an audit row (`df` for the χ² methods).
    public func name(df: Int) -> String {
        switch self {
        case .pearson: return "Pearson χ² (no continuity correction), df \(df)"
        case .yates: return "Yates-corrected χ², df 1"
        case .nMinusOne: return "'N − 1' χ² (E. Pearson; = linear-by-linear for 2 × 2), df 1"
        case .likelihoodRatio: return "likelihood-ratio G, df \(df)"
        case .fisherMinlike: return "Fisher exact, two-sided (sum of tables no more probable, R fisher.test)"
        case .fisherCentral: return "Fisher exact, central (2 × smaller one-sided)"
        case .fisherMidP: return "Fisher mid-p, two-sided (2 × smaller one-sided mid-p)"
        case .fisherOneSided: return "Fisher exact, one-sided (smaller tail)"
        case .fisherMidPOneSided: return "Fisher mid-p, one-sided (smaller tail)"
        case .pearsonOneSided: return "Pearson χ², one-sided (normal tail of z = √X² in the observed direction)"
        case .freemanHalton: return "Fisher–Freeman–Halton exact"
        case .linearByLinear: return "linear-by-linear association M² (scores 1…k), df 1"
        case .cochranArmitage: return "Cochran–Armitage trend χ² (scores 1…k), df 1"
        case .exactLinearByLinear: return "exact linear-by-linear (scores 1…k), two-sided"
        }
    }

    /// The methods tried by default for an r × c table. `sided`: nil when the paper does not say (two-sided
    /// methods and the one-sided Fisher test, which SPSS prints beside the two-sided one for every 2 × 2).
    public static func defaults(rows: Int, columns: Int, ordered: Bool, sided: Sidedness?) -> [CountsMethod] {
        if rows == 2 && columns == 2 {
            switch sided {
            case .oneSided?: return [.fisherOneSided, .fisherMidPOneSided, .pearsonOneSided]
            case .twoSided?: return [.pearson, .yates, .nMinusOne, .likelihoodRatio, .fisherMinlike, .fisherCentral, .fisherMidP]
            case nil: return [.pearson, .yates, .nMinusOne, .likelihoodRatio, .fisherMinlike, .fisherCentral, .fisherMidP, .fisherOneSided]
            }
        }
        // A one-sided p for a larger table: the one-sided 2 × 2 methods, each unchecked with the reason.
        if sided == .oneSided { return [.fisherOneSided, .pearsonOneSided] }
        var ms: [CountsMethod] = [.pearson, .likelihoodRatio, .freemanHalton]
        if ordered {
            ms.append(.linearByLinear)
            if rows == 2 || columns == 2 { ms += [.cochranArmitage, .exactLinearByLinear] }
        }
        return ms
    }
}

/// One method's p for a table of counts, or why it has none.
public struct CountsCandidate: Sendable, Equatable {
    public var kind: CountsMethod
    public var method: String
    /// The recomputed p; nil when the method could not run (`missing` says why).
    public var pValue: Double?
    public var missing: String?
    public var detail: String
}

/// A printed p against the table of counts it was computed from: which test did the paper use?
///
/// Counts are exact, so every method gives one p (no rounding box). A method reproduces the printed p when
/// its p prints as reported under half-up or half-even rounding (or satisfies a bound such as "<0.001").
/// The recomputed p carries a floating-point error of at most ~1e-12 relative (the χ² tails and the exact
/// sums; `FisherFreemanHalton` documents its own); the row's range is p·(1 ± 1e-9), and a printed value
/// whose rounding interval that range only touches (an exact tie such as p = 1/40 printed "0.03") counts as
/// consistent: there is no input rounding to blame, only the last bits of the arithmetic. Tables with a
/// zero row or column total, negative counts or fewer than two rows or columns give `unchecked` rows.
public enum CountsVsP {
    /// The `check` of every row.
    public static let checkName = "counts_p"
    /// Largest table total for which the exact 2 × 2 methods run (their memory grows with the support).
    public static let exactTotalLimit = 10_000_000
    /// Relative allowance for floating-point error in a recomputed p.
    public static let relativeError = 1e-9

    /// Every applicable method's p for `counts` (rows × columns). `methods` restricts the set (default:
    /// `CountsMethod.defaults`); `workLimit` bounds the Fisher–Freeman–Halton network.
    public static func candidates(_ counts: [[Int]], ordered: Bool = false, sided: Sidedness? = nil,
                                  methods: [CountsMethod]? = nil,
                                  workLimit: Int = FisherFreemanHalton.defaultWorkLimit) -> [CountsCandidate] {
        let r = counts.count, c = counts.first?.count ?? 0
        let wanted = methods ?? CountsMethod.defaults(rows: max(r, 2), columns: max(c, 2), ordered: ordered, sided: sided)
        let df = max(r - 1, 1) * max(c - 1, 1)
        func none(_ m: CountsMethod, _ why: String) -> CountsCandidate {
            CountsCandidate(kind: m, method: m.name(df: df), pValue: nil, missing: why, detail: "")
        }
        if let why = invalidity(counts) { return wanted.map { none($0, why) } }
        let table = try! ContingencyTable(counts)   // validated above
        let twoByTwo = r == 2 && c == 2
        var out: [CountsCandidate] = []
        var fisher: FisherExact2x2.Result? = nil, mid: FisherExact2x2.MidPResult? = nil
        func fisherResults() -> (FisherExact2x2.Result, FisherExact2x2.MidPResult) {
            if fisher == nil {
                let g = try! TwoGroupCounts(table)
                fisher = FisherExact2x2.test(g)
                mid = FisherExact2x2.midP(g)
            }
            return (fisher!, mid!)
        }
        for m in wanted {
            let name = m.name(df: df)
            func value(_ p: Double, _ detail: String = "") -> CountsCandidate {
                p.isFinite ? CountsCandidate(kind: m, method: name, pValue: min(1, max(0, p)), missing: nil, detail: detail)
                           : none(m, "a finite p (recomputation gave \(p))")
            }
            let needsTwoByTwo: Set<CountsMethod> = [.yates, .nMinusOne, .fisherMinlike, .fisherCentral, .fisherMidP,
                                                    .fisherOneSided, .fisherMidPOneSided, .pearsonOneSided]
            if needsTwoByTwo.contains(m) && !twoByTwo { out.append(none(m, "a 2 × 2 table (this one is \(r) × \(c))")); continue }
            // The exact 2 × 2 sums hold the whole hypergeometric support in memory (one double per value of the
            // first cell): beyond `exactTotalLimit` they are not attempted rather than exhaust memory.
            let exact: Set<CountsMethod> = [.fisherMinlike, .fisherCentral, .fisherMidP, .fisherOneSided, .fisherMidPOneSided,
                                            .exactLinearByLinear]
            if exact.contains(m), table.total > Self.exactTotalLimit {
                out.append(none(m, "a table total of at most \(Self.exactTotalLimit) for exact enumeration (this one is \(table.total))"))
                continue
            }
            switch m {
            case .pearson:
                let x = ChiSquareTests.pearson(table)
                out.append(value(x.pValue, "X² = \(fmt(x.statistic))"))
            case .yates:
                let x = ChiSquareTests.pearson(table, yates: true)
                out.append(value(x.pValue, "X² = \(fmt(x.statistic))"))
            case .nMinusOne:
                let n = Double(table.total)
                let x = ChiSquareTests.pearson(table).statistic * (n - 1) / n
                out.append(value(Tails.chiSquareSF(x, df: 1), "X² = \(fmt(x))"))
            case .likelihoodRatio:
                let g = ChiSquareTests.likelihoodRatio(table)
                out.append(value(g.pValue, "G² = \(fmt(g.statistic))"))
            case .pearsonOneSided:
                out.append(value(0.5 * ChiSquareTests.pearson(table).pValue))
            case .fisherMinlike: out.append(value(fisherResults().0.pMinlike))
            case .fisherCentral: out.append(value(fisherResults().0.pCentral))
            case .fisherOneSided:
                let f = fisherResults().0
                out.append(value(min(f.pLess, f.pGreater), f.pLess <= f.pGreater ? "tail P(X ≤ x)" : "tail P(X ≥ x)"))
            case .fisherMidP: out.append(value(fisherResults().1.twoSided))
            case .fisherMidPOneSided: out.append(value(min(fisherResults().1.less, fisherResults().1.greater)))
            case .freemanHalton:
                do {
                    let f = try FisherFreemanHalton.exactPValue(table, workLimit: workLimit)
                    if f.isComplete { out.append(value(f.pValue)) }
                    else {
                        out.append(none(m, "exact enumeration within the work limit (\(workLimit)); p lies in [\(fmt(f.pValue)), \(fmt(f.pValueUpperBound))]"))
                    }
                } catch {
                    out.append(none(m, "a table small enough for the exact network algorithm (\(error.message))"))
                }
            case .linearByLinear:
                let x = OrdinalTests.linearByLinear(table)
                out.append(value(x.pValue, "M² = \(fmt(x.chiSquare))"))
            case .cochranArmitage:
                do {
                    let x = try OrdinalTests.cochranArmitage(table)
                    out.append(value(x.pValue, "X² = \(fmt(x.chiSquare))"))
                } catch { out.append(none(m, "a 2 × k table")) }
            case .exactLinearByLinear:
                do { out.append(value(try OrdinalTests.exactLinearByLinear(table).pValue)) }
                catch { out.append(none(m, "a 2 × k table")) }
            }
        }
        return out
    }

    /// Method rows for the printed `p` against precomputed candidates (same check, arm and printed text).
    public static func judge(_ candidates: [CountsCandidate], p: PrintedInterval, label: String) -> [AuditRow] {
        candidates.map { cand in
            guard let x = cand.pValue else {
                var row = AuditRow.unchecked(checkName, arm: label, reported: p.text, missing: cand.missing ?? "a p value")
                row.method = cand.method
                return row
            }
            return row(p: x, method: cand.method, detail: cand.detail, reported: p, label: label)
        }
    }

    /// Method rows for a printed p against the table `counts` (rows × columns; see `candidates`).
    public static func check(_ counts: [[Int]], p: PrintedInterval, label: String = "table", ordered: Bool = false,
                             sided: Sidedness? = nil, methods: [CountsMethod]? = nil,
                             workLimit: Int = FisherFreemanHalton.defaultWorkLimit) -> [AuditRow] {
        judge(candidates(counts, ordered: ordered, sided: sided, methods: methods, workLimit: workLimit), p: p, label: label)
    }

    public static func check(_ table: ContingencyTable, p: PrintedInterval, label: String = "table", ordered: Bool = false,
                             sided: Sidedness? = nil, methods: [CountsMethod]? = nil,
                             workLimit: Int = FisherFreemanHalton.defaultWorkLimit) -> [AuditRow] {
        check(table.counts, p: p, label: label, ordered: ordered, sided: sided, methods: methods, workLimit: workLimit)
    }

    /// One method's row: an exact recomputed p `x` against the printed p.
    static func row(p x: Double, method: String, detail: String, reported: PrintedInterval, label: String) -> AuditRow {
        let e = relativeError * x + Double.leastNormalMagnitude
        let range = ValueInterval(max(0, x - e), min(1, x + e))
        var j = Judgement.judge(reported: reported, nominal: x) { _ in range }
        var d = detail
        if j.verdict == .rounding {
            j.verdict = .consistent
            d += (d.isEmpty ? "" : "; ") + "at the printed value's rounding boundary (within floating-point error)"
        }
        return AuditRow(check: checkName, arm: label, reported: reported, judgement: j, method: method, detail: d)
    }

    /// Why `counts` is not a table the tests can run on, or nil.
    static func invalidity(_ counts: [[Int]]) -> String? {
        guard counts.count >= 2, let c = counts.first?.count, c >= 2 else { return "a table with at least 2 rows and 2 columns" }
        guard counts.allSatisfy({ $0.count == c }) else { return "a rectangular table (rows of different lengths)" }
        guard counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { return "non-negative counts" }
        if let i = counts.firstIndex(where: { $0.reduce(0, +) == 0 }) {
            return "every row total positive (row \(i + 1) is all zero, so no test of association is defined)"
        }
        if let j = (0..<c).first(where: { j in counts.allSatisfy { $0[j] == 0 } }) {
            return "every column total positive (column \(j + 1) is all zero, so no test of association is defined)"
        }
        return nil
    }
}

extension Tails {
    /// Upper tail of χ² on `df`.
    static func chiSquareSF(_ x: Double, df: Double) -> Double { (try! ChiSquared(df: df)).sf(max(x, 0)) }
}
