import TrialStatsKit

/// t, chi-square and F quantiles and upper tails at the `Grid` arguments (a distribution value is built per
/// call, since df varies from call to call as it does across printed results).
enum DistributionCases {
    typealias Case = (name: String, eval: @Sendable (Int) -> Double)

    static let cases: [Case] = [
        ("dist_t_quantile", { i in try! StudentT(df: Grid.df(i)).quantile(Grid.p(i)) }),
        ("dist_t_sf", { i in try! StudentT(df: Grid.df(i)).sf(Grid.x(i)) }),
        ("dist_chisq_quantile", { i in try! ChiSquared(df: Grid.df(i)).quantile(Grid.p(i)) }),
        ("dist_chisq_sf", { i in try! ChiSquared(df: Grid.df(i)).sf(Grid.x(i)) }),
        ("dist_f_quantile", { i in try! FDistribution(df1: Grid.df1(i), df2: Grid.df(i)).quantile(Grid.p(i)) }),
        ("dist_f_sf", { i in try! FDistribution(df1: Grid.df1(i), df2: Grid.df(i)).sf(Grid.x(i)) }),
    ]

    static func run(reps: Int, out: String?) {
        for c in cases {
            var values = [Double](repeating: 0, count: Grid.count)
            let times = Timing.run(reps: reps) {
                var s = 0.0
                for i in 0..<Grid.count { let v = c.eval(i); values[i] = v; s += v }
                return s
            }
            report(c.name, times, items: Grid.count)
            if let out { writeVector(values, to: "\(out)/\(c.name).trialstats.f64") }
        }
    }
}
