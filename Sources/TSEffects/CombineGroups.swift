import TSCore

/// Combining two groups into one (Cochrane Handbook 6.5, section 6.5.2.10, Table 6.5.a).
public enum CombineGroups {
    /// N = N1 + N2; M = (N1 M1 + N2 M2)/N;
    /// SD = √( [(N1−1)SD1² + (N2−1)SD2² + N1 N2 (M1² + M2² − 2 M1 M2)/N] / (N − 1) ).
    public static func combine(n1: Int, mean1: Double, sd1: Double, n2: Int, mean2: Double, sd2: Double)
        throws(InputError) -> (n: Int, mean: Double, sd: Double)
    {
        guard n1 >= 1, n2 >= 1, n1 + n2 >= 2 else { throw InputError(.parameter("n"), "group sizes must be ≥ 1") }
        guard sd1 >= 0, sd2 >= 0 else { throw InputError(.parameter("sd"), "SDs must be ≥ 0") }
        let a = Double(n1), b = Double(n2), n = a + b
        let m = (a * mean1 + b * mean2) / n
        let d = mean1 - mean2
        let ss = (a - 1) * sd1 * sd1 + (b - 1) * sd2 * sd2 + a * b / n * d * d
        return (n1 + n2, m, (ss / (n - 1)).squareRoot())
    }

    /// Folds any number of groups, pairwise with `combine` (the Handbook's advice for more than two).
    public static func combine(_ groups: [(n: Int, mean: Double, sd: Double)]) throws(InputError) -> (n: Int, mean: Double, sd: Double) {
        guard var acc = groups.first else { throw InputError(.parameter("n"), "no groups given") }
        for g in groups.dropFirst() {
            acc = try combine(n1: acc.n, mean1: acc.mean, sd1: acc.sd, n2: g.n, mean2: g.mean, sd2: g.sd)
        }
        return acc
    }
}
