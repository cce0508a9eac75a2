import RealModule
import TSCore
import TSDistributions

/// What a printed p-value bound ("P < 0.0001") implies when only the group sizes are printed.
/// Nothing here invents counts: every quantity is a bound that holds for every table with the
/// printed group sizes whose test gives P below the bound.
///
/// - Pearson X² (or G², same reference distribution) on a g×k table: P < b ⇔ X² > χ²_{df}(1−b),
///   df = (g−1)(k−1); Cramér's V = √(X²/(N(min(g,k)−1))) then exceeds √(χ²_{df}(1−b)/(N(min(g,k)−1))).
/// - 2×2 collapse (any split of the outcome into "event"/"no event"): X² = d²/(p̄(1−p̄)(1/n1 + 1/n2))
///   exactly (d = p1 − p2, p̄ pooled), so P < b needs |d| > √(χ²_1(1−b) p̄(1−p̄)(1/n1+1/n2)); this is
///   largest at p̄ = ½, and its smallest value over all integer tables with those group sizes is found
///   by scanning every pooled total m = 1…N−1.
public enum BoundImplications {
    public static func minimumChiSquare(pBound: Double, df: Double) -> Double {
        (try! ChiSquared(df: df)).inverseSF(pBound)
    }

    /// Smallest |p1 − p2| with Pearson X² ≥ χ²_1(1 − b) at pooled proportion p̄ (continuous).
    public static func minimumRiskDifference(pBound: Double, n1: Int, n2: Int, pooled: Double) -> Double {
        let c = minimumChiSquare(pBound: pBound, df: 1)
        return (c * pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
    }

    /// Smallest |x1/n1 − x2/n2| over all integer 2×2 tables with group sizes n1, n2 whose Pearson
    /// X² p-value is below `pBound` (strict). Returns the difference and the pooled proportion.
    public static func smallestAchievableRiskDifference(pBound: Double, n1: Int, n2: Int) -> (difference: Double, pooled: Double) {
        let crit = minimumChiSquare(pBound: pBound, df: 1)
        let n = n1 + n2
        var best = Double.infinity, bestPooled = Double.nan
        let f1 = Double(n1), f2 = Double(n2), fn = Double(n)
        for m in 1..<n {
            let pb = Double(m) / fn
            let v = pb * (1 - pb) * (1 / f1 + 1 / f2)
            let lo = max(0, m - n2), hi = min(m, n1)
            // |d| increases as x1 moves away from m n1/N; scan outward from there.
            let centre = Double(m) * f1 / fn
            var x = Int(centre.rounded(.up))
            while x <= hi {
                let d = Double(x) / f1 - Double(m - x) / f2
                if d * d / v > crit { if abs(d) < best { best = abs(d); bestPooled = pb }; break }
                x += 1
            }
            x = Int(centre.rounded(.down))
            while x >= lo {
                let d = Double(x) / f1 - Double(m - x) / f2
                if d * d / v > crit { if abs(d) < best { best = abs(d); bestPooled = pb }; break }
                x -= 1
            }
        }
        return (best, bestPooled)
    }

    /// What a reported `P < pBound` implies for a table with these group sizes and `categories` outcome categories.
    public static func implication(groupSizes: [Int], categories: Int, pBound: Double) throws(InputError) -> BoundImplication {
        guard groupSizes.count >= 2 else { throw InputError(.parameter("groupSizes"), "need at least two group sizes") }
        guard groupSizes.allSatisfy({ $0 > 0 }) else { throw InputError(.parameter("groupSizes"), "group sizes must be positive") }
        guard categories >= 2 else { throw InputError(.parameter("categories"), "need at least two outcome categories") }
        guard pBound > 0 && pBound < 1 else { throw InputError(.parameter("pBound"), "the p-value bound must lie in (0, 1)") }
        let n = groupSizes.reduce(0, +)
        let g = groupSizes.count
        let df = Double((g - 1) * (categories - 1))
        let chi = minimumChiSquare(pBound: pBound, df: df)
        let v = (chi / (Double(n) * Double(min(g, categories) - 1))).squareRoot()
        var collapse: BoundImplication.Collapse? = nil
        if g == 2 {
            let (n1, n2) = (groupSizes[0], groupSizes[1])
            let chi1 = minimumChiSquare(pBound: pBound, df: 1)
            let a = smallestAchievableRiskDifference(pBound: pBound, n1: n1, n2: n2)
            collapse = BoundImplication.Collapse(
                minimumChiSquare: chi1, minimumPhi: (chi1 / Double(n)).squareRoot(),
                minimumRiskDifferenceAtHalf: minimumRiskDifference(pBound: pBound, n1: n1, n2: n2, pooled: 0.5),
                smallestRiskDifference: a.difference, smallestRiskDifferencePooled: a.pooled)
        }
        return BoundImplication(groupSizes: groupSizes, categories: categories, pBound: pBound, df: df,
                                minimumChiSquare: chi, minimumCramersV: v, collapse: collapse)
    }

    /// The implication as output rows (see `BoundImplication.resultRows`).
    public static func rows(groupSizes: [Int], categories: Int, pBound: Double) throws(InputError) -> [ResultRow] {
        try implication(groupSizes: groupSizes, categories: categories, pBound: pBound).resultRows
    }
}

/// The smallest association every table with the printed group sizes must show to give `P < pBound`
/// (see `BoundImplications` for the formulas). Every value is a lower bound; no counts are assumed.
public struct BoundImplication: Sendable, Equatable {
    public let groupSizes: [Int]
    public let categories: Int
    public let pBound: Double
    /// (groups − 1)(categories − 1).
    public let df: Double
    /// Smallest Pearson (or G) χ² with p below the bound.
    public let minimumChiSquare: Double
    /// Smallest Cramér's V consistent with the bound.
    public let minimumCramersV: Double
    /// For two groups: what any 2×2 collapse of the outcome must show.
    public let collapse: Collapse?

    public struct Collapse: Sendable, Equatable {
        public let minimumChiSquare: Double
        public let minimumPhi: Double
        /// Smallest |p1 − p2| when the pooled proportion is ½ (the largest such minimum).
        public let minimumRiskDifferenceAtHalf: Double
        /// Smallest |p1 − p2| over every integer 2×2 collapse (the rare-event extreme), and its pooled proportion.
        public let smallestRiskDifference: Double
        public let smallestRiskDifferencePooled: Double
    }

    /// One implied minimum: what it bounds, its value and df, how it follows, and the pooled proportion it
    /// assumes (2×2 collapses of the risk difference only).
    public struct Minimum: Sendable, Equatable {
        /// Machine name; the two risk-difference minima share `min_risk_difference_2x2_collapse`.
        public let quantity: String
        public let value: Double
        public let df: Double
        public let method: String
        public let pooledProportion: Double?
        /// True for the minimum over every integer table (the rare-event extreme) rather than at p̄ = ½.
        public let overIntegerTables: Bool

        /// The pooled proportion as printed: "0.5" for the p̄ = ½ case, 17 significant digits otherwise.
        public var pooledProportionText: String? {
            pooledProportion.map { overIntegerTables ? NumberFormat.full($0) : NumberFormat.readable($0, digits: 6) }
        }
    }

    /// Every minimum in output order: χ², Cramér's V, then for two groups the 2×2-collapse χ², |φ| and the two
    /// risk-difference minima.
    public var minima: [Minimum] {
        let g = groupSizes.count
        func m(_ q: String, _ v: Double, _ df: Double, _ method: String, pooled: Double? = nil, integer: Bool = false) -> Minimum {
            Minimum(quantity: q, value: v, df: df, method: method, pooledProportion: pooled, overIntegerTables: integer)
        }
        var out = [
            m("min_chi_square", minimumChiSquare, df, "smallest Pearson (or G) chi-square with p below the bound, \(g)x\(categories) table"),
            m("min_cramers_v", minimumCramersV, df, "smallest Cramer's V consistent with the bound, \(g)x\(categories) table"),
        ]
        if let c = collapse {
            out.append(m("min_chi_square_2x2_collapse", c.minimumChiSquare, 1, "smallest Pearson chi-square for any 2x2 collapse of the outcome"))
            out.append(m("min_phi_2x2_collapse", c.minimumPhi, 1, "smallest |phi| for any 2x2 collapse"))
            out.append(m("min_risk_difference_2x2_collapse", c.minimumRiskDifferenceAtHalf, 1,
                         "smallest |p1-p2| for a 2x2 collapse if the pooled proportion is 0.5 (the largest such minimum)", pooled: 0.5))
            out.append(m("min_risk_difference_2x2_collapse", c.smallestRiskDifference, 1,
                         "smallest |p1-p2| over every integer 2x2 collapse with these group sizes (rare-event extreme)",
                         pooled: c.smallestRiskDifferencePooled, integer: true))
        }
        return out
    }

    /// Output rows, one per minimum, with the bound and (for risk differences) the pooled proportion.
    public var resultRows: [ResultRow] {
        let tag = "P<\(NumberFormat.readable(pBound, digits: 6)), groups \(groupSizes.map(String.init).joined(separator: "/"))"
        return minima.map { m in
            var extra = ["bound": tag, "p_below": NumberFormat.full(pBound)]
            if let p = m.pooledProportionText { extra["pooled_proportion"] = p }
            return ResultRow(quantity: m.quantity, estimate: m.value, df: m.df, method: m.method, extra: extra)
        }
    }
}
