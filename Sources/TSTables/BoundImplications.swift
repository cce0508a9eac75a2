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

    /// Output rows: `min_chi_square`, `min_cramers_v`, and for two groups the 2×2-collapse minima.
    public var resultRows: [ResultRow] {
        let g = groupSizes.count
        let tag = "P<\(NumberFormat.readable(pBound, digits: 6)), groups \(groupSizes.map(String.init).joined(separator: "/"))"
        let extra = ["bound": tag, "p_below": NumberFormat.full(pBound)]
        var out = [
            ResultRow(quantity: "min_chi_square", estimate: minimumChiSquare, df: df,
                      method: "smallest Pearson (or G) chi-square with p below the bound, \(g)x\(categories) table", extra: extra),
            ResultRow(quantity: "min_cramers_v", estimate: minimumCramersV, df: df,
                      method: "smallest Cramer's V consistent with the bound, \(g)x\(categories) table", extra: extra),
        ]
        if let c = collapse {
            out.append(ResultRow(quantity: "min_chi_square_2x2_collapse", estimate: c.minimumChiSquare, df: 1,
                                 method: "smallest Pearson chi-square for any 2x2 collapse of the outcome", extra: extra))
            out.append(ResultRow(quantity: "min_phi_2x2_collapse", estimate: c.minimumPhi, df: 1,
                                 method: "smallest |phi| for any 2x2 collapse", extra: extra))
            out.append(ResultRow(quantity: "min_risk_difference_2x2_collapse", estimate: c.minimumRiskDifferenceAtHalf, df: 1,
                                 method: "smallest |p1-p2| for a 2x2 collapse if the pooled proportion is 0.5 (the largest such minimum)",
                                 extra: extra.merging(["pooled_proportion": "0.5"]) { $1 }))
            out.append(ResultRow(quantity: "min_risk_difference_2x2_collapse", estimate: c.smallestRiskDifference, df: 1,
                                 method: "smallest |p1-p2| over every integer 2x2 collapse with these group sizes (rare-event extreme)",
                                 extra: extra.merging(["pooled_proportion": NumberFormat.full(c.smallestRiskDifferencePooled)]) { $1 }))
        }
        return out
    }
}
